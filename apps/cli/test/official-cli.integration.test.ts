/**
 * Side by side with the official AgentCore CLI (`@aws/agentcore` 0.30.0, installed once by tools/official-cli.mjs):
 * projects our built CLI makes pass the official `validate`/`status`, and projects the official CLI makes pass ours
 * and survive our `add`/`remove` with everything they did not touch byte-identical. Outside CI the tests skip, with
 * the reason, when the official CLI cannot be installed; under CI=true that is a failure.
 */
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, spawnNode, type Sandbox } from './helpers.js';
import { ensureOfficialCli, officialEnv } from '../../../tools/official-cli.mjs';
import { lineDiffAdditions, OFFICIAL_SKELETON, officialSteps } from './official-fixtures.js';

/** Each official CLI command takes 1–4 s on a busy 2-core machine; a test runs up to a dozen. */
const SLOW = 240_000;

const DISCOVERY = 'https://idp.example.com/.well-known/openid-configuration';
const CLAIMS = JSON.stringify([
  {
    inboundTokenClaimName: 'tenant',
    inboundTokenClaimValueType: 'STRING',
    authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: { matchValueString: 'acme' } },
  },
]);

let official: { bin: string } | { skipped: string };
let sb: Sandbox;

beforeAll(async () => {
  official = await ensureOfficialCli();
  if ('skipped' in official) console.warn(`[official-cli tests skipped] ${official.skipped}`);
  sb = await createSandbox();
}, 600_000);
afterAll(() => sb.cleanup());

function requireOfficial(ctx: TestContext): string {
  if ('skipped' in official) ctx.skip(official.skipped);
  if (!('bin' in official)) throw new Error('unreachable');
  return official.bin;
}

async function runOfficial(bin: string, args: string[], cwd: string) {
  const r = await spawnNode([bin, ...args], { cwd, env: officialEnv(join(sb.dir, 'official-home')) }, 60_000);
  let json: { success?: boolean; error?: string } | undefined;
  try {
    json = JSON.parse(r.stdout) as typeof json;
  } catch {
    json = undefined;
  }
  return { ...r, json };
}

const config = (root: string) => readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8');

