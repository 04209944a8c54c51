/**
 * Every bad input — invalid flags, duplicates, missing credentials, files that cannot be written — exits non-zero
 * with a coded error and at least one action, and leaves the whole project folder (app/ included, modes included)
 * and a canary folder next to it byte-identical. Each case runs on its own copy of one project (built binary, --json).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, FIRST_ACTION, type Sandbox } from './helpers.js';
import { snapshotTree } from './tree-snapshot.js';

interface Case {
  name: string;
  args: string[];
  code: string;
  exitCode?: number;
  input?: string;
  /** Break the project copy before the command runs. */
  prepare?: (root: string) => Promise<void>;
  /** What actions[0] must contain (default: any action). */
  action?: string;
}

const configOf = (root: string) => join(root, 'agentcore', 'agentcore.json');
const writeJson = (root: string, mutate: (c: Record<string, any>) => void) => async () => {
  const config = JSON.parse(await readFile(configOf(root), 'utf8'));
  mutate(config);
  await writeFile(configOf(root), JSON.stringify(config, null, 2) + '\n');
};
const invalidJson = async (root: string) => writeFile(configOf(root), '{ "name": "Demo", ');
const unreadable = async (root: string) => {
  await rm(configOf(root));
  await mkdir(configOf(root)); // a folder where the file should be: unreadable even for root
};
const failsValidation = (root: string) =>
  writeJson(root, (c) => {
    c.runtimes[0].name = 'bad-name';
  })();
const unknownKey = (root: string) =>
  writeJson(root, (c) => {
    c.surprise = true;
  })();

/** A file where agentcore/.cli (the lock's folder) should be: every write under the lock fails, even for root. */
const stateDirIsAFile = async (root: string) => {
  await rm(join(root, 'agentcore', '.cli'), { recursive: true, force: true });
  await writeFile(join(root, 'agentcore', '.cli'), 'not a folder\n');
};
/** A file where app/ should be: scaffolding starter code fails. */
const appIsAFile = async (root: string) => {
  await rm(join(root, 'app'), { recursive: true, force: true });
  await writeFile(join(root, 'app'), 'not a folder\n');
};
const jwt = [
  '--authorizer-type',
  'custom-jwt',
  '--discovery-url',
  'https://idp.example.com/.well-known/openid-configuration',
];
const writeFailed = { code: 'ERR_WRITE_FAILED', action: 'folder you can write to', prepare: stateDirIsAFile };

const target = ['add', 'gateway-target', '--gateway', 'gw'];
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
  // add gateway-target
  {
    name: 'add target: missing --gateway',
    args: ['add', 'gateway-target', '--name', 't', '--type', 'mcp-server', '--endpoint', 'https://x.example.com'],
    code: 'ERR_MISSING_FLAGS',
    exitCode: 2,
  },
  {
    name: 'add target: unknown gateway',
    args: [
      'add',
      'gateway-target',
      '--gateway',
      'nope',
      '--name',
      't',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://x.example.com',
    ],
    code: 'ERR_NOT_FOUND',
  },
  {
    name: 'add target: duplicate',
    args: [...target, '--name', 't1', '--type', 'mcp-server', '--endpoint', 'https://x.example.com'],
    code: 'ERR_DUPLICATE',
  },
  {
    name: 'add target: bad name',
    args: [...target, '--name', 'bad name', '--type', 'mcp-server', '--endpoint', 'https://x.example.com'],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add target: missing --type',
    args: [...target, '--name', 't', '--endpoint', 'https://x.example.com'],
    code: 'ERR_MISSING_FLAGS',
    exitCode: 2,
  },
  {
    name: 'add target: type not creatable',
    args: [...target, '--name', 't', '--type', 'lambda'],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add target: missing --endpoint',
    args: [...target, '--name', 't', '--type', 'mcp-server'],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add target: bad --endpoint',
    args: [...target, '--name', 't', '--type', 'mcp-server', '--endpoint', 'not a url'],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add target: flag of another type',
    args: [
      ...target,
      '--name',
      't',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://x.example.com',
      '--schema',
      's.json',
    ],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add target: bad --tool-filter',
    args: [
      ...target,
      '--name',
      't',
      '--type',
      'api-gateway',
      '--rest-api-id',
      'a',
      '--stage',
      'p',
      '--tool-filter',
      'pets',
    ],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add target: --credential-name without auth',
    args: [
      ...target,
      '--name',
      't',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://x.example.com',
      '--credential-name',
      'MyKey',
    ],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add target: unknown --outbound-auth',
    args: [
      ...target,
      '--name',
      't',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://x.example.com',
      '--outbound-auth',
      'bogus',
    ],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add target: auth not allowed for type',
    args: [
      ...target,
      '--name',
      't',
      '--type',
      'smithy-model',
      '--schema',
      's3://b/m.json',
      '--outbound-auth',
      'api-key',
      '--credential-name',
      'MyKey',
    ],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add target: required auth missing',
    args: [...target, '--name', 't', '--type', 'open-api-schema', '--schema', 's3://b/a.json'],
    code: 'ERR_INVALID_INPUT',
  },
  {
    name: 'add target: missing credential',
    args: [
      ...target,
      '--name',
      't',
      '--type',
      'mcp-server',
      '--endpoint',
      'https://x.example.com',
      '--outbound-auth',
      'api-key',
      '--credential-name',
      'Nope',
    ],
    code: 'ERR_INVALID_INPUT',
    action: 'add credential',
  },
  {
    name: 'add target: write failure',
    args: [...target, '--name', 't', '--type', 'mcp-server', '--endpoint', 'https://x.example.com'],
    ...writeFailed,
  },
  { name: 'add target: unknown flag', args: [...target, '--name', 't', '--nope'], code: 'ERR_USAGE', exitCode: 2 },
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
  // broken project files
  ...[['add', 'gateway', '--name', 'gw2'], ['status'], ['validate'], ['remove', 'agent', '--name', 'Echo']].flatMap(
    (args) => [
      {
        name: `${args.slice(0, 2).join(' ')}: unreadable agentcore.json`,
        args,
        code: 'ERR_CONFIG_UNREADABLE',
        prepare: unreadable,
      },
      {
        name: `${args.slice(0, 2).join(' ')}: invalid JSON`,
        args,
        code: 'ERR_CONFIG_INVALID_JSON',
        prepare: invalidJson,
      },
      {
        name: `${args.slice(0, 2).join(' ')}: config failing validation`,
        args,
        code: 'ERR_CONFIG_INVALID',
        prepare: failsValidation,
      },
    ],
  ),
  {
    name: 'add credential: unknown top-level key',
    args: ['add', 'credential', '--name', 'K2', '--type', 'api-key', '--api-key', '-'],
    input: 'k',
    code: 'ERR_CONFIG_INVALID',
    prepare: unknownKey,
  },
  {
    name: 'add target: config failing validation',
    args: [...target, '--name', 't', '--type', 'mcp-server', '--endpoint', 'https://x.example.com'],
    code: 'ERR_CONFIG_INVALID',
    prepare: failsValidation,
  },
];

