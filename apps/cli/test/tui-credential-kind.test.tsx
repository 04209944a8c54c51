/**
 * The `add credential` wizard with a credential kind a plugin registers: the kind is offered, its own prompts are
 * asked (secrets masked), and the answers go through the same operation as flags, writing the kind's fields to
 * agentcore.json and its two secret fields, encrypted, to .env.local.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialEnvName, ProjectStore } from '@agentcore/schema';
import { defineCredentialKind, type StrategyRegistry } from '@agentcore/auth';
import { addCredential } from '../src/operations/add-credential.js';
import { credentialInput } from '../src/command-support/command-inputs.js';
import { ADD_WIZARDS } from '../src/tui/specs/index.js';
import { createSandbox, type Sandbox } from './helpers.js';
import { coreRegistry, driveWizard } from './tui-driver.js';

const basicKind = defineCredentialKind({
  authorizerType: 'AcmeBasicCredential',
  cliName: 'acme-basic',
  summary: 'HTTP Basic user name and password (Acme)',
  contractVersion: 1,
  fieldsSchema: z.strictObject({ realm: z.optional(z.string()) }),
  secretFields: [
    { flag: 'acme-username', envSuffix: '_USERNAME' },
    { flag: 'acme-password', envSuffix: '_PASSWORD' },
  ],
  flags: [
    { name: 'acme-username', kind: 'string', summary: 'User name.', secret: true },
    { name: 'acme-password', kind: 'string', summary: 'Password.', secret: true },
    { name: 'acme-realm', kind: 'string', summary: 'Realm.' },
  ],
  prompts: () => [
    { flag: 'acme-username', kind: 'secret', message: 'User name' },
    { flag: 'acme-password', kind: 'secret', message: 'Password' },
    { flag: 'acme-realm', kind: 'text', message: 'Realm', optional: true },
  ],
  fromFlags: (flags) => {
    const user = flags['acme-username'];
    const password = flags['acme-password'];
    if (typeof user !== 'string' || typeof password !== 'string')
      return { ok: false, problems: [{ flag: 'acme-username', message: 'both values are needed' }] };
    const realm = flags['acme-realm'];
    return {
      ok: true,
      fields: typeof realm === 'string' && realm ? { realm } : {},
      secrets: { 'acme-username': user, 'acme-password': password },
    };
  },
  localOnly: { reason: 'a test kind' },
});

describe('add credential wizard with a plugin credential kind', () => {
  let sb: Sandbox;
  let root: string;
  let registry: StrategyRegistry;
  const saved = { ...process.env };

  beforeAll(async () => {
    sb = await createSandbox();
    await mkdir(join(sb.dir, 'w'));
    expect((await sb.run(['create', '--name', 'Demo', '--json'], { cwd: join(sb.dir, 'w') })).exitCode).toBe(0);
    root = join(sb.dir, 'w', 'Demo');
    Object.assign(process.env, {
      AGENTCORE_CONFIG_DIR: sb.env.AGENTCORE_CONFIG_DIR,
      AGENTCORE_DISABLE_KEYCHAIN: '1',
      HOME: sb.env.HOME,
    });
    registry = coreRegistry().register(basicKind, { packageName: 'agentcore-plugin-acme' });
  });
  afterAll(async () => {
    process.env = saved;
    await sb.cleanup();
  });

  it('offers the kind, asks its prompts with secrets masked, and writes what its fromFlags returns', async () => {
    const store = await ProjectStore.open({ cwd: root, model: registry.model() });
    const { config: project } = await store.load();
    const spec = ADD_WIZARDS['add credential']({ registry, project });
    const answers = { name: 'AcmeLogin', type: 'acme-basic', 'acme-username': 'svc-user', 'acme-password': 'pw-Zq81' };
    const { outcome, frames, asked } = await driveWizard(spec, { ...answers, 'acme-realm': 'tools' });
    expect(asked).toEqual(['name', 'type', 'acme-username', 'acme-password', 'acme-realm']);
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const screen = frames.join('\n');
    expect(screen).toContain('HTTP Basic user name and password (Acme)');
    expect(screen).not.toContain('svc-user');
    expect(screen).not.toContain('pw-Zq81');

    await addCredential(store, registry, credentialInput(outcome.answers));
    const config = JSON.parse(await readFile(join(root, 'agentcore', 'agentcore.json'), 'utf8')) as {
      credentials: unknown[];
    };
    expect(config.credentials).toContainEqual({
      authorizerType: 'AcmeBasicCredential',
      name: 'AcmeLogin',
      realm: 'tools',
    });
    const env = await readFile(join(root, 'agentcore', '.env.local'), 'utf8');
    for (const suffix of ['_USERNAME', '_PASSWORD'])
      expect(env).toMatch(new RegExp(`^${credentialEnvName('AcmeLogin', suffix)}="enc:v1:`, 'm'));
    expect(env).not.toContain('svc-user');
    expect(env).not.toContain('pw-Zq81');
  });
});
