/**
 * The commands of the upstream pull requests this project re-implements (runtime inbound CUSTOM_JWT; API-key
 * placement), run as written there through the built binary, plus the official `add agent` / `invoke` spellings
 * users copy from AWS docs: `--type create|byo`, `--language`, the default `--entrypoint`, `invoke --prompt`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { createSandbox, snapshotProject, type Sandbox } from './helpers.js';
import { parseNdjson, startEchoAgent, startJwtProxy, type Peer } from './invoke-peers.js';

const SECRET = 'seed-plan-client-secret-4b7e';

interface RuntimeJson {
  name: string;
  entrypoint: string;
  codeLocation: string;
  runtimeVersion?: string;
  authorizerType?: string;
  authorizerConfiguration?: { customJwtAuthorizer: Record<string, unknown> };
}

describe('the seeds’ test plans, verbatim (built binary)', () => {
  let sb: Sandbox;
  let root: string;
  let idp: OidcIssuer;
  let agent: Peer;
  let proxy: Peer & { admitted: string[] };
  const run = (args: string[], input?: string) =>
    sb.run(args, { cwd: root, ...(input === undefined ? {} : { input }) });
  const runtimes = async () =>
    (JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')) as { runtimes: RuntimeJson[] })
      .runtimes;
  const runtime = async (name: string) => (await runtimes()).find((r) => r.name === name);

  beforeAll(async () => {
    sb = await createSandbox();
    idp = await startOidcIssuer({
      clients: [{ clientId: 'agent-client', clientSecret: SECRET, scopes: ['agents:invoke'] }],
    });
    agent = await startEchoAgent();
    proxy = await startJwtProxy(idp, agent.url);
    expect((await sb.run(['create', '--name', 'Seeds', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Seeds');
  });
  afterAll(async () => {
    await Promise.all([proxy?.close(), agent?.close(), idp?.close()]);
    await sb?.cleanup();
  });

  it('add agent --authorizer-type CUSTOM_JWT --discovery-url <url> --allowed-clients <id> creates the agent with auth config (the Python starter, and says so)', async () => {
    const r = await run([
      ...['add', 'agent', '--name', 'A', '--authorizer-type', 'CUSTOM_JWT'],
      ...['--discovery-url', idp.discoveryUrl, '--allowed-clients', 'agent-client'],
    ]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('created the python starter echo agent');
    expect(await runtime('A')).toMatchObject({
      entrypoint: 'main.py',
      codeLocation: 'app/A/',
      runtimeVersion: 'PYTHON_3_12',
      authorizerType: 'CUSTOM_JWT',
      authorizerConfiguration: {
        customJwtAuthorizer: { discoveryUrl: idp.discoveryUrl, allowedClients: ['agent-client'] },
      },
    });
    expect((await stat(join(root, 'app', 'A', 'main.py'))).isFile()).toBe(true);

    const json = await run(['add', 'agent', '--name', 'A2', '--json']);
    expect(json.exitCode, json.stdout).toBe(0);
    expect(json.json?.result).toMatchObject({ name: 'A2', starter: 'python', entrypoint: 'main.py' });
  });

  it('fetch access --type agent --name <name> fetches a token; invoke --bearer-token <token> sends it as Authorization', async () => {
    const add = await run(
      [
        ...['add', 'agent', '--name', 'B', '--authorizer-type', 'CUSTOM_JWT', '--discovery-url', idp.discoveryUrl],
        ...['--allowed-clients', 'agent-client', '--client-id', 'agent-client', '--client-secret', '-', '--json'],
      ],
      SECRET,
    );
    expect(add.exitCode, add.stdout).toBe(0);
    const fetched = await run(['fetch', 'access', '--type', 'agent', '--name', 'B', '--json']);
    expect(fetched.exitCode, fetched.stdout).toBe(0);
    const token = (fetched.json?.result as { token?: string } | undefined)?.token ?? '';
    expect(token).toMatch(/^ey/);

    proxy.admitted.length = 0;
    const r = await run(['invoke', '--runtime', 'B', '--endpoint', proxy.url, '--bearer-token', token, 'hi', '--json']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(parseNdjson(r.stdout).envelope?.result).toMatchObject({ authSource: 'flag', text: 'echo: hi' });
    expect(proxy.admitted).toEqual(['agent-client']);
    expect(r.stdout + r.stderr).not.toContain(token);

    const official = await run(['invoke', '--runtime', 'B', '--endpoint', proxy.url, '--prompt', 'hello', '--json']);
    expect(official.exitCode, official.stdout + official.stderr).toBe(0);
    expect(parseNdjson(official.stdout).envelope?.result).toMatchObject({ text: 'echo: hello' });
  });

  it('add gateway-target … --api-key-location HEADER --api-key-parameter-name Authorization --api-key-prefix Bearer', async () => {
    expect((await run(['add', 'gateway', '--name', 'my-gateway', '--json'])).exitCode).toBe(0);
    const cred = await run(['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-'], 'k3y');
    expect(cred.exitCode, cred.stdout + cred.stderr).toBe(0);
    const r = await run([
      ...['add', 'gateway-target', '--type', 'mcp-server', '--name', 'secureTools'],
      ...['--endpoint', 'https://api.example.com/mcp', '--gateway', 'my-gateway'],
      ...['--outbound-auth', 'api-key', '--credential-name', 'MyKey'],
      ...['--api-key-location', 'HEADER', '--api-key-parameter-name', 'Authorization', '--api-key-prefix', 'Bearer'],
      '--json',
    ]);
    expect(r.exitCode, r.stdout).toBe(0);
    const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')) as {
      agentCoreGateways: { name: string; targets: { name: string; outboundAuth?: unknown }[] }[];
    };
    const target = config.agentCoreGateways.find((g) => g.name === 'my-gateway')?.targets[0];
    expect(target?.outboundAuth).toEqual({
      type: 'API_KEY',
      credentialName: 'MyKey',
      apiKey: { parameterName: 'Authorization', prefix: 'Bearer' },
    });
  });
});

describe('official add agent / invoke spellings (built binary)', () => {
  let sb: Sandbox;
  let root: string;
  const run = (args: string[]) => sb.run([...args, '--json'], { cwd: root });
  const runtime = async (name: string) =>
    (
      JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')) as { runtimes: RuntimeJson[] }
    ).runtimes.find((r) => r.name === name);

  beforeAll(async () => {
    sb = await createSandbox();
    expect((await sb.run(['create', '--name', 'Spell', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Spell');
  });
  afterAll(() => sb.cleanup());

  it('--type byo --code-location: entrypoint defaults to main.py, or the only main.ts/main.js in the folder', async () => {
    await mkdir(join(root, 'app', 'Empty'), { recursive: true });
    const r = await run(['add', 'agent', '--name', 'Empty', '--type', 'byo', '--code-location', 'app/Empty']);
    expect(r.exitCode, r.stdout).toBe(0);
    expect(await runtime('Empty')).toMatchObject({ entrypoint: 'main.py', codeLocation: 'app/Empty/' });

    await mkdir(join(root, 'app', 'Ts'), { recursive: true });
    await writeFile(join(root, 'app', 'Ts', 'main.ts'), 'export {};\n');
    const ts = await run(['add', 'agent', '--name', 'Ts', '--type', 'BYO', '--code-location', 'app/Ts']);
    expect(ts.exitCode, ts.stdout).toBe(0);
    expect(await runtime('Ts')).toMatchObject({ entrypoint: 'main.ts' });

    await mkdir(join(root, 'app', 'Both'), { recursive: true });
    await writeFile(join(root, 'app', 'Both', 'main.js'), '');
    await writeFile(join(root, 'app', 'Both', 'main.py'), '');
    const both = await run(['add', 'agent', '--name', 'Both', '--code-location', 'app/Both']);
    expect(both.exitCode, both.stdout).toBe(0);
    expect(await runtime('Both')).toMatchObject({ entrypoint: 'main.py' });

    const human = await sb.run(
      ['add', 'agent', '--name', 'Js', '--code-location', 'app/Both', '--entrypoint', 'main.js'],
      {
        cwd: root,
      },
    );
    expect(human.exitCode).toBe(0);
    expect(await runtime('Js')).toMatchObject({ entrypoint: 'main.js' });
  });

  it('--type create --language TypeScript|Python picks the node|python starter', async () => {
    const ts = await run(['add', 'agent', '--name', 'NodeOne', '--type', 'create', '--language', 'TypeScript']);
    expect(ts.exitCode, ts.stdout).toBe(0);
    expect(await runtime('NodeOne')).toMatchObject({ entrypoint: 'main.js', runtimeVersion: 'NODE_22' });
    const py = await run(['add', 'agent', '--name', 'PyOne', '--language', 'python']);
    expect(py.exitCode, py.stdout).toBe(0);
    expect(await runtime('PyOne')).toMatchObject({ entrypoint: 'main.py', runtimeVersion: 'PYTHON_3_12' });
  });

  it.each([
    [['--template', 'node', '--code-location', 'app/X'], 'cannot be used together'],
    [['--type', 'create', '--code-location', 'app/X'], '--type create'],
    [['--type', 'byo', '--template', 'node'], '--type byo'],
    [['--language', 'Python', '--template', 'node'], 'does not match'],
    [['--language', 'Cobol'], 'Unknown --language'],
    [['--type', 'import'], 'not supported'],
    [['--type', 'bogus'], 'Unknown --type'],
  ])('refuses %j as a usage error (exit 2) and writes nothing', async (flags, text) => {
    const before = await snapshotProject(root);
    const r = await run(['add', 'agent', '--name', 'X', ...flags]);
    expect(r.exitCode, r.stdout).toBe(2);
    expect(r.json?.code).toBe('ERR_USAGE');
    expect(r.json?.message).toContain(text);
    expect(r.json?.actions?.[0]?.length).toBeGreaterThan(10);
    expect(await snapshotProject(root)).toEqual(before);
  });

  it('invoke refuses a prompt given twice and a session id shorter than 33 characters (exit 2)', async () => {
    const twice = await run(['invoke', '--runtime', 'Empty', '--endpoint', 'http://127.0.0.1:9', 'a', '--prompt', 'b']);
    expect(twice.exitCode).toBe(2);
    expect(twice.json?.code).toBe('ERR_USAGE');
    expect(twice.json?.actions?.[0]).toContain('--prompt');
    const short = await run([
      ...['invoke', '--runtime', 'Empty', '--endpoint', 'http://127.0.0.1:9', '--session-id', 'abc', 'hi'],
    ]);
    expect(short.exitCode).toBe(2);
    expect(short.json).toMatchObject({ code: 'ERR_USAGE', details: { length: 3, min: 33, max: 256 } });
    expect(short.json?.actions?.[0]).toContain('uuidgen');
  });
});
