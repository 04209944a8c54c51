/**
 * `agentcore validate`: the composed model (built-ins + installed strategies) decides validity; the project checks
 * add warnings about secrets and code on disk. An invalid config is a ConfigValidationError listing every issue.
 */
import type { CredentialKinds } from '@agentcore/auth';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigValidationError, type ProjectConfig, type ProjectStore } from '@agentcore/schema';
import { loadMessages } from '../shared/messages.js';
import {
  checkProject,
  countResources,
  envKeysToCheck,
  pathsToCheck,
  type DiskFacts,
  type ProjectCheck,
  type ProjectCounts,
} from './validate-checks.js';
import { synthTargetChecks } from './validate-synth.js';
import { OFFICIAL_COMPAT_VERSION, officialCompatFindings, type CompatFinding } from './official-compat.js';

const messages = loadMessages('validate');

export interface ValidateFinding extends ProjectCheck {
  message: string;
}

export interface ValidateResult {
  valid: true;
  configFile: string;
  counts: ProjectCounts;
  /** Warnings from the model (legacy shapes read, rule warnings). */
  modelWarnings: string[];
  /** Warnings from the project checks (secrets, credentials, code on disk). */
  findings: ValidateFinding[];
  /** Fields the official CLI would reject (this tool's extensions); see `agentcore validate --compat official`. */
  officialCompat: { version: string; findings: (CompatFinding & { message: string })[] };
}

/** Read what the checks need from disk: which credential keys have values, which code paths exist. */
export async function gatherDiskFacts(
  store: ProjectStore,
  config: ProjectConfig,
  kinds?: CredentialKinds,
): Promise<DiskFacts> {
  const presentEnvKeys = new Set<string>();
  for (const key of envKeysToCheck(config, kinds)) if (await store.secrets.has(key)) presentEnvKeys.add(key);
  const existingPaths = new Set<string>();
  for (const p of pathsToCheck(config)) {
    if (
      await access(join(store.paths.root, p)).then(
        () => true,
        () => false,
      )
    )
      existingPaths.add(p);
  }
  return { presentEnvKeys, existingPaths };
}

export function describeCheck(check: ProjectCheck): string {
  return `${check.path}: ${messages.get(`check.${check.code}`, check.params)}`;
}

export async function validateProject(store: ProjectStore, kinds?: CredentialKinds): Promise<ValidateResult> {
  const checked = store.model.check(await store.readRaw());
  if (!checked.config) throw new ConfigValidationError(store.paths.configFile, checked.issues);
  const { config } = checked;
  const checks = [
    ...checkProject(config, await gatherDiskFacts(store, config, kinds), kinds),
    ...(await synthTargetChecks(store.paths.root, config)),
  ];
  const findings = checks.map((c) => ({
    ...c,
    message: describeCheck(c),
  }));
  return {
    valid: true,
    configFile: store.paths.configFile,
    counts: countResources(config),
    modelWarnings: checked.warnings,
    findings,
    officialCompat: {
      version: OFFICIAL_COMPAT_VERSION,
      findings: officialCompatFindings(config).map((f) => ({
        ...f,
        message: `${f.path}: ${messages.get(`compat.${f.code}`, { ...f.params, version: OFFICIAL_COMPAT_VERSION })}`,
      })),
    },
  };
}
