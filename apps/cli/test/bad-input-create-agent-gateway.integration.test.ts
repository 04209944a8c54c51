/** Bad input to `create`, `add agent` and `add gateway` (cases run by bad-input-harness.ts). */
import { type Case, appIsAFile, describeBadInput, jwt, writeFailed } from './bad-input-harness.js';

const CASES: Case[] = [
  // create
  { name: 'create: bad name', args: ['create', '--name', '1bad'], code: 'ERR_INVALID_INPUT' },
  { name: 'create: reserved name', args: ['create', '--name', 'test'], code: 'ERR_INVALID_INPUT' },
  { name: 'create: project exists', args: ['create', '--name', 'Demo', '--dir', '..'], code: 'ERR_PROJECT_EXISTS' },
  { name: 'create: missing --name', args: ['create'], code: 'ERR_USAGE', exitCode: 2 },
  // add agent
  {
    name: 'add agent: bad name',
    args: ['add', 'agent', '--name', 'bad-name', '--template', 'node'],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add agent: duplicate',
    args: ['add', 'agent', '--name', 'Echo', '--template', 'node'],
    code: 'ERR_DUPLICATE',
  },
  {
    name: 'add agent: missing --name',
    args: ['add', 'agent', '--template', 'node'],
    code: 'ERR_MISSING_FLAGS',
    exitCode: 2,
  },
  {
    name: 'add agent: unknown auth type',
    args: ['add', 'agent', '--name', 'Other', '--template', 'node', '--authorizer-type', 'bogus'],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add agent: client id without its secret (missing credential)',
    args: [
      'add',
      'agent',
      '--name',
      'Other',
      '--template',
      'node',
      ...jwt,
      '--allowed-clients',
      'c',
      '--client-id',
      'c',
    ],
    code: 'ERR_INVALID_INPUT',
    action: '--client-secret',
  },
  {
    name: 'add agent: write failure (lock folder)',
    args: ['add', 'agent', '--name', 'Other', '--template', 'node'],
    ...writeFailed,
  },
  {
    name: 'add agent: write failure (app/ is a file)',
    args: ['add', 'agent', '--name', 'Other', '--template', 'node'],
    code: 'ERR_WRITE_FAILED',
    action: 'folder you can write to',
    prepare: appIsAFile,
  },
  {
    name: 'add agent: write failure, code in a new folder outside the project',
    args: ['add', 'agent', '--name', 'Other', '--code-location', '../canary/new/Other'],
    ...writeFailed,
  },
  // add gateway
  {
    name: 'add gateway: client id without its secret (missing credential)',
    args: ['add', 'gateway', '--name', 'gw2', ...jwt, '--allowed-clients', 'c', '--client-id', 'c'],
    code: 'ERR_INVALID_INPUT',
    action: '--client-secret',
  },
  { name: 'add gateway: write failure', args: ['add', 'gateway', '--name', 'gw2'], ...writeFailed },
  { name: 'add gateway: bad name', args: ['add', 'gateway', '--name', '-gw'], code: 'ERR_INVALID_INPUT' },
  { name: 'add gateway: duplicate', args: ['add', 'gateway', '--name', 'gw'], code: 'ERR_DUPLICATE' },
  { name: 'add gateway: missing --name', args: ['add', 'gateway'], code: 'ERR_MISSING_FLAGS', exitCode: 2 },
  {
    name: 'add gateway: bad --exception-level',
    args: ['add', 'gateway', '--name', 'gw2', '--exception-level', 'LOUD'],
    code: 'ERR_INVALID_INPUT',
  },
];

describeBadInput('create, add agent, add gateway', CASES);
