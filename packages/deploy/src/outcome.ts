/**
 * Pure pieces of a deploy around the stack: the parameter values, the no-op check against the last deploy's record,
 * and deployed-state outputs from the stack's outputs.
 */
import { createDeployError } from './errors.js';
import type { DeployPlan, PlanInput } from './plan.js';
import { secretParameterFor } from './roles.js';
import type { StackInfo } from './stack.js';
import type { DeployMeta, DeployedOutputs, ProviderRecord } from './state.js';
import { canonicalJson, sha256Hex } from './template.js';
import { stagingBucketName } from './assets.js';

export function parametersFor(
  plan: DeployPlan,
  options: PlanInput,
  bucket: string,
  providers: Readonly<Record<string, ProviderRecord>>,
): Record<string, string> {
  const declared = plan.template.Parameters ?? {};
  const values: Record<string, string> = { ...plan.fixedParameters };
  const ids = new Map(options.runtimes.map((r) => [r.name, r.logicalId]));
  for (const a of plan.assets) {
    const id = ids.get(a.runtime);
    values[`${id}CodeBucket`] = bucket;
    values[`${id}CodeKey`] = a.key;
  }
  for (const [param, cred] of Object.entries(options.names.credentialParameters)) {
    const p = providers[cred];
    if (p) values[param] = p.credentialProviderArn;
    if (p?.secretArn) values[secretParameterFor(param)] = p.secretArn;
  }
  const out: Record<string, string> = {};
  for (const name of Object.keys(declared)) {
    const v = values[name];
    if (v === undefined)
      throw createDeployError('ERR_DEPLOY_UNSUPPORTED', 'ParameterMissing', { name }, { parameter: name });
    out[name] = v;
  }
  return out;
}

export function outputsOf(plan: DeployPlan, options: PlanInput, stack: StackInfo): DeployedOutputs {
  const o = stack.outputs;
  const runtimes: DeployedOutputs['runtimes'] = {};
  for (const [id, name] of Object.entries(options.names.runtimes)) {
    const arn = o[`${id}Arn`];
    if (!arn) continue;
    const configured = plan.template.Resources[id]?.Properties.RoleArn;
    const roleArn = o[`${id}ExecutionRoleArn`] ?? (typeof configured === 'string' ? configured : undefined);
    runtimes[name] = {
      runtimeArn: arn,
      ...(o[`${id}Id`] ? { runtimeId: o[`${id}Id`] } : {}),
      ...(roleArn ? { roleArn } : {}),
    };
  }
  const gateways: DeployedOutputs['gateways'] = {};
  for (const [id, name] of Object.entries(options.names.gateways)) {
    gateways[name] = {
      ...(o[`${id}Id`] ? { gatewayId: o[`${id}Id`] } : {}),
      ...(o[`${id}Arn`] ? { gatewayArn: o[`${id}Arn`] } : {}),
      ...(o[`${id}Url`] ? { gatewayUrl: o[`${id}Url`] } : {}),
    };
  }
  return { runtimes, gateways };
}

/**
 * Whether nothing deployable changed since the last deploy (template, code zips, credential values, parameters);
 * the caller confirms with one DescribeStacks that the stack is still the one recorded and settled.
 */
export function unchangedLocally(
  plan: DeployPlan,
  options: PlanInput,
  prev: DeployMeta | undefined,
  where: { account: string; region: string },
): boolean {
  if (!prev || prev.account !== where.account || prev.region !== where.region) return false;
  if (prev.templateHash !== plan.templateHash) return false;
  const assets = Object.fromEntries(plan.assets.map((a) => [a.runtime, a.hash]));
  const prevAssets = Object.fromEntries(Object.entries(prev.assets).map(([k, a]) => [k, a.hash]));
  if (canonicalJson(assets) !== canonicalJson(prevAssets)) return false;
  if (canonicalJson(plan.snapshot.credentials) !== canonicalJson(prev.auth.credentials)) return false;
  const bucket = stagingBucketName(where.account, where.region);
  let params: Record<string, string>;
  try {
    params = parametersFor(plan, options, bucket, prev.providers);
  } catch {
    return false;
  }
  return sha256Hex(canonicalJson(params)) === prev.parametersHash;
}
