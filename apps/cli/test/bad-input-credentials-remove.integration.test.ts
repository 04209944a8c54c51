/** Bad input to `add credential` and the `remove` commands (cases run by bad-input-harness.ts). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Case, describeBadInput, writeFailed } from './bad-input-harness.js';

const CASES: Case[] = [
  // add credential
  {
    name: 'add credential: bad name',
    args: ['add', 'credential', '--name', 'bad name!', '--type', 'api-key', '--api-key', '-'],
    input: 'k',
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add credential: reserved suffix',
    args: ['add', 'credential', '--name', 'my-client-id', '--type', 'api-key', '--api-key', '-'],
    input: 'k',
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add credential: duplicate',
    args: ['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-'],
    input: 'k',
    code: 'ERR_DUPLICATE',
    action: 'pass --force to replace it',
  },
  {
    name: 'add credential: missing --type',
    args: ['add', 'credential', '--name', 'K2', '--api-key', '-'],
    input: 'k',
    code: 'ERR_MISSING_FLAGS',
    exitCode: 2,
  },
  {
    name: 'add credential: missing secret',
    args: ['add', 'credential', '--name', 'K2', '--type', 'api-key'],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add credential: write failure',
    args: ['add', 'credential', '--name', 'K2', '--type', 'api-key', '--api-key', '-'],
    input: 'k',
    ...writeFailed,
  },
  {
    name: 'create: into a folder that holds files, failing halfway',
    args: ['create', '--name', 'Mine', '--dir', '..'],
    code: 'ERR_WRITE_FAILED',
    action: 'folder you can write to',
    prepare: async (root) => {
      await mkdir(join(root, '..', 'Mine', 'src'), { recursive: true });
      await writeFile(join(root, '..', 'Mine', 'src', 'work.py'), 'print(1)\n');
      // app/ and agentcore/.gitignore get created, then the schema file cannot be written (a folder is in its way).
      await mkdir(join(root, '..', 'Mine', 'agentcore', 'agentcore.schema.json', 'x'), { recursive: true });
    },
  },
  // remove
  { name: 'remove agent: unknown', args: ['remove', 'agent', '--name', 'Nope'], code: 'ERR_NOT_FOUND' },
  { name: 'remove gateway: unknown', args: ['remove', 'gateway', '--name', 'nope'], code: 'ERR_NOT_FOUND' },
  {
    name: 'remove target: unknown gateway',
    args: ['remove', 'gateway-target', '--gateway', 'nope', '--name', 't1'],
    code: 'ERR_NOT_FOUND',
  },
  {
    name: 'remove target: unknown target',
    args: ['remove', 'gateway-target', '--gateway', 'gw', '--name', 'nope'],
    code: 'ERR_NOT_FOUND',
  },
  { name: 'remove credential: unknown', args: ['remove', 'credential', '--name', 'Nope'], code: 'ERR_NOT_FOUND' },
  { name: 'remove credential: in use', args: ['remove', 'credential', '--name', 'MyKey'], code: 'ERR_IN_USE' },
  { name: 'remove agent: missing --name', args: ['remove', 'agent'], code: 'ERR_MISSING_FLAGS', exitCode: 2 },
];

describeBadInput('add credential, remove', CASES);
