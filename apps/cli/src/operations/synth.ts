/** `agentcore synth`: read the project, deployed state and referenced files, then call the pure synth. */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { StrategyRegistry } from '@agentcore/auth';
import { readDeployedState, selectDeployedTarget, writeFileAtomic, type ProjectStore } from '@agentcore/schema';
import {
  createSynthError,
  referencedFiles,
  synthesizeTemplate,
  synthMessages,
  type CfnTemplate,
} from '../synth/index.js';

export interface SynthInput {
  /** Write the template here (relative to the current folder); otherwise it is returned/printed. */
  out?: string;
  /** Deploy target in deployed-state.json whose credential ARNs to use (default: the first). */
  target?: string;
}

export interface SynthCommandResult {
  /** Absolute path written, when --out was given. */
  out?: string;
  /** The template, when --out was not given. */
  template?: CfnTemplate;
  resources: Record<string, string>;
  parameters: string[];
  /** Deploy target whose credential ARNs were used, if any. */
  deployTarget?: string;
  warnings: string[];
}

/** Credential name → provider ARN from deployed state; `target` must exist when given. */
export async function credentialArnsFromState(
  store: ProjectStore,
  target?: string,
): Promise<{ arns: Record<string, string>; deployTarget?: string }> {
  const state = await readDeployedState(store.paths.deployedStateFile);
  const selected = state ? selectDeployedTarget(state, target) : undefined;
  if (target !== undefined && !selected) {
    const known = state ? Object.keys(state.targets) : [];
    const action = known.length
      ? synthMessages.get('target.useKnown', { known: known.join(', ') })
      : synthMessages.get('target.noState');
    throw createSynthError('ERR_SYNTH_TARGET_UNKNOWN', 'TargetUnknown', { target, action }, { target, known });
  }
  const creds = selected?.target.resources.credentials ?? {};
  return {
    arns: Object.fromEntries(Object.entries(creds).map(([name, c]) => [name, c.credentialProviderArn])),
    deployTarget: selected?.name,
  };
}

/** The text of each readable file in `paths` (relative to `root`), keyed by the path as given; unreadable ones left out. */
export async function readFiles(root: string, paths: readonly string[]): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const p of paths) {
    const text = await readFile(isAbsolute(p) ? p : resolve(root, p), 'utf8').catch(() => undefined);
    if (text !== undefined) files[p] = text;
  }
  return files;
}

export async function runSynth(
  store: ProjectStore,
  registry: StrategyRegistry,
  input: SynthInput,
  cwd: string = process.cwd(),
): Promise<SynthCommandResult> {
  const { config, warnings } = await store.load();
  const { arns, deployTarget } = await credentialArnsFromState(store, input.target);
  const files = await readFiles(
    store.paths.root,
    config.agentCoreGateways.flatMap((g) => referencedFiles(g.targets)),
  );
  const { template, resources, parameters } = synthesizeTemplate(config, { registry, credentialArns: arns, files });
  const base = { resources, parameters, ...(deployTarget ? { deployTarget } : {}), warnings };
  if (input.out === undefined) return { ...base, template };
  const out = resolve(cwd, input.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFileAtomic(out, `${JSON.stringify(template, null, 2)}\n`);
  return { ...base, out };
}
