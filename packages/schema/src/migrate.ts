/** Reads configs written before the official renames (agents → runtimes, credential type → authorizerType). Pure. */
import { schemaMessages } from './messages.js';

export interface MigrationResult {
  raw: unknown;
  warnings: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function migrateLegacyConfig(raw: unknown): MigrationResult {
  if (!isRecord(raw)) return { raw, warnings: [] };
  const out: Record<string, unknown> = { ...raw };
  const warnings: string[] = [];
  if (Array.isArray(out.agents) && out.runtimes === undefined) {
    out.runtimes = out.agents.map((a) => {
      if (!isRecord(a)) return a;
      const { type: _type, modelProvider: _mp, ...rest } = a;
      return rest;
    });
    delete out.agents;
    warnings.push(schemaMessages().get('warning.LegacyAgents'));
  }
  if (Array.isArray(out.credentials)) {
    let renamed = false;
    out.credentials = out.credentials.map((c) => {
      if (!isRecord(c) || c.authorizerType !== undefined || typeof c.type !== 'string') return c;
      renamed = true;
      const { type, ...rest } = c;
      return { authorizerType: type, ...rest };
    });
    if (renamed) warnings.push(schemaMessages().get('warning.LegacyCredentialType'));
  }
  return { raw: out, warnings };
}
