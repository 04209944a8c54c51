/**
 * Project checks beyond the model (which only sees agentcore.json): secrets present in .env.local, referenced
 * credentials declared, code on disk. Pure: the facts about the disk are gathered by the caller and passed in.
 */
import type { CredentialKinds } from '@agentcore/auth';
import { join } from 'node:path';
import type { ProjectConfig } from '@agentcore/schema';
import { credentialEnvKeys, findCredentialReferences } from './remove-plan.js';

export type ProjectCheckCode =
  'SECRET_MISSING' | 'CREDENTIAL_MISSING' | 'CODE_LOCATION_MISSING' | 'ENTRYPOINT_MISSING' | 'TARGET_UNRENDERABLE';

/** One warning-level finding; `params` fill the message `check.<code>` (names and paths only, never values). */
export interface ProjectCheck {
  code: ProjectCheckCode;
  path: string;
  params: Record<string, string>;
}

export interface DiskFacts {
  /** `.env.local` keys that hold a non-empty value. */
  presentEnvKeys: ReadonlySet<string>;
  /** Project-relative paths that exist. */
  existingPaths: ReadonlySet<string>;
}

export interface ProjectCounts {
  runtimes: number;
  gateways: number;
  targets: number;
  credentials: number;
}

export function countResources(config: ProjectConfig): ProjectCounts {
  return {
    runtimes: config.runtimes.length,
    gateways: config.agentCoreGateways.length,
    targets: config.agentCoreGateways.reduce((n, g) => n + g.targets.length, 0),
    credentials: config.credentials.length,
  };
}

/** The entrypoint file without its `:handler` suffix. */
export function entrypointFile(entrypoint: string): string {
  return entrypoint.replace(/:[A-Za-z_][A-Za-z0-9_]*$/, '');
}

/** Project-relative paths the checks need to know about (code folders and entrypoint files). */
export function pathsToCheck(config: ProjectConfig): string[] {
  return config.runtimes.flatMap((r) => [r.codeLocation, join(r.codeLocation, entrypointFile(r.entrypoint))]);
}

/** `.env.local` keys the declared credentials own. */
export function envKeysToCheck(config: ProjectConfig, kinds?: CredentialKinds): string[] {
  return config.credentials.flatMap((c) => credentialEnvKeys(c, kinds));
}

export function checkProject(config: ProjectConfig, facts: DiskFacts, kinds?: CredentialKinds): ProjectCheck[] {
  const checks: ProjectCheck[] = [];
  config.credentials.forEach((c, i) => {
    for (const key of credentialEnvKeys(c, kinds)) {
      if (!facts.presentEnvKeys.has(key))
        checks.push({ code: 'SECRET_MISSING', path: `credentials.${i}`, params: { credential: c.name, key } });
    }
  });
  const declared = new Set(config.credentials.map((c) => c.name));
  for (const ref of findCredentialReferences(config)) {
    if (ref.reason === 'referenced' && !declared.has(ref.credential)) {
      checks.push({ code: 'CREDENTIAL_MISSING', path: ref.path, params: { credential: ref.credential, by: ref.by } });
    }
  }
  config.runtimes.forEach((r, i) => {
    if (!facts.existingPaths.has(r.codeLocation)) {
      checks.push({
        code: 'CODE_LOCATION_MISSING',
        path: `runtimes.${i}.codeLocation`,
        params: { name: r.name, codeLocation: r.codeLocation },
      });
      return;
    }
    const file = join(r.codeLocation, entrypointFile(r.entrypoint));
    if (!facts.existingPaths.has(file))
      checks.push({ code: 'ENTRYPOINT_MISSING', path: `runtimes.${i}.entrypoint`, params: { name: r.name, file } });
  });
  return checks;
}
