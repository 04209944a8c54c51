/**
 * 20 concurrent `agentcore add credential` processes on one project (built binary, secrets on stdin): the project
 * lock serialises them, so every credential is present, the file is valid, and `.env.local` holds 20 encrypted keys
 * (mode 0600). The secrets key is created by whichever process gets there first (a racing first use).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { credentialEnvNames, envEntries, parseEnvFile, tryDecryptSecret } from '@agentcore/schema';
import { createSandbox, fileMode, type Sandbox } from './helpers.js';

const N = 20;

describe('concurrent add credential', () => {
  let sb: Sandbox;
  let root: string;
  beforeAll(async () => {
    sb = await createSandbox();
    const r = await sb.run(['create', '--name', 'Busy', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    root = join(sb.dir, 'Busy');
  });
  afterAll(() => sb.cleanup());

  it(`keeps all ${N} credentials and secrets`, async () => {
    const names = Array.from({ length: N }, (_, i) => `Key-${i}`);
    const runs = await Promise.all(
      names.map((name, i) =>
        sb.run(['add', 'credential', '--name', name, '--type', 'api-key', '--api-key', '-', '--json'], {
          cwd: root,
          input: `secret-value-${i}\n`,
          timeoutMs: 120_000,
        }),
      ),
    );
    for (const r of runs) expect(r.exitCode, `${r.stdout}\n${r.stderr}`).toBe(0);

    const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')) as {
      credentials: { name: string; authorizerType: string }[];
    };
    expect(config.credentials.map((c) => c.name).sort()).toEqual([...names].sort());
    expect(config.credentials.every((c) => c.authorizerType === 'ApiKeyCredentialProvider')).toBe(true);

    const envPath = join(root, 'agentcore', '.env.local');
    const env = await readFile(envPath, 'utf8');
    const lines = env.trim().split('\n');
    expect(lines).toHaveLength(N);
    for (const name of names)
      expect(env).toMatch(
        new RegExp(`^AGENTCORE_CREDENTIAL_${name.replace(/-/g, '_').toUpperCase()}="enc:v1:[A-Za-z0-9+/=]+"$`, 'm'),
      );
    expect(env).not.toMatch(/secret-value/);
    expect(await fileMode(envPath)).toBe(0o600);

    // One key was created, and it decrypts every secret to what its process sent.
    const key = await readFile(join(sb.env.AGENTCORE_CONFIG_DIR ?? '', 'secrets.key'));
    const values = envEntries(parseEnvFile(env));
    names.forEach((name, i) =>
      expect(tryDecryptSecret(values.get(credentialEnvNames(name).apiKey) ?? '', key)).toBe(`secret-value-${i}`),
    );

    // The file is valid for the CLI itself: a further command loads it.
    const again = await sb.run(
      ['add', 'credential', '--name', 'Key-0', '--type', 'api-key', '--api-key', '-', '--json'],
      { cwd: root, input: 'x' },
    );
    expect(again.json?.code).toBe('ERR_DUPLICATE');
  }, 180_000);
});
