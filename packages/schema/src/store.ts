/**
 * ProjectStore: finds a project, loads and validates `agentcore/agentcore.json`, and applies mutations under a
 * cross-process lock with atomic writes. An invalid config is never written; a failed write of the config after
 * `.env.local` changed restores `.env.local`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { EnvChanges } from './env-file.js';
import { SchemaError } from './errors.js';
import { withFileLock, writeFileAtomic } from './fs-atomic.js';
import { rewriteJsonFile } from './json-edit.js';
import type { ParseResult, ProjectModel } from './model.js';
import { SecretStore } from './secret-store.js';
import type { SecretKeyProvider } from './secret-key.js';
import type { ProjectConfig } from './types.js';

export const CONFIG_DIR = 'agentcore';
export const CONFIG_FILE = 'agentcore.json';
export const ENV_FILE = '.env.local';
export const CLI_STATE_DIR = '.cli';

export interface ProjectPaths {
  root: string;
  configDir: string;
  configFile: string;
  envFile: string;
  stateDir: string;
  deployedStateFile: string;
  tokenCacheFile: string;
  lockFile: string;
}

export function projectPaths(root: string): ProjectPaths {
  const configDir = join(root, CONFIG_DIR);
  const stateDir = join(configDir, CLI_STATE_DIR);
  return {
    root,
    configDir,
    configFile: join(configDir, CONFIG_FILE),
    envFile: join(configDir, ENV_FILE),
    stateDir,
    deployedStateFile: join(stateDir, 'deployed-state.json'),
    tokenCacheFile: join(stateDir, 'token-cache.json'),
    lockFile: join(stateDir, 'project.lock'),
  };
}

async function exists(p: string): Promise<boolean> {
  return existsSync(p);
}

/** Walk up from `from` to the folder holding `agentcore/agentcore.json`. */
export async function findProjectRoot(from: string = process.cwd()): Promise<string> {
  let dir = resolve(from);
  for (;;) {
    if (await exists(join(dir, CONFIG_DIR, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new SchemaError(
    'ERR_PROJECT_NOT_FOUND',
    `No agentcore project found in ${resolve(from)} or any parent folder.`,
    {
      actions: ['Run `agentcore create --name MyProject` to create one, or cd into an existing project.'],
      details: { cwd: resolve(from) },
    },
  );
}

/** Stable JSON: 2-space indent and a final newline, like the official CLI. */
export function serializeConfig(config: ProjectConfig): string {
  return JSON.stringify(config, null, 2) + '\n';
}

export interface UpdateContext {
  /** Stage `.env.local` changes; they are written only if the config validates. */
  stageSecrets(changes: EnvChanges): void;
}

export interface UpdateResult<T> extends ParseResult {
  result: T;
  changed: boolean;
}

export interface ProjectStoreOptions {
  model: ProjectModel;
  keys?: SecretKeyProvider;
}

export class ProjectStore {
  readonly paths: ProjectPaths;
  readonly secrets: SecretStore;
  readonly #model: ProjectModel;

  constructor(root: string, options: ProjectStoreOptions) {
    this.paths = projectPaths(root);
    this.#model = options.model;
    this.secrets = new SecretStore(this.paths.envFile, options.keys);
  }

  static async open(options: ProjectStoreOptions & { cwd?: string }): Promise<ProjectStore> {
    return new ProjectStore(await findProjectRoot(options.cwd), options);
  }

  get model(): ProjectModel {
    return this.#model;
  }

  async readRaw(): Promise<unknown> {
    let text: string;
    try {
      text = readFileSync(this.paths.configFile, 'utf8');
    } catch (err) {
      throw new SchemaError(
        'ERR_CONFIG_UNREADABLE',
        `Cannot read ${this.paths.configFile}: ${(err as Error).message}`,
        {
          actions: ['Check that the file exists and is readable.'],
          details: { file: this.paths.configFile },
        },
      );
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new SchemaError(
        'ERR_CONFIG_INVALID_JSON',
        `${this.paths.configFile} is not valid JSON: ${(err as Error).message}`,
        {
          actions: ['Fix the JSON syntax (an editor with the agentcore $schema shows where).'],
          details: { file: this.paths.configFile },
        },
      );
    }
  }

  async load(): Promise<ParseResult> {
    return this.#model.parse(await this.readRaw(), this.paths.configFile);
  }

  /**
   * Apply `mutation` to a copy of the current config under the project lock, validate the result and write it
   * atomically. The mutation may throw to abort; nothing is written then.
   */
  async update<T>(mutation: (draft: ProjectConfig, ctx: UpdateContext) => T | Promise<T>): Promise<UpdateResult<T>> {
    return withFileLock(this.paths.lockFile, async () => {
      const before = this.#model.parse(await this.readRaw(), this.paths.configFile);
      const draft = structuredClone(before.config);
      const staged: EnvChanges[] = [];
      const result = await mutation(draft, { stageSecrets: (c) => staged.push(c) });
      const after = this.#model.parse(draft, this.paths.configFile);
      const text = serializeConfig(after.config);
      const changed = text !== serializeConfig(before.config) || staged.length > 0;
      if (!changed) return { ...after, result, changed };
      const envSnapshot = staged.length > 0 ? await this.secrets.snapshot() : undefined;
      for (const c of staged) await this.secrets.update(c);
      try {
        await writeFileAtomic(this.paths.configFile, rewriteJsonFile(this.paths.configFile, after.config, text));
      } catch (err) {
        if (staged.length > 0) await this.secrets.restore(envSnapshot);
        throw err;
      }
      return { ...after, warnings: [...before.warnings, ...after.warnings], result, changed };
    });
  }

  /** Create a new project folder layout with an initial config (fails if one exists). */
  static async create(root: string, config: ProjectConfig, options: ProjectStoreOptions): Promise<ProjectStore> {
    const paths = projectPaths(root);
    if (await exists(paths.configFile)) {
      throw new SchemaError('ERR_PROJECT_EXISTS', `A project already exists at ${paths.root}.`, {
        actions: ['Choose another --name or folder, or work in the existing project.'],
        details: { root: paths.root },
      });
    }
    const parsed = options.model.parse(config, paths.configFile);
    await writeFileAtomic(join(paths.configDir, '.gitignore'), GITIGNORE);
    await writeFileAtomic(paths.configFile, serializeConfig(parsed.config));
    return new ProjectStore(root, options);
  }
}

/** Keeps secrets and local state out of git (deployed-state.json stays tracked, as in the official layout). */
export const GITIGNORE = ['.env.local', '.cli/*', '!.cli/deployed-state.json', ''].join('\n');
