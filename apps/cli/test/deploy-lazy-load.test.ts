/**
 * The AWS SDK (and @agentcore/deploy) load only on the deploy/destroy paths: other commands keep their cold start.
 * The built binary runs with a module hook that records every resolved module URL.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, runBin, type Sandbox } from './helpers.js';

const LOADER = `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
const log = process.env.AGENTCORE_MODULE_LOG;
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); if (log) appendFileSync(log, r.url + '\\n'); return r; } });
`;

const AWS =
  /\/node_modules\/@(aws-sdk|smithy|aws-crypto)\/|\/packages\/deploy\/dist\/|\/node_modules\/@agentcore\/deploy\//;

describe('the AWS SDK loads only for deploy and destroy', () => {
  let sb: Sandbox;
  let root: string;
  let loader: string;
  let n = 0;

  function modulesOf(args: string[], env: NodeJS.ProcessEnv = {}) {
    const log = join(sb.dir, `modules-${n++}.log`);
    writeFileSync(log, '');
    return runBin(args, {
      cwd: root,
      env: { ...sb.env, ...env, NODE_OPTIONS: `--import ${pathToFileURL(loader).href}`, AGENTCORE_MODULE_LOG: log },
      input: 'sk-lazy-0123456789',
    }).then((r) => ({ exitCode: r.exitCode, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) }));
  }

  beforeAll(async () => {
    sb = await createSandbox();
    loader = join(sb.dir, 'module-log.mjs');
    writeFileSync(loader, LOADER);
    expect((await sb.run(['create', '--name', 'Demo', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Demo');
    mkdirSync(join(sb.dir, 'aws'), { recursive: true });
  });
  afterAll(() => sb.cleanup());

  it.each([
    ['--version', ['--version'], {}],
    [
      'add credential (fast path)',
      ['add', 'credential', '--name', 'K1', '--type', 'api-key', '--api-key', '-', '--json'],
      {},
    ],
    [
      'add credential (oclif path)',
      ['add', 'credential', '--name', 'K2', '--type', 'api-key', '--api-key', '-', '--json'],
      { AGENTCORE_FAST_PATH: '0' },
    ],
    ['status', ['status', '--json'], {}],
    ['synth', ['synth', '--json'], {}],
  ] as [string, string[], NodeJS.ProcessEnv][])('%s does not load @aws-sdk', async (_label, args, env) => {
    const { modules, exitCode } = await modulesOf(args, env);
    expect(exitCode).toBe(0);
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((u) => AWS.test(u))).toEqual([]);
  });

  it('deploy does load it (control: the logger sees the SDK)', async () => {
    const aws = join(sb.dir, 'aws');
    const { modules } = await modulesOf(['deploy', '--yes', '--json', '--region', 'us-east-1'], {
      AWS_SHARED_CREDENTIALS_FILE: join(aws, 'credentials'),
      AWS_CONFIG_FILE: join(aws, 'config'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    // the credential chain is checked first; the service clients load only when AWS is asked through them
    expect(modules.some((u) => /\/node_modules\/@aws-sdk\/credential-provider-node\//.test(u))).toBe(true);
  });
});
