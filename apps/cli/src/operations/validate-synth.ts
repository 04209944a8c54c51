/**
 * `validate` also tries what `synth` does with each gateway target (its CloudFormation `TargetConfiguration`), so a
 * target `synth` would refuse — an inline schema that is missing or not JSON, a tool schema that is not a list — is
 * reported when the project is validated, not first at synth time.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { ProjectConfig } from '@agentcore/schema';
import { SynthError } from '../synth/errors.js';
import { referencedFiles, targetConfiguration } from '../synth/target-configuration.js';
import type { ProjectCheck } from './validate-checks.js';

/** Contents of the local files the targets reference; unreadable ones are left out (synth reports them). */
async function readTargetFiles(root: string, config: ProjectConfig): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const path of referencedFiles(config.agentCoreGateways.flatMap((g) => g.targets))) {
    const text = await readFile(isAbsolute(path) ? path : join(root, path), 'utf8').catch(() => undefined);
    if (text !== undefined) files[path] = text;
  }
  return files;
}

export async function synthTargetChecks(root: string, config: ProjectConfig): Promise<ProjectCheck[]> {
  const files = await readTargetFiles(root, config);
  const checks: ProjectCheck[] = [];
  config.agentCoreGateways.forEach((g, gi) =>
    g.targets.forEach((t, ti) => {
      try {
        targetConfiguration(t, { files });
      } catch (err) {
        if (!(err instanceof SynthError)) throw err;
        checks.push({
          code: 'TARGET_UNRENDERABLE',
          path: `agentCoreGateways.${gi}.targets.${ti}`,
          params: { gateway: g.name, target: t.name, problem: err.message, action: err.actions[0] ?? '' },
        });
      }
    }),
  );
  return checks;
}
