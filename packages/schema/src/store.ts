/**
 * ProjectStore: finds a project, loads and validates `agentcore/agentcore.json`, and applies mutations under a
 * cross-process lock with atomic writes. An invalid config is never written; a failed write of the config after
 * `.env.local` changed restores `.env.local`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { EnvChanges } from './env-file.js';
import { SchemaError } from './errors.js';
import { crashPoint } from './crash-point.js';
import { toWriteError, withFileLock, writeFileAtomic } from './fs-atomic.js';
import { FsTransaction, recoverScaffolds } from './fs-transaction.js';
import { rewriteJsonFile } from './json-edit.js';
import type { ParseResult, ProjectModel } from './model.js';
import { SecretStore } from './secret-store.js';
import type { SecretKeyProvider } from './secret-key.js';
import type { ProjectConfig } from './types.js';
import { schemaMessages } from './messages.js';

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
    schemaMessages().get('error.ProjectNotFound', { cwd: resolve(from) }),
    {
      actions: schemaMessages().list('error.ProjectNotFound.actions'),
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
  /**
   * Run `step` right after agentcore.json was written, still under the lock (e.g. renaming scaffolded code into
   * place). If it throws, agentcore.json and `.env.local` are restored byte for byte and the error is rethrown.
   */
  afterWrite(step: () => void): void;
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
    return this.#parseText(this.#readText());
  }

  #readText(): string {
    let text: string;
    try {
      text = readFileSync(this.paths.configFile, 'utf8');
    } catch (err) {
      const values = { file: this.paths.configFile, reason: (err as Error).message };
      throw new SchemaError('ERR_CONFIG_UNREADABLE', schemaMessages().get('error.ConfigUnreadable', values), {
        actions: schemaMessages().list('error.ConfigUnreadable.actions'),
        details: { file: this.paths.configFile },
      });
    }
    return text;
  }

  #parseText(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      const values = { file: this.paths.configFile, reason: (err as Error).message };
      throw new SchemaError('ERR_CONFIG_INVALID_JSON', schemaMessages().get('error.ConfigInvalidJson', values), {
        actions: schemaMessages().list('error.ConfigInvalidJson.actions'),
        details: { file: this.paths.configFile },
      });
    }
  }

  async load(): Promise<ParseResult> {
    return this.#model.parse(await this.readRaw(), this.paths.configFile);
  }

  /**
   * Apply `mutation` to a copy of the current config under the project lock, validate the result and write it
   * atomically. The mutation may throw to abort; nothing is written then. Leftovers of killed `add agent` runs are
   * finished or removed first (see fs-transaction.ts).
   */
  async update<T>(mutation: (draft: ProjectConfig, ctx: UpdateContext) => T | Promise<T>): Promise<UpdateResult<T>> {
    return withFileLock(this.paths.lockFile, async () => {
      const beforeText = this.#readText();
      const before = this.#model.parse(this.#parseText(beforeText), this.paths.configFile);
      recoverScaffolds(
        this.paths.root,
        before.config.runtimes.map((r) => r.codeLocation),
      );
      const draft = structuredClone(before.config);
      const staged: EnvChanges[] = [];
      const afterWrite: (() => void)[] = [];
      const result = await mutation(draft, {
        stageSecrets: (c) => staged.push(c),
        afterWrite: (step) => afterWrite.push(step),
      });
      const after = this.#model.parse(draft, this.paths.configFile);
      const text = serializeConfig(after.config);
      const changed = text !== serializeConfig(before.config) || staged.length > 0;
      if (!changed) return { ...after, result, changed };
      const envSnapshot = staged.length > 0 ? await this.secrets.snapshot() : undefined;
      let configWritten = false;
      try {
        for (const c of staged) await this.secrets.update(c);
        crashPoint('update:env-written');
        await writeFileAtomic(this.paths.configFile, rewriteJsonFile(this.paths.configFile, after.config, text));
        configWritten = true;
        crashPoint('update:config-written');
        for (const step of afterWrite) step();
      } catch (err) {
        // Restore best effort: the error that made us restore is the one to report.
        if (configWritten) await writeFileAtomic(this.paths.configFile, beforeText).catch(() => undefined);
        if (staged.length > 0) await this.secrets.restore(envSnapshot).catch(() => undefined);
        throw toWriteError(err);
      }
      return { ...after, warnings: [...before.warnings, ...after.warnings], result, changed };
    });
  }

  /**
   * Create a new project folder layout with an initial config (fails if one exists). Everything is created through
   * `options.transaction` (a new one if not given), agentcore.json last and only if absent; `options.files` are
   * written before it (`replace: false` keeps a file that exists). On failure, what this call created is removed —
   * unless the caller passed its own transaction, which then decides.
   */
  static async create(
    root: string,
    config: ProjectConfig,
    options: ProjectStoreOptions & {
      transaction?: FsTransaction;
      dirs?: readonly string[];
      files?: readonly { path: string; data: string; replace: boolean }[];
    },
  ): Promise<ProjectStore> {
    const paths = projectPaths(root);
    if (await exists(paths.configFile)) throw projectExistsError(paths.root);
    const parsed = options.model.parse(config, paths.configFile);
    const tx = options.transaction ?? new FsTransaction();
    try {
      tx.mkdir(paths.configDir);
      for (const dir of options.dirs ?? []) tx.mkdir(dir);
      const files = [
        { path: join(paths.configDir, '.gitignore'), data: GITIGNORE, replace: false },
        ...(options.files ?? []),
      ];
      for (const f of files) {
        if (!existsSync(f.path)) tx.writeNewFile(f.path, f.data);
        else if (f.replace) await writeFileAtomic(f.path, f.data);
      }
      tx.writeNewFile(paths.configFile, serializeConfig(parsed.config));
    } catch (err) {
      if (!options.transaction) tx.rollback();
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && existsSync(paths.configFile))
        throw projectExistsError(paths.root);
      throw toWriteError(err);
    }
    if (!options.transaction) tx.commit();
    return new ProjectStore(root, options);
  }
}

function projectExistsError(root: string): SchemaError {
  return new SchemaError('ERR_PROJECT_EXISTS', schemaMessages().get('error.ProjectExists', { root }), {
    actions: schemaMessages().list('error.ProjectExists.actions'),
    details: { root },
  });
}

/**
 * Keeps secrets and local state out of git (deployed-state.json stays tracked, as in the official layout), and the
 * temp files of atomic writes (`.env.local.<pid>.<hex>.tmp`, see fs-atomic.ts) that a killed command can leave.
 */
export const GITIGNORE = ['.env.local', '*.tmp', '.cli/*', '!.cli/deployed-state.json', ''].join('\n');
