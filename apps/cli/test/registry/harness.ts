/**
 * Harness for the install-by-name end-to-end test: verdaccio (the `@agentcore` scope) + the npm-cache mirror
 * (everything else), publishable variants of workspace packages built in temp copies, and an `agentcore`
 * installed from the registry into an empty folder, run with isolated HOME/XDG folders.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  npm,
  publishPackage,
  publishWorkspace,
  routedEnv,
  startCacheMirror,
  startRegistry,
  workspacePackages,
  type CacheMirror,
  type LocalRegistry,
} from '../../../../tools/local-registry.mjs';
import { isolatedUserEnv, runNodeScript, type RunOptions, type RunResult } from '../helpers.js';

export interface RegistryHarness {
  dir: string;
  registry: LocalRegistry;
  mirror: CacheMirror;
  /** npm environment: `@agentcore` → verdaccio, the rest → mirror, fresh cache. */
  npmEnv: NodeJS.ProcessEnv;
  published: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<RegistryHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'agentcore-e2e-registry-'));
  const registry = await startRegistry({ dir: join(dir, 'verdaccio') });
  let mirror: CacheMirror | undefined;
  try {
    mirror = await startCacheMirror();
    const npmEnv = routedEnv(
      { registryUrl: registry.url, mirrorUrl: mirror.url, cacheDir: join(dir, 'npm-cache') },
      { PATH: process.env.PATH, HOME: join(dir, 'npm-home') },
    );
    const published = await publishWorkspace(registry.url, { env: npmEnv });
    const m = mirror;
    return {
      dir,
      registry,
      mirror: m,
      npmEnv,
      published,
      close: async () => {
        await registry.stop();
        await m.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await registry.stop();
    await mirror?.close();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

type Pjson = Record<string, unknown> & {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  oclif?: { plugins?: string[] };
};

/**
 * Publish a variant of a workspace package: its packed files copied to a temp folder, package.json changed by
 * `mutate`, and the oclif manifest's version kept equal to the package's (no "Mismatched version" warning).
 */
export async function publishVariant(
  h: RegistryHarness,
  name: string,
  mutate: (pjson: Pjson) => void,
  tag: string,
): Promise<string> {
  const source = workspacePackages().find((p) => p.name === name);
  if (!source) throw new Error(`no workspace package ${name}`);
  const out = await mkdtemp(join(h.dir, 'variant-'));
  const pjson = JSON.parse(await readFile(join(source.dir, 'package.json'), 'utf8')) as Pjson;
  const files = [
    'package.json',
    'README.md',
    ...((pjson.files as string[] | undefined) ?? []).filter((f) => !f.startsWith('!')),
  ];
  for (const f of files)
    await cp(join(source.dir, f), join(out, f), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  mutate(pjson);
  await writeFile(join(out, 'package.json'), JSON.stringify(pjson, null, 2) + '\n');
  const manifestFile = join(out, 'oclif.manifest.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8').catch(() => 'null')) as { version?: string } | null;
  if (manifest) await writeFile(manifestFile, JSON.stringify({ ...manifest, version: pjson.version }));
  await publishPackage(out, h.registry.url, { tag, env: h.npmEnv });
  return `${pjson.name}@${pjson.version}`;
}

/** `npm install <spec>` into an empty folder; returns the path of the installed `agentcore` entry point. */
export async function installCli(h: RegistryHarness, spec: string): Promise<string> {
  const prefix = join(h.dir, 'install');
  await mkdir(prefix, { recursive: true });
  await writeFile(join(prefix, 'package.json'), '{ "private": true }\n');
  await npm(['install', spec, '--no-audit', '--no-fund'], { cwd: prefix, env: h.npmEnv, timeoutMs: 240_000 });
  return join(prefix, 'node_modules', '@agentcore', 'cli', 'bin', 'run.js');
}

/** Isolated HOME/XDG folders plus the routed npm environment (for `plugins install`). */
export async function userEnv(h: RegistryHarness, name: string): Promise<NodeJS.ProcessEnv> {
  const home = join(h.dir, name);
  await mkdir(home, { recursive: true });
  return { ...h.npmEnv, ...isolatedUserEnv(home) };
}

export function runInstalled<R = unknown>(bin: string, args: string[], options: RunOptions): Promise<RunResult<R>> {
  return runNodeScript<R>(bin, args, options, 60_000);
}