describe('projects made by our CLI open in the official CLI', () => {
  let root: string;
  const ours = async (args: string[], input?: string) => {
    const r = await sb.run([...args, '--json'], { cwd: root, ...(input === undefined ? {} : { input }) });
    expect(r.exitCode, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
    return r;
  };

  beforeAll(async () => {
    const r = await sb.run(['create', '--name', 'Ours', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    root = join(sb.dir, 'Ours');
  });

  it(
    'create writes every file the official layout requires; official validate and status accept it',
    async (ctx) => {
      const bin = requireOfficial(ctx);
      expect(JSON.parse(await readFile(join(root, 'agentcore', 'aws-targets.json'), 'utf8'))).toEqual([]);
      const v = await runOfficial(bin, ['validate', '--json'], root);
      expect(v.json, v.stdout + v.stderr).toEqual({ success: true });
      const s = await runOfficial(bin, ['status', '--json'], root);
      expect(s.json?.success, s.stdout + s.stderr).toBe(true);
    },
    SLOW,
  );

  it(
    'every resource kind and auth option we support passes the official validate',
    async (ctx) => {
      const bin = requireOfficial(ctx);
      await writeFile(join(root, 'tools.json'), '[]');
      await writeFile(join(root, 'oas.json'), '{"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":{}}');
      await ours(['add', 'agent', '--name', 'Plain', '--template', 'python']);
      await ours(
        [
          ...['add', 'agent', '--name', 'Jwt', '--template', 'node', '--authorizer-type', 'CUSTOM_JWT'],
          ...['--discovery-url', DISCOVERY, '--allowed-clients', 'c1', '--allowed-audience', 'api://a'],
          ...['--allowed-scopes', 'read', '--custom-claims', CLAIMS, '--client-id', 'c1', '--client-secret', '-'],
        ],
        'inbound-secret',
      );
      await ours(['add', 'gateway', '--name', 'open-gw']);
      await ours(['add', 'gateway', '--name', 'iam-gw', '--authorizer-type', 'AWS_IAM']);
      await ours([
        ...['add', 'gateway', '--name', 'jwt-gw', '--authorizer-type', 'CUSTOM_JWT', '--discovery-url', DISCOVERY],
        ...['--allowed-scopes', 'tools'],
      ]);
      await ours(['add', 'credential', '--name', 'Key', '--type', 'api-key', '--api-key', '-'], 'k3y');
      await ours(
        [
          ...['add', 'credential', '--name', 'Out', '--type', 'oauth', '--discovery-url', DISCOVERY],
          ...['--client-id', 'oc', '--client-secret', '-', '--scopes', 'read'],
        ],
        's3cret',
      );
      const target = (name: string, ...rest: string[]) => [
        'add',
        'gateway-target',
        '--gateway',
        'jwt-gw',
        '--name',
        name,
        ...rest,
      ];
      await ours(
        target('mcp', '--type', 'mcp-server', '--endpoint', 'https://a.example/mcp', '--outbound-auth', 'none'),
      );
      await ours(
        target(
          'mcpo',
          '--type',
          'mcp-server',
          '--endpoint',
          'https://b.example/mcp',
          '--outbound-auth',
          'oauth',
          '--credential-name',
          'Out',
        ),
      );
      await ours(
        target(
          'oas',
          '--type',
          'open-api-schema',
          '--schema',
          'oas.json',
          '--outbound-auth',
          'api-key',
          '--credential-name',
          'Key',
        ),
      );
      await ours(
        target(
          'oaso',
          '--type',
          'open-api-schema',
          '--schema',
          'oas.json',
          '--outbound-auth',
          'oauth',
          '--credential-name',
          'Out',
        ),
      );
      await ours(target('smithy', '--type', 'smithy-model', '--schema', 'oas.json', '--outbound-auth', 'none'));
      await ours(
        target(
          'apigw',
          '--type',
          'api-gateway',
          '--rest-api-id',
          'abc123',
          '--stage',
          'prod',
          '--outbound-auth',
          'api-key',
          '--credential-name',
          'Key',
        ),
      );
      await ours(
        target(
          'fn',
          '--type',
          'lambda-function-arn',
          '--lambda-arn',
          'arn:aws:lambda:us-east-1:123456789012:function:tools',
          '--tool-schema-file',
          'tools.json',
        ),
      );
      const v = await runOfficial(bin, ['validate', '--json'], root);
      expect(v.json, v.stdout + v.stderr).toEqual({ success: true });
      const compat = await sb.run(['validate', '--compat', 'official', '--json'], { cwd: root });
      expect(compat.exitCode, compat.stdout).toBe(0);
      expect(compat.json?.warnings ?? []).toEqual([]);
    },
    SLOW,
  );

  it(
    'extensions beyond 0.30 are named by `validate --compat official`, noted once by plain validate',
    async (ctx) => {
      const bin = requireOfficial(ctx);
      await ours([
        ...['add', 'gateway-target', '--gateway', 'open-gw', '--name', 'bearer', '--type', 'mcp-server'],
        ...['--endpoint', 'https://c.example/mcp', '--outbound-auth', 'api-key', '--credential-name', 'Key'],
        ...['--api-key-location', 'HEADER', '--api-key-parameter-name', 'Authorization', '--api-key-prefix', 'Bearer'],
      ]);
      const off = await runOfficial(bin, ['validate', '--json'], root);
      expect(off.json?.success, off.stdout).toBe(false);

      const compat = await sb.run(['validate', '--compat', 'official', '--json'], { cwd: root });
      expect(compat.exitCode).toBe(1);
      expect(compat.json?.code).toBe('ERR_INCOMPATIBLE');
      const fields = (compat.json?.details?.fields ?? []) as { path: string; code: string }[];
      expect(fields.map((f) => [f.path, f.code])).toEqual([
        ['agentCoreGateways.0.targets.0.outboundAuth.type', 'MCP_SERVER_API_KEY'],
        ['agentCoreGateways.0.targets.0.outboundAuth.apiKey', 'API_KEY_PLACEMENT'],
      ]);
      expect(compat.json?.message).toContain('agentCoreGateways.0.targets.0.outboundAuth.apiKey');
      expect(compat.json?.actions?.[0]).toContain('--api-key-*');

      const plain = await sb.run(['validate', '--json'], { cwd: root });
      expect(plain.exitCode).toBe(0);
      const notes = (plain.json?.warnings ?? []).filter((w) => w.includes('--compat official'));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toContain('2 field(s)');

      const human = await sb.run(['validate'], { cwd: root });
      expect(human.exitCode).toBe(0);
      expect(human.stderr.split('validate --compat official').length - 1).toBe(1);
    },
    SLOW,
  );
});

describe('projects made by the official CLI open in ours', () => {
  let root: string;
  let madeByOfficial: string;

  beforeAll(async () => {
    root = join(sb.dir, 'Theirs');
    await mkdir(join(root, 'agentcore'), { recursive: true });
    await writeFile(join(root, 'agentcore', 'agentcore.json'), OFFICIAL_SKELETON('Theirs'));
    await writeFile(join(root, 'agentcore', 'aws-targets.json'), '[]');
  });

  it(
    'agents, JWT gateways, OAuth and API-key targets, memories and harnesses pass our validate',
    async (ctx) => {
      const bin = requireOfficial(ctx);
      const steps = officialSteps(DISCOVERY);
      await writeFile(join(root, 'oas.json'), '{"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":{}}');
      for (const args of steps) {
        const r = await runOfficial(bin, [...args, '--json'], root);
        expect(r.json?.success, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(true);
      }
      madeByOfficial = await config(root);
      const v = await sb.run(['validate', '--json'], { cwd: root });
      expect(v.exitCode, v.stdout).toBe(0);
      expect(v.json?.result).toMatchObject({ counts: { runtimes: 1, gateways: 1, targets: 3, credentials: 3 } });
    },
    SLOW,
  );

  it(
    'our add/remove leave untouched sections and key order byte-identical',
    async (ctx) => {
      requireOfficial(ctx);
      const cwd = { cwd: root };
      const adds = [
        { args: ['add', 'gateway', '--name', 'gw2'] },
        { args: ['add', 'credential', '--name', 'K2', '--type', 'api-key', '--api-key', '-'], input: 'k2' },
        {
          args: [
            ...['add', 'gateway-target', '--gateway', 'gw1', '--name', 't5', '--type', 'mcp-server'],
            ...['--endpoint', 'https://e.example/mcp', '--outbound-auth', 'oauth', '--credential-name', 'OutOauth'],
          ],
        },
        { args: ['add', 'agent', '--name', 'Echo', '--template', 'node'] },
      ];
      for (const a of adds) {
        const r = await sb.run([...a.args, '--json'], { ...cwd, ...(a.input === undefined ? {} : { input: a.input }) });
        expect(r.exitCode, `${a.args.join(' ')}\n${r.stdout}`).toBe(0);
      }
      const after = await config(root);
      // Every line of the official file is still there, in order; only the added resources are new lines.
      const added = lineDiffAdditions(madeByOfficial, after);
      expect(added.join('\n')).not.toMatch(/"memories"|"harnesses"|"Mem"|"Har"|"knowledgeBases"/);
      expect(after.endsWith('}')).toBe(true);

      for (const r of [
        ['remove', 'agent', '--name', 'Echo'],
        ['remove', 'gateway-target', '--gateway', 'gw1', '--name', 't5'],
        ['remove', 'credential', '--name', 'K2'],
        ['remove', 'gateway', '--name', 'gw2'],
      ]) {
        const out = await sb.run([...r, '--json'], cwd);
        expect(out.exitCode, `${r.join(' ')}\n${out.stdout}`).toBe(0);
      }
      expect(await config(root)).toBe(madeByOfficial);
    },
    SLOW,
  );

  it(
    'the official CLI still validates the project after our adds',
    async (ctx) => {
      const bin = requireOfficial(ctx);
      const r = await sb.run(['add', 'gateway', '--name', 'gw3', '--json'], { cwd: root });
      expect(r.exitCode, r.stdout).toBe(0);
      const v = await runOfficial(bin, ['validate', '--json'], root);
      expect(v.json, v.stdout + v.stderr).toEqual({ success: true });
    },
    SLOW,
  );
});
