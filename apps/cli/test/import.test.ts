import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, snapshotProject, type Sandbox } from './helpers.js';
import { gatewayResponses, KEY_ARN, OTHER_ARN, startControlPlane, type ControlPlane } from './import-fixtures.js';

interface ImportResult {
  name: string;
  written: boolean;
  dryRun: boolean;
  targets?: string[];
  source: string;
  entry: Record<string, unknown>;
}

describe('agentcore import gateway (built binary, --json)', () => {
  let sb: Sandbox;
  let root: string;
  let cp: ControlPlane;
  const readConfig = async () => JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8'));
  const writeResponses = async (name: string, body: unknown) => {
    const file = join(sb.dir, name);
    await writeFile(file, JSON.stringify(body));
    return file;
  };

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    const r = await sb.run(['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-', '--json'], {
      cwd: root,
      input: 'k-123',
    });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    await mkdir(join(root, 'agentcore', '.cli'), { recursive: true });
    await writeFile(
      join(root, 'agentcore', '.cli', 'deployed-state.json'),
      JSON.stringify({
        targets: { default: { resources: { credentials: { MyKey: { credentialProviderArn: KEY_ARN } } } } },
      }),
    );
    cp = await startControlPlane(gatewayResponses());
  });
  afterAll(async () => {
    await cp.close();
    await sb.cleanup();
  });

  it('--dry-run previews a QUERY_PARAMETER placement and writes nothing', async () => {
    const before = await snapshotProject(root);
    const file = await writeResponses('q.json', gatewayResponses());
    const r = await sb.run<ImportResult>(['import', 'gateway', '--from-file', file, '--dry-run', '--json'], {
      cwd: root,
    });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.json?.result).toMatchObject({
      name: 'tools',
      written: false,
      dryRun: true,
      targets: ['search', 'stage'],
      source: 'file',
    });
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('writes apiKey {location: QUERY_PARAMETER, parameterName} from recorded responses', async () => {
    const file = await writeResponses('q.json', gatewayResponses());
    const r = await sb.run<ImportResult>(['import', 'gateway', '--from-file', file, '--json'], { cwd: root });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const gw = (await readConfig()).agentCoreGateways.find((g: { name: string }) => g.name === 'tools');
    expect(gw.targets[0].outboundAuth).toEqual({
      type: 'API_KEY',
      credentialName: 'MyKey',
      apiKey: { location: 'QUERY_PARAMETER', parameterName: 'api_key' },
    });
    expect(gw.targets[1]).not.toHaveProperty('outboundAuth');
    expect(gw.targets[1]).toMatchObject({ name: 'stage', targetType: 'apiGateway' });
  });

  it('writes no apiKey block for HEADER / x-api-key', async () => {
    const file = await writeResponses(
      'h.json',
      gatewayResponses({ placement: { credentialLocation: 'HEADER', credentialParameterName: 'x-api-key' } }),
    );
    const r = await sb.run<ImportResult>(['import', 'gateway', '--from-file', file, '--name', 'plain', '--json'], {
      cwd: root,
    });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const gw = (await readConfig()).agentCoreGateways.find((g: { name: string }) => g.name === 'plain');
    expect(gw).toMatchObject({ name: 'plain', resourceName: 'Demo-tools' });
    expect(gw.targets[0].outboundAuth).toEqual({ type: 'API_KEY', credentialName: 'MyKey' });
  });

  it('fails with ERR_IMPORT_UNKNOWN_CREDENTIAL for an unknown provider ARN and leaves the project byte-identical', async () => {
    const before = await snapshotProject(root);
    const file = await writeResponses('u.json', gatewayResponses({ arn: OTHER_ARN }));
    const r = await sb.run(['import', 'gateway', '--from-file', file, '--name', 'other', '--json'], { cwd: root });
    expect(r.exitCode).toBe(1);
    expect(r.json?.code).toBe('ERR_IMPORT_UNKNOWN_CREDENTIAL');
    expect(r.json?.details?.providerArn).toBe(OTHER_ARN);
    expect(r.json?.actions?.[0]).toMatch(
      /^Add the credential to the project \(`agentcore add credential`\) and deploy it/,
    );
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('refuses a malformed responses file with a coded error', async () => {
    const file = await writeResponses('bad.json', { GetGateways: {} });
    const r = await sb.run(['import', 'gateway', '--from-file', file, '--json'], { cwd: root });
    expect(r.json?.code).toBe('ERR_IMPORT_RESPONSES_FILE');
  });

  it('import runtime keeps CUSTOM_JWT custom claims (dropped by the official import)', async () => {
    const claims = [
      {
        inboundTokenClaimName: 'roles',
        inboundTokenClaimValueType: 'STRING_ARRAY',
        authorizingClaimMatchValue: {
          claimMatchOperator: 'CONTAINS_ANY',
          claimMatchValue: { matchValueStringList: ['admin', 'ops'] },
        },
      },
    ];
    const file = await writeResponses('rt.json', {
      GetAgentRuntime: {
        agentRuntimeId: 'Demo_Agent-abc',
        agentRuntimeName: 'Demo_Agent',
        status: 'READY',
        roleArn: 'arn:aws:iam::123456789012:role/rt',
        agentRuntimeArtifact: {
          codeConfiguration: {
            code: { s3: { bucket: 'b', prefix: 'p' } },
            runtime: 'PYTHON_3_13',
            entryPoint: ['main.py'],
          },
        },
        networkConfiguration: { networkMode: 'PUBLIC' },
        protocolConfiguration: { serverProtocol: 'HTTP' },
        authorizerConfiguration: {
          customJWTAuthorizer: {
            discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration',
            allowedClients: ['c1'],
            customClaims: claims,
          },
        },
      },
    });
    const r = await sb.run<ImportResult>(['import', 'runtime', '--from-file', file, '--json'], { cwd: root });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const rt = (await readConfig()).runtimes.find((x: { name: string }) => x.name === 'Agent');
    expect(rt).toMatchObject({
      build: 'CodeZip',
      entrypoint: 'main.py',
      runtimeVersion: 'PYTHON_3_13',
      authorizerType: 'CUSTOM_JWT',
      codeLocation: 'app/Agent/',
    });
    expect(rt.authorizerConfiguration.customJwtAuthorizer.customClaims).toEqual(claims);
    const bad = await sb.run(['import', 'runtime', '--from-file', file, '--name', 'bad-name', '--json'], { cwd: root });
    expect(bad.json?.code).toBe('ERR_INVALID_INPUT');
  });

  describe('through the real SDK client against a local endpoint', () => {
    const awsEnv = () => ({
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL: cp.url,
      AWS_EC2_METADATA_DISABLED: 'true',
    });

    it('signs requests, follows pagination and maps the gateway', async () => {
      cp.requests.length = 0;
      const r = await sb.run<ImportResult>(
        [
          'import',
          'gateway',
          '--arn',
          'arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/gw1',
          '--name',
          'viaSdk',
          '--json',
        ],
        { cwd: root, env: awsEnv() },
      );
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
      expect(r.json?.result).toMatchObject({
        name: 'viaSdk',
        source: 'aws',
        written: true,
        targets: ['search', 'stage'],
      });
      expect(cp.requests.map((q) => q.path)).toEqual([
        '/gateways/gw1/',
        '/gateways/gw1/targets/?maxResults=100',
        '/gateways/gw1/targets/?maxResults=100&nextToken=page2',
        '/gateways/gw1/targets/t1/',
        '/gateways/gw1/targets/t2/',
      ]);
      expect(
        cp.requests.every((q) =>
          /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/bedrock-agentcore\/aws4_request/.test(
            q.authorization ?? '',
          ),
        ),
      ).toBe(true);
      const gw = (await readConfig()).agentCoreGateways.find((g: { name: string }) => g.name === 'viaSdk');
      expect(gw.targets[0].outboundAuth.apiKey).toEqual({ location: 'QUERY_PARAMETER', parameterName: 'api_key' });
      expect(r.stdout + r.stderr).not.toContain('wJalrXUtnFEMI');
    });

    it('maps 404 to ERR_IMPORT_NOT_FOUND and AccessDenied to ERR_IMPORT_ACCESS_DENIED, writing nothing', async () => {
      const before = await snapshotProject(root);
      const nf = await sb.run(['import', 'gateway', '--id', 'missing', '--json'], { cwd: root, env: awsEnv() });
      expect(nf.json).toMatchObject({
        code: 'ERR_IMPORT_NOT_FOUND',
        details: { operation: 'GetGateway', httpStatus: 404 },
      });
      await cp.close();
      cp = await startControlPlane(gatewayResponses(), { denied: ['gw1'] });
      const ad = await sb.run(['import', 'gateway', '--id', 'gw1', '--json'], { cwd: root, env: awsEnv() });
      expect(ad.json).toMatchObject({
        code: 'ERR_IMPORT_ACCESS_DENIED',
        details: { awsError: 'AccessDeniedException', httpStatus: 403 },
      });
      expect(ad.json?.actions?.[0]).toContain('bedrock-agentcore:GetGateway');
      expect(await snapshotProject(root)).toEqual(before);
    });
  });
});
