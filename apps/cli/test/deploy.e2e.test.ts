/**
 * deploy → fetch access → no-op deploy → destroy through the built CLI, against the local AWS stand-in
 * (CloudFormation, STS and AgentCore control checked against the SDK models) and s3rver. The project has a
 * CUSTOM_JWT agent with a managed credential, a gateway and an mcpServer target whose API key is placed as
 * `Authorization: Bearer <key>`. The API key and the OAuth client secret must reach the identity API and nothing
 * else: every other recorded request body, the stack's template, the CLI's output and deployed state are searched.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { startAwsStandIn, type AwsStandIn } from '@agentcore/testkit/aws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addKeyedGateway, splitDeployOutput, standInEnv } from './deploy-helpers.js';
import { createSandbox, snapshotProject, type Sandbox } from './helpers.js';

const API_KEY = 'sk-e2e-apikey-7f3a9c1d2b';
const CLIENT_SECRET = 'e2e-client-secret-4d8e2f';
const AKID = 'AKIDTEST'; // the access key id the S3 stand-in accepts
const IDENTITY_WRITES = new Set([
  'CreateApiKeyCredentialProvider',
  'UpdateApiKeyCredentialProvider',
  'CreateOauth2CredentialProvider',
  'UpdateOauth2CredentialProvider',
]);

describe('agentcore deploy end to end (built CLI, AWS stand-in, s3rver)', () => {
  let sb: Sandbox;
  let root: string;
  let aws: AwsStandIn;
  let idp: OidcIssuer;
  let env: NodeJS.ProcessEnv;
  const stateFile = () => join(root, 'agentcore', '.cli', 'deployed-state.json');
  const cli = (args: string[], extra: NodeJS.ProcessEnv = {}, input?: string) =>
    sb.run(args, { cwd: root, env: { ...env, ...extra }, timeoutMs: 120_000, ...(input ? { input } : {}) });
  const ok = async (args: string[], input?: string) => {
    const r = await cli([...args, '--json'], {}, input);
    expect(r.exitCode, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
    return r;
  };
  const snapshot = async () => ({
    ...(await snapshotProject(root)),
    state: existsSync(stateFile()) ? readFileSync(stateFile(), 'utf8') : undefined,
  });
  const expectNoSecret = (text: string, where: string) => {
    expect(text.includes(API_KEY), `API key found in ${where}`).toBe(false);
    expect(text.includes(CLIENT_SECRET), `client secret found in ${where}`).toBe(false);
  };

  beforeAll(async () => {
    aws = await startAwsStandIn({ region: 'us-east-1', accountId: '123456789012', progressDelayMs: 5, s3: true });
    idp = await startOidcIssuer({
      clients: [{ clientId: 'agent-client', clientSecret: CLIENT_SECRET, scopes: ['invoke'] }],
    });
    sb = await createSandbox();
    env = standInEnv(sb, aws, AKID);
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    await ok(
      [
        'add',
        'agent',
        '--name',
        'A',
        '--template',
        'node',
        '--authorizer-type',
        'custom-jwt',
        '--discovery-url',
        idp.discoveryUrl,
        '--allowed-clients',
        'agent-client',
        '--allowed-scopes',
        'invoke',
        '--client-id',
        'agent-client',
        '--client-secret',
        '-',
      ],
      CLIENT_SECRET,
    );
    await addKeyedGateway(ok, API_KEY, [
      ...['--api-key-location', 'HEADER', '--api-key-parameter-name', 'Authorization', '--api-key-prefix', 'Bearer'],
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([aws?.close(), idp?.close()]);
    await sb?.cleanup();
  });

  it('deploys: secrets reach the identity API only, deployed state holds the ARNs, fetch access finds the runtime', async () => {
    const r = await cli(['deploy', '--yes', '--json']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const { events, envelope } = splitDeployOutput(r.stdout);
    expect((envelope.result as { status: string }).status).toBe('deployed');
    const statuses = events.flatMap((e) => (e.event === 'stack' ? [(e.resource as { status: string }).status] : []));
    expect(statuses).toContain('CREATE_COMPLETE');
    expect(aws.violations()).toEqual([]);

    const providers = aws.providers();
    expect(providers.apiKey.map((p) => [p.name, p.apiKey])).toEqual([['Demo-MyKey', API_KEY]]);
    expect(providers.oauth2.find((p) => p.clientSecret === CLIENT_SECRET)?.discoveryUrl).toBe(idp.discoveryUrl);

    for (const req of aws.requests())
      if (!(req.service === 'bedrock-agentcore' && IDENTITY_WRITES.has(req.operation)))
        expectNoSecret(req.body, `${req.service} ${req.operation}`);
    const [stack] = aws.stacks();
    expect(stack?.status).toBe('CREATE_COMPLETE');
    expectNoSecret(JSON.stringify(stack?.template), 'the template');
    expectNoSecret(JSON.stringify(stack?.parameters), 'the parameters');
    expectNoSecret(r.stdout + r.stderr, 'the CLI output');
    const stateText = readFileSync(stateFile(), 'utf8');
    expectNoSecret(stateText, 'deployed state');

    const state = JSON.parse(stateText);
    const t = state.targets.default;
    expect(t.region).toBe('us-east-1');
    expect(t.resources.runtimes.A.runtimeArn).toMatch(
      /^arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime\/Demo_A-/,
    );
    expect(t.resources.mcp.gateways.gw.gatewayUrl).toMatch(/^https:\/\/.+\/mcp$/);
    expect(t.resources.credentials.MyKey.credentialProviderArn).toContain('apikeycredentialprovider/Demo-MyKey');
    // the target carries the Bearer placement
    type Res = { Type: string; Properties: any };
    const resources = Object.values((stack?.template as { Resources: Record<string, Res> }).Resources);
    const target = resources.find((res) => res.Type === 'AWS::BedrockAgentCore::GatewayTarget');
    expect(
      target?.Properties.CredentialProviderConfigurations[0].CredentialProvider.ApiKeyCredentialProvider,
    ).toMatchObject({
      CredentialLocation: 'HEADER',
      CredentialParameterName: 'Authorization',
      CredentialPrefix: 'Bearer ',
    });

    const access = await ok(['fetch', 'access', '--type', 'agent', '--name', 'A']);
    const url = (access.json?.result as { url?: string }).url;
    expect(url).toContain(encodeURIComponent(t.resources.runtimes.A.runtimeArn));
    expect(url).toContain('bedrock-agentcore.us-east-1.amazonaws.com');
  }, 180_000);

  it('a second deploy changes nothing: 0 mutating calls, at most 2 reads, nothing uploaded', async () => {
    const before = aws.requests().length;
    const snap = await snapshot();
    // every module the deploy loads, through a module hook
    const loader = join(sb.dir, 'module-log.mjs');
    const log = join(sb.dir, 'noop-modules.log');
    writeFileSync(
      loader,
      `import { registerHooks } from 'node:module';\nimport { appendFileSync } from 'node:fs';\n` +
        `registerHooks({ resolve(s, c, next) { const r = next(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; } });\n`,
    );
    writeFileSync(log, '');
    const r = await cli(['deploy', '--yes', '--json'], { NODE_OPTIONS: `--import ${pathToFileURL(loader).href}` });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const result = splitDeployOutput(r.stdout).envelope.result as { status: string; uploaded: string[] };
    expect(result.status).toBe('unchanged');
    expect(result.uploaded).toEqual([]);
    const calls = aws.requests().slice(before);
    expect(calls.filter((c) => c.mutating)).toEqual([]);
    expect(calls.length).toBeLessThanOrEqual(2);
    expect(calls.map((c) => c.operation)).toEqual(['DescribeStacks']); // the stack id names the account: no STS call
    expect(aws.violations()).toEqual([]);
    expect(await snapshot()).toEqual(snap);
    // the no-op decision loads the credential chain and the signer, no service client
    const modules = readFileSync(log, 'utf8').split('\n');
    expect(modules.some((u) => u.includes('/node_modules/@aws-sdk/credential-provider-node/'))).toBe(true);
    expect(modules.filter((u) => /\/node_modules\/@aws-sdk\/client-/.test(u))).toEqual([]);
  }, 120_000);

  it('status shows what is deployed and what changed locally since', async () => {
    type Row = { kind: string; name: string; state: string; deployed?: string };
    const rows = async () => {
      const r = await ok(['status']);
      return (r.json?.result as { deployment: { stackName: string; resources: Row[] } }).deployment;
    };
    const d = await rows();
    expect(d.stackName).toBe('agentcore-Demo');
    expect(d.resources.map((r) => `${r.kind} ${r.name}: ${r.state}`).sort()).toEqual([
      'credential A-oauth: deployed',
      'credential MyKey: deployed',
      'gateway gw: deployed',
      'runtime A: deployed',
      'target gw/tools: deployed',
    ]);
    expect(d.resources.find((r) => r.kind === 'runtime')?.deployed).toMatch(/runtime\/Demo_A-/);
    const code = join(root, 'app', 'A', 'extra.js');
    writeFileSync(code, 'export const x = 1;\n');
    try {
      const changed = await rows();
      expect(changed.resources.find((r) => r.kind === 'runtime')?.state).toBe('changed');
      expect(changed.resources.find((r) => r.kind === 'gateway')?.state).toBe('deployed');
    } finally {
      rmSync(code);
    }
    const human = await cli(['status']);
    expect(human.stdout).toContain('Deployed (target default, us-east-1, stack agentcore-Demo)');

    // --aws: the stack's status and each runtime's/gateway's status from the control plane, read calls only
    const before = aws.requests().length;
    const live = await ok(['status', '--aws']);
    const dep = (
      live.json?.result as { deployment: { stackStatus: string; resources: (Row & { awsStatus?: string })[] } }
    ).deployment;
    expect(dep.stackStatus).toBe('CREATE_COMPLETE');
    expect(dep.resources.find((r) => r.kind === 'runtime')?.awsStatus).toBe('READY');
    expect(dep.resources.find((r) => r.kind === 'gateway')?.awsStatus).toBe('READY');
    const calls = aws.requests().slice(before);
    expect(calls.filter((c) => c.mutating)).toEqual([]);
    expect(calls.map((c) => c.operation).sort()).toEqual(['DescribeStacks', 'GetAgentRuntime', 'GetGateway']);
  }, 120_000);

  it('--dry-run spells out an auth change and changes nothing', async () => {
    const config = JSON.parse(readFileSync(join(root, 'agentcore', 'agentcore.json'), 'utf8'));
    config.agentCoreGateways[0].targets[0].outboundAuth.apiKey = {
      location: 'QUERY_PARAMETER',
      parameterName: 'api_key',
    };
    const original = readFileSync(join(root, 'agentcore', 'agentcore.json'), 'utf8');
    writeFileSync(join(root, 'agentcore', 'agentcore.json'), JSON.stringify(config, null, 2) + '\n');
    try {
      const before = aws.requests().length;
      const r = await cli(['deploy', '--dry-run', '--json']);
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
      const review = (splitDeployOutput(r.stdout).envelope.result as { review: { auth: string[] } }).review;
      expect(review.auth).toContain(
        'target gw/tools: API key moves from header Authorization to query parameter api_key',
      );
      expect(
        aws
          .requests()
          .slice(before)
          .filter((c) => c.mutating),
      ).toEqual([]);
    } finally {
      writeFileSync(join(root, 'agentcore', 'agentcore.json'), original);
    }
  }, 120_000);

  it('destroy leaves nothing behind', async () => {
    const r = await cli(['destroy', '--yes', '--json']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(aws.stacks().every((s) => s.status === 'DELETE_COMPLETE')).toBe(true);
    expect(aws.providers().apiKey).toEqual([]);
    expect(aws.providers().oauth2).toEqual([]);
    const s3 = new S3Client({
      region: 'us-east-1',
      endpoint: aws.s3Url,
      forcePathStyle: true,
      credentials: { accessKeyId: AKID, secretAccessKey: 'S3RVER' },
    });
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: 'agentcore-staging-123456789012-us-east-1', Prefix: 'Demo/' }),
    );
    expect(listed.Contents ?? []).toEqual([]);
    expect(existsSync(stateFile())).toBe(false);
    expect(aws.violations()).toEqual([]);
  }, 180_000);
});
