/**
 * One table of cases, two paths: each case's answers drive the ink wizard in-process (keystrokes) and then go to the
 * operation exactly as the command hands them over; the same answers as flags run the built binary. After every
 * case both projects' agentcore.json must be identical, and both .env.local files must hold the same keys.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '@agentcore/schema';
import type { FlagValues } from '@agentcore/auth';
import { addAgent } from '../src/operations/add-agent.js';
import { addCredential } from '../src/operations/add-credential.js';
import { addGateway } from '../src/operations/add-gateway.js';
import { addGatewayTarget } from '../src/operations/add-gateway-target.js';
import {
  agentInput,
  credentialInput,
  gatewayInput,
  gatewayTargetInput,
} from '../src/command-support/command-inputs.js';
import { ADD_WIZARDS, type AddCommand } from '../src/tui/specs/index.js';
import { createSandbox, type Sandbox } from './helpers.js';
import { answersToArgv, coreRegistry, DOWN, driveWizard, ENTER, ESC, UP, type CaseAnswers } from './tui-driver.js';

const DISCOVERY = 'https://idp.example.com/.well-known/openid-configuration';
const CLAIMS = JSON.stringify([
  {
    inboundTokenClaimName: 'tenant',
    inboundTokenClaimValueType: 'STRING',
    authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: { matchValueString: 'acme' } },
  },
]);

/** The claims manager by hand: add tenant (EQUALS) and groups (CONTAINS_ANY, after Esc from the operator back to the type), edit groups, delete tenant. */
const GROUPS = JSON.stringify([
  {
    inboundTokenClaimName: 'groups',
    inboundTokenClaimValueType: 'STRING_ARRAY',
    authorizingClaimMatchValue: {
      claimMatchOperator: 'CONTAINS_ANY',
      claimMatchValue: { matchValueStringList: ['admins', 'ops', 'devs'] },
    },
  },
]);
const CLAIMS_KEYS = [
  'a',
  'tenant',
  ENTER,
  ENTER,
  ENTER,
  'acme',
  ENTER,
  'a',
  'groups',
  ENTER,
  ENTER,
  ESC,
  DOWN,
  ENTER,
  DOWN,
  ENTER,
  'admins, ops',
  ENTER,
  UP,
  'e',
  ENTER,
  ENTER,
  ENTER,
  ', devs',
  ENTER,
  UP,
  UP,
  'd',
  DOWN,
  ENTER,
];

export const CASES: readonly {
  title: string;
  command: AddCommand;
  answers: CaseAnswers;
  keys?: Readonly<Record<string, readonly string[]>>;
}[] = [
  {
    title: 'api-key credential',
    command: 'add credential',
    answers: { name: 'MyKey', type: 'api-key', 'api-key': 'sk-live-0123456789' },
  },
  {
    title: 'oauth credential',
    command: 'add credential',
    answers: {
      name: 'Idp',
      type: 'oauth',
      'discovery-url': DISCOVERY,
      'client-id': 'cid',
      'client-secret': 'csecret-0123',
      scopes: ['read', 'write'],
    },
  },
  {
    title: 'agent from a template, AWS_IAM',
    command: 'add agent',
    answers: { name: 'Echo', source: 'template', template: 'node', 'authorizer-type': 'AWS_IAM' },
  },
  {
    title: 'agent with own code, description and protocol',
    command: 'add agent',
    answers: {
      name: 'Mine',
      description: 'My own agent',
      source: 'code',
      'code-location': 'app/Mine',
      entrypoint: 'main.py',
      'runtime-version': 'PYTHON_3_13',
      protocol: 'MCP',
    },
  },
  {
    title: 'agent with CUSTOM_JWT (clients, scopes, claims, test client)',
    command: 'add agent',
    answers: {
      name: 'JwtBot',
      source: 'template',
      template: 'python',
      'authorizer-type': 'custom-jwt',
      'discovery-url': DISCOVERY,
      'allowed-clients': ['c1', 'c2'],
      'allowed-scopes': ['agent/invoke'],
      'custom-claims': CLAIMS,
      'client-id': 'c1',
      'client-secret': 'jwt-secret-0123',
    },
  },
  {
    title: 'gateway with CUSTOM_JWT claims from the claims manager (add, edit, delete)',
    command: 'add gateway',
    answers: { name: 'gwclaims', 'authorizer-type': 'custom-jwt', 'discovery-url': DISCOVERY, 'custom-claims': GROUPS },
    keys: { 'custom-claims': CLAIMS_KEYS },
  },
  {
    title: 'gateway, NONE, no semantic search',
    command: 'add gateway',
    answers: { name: 'gw', 'semantic-search': false, 'authorizer-type': 'NONE' },
  },
  {
    title: 'gateway with CUSTOM_JWT',
    command: 'add gateway',
    answers: {
      name: 'gwjwt',
      description: 'JWT gateway',
      'authorizer-type': 'custom-jwt',
      'discovery-url': DISCOVERY,
      'allowed-audience': ['aud1'],
    },
  },
  {
    title: 'mcp target with API key in a custom header',
    command: 'add gateway-target',
    answers: {
      gateway: 'gw',
      name: 't1',
      type: 'mcp-server',
      endpoint: 'https://t1.example.com/mcp',
      'outbound-auth': 'api-key',
      'credential-name': 'MyKey',
      'api-key-location': 'header',
      'api-key-parameter-name': 'Authorization',
      'api-key-prefix': 'Bearer',
    },
  },
  {
    title: 'mcp target with API key as a query parameter',
    command: 'add gateway-target',
    answers: {
      gateway: 'gw',
      name: 't2',
      type: 'mcp-server',
      endpoint: 'https://t2.example.com/mcp',
      'outbound-auth': 'api-key',
      'credential-name': 'MyKey',
      'api-key-location': 'query_parameter',
      'api-key-parameter-name': 'api_key',
    },
  },
  {
    title: 'api-gateway target, gateway IAM role',
    command: 'add gateway-target',
    answers: {
      gateway: 'gwjwt',
      name: 't3',
      type: 'api-gateway',
      'rest-api-id': 'abc123',
      stage: 'prod',
      'tool-filter': ['/pets:GET+POST'],
      'outbound-auth': 'gateway-iam-role',
    },
  },
  {
    title: 'mcp target, no outbound auth',
    command: 'add gateway-target',
    answers: {
      gateway: 'gw',
      name: 't4',
      type: 'mcp-server',
      endpoint: 'https://t4.example.com/mcp',
      'outbound-auth': 'none',
    },
  },
];

