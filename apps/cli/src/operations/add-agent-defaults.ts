/**
 * The official CLI's `add agent` spellings and defaults, turned into this tool's {@link AddAgentInput} before the
 * operation runs: `--type create|byo`, `--language Python|TypeScript`, no code source ⇒ the Python starter agent,
 * own code without `--entrypoint` ⇒ the one `main.py`/`main.ts`/`main.js` in the folder, else `main.py`.
 * Conflicting flags are usage errors (exit 2). Pure apart from listing the code folder.
 */
import { readdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { CliError } from '../shared/errors.js';
import { cliMessages, loadMessages } from '../shared/messages.js';
import type { AddAgentInput } from './add-agent.js';

const messages = loadMessages('add.agent');

/** Official `--type` values this tool supports (`import` is `agentcore import runtime` here). */
export const AGENT_TYPES = ['create', 'byo'] as const;
/** Official `--language` values → this tool's starter templates (create) / default entry files (own code). */
const LANGUAGES: Readonly<Record<string, { template: 'python' | 'node'; entrypoint: string }>> = {
  python: { template: 'python', entrypoint: 'main.py' },
  typescript: { template: 'node', entrypoint: 'main.ts' },
};
/** Entry files looked for in an own-code folder, in the official default's order. */
export const ENTRY_CANDIDATES = ['main.py', 'main.ts', 'main.js'] as const;
export const DEFAULT_STARTER = 'python';

export interface OfficialAgentFlags {
  type?: string;
  language?: string;
}

export interface AgentDefaults {
  input: AddAgentInput;
  /** The starter template chosen because no code source was given. */
  starter?: string;
  /** The entry file inferred (or defaulted) for own code. */
  inferredEntrypoint?: string;
}

function usage(key: string, values: Record<string, string> = {}): CliError {
  return new CliError('ERR_USAGE', messages.get(`error.${key}`, values), {
    actions: [
      ...messages.list(`error.${key}.actions`, values),
      cliMessages.get('error.InvalidInput.help', { command: 'add agent' }),
    ],
    details: { ...values },
  });
}

/** The entry file of an own-code folder: the only one of {@link ENTRY_CANDIDATES} present, else `main.py`. */
export function inferEntrypoint(root: string, codeLocation: string): string {
  let names: string[] = [];
  try {
    names = readdirSync(isAbsolute(codeLocation) ? codeLocation : join(root, codeLocation));
  } catch {
    names = [];
  }
  const present = ENTRY_CANDIDATES.filter((c) => names.includes(c));
  return present.length === 1 && present[0] !== undefined ? present[0] : 'main.py';
}

export function applyAgentDefaults(root: string, input: AddAgentInput, official: OfficialAgentFlags): AgentDefaults {
  const type = official.type?.toLowerCase();
  if (type !== undefined && !(AGENT_TYPES as readonly string[]).includes(type)) {
    throw usage(type === 'import' ? 'TypeImport' : 'TypeUnknown', { type: official.type ?? '' });
  }
  const language = official.language === undefined ? undefined : LANGUAGES[official.language.toLowerCase()];
  if (official.language !== undefined && !language && !(type === 'byo' && /^other$/i.test(official.language))) {
    throw usage('LanguageUnknown', { language: official.language });
  }
  if (input.template !== undefined && input.codeLocation !== undefined) throw usage('TemplateWithCode');
  if (type === 'create' && input.codeLocation !== undefined) throw usage('CreateWithCode');
  if (type === 'byo' && input.template !== undefined) throw usage('ByoWithTemplate');
  if (language && input.template !== undefined && input.template.toLowerCase() !== language.template) {
    throw usage('LanguageMismatch', { language: official.language ?? '', template: input.template });
  }

  const ownCode = input.codeLocation !== undefined || type === 'byo';
  if (ownCode) {
    if (input.entrypoint !== undefined || input.codeLocation === undefined) return { input };
    const entrypoint =
      language && official.language !== undefined
        ? pickForLanguage(root, input.codeLocation, language.entrypoint)
        : inferEntrypoint(root, input.codeLocation);
    return { input: { ...input, entrypoint }, inferredEntrypoint: entrypoint };
  }
  if (input.template !== undefined) return { input };
  const starter = language?.template ?? DEFAULT_STARTER;
  return { input: { ...input, template: starter }, starter };
}

/** With `--language`, the folder's entry file when it is the language's, else the language's `main.*`. */
function pickForLanguage(root: string, codeLocation: string, languageDefault: string): string {
  const found = inferEntrypoint(root, codeLocation);
  const ext = languageDefault.slice(languageDefault.lastIndexOf('.'));
  return found.endsWith(ext) || (ext === '.ts' && found.endsWith('.js')) ? found : languageDefault;
}
