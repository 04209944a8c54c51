/**
 * `agentcore plugins generate`: a working strategy-plugin skeleton from `templates/plugin/`. Planning the files is
 * pure (template texts + answers → paths and contents); writing them is a thin step that never overwrites.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { TEMPLATES_DIR } from '../shared/templates.js';

const messages = loadMessages('plugins.generate');

export type PluginDirection = 'inbound' | 'outbound';
export const PLUGIN_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const RESERVED_NAMES = new Set(['none', 'aws-iam', 'gateway-iam-role', 'custom-jwt', 'api-key', 'oauth']);

export interface GeneratePluginOptions {
  /** Strategy CLI name, kebab case (`acme-hmac`). */
  name: string;
  direction: PluginDirection;
  /** Folder to create (default `./agentcore-auth-<name>`). */
  dir?: string;
  packageName?: string;
}

export interface GeneratePluginResult {
  packageName: string;
  type: string;
  direction: PluginDirection;
  dir: string;
  files: string[];
}

export interface PluginAnswers {
  name: string;
  direction: PluginDirection;
  packageName: string;
  kitVersion: string;
  oclifCoreVersion: string;
  zodVersion: string;
}

/** Placeholder values for one plugin. */
export function pluginPlaceholders(a: PluginAnswers): Record<string, string> {
  const type = a.name.toUpperCase().replace(/-/g, '_');
  const pascal = a.name
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
  const inbound = a.direction === 'inbound';
  return {
    name: a.name,
    TYPE: type,
    Pascal: pascal,
    packageName: a.packageName,
    direction: a.direction,
    kitVersion: a.kitVersion,
    oclifCoreVersion: a.oclifCoreVersion,
    zodVersion: a.zodVersion,
    selector: inbound ? 'authorizer-type' : 'outbound-auth',
    attach: inbound ? 'add agent' : 'add gateway-target',
    flagName: inbound ? `${a.name}-allowed-client` : `${a.name}-header`,
    flagKey: inbound ? 'allowedClient' : 'header',
    summary: inbound
      ? `Accept callers that present an allowed ${a.name} client id`
      : `Send the credential to the target in a ${a.name} header`,
    flagSummary: inbound
      ? 'Client id callers must present in the x-' + a.name + '-client header.'
      : 'Header that carries the credential to the target.',
  };
}

export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (m, key: string) => values[key] ?? m);
}

/** Template path → output path for a direction (`strategy.outbound.ts.tmpl` → `strategy.ts`), or undefined to skip it. */
export function outputPath(templatePath: string, direction: PluginDirection): string | undefined {
  const other = direction === 'inbound' ? 'outbound' : 'inbound';
  if (templatePath.includes(`.${other}.`)) return undefined;
  const out = templatePath.replace(`.${direction}.`, '.').replace(/\.tmpl$/, '');
  return out === 'gitignore' ? '.gitignore' : out;
}

/** Pure: template files → the plugin's files (placeholders are filled in paths too: `src/commands/{{name}}/`). */
export function planPluginFiles(
  templates: ReadonlyMap<string, string>,
  answers: PluginAnswers,
): { path: string; content: string }[] {
  const values = pluginPlaceholders(answers);
  return [...templates].flatMap(([path, text]) => {
    const out = outputPath(path, answers.direction);
    return out ? [{ path: fillTemplate(out, values), content: fillTemplate(text, values) }] : [];
  });
}

async function readTemplates(root: string, dir = root): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of await readTemplates(root, full)) out.set(k, v);
    else out.set(relative(root, full).split('\\').join('/'), await readFile(full, 'utf8'));
  }
  return out;
}

type HostedVersions = Pick<PluginAnswers, 'kitVersion' | 'oclifCoreVersion' | 'zodVersion'>;

/**
 * Versions the generated plugin declares: the `@agentcore/plugin-kit` and `@oclif/core` this CLI hosts (caret-range
 * peers, and the same versions exactly as dev dependencies) and the zod of `@agentcore/auth`.
 */
function hostedVersions(): HostedVersions {
  const require = createRequire(import.meta.url);
  const kit = require('@agentcore/plugin-kit/package.json') as { version: string };
  const oclif = require('@oclif/core/package.json') as { version: string };
  const auth = require('@agentcore/auth/package.json') as { dependencies?: Record<string, string> };
  return { kitVersion: kit.version, oclifCoreVersion: oclif.version, zodVersion: auth.dependencies?.zod ?? '4.6.7' };
}

export async function generatePlugin(options: GeneratePluginOptions): Promise<GeneratePluginResult> {
  const name = options.name.trim().toLowerCase();
  if (!PLUGIN_NAME_PATTERN.test(name) || RESERVED_NAMES.has(name)) {
    throw new CliError('ERR_INVALID_INPUT', messages.get('error.BadName', { name: options.name }), {
      actions: messages.list('error.BadName.actions'),
      details: { name: options.name },
    });
  }
  const packageName = options.packageName ?? `agentcore-auth-${name}`;
  const dir = resolve(options.dir ?? packageName.replace(/^@[^/]+\//, ''));
  const existing = await readdir(dir).catch(() => undefined);
  if (existing && existing.length > 0) {
    throw new CliError('ERR_DUPLICATE', messages.get('error.DirNotEmpty', { dir }), {
      actions: messages.list('error.DirNotEmpty.actions'),
      details: { dir },
    });
  }
  const files = planPluginFiles(await readTemplates(join(TEMPLATES_DIR, 'plugin')), {
    name,
    direction: options.direction,
    packageName,
    ...hostedVersions(),
  });
  for (const f of files) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.content, { flag: 'wx' });
  }
  return {
    packageName,
    type: pluginPlaceholders({ name, direction: options.direction, packageName, ...hostedVersions() }).TYPE ?? name,
    direction: options.direction,
    dir,
    files: files.map((f) => f.path).sort(),
  };
}