describe('bad input leaves the project byte-identical (built binary, --json)', () => {
  let sb: Sandbox;
  let base: string;

  beforeAll(async () => {
    sb = await createSandbox();
    await sb.run(['create', '--name', 'Demo', '--json']);
    base = join(sb.dir, 'Demo');
    for (const [args, input] of [
      [['add', 'agent', '--name', 'Echo', '--template', 'node']],
      [['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-'], 'sekrit-value-1'],
      [['add', 'gateway', '--name', 'gw']],
      [
        [
          'add',
          'gateway-target',
          '--gateway',
          'gw',
          '--name',
          't1',
          '--type',
          'mcp-server',
          '--endpoint',
          'https://t1.example.com/mcp',
          '--outbound-auth',
          'api-key',
          '--credential-name',
          'MyKey',
        ],
      ],
    ] as [string[], string?][]) {
      const r = await sb.run([...args, '--json'], { cwd: base, ...(input ? { input } : {}) });
      expect(r.exitCode, r.stdout).toBe(0);
    }
  });
  afterAll(() => sb.cleanup());

  it.concurrent.each(CASES.map((c, i) => ({ ...c, i })))(
    '$name → $code',
    async ({ i, args, code, exitCode, input, prepare, action }) => {
      const caseDir = join(sb.dir, 'cases', String(i));
      const root = join(caseDir, 'Demo');
      await cp(base, root, { recursive: true });
      // A canary next to the project: a failing command must never touch anything outside it.
      await mkdir(join(caseDir, 'canary'));
      await writeFile(join(caseDir, 'canary', 'keep.txt'), 'canary\n');
      await prepare?.(root);
      const before = snapshotTree(caseDir);
      const r = await sb.run([...args, '--json'], { cwd: root, ...(input ? { input } : {}), timeoutMs: 60_000 });
      expect(r.exitCode, r.stdout + r.stderr).toBe(exitCode ?? 1);
      expect(r.json?.code, r.stdout + r.stderr).toBe(code);
      // The first action says what to do: the case's own words where it names them, else the code's usual advice.
      if (action) expect(r.json?.actions?.[0], r.stdout).toContain(action);
      else expect(r.json?.actions?.[0], r.stdout).toMatch(FIRST_ACTION[code] ?? /(?!)/);
      expect(r.stdout + r.stderr).not.toContain('sekrit-value-1');
      expect(snapshotTree(caseDir)).toEqual(before);
    },
  );
});