/** What each command does with its flag values, as in `src/commands/add/*.ts`. */
async function runOperation(command: AddCommand, store: ProjectStore, values: FlagValues): Promise<void> {
  const registry = coreRegistry();
  if (command === 'add agent') await addAgent(store, registry, agentInput(values, values));
  else if (command === 'add gateway') await addGateway(store, registry, gatewayInput(values, values));
  else if (command === 'add gateway-target')
    await addGatewayTarget(store, registry, gatewayTargetInput(values, values));
  else await addCredential(store, registry, credentialInput(values));
}

const envKeys = async (root: string) =>
  (await readFile(join(root, 'agentcore', '.env.local'), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('=')[0])
    .sort();

describe('add wizards write what the same flags write (one table, both paths)', () => {
  let sb: Sandbox;
  let wizardRoot: string;
  let flagRoot: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    sb = await createSandbox();
    for (const side of ['wizard', 'flags']) {
      await mkdir(join(sb.dir, side));
      expect((await sb.run(['create', '--name', 'Demo', '--json'], { cwd: join(sb.dir, side) })).exitCode).toBe(0);
    }
    wizardRoot = join(sb.dir, 'wizard', 'Demo');
    flagRoot = join(sb.dir, 'flags', 'Demo');
    // The in-process path uses the sandbox's secrets key, like the binary.
    Object.assign(process.env, {
      AGENTCORE_CONFIG_DIR: sb.env.AGENTCORE_CONFIG_DIR,
      AGENTCORE_DISABLE_KEYCHAIN: '1',
      HOME: sb.env.HOME,
    });
  });
  afterAll(async () => {
    process.env = saved;
    await sb.cleanup();
  });

  for (const c of CASES) {
    it(`${c.command}: ${c.title}`, async () => {
      const registry = coreRegistry();
      const store = await ProjectStore.open({ cwd: wizardRoot, model: registry.model() });
      const { config: project } = await store.load();
      const spec = ADD_WIZARDS[c.command]({ registry, project });
      const { outcome, frames } = await driveWizard(spec, c.answers, c.keys);
      expect(outcome.status).toBe('done');
      if (outcome.status !== 'done') return;
      // Secrets never appear on screen in full.
      for (const [k, v] of Object.entries(c.answers))
        if (/secret|api-key$/.test(k) && typeof v === 'string') expect(frames.join('\n')).not.toContain(v);
      await runOperation(c.command, store, outcome.answers);

      const r = await sb.run([...c.command.split(' '), ...answersToArgv(c.answers), '--json'], { cwd: flagRoot });
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);

      const [wiz, flags] = await Promise.all(
        [wizardRoot, flagRoot].map((root) => readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')),
      );
      expect(JSON.parse(wiz ?? '')).toEqual(JSON.parse(flags ?? ''));
      expect(await envKeys(wizardRoot)).toEqual(await envKeys(flagRoot));
    });
  }

  it('the written config holds every case (not vacuous)', async () => {
    const config = JSON.parse(await readFile(join(wizardRoot, 'agentcore', 'agentcore.json'), 'utf8')) as Record<
      string,
      { name: string; authorizerType?: string; targets?: { name: string; outboundAuth?: unknown }[] }[]
    >;
    expect(config.runtimes?.map((r) => [r.name, r.authorizerType])).toEqual([
      ['Echo', undefined],
      ['Mine', undefined],
      ['JwtBot', 'CUSTOM_JWT'],
    ]);
    expect(config.runtimes?.find((r) => r.name === 'Mine')).toMatchObject({
      description: 'My own agent',
      protocol: 'MCP',
      build: 'CodeZip',
    });
    const claimsGateway = config.agentCoreGateways?.find((g) => g.name === 'gwclaims') as
      { authorizerConfiguration?: { customJwtAuthorizer?: { customClaims?: unknown } } } | undefined;
    expect(claimsGateway?.authorizerConfiguration?.customJwtAuthorizer?.customClaims).toEqual(JSON.parse(GROUPS));
    expect(
      config.agentCoreGateways?.find((g) => g.name === 'gw')?.targets?.find((t) => t.name === 't1')?.outboundAuth,
    ).toEqual({
      type: 'API_KEY',
      credentialName: 'MyKey',
      apiKey: { parameterName: 'Authorization', prefix: 'Bearer' },
    });
  });
});
