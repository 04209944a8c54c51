import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { tempFileName } from './fs-atomic.js';
import { ProjectStore, findProjectRoot, projectPaths } from './store.js';
import { createProjectModel } from './model.js';
import { AgentcoreError, ConfigValidationError, SchemaError } from './errors.js';
import type { SecretKeyProvider } from './secret-key.js';

const key = randomBytes(32);
const keys: SecretKeyProvider = { readKeys: async () => [key], writeKey: async () => key };
const model = createProjectModel();

describe('ProjectStore', () => {
  let dir: string;
  let store: ProjectStore;
  const files = async () => ({
    config: await readFile(projectPaths(dir).configFile, 'utf8'),
    env: await readFile(projectPaths(dir).envFile, 'utf8').catch(() => undefined),
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentcore-store-'));
    store = await ProjectStore.create(
      dir,
      { name: 'Demo', version: 1, runtimes: [], credentials: [], agentCoreGateways: [] },
      { model, keys },
    );
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the layout, finds the root from a sub-folder, refuses to create twice', async () => {
    await mkdir(join(dir, 'app', 'deep'), { recursive: true });
    expect(await findProjectRoot(join(dir, 'app', 'deep'))).toBe(dir);
    expect(await readFile(join(dir, 'agentcore', '.gitignore'), 'utf8')).toContain('.env.local');
    const err = await ProjectStore.create(
      dir,
      { name: 'Demo', version: 1, runtimes: [], credentials: [], agentCoreGateways: [] },
      { model },
    ).catch((e: unknown) => e);
    expect((err as SchemaError).code).toBe('ERR_PROJECT_EXISTS');
  });

  it('the generated .gitignore covers .env.local and the temp files of its atomic writes (git check-ignore)', async () => {
    execFileSync('git', ['init', '-q', dir]);
    const rel = relative(dir, tempFileName(projectPaths(dir).envFile));
    expect(rel).toMatch(/^agentcore\/\.env\.local\.\d+\.[0-9a-f]+\.tmp$/);
    const paths = [
      'agentcore/.env.local',
      rel,
      'agentcore/..env.local.123.0badc0de.tmp',
      'agentcore/.cli/token-cache.json',
    ];
    const ignored = execFileSync('git', ['-C', dir, 'check-ignore', ...paths], { encoding: 'utf8' });
    expect(ignored.trim().split('\n')).toEqual(paths);
    const tracked = spawnSync('git', [
      '-C',
      dir,
      'check-ignore',
      'agentcore/agentcore.json',
      'agentcore/.cli/deployed-state.json',
    ]);
    expect(tracked.status).toBe(1); // none of them ignored
  });

  it('reports a missing project and invalid JSON with codes and actions', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'agentcore-none-'));
    const e1 = await findProjectRoot(outside).catch((e: unknown) => e);
    await rm(outside, { recursive: true, force: true });
    expect((e1 as SchemaError).code).toBe('ERR_PROJECT_NOT_FOUND');
    expect((e1 as SchemaError).actions[0]).toMatch(/agentcore create/);
    await writeFile(projectPaths(dir).configFile, '{ nope');
    const e2 = await store.load().catch((e: unknown) => e);
    expect((e2 as SchemaError).code).toBe('ERR_CONFIG_INVALID_JSON');
  });

  it('applies a mutation and stages secrets only when the result is valid', async () => {
    const res = await store.update((draft, ctx) => {
      draft.credentials.push({ authorizerType: 'ApiKeyCredentialProvider', name: 'k' });
      ctx.stageSecrets({ set: { AGENTCORE_CREDENTIAL_K: 'secret' } });
      return 'done';
    });
    expect(res).toMatchObject({ result: 'done', changed: true });
    const f = await files();
    expect(JSON.parse(f.config).credentials).toEqual([{ authorizerType: 'ApiKeyCredentialProvider', name: 'k' }]);
    expect(f.env).toMatch(/^AGENTCORE_CREDENTIAL_K="enc:v1:/m);
    expect(await store.secrets.get('AGENTCORE_CREDENTIAL_K')).toBe('secret');
  });

  it('never writes an invalid config (and does not touch .env.local)', async () => {
    const before = await files();
    const err = await store
      .update((draft, ctx) => {
        draft.runtimes.push({ name: 'bad-name!', build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/x/' });
        ctx.stageSecrets({ set: { AGENTCORE_CREDENTIAL_K: 'secret' } });
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect((err as ConfigValidationError).code).toBe('ERR_CONFIG_INVALID');
    expect(await files()).toEqual(before);
  });

  it('writes nothing when the mutation throws', async () => {
    const before = await files();
    const boom = new AgentcoreError('ERR_DUPLICATE', 'exists', { actions: ['pick another name'] });
    await expect(
      store.update((draft, ctx) => {
        draft.credentials.push({ authorizerType: 'ApiKeyCredentialProvider', name: 'k' });
        ctx.stageSecrets({ set: { AGENTCORE_CREDENTIAL_K: 'secret' } });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await files()).toEqual(before);
  });

  it('restores .env.local when writing the config fails', async () => {
    await store.update((draft, ctx) => {
      draft.credentials.push({ authorizerType: 'ApiKeyCredentialProvider', name: 'a' });
      ctx.stageSecrets({ set: { AGENTCORE_CREDENTIAL_A: 'first' } });
    });
    const before = await files();
    // Inject the failure once .env.local was written: the config path turns into a non-empty folder, so the
    // atomic rename onto it fails (EISDIR/ENOTEMPTY), even for root.
    const original = store.secrets.update.bind(store.secrets);
    vi.spyOn(store.secrets, 'update').mockImplementation(async (changes) => {
      await original(changes);
      await rm(projectPaths(dir).configFile);
      await mkdir(join(projectPaths(dir).configFile, 'blocker'), { recursive: true });
    });
    const err = await store
      .update((draft, ctx) => {
        draft.credentials.push({ authorizerType: 'ApiKeyCredentialProvider', name: 'b' });
        ctx.stageSecrets({ set: { AGENTCORE_CREDENTIAL_B: 'second' } });
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as SchemaError).code).toBe('ERR_WRITE_FAILED');
    expect((err as SchemaError).actions[0]).toContain('folder you can write to');
    expect(await readFile(projectPaths(dir).envFile, 'utf8')).toBe(before.env);
    expect(await store.secrets.has('AGENTCORE_CREDENTIAL_B')).toBe(false);
  });

  it('restores agentcore.json and .env.local byte for byte when an afterWrite step fails', async () => {
    await writeFile(projectPaths(dir).configFile, (await files()).config.replace(/\n/g, '\r\n')); // unusual bytes
    const before = await files();
    const err = await store
      .update((draft, ctx) => {
        draft.credentials.push({ authorizerType: 'ApiKeyCredentialProvider', name: 'c' });
        ctx.stageSecrets({ set: { AGENTCORE_CREDENTIAL_C: 'third' } });
        ctx.afterWrite(() => {
          throw new Error('rename failed');
        });
      })
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe('rename failed');
    expect(await files()).toEqual(before);
  });

  it('reports no change for a no-op mutation', async () => {
    const res = await store.update(() => 1);
    expect(res.changed).toBe(false);
  });
});
