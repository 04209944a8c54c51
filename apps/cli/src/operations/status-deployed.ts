/**
 * The deployed half of `agentcore status`: when deployed-state.json knows the project, each runtime, gateway,
 * target and credential with what was deployed (ARN, URL) and whether it changed locally since (its part of the
 * template, or for a runtime its code zip, differs from what the last `agentcore deploy` recorded). Local work only:
 * no AWS call, no secret value read. @agentcore/deploy is imported only when there is deployed state.
 */
import type { StrategyRegistry } from '@agentcore/auth';
import type { Template } from '@agentcore/deploy';
import { readDeployedState, selectDeployedTarget, type ProjectConfig, type ProjectStore } from '@agentcore/schema';
import { synthesizeTemplate } from '../synth/index.js';
import { templateNames } from './deploy-inputs.js';

/** `deployed`: as deployed; `changed`: changed locally since; `new`: not deployed yet; `removed`: deployed, gone locally. */
export type DeployedState = 'deployed' | 'changed' | 'new' | 'removed' | 'unknown';

export interface DeployedResourceStatus {
  kind: 'runtime' | 'gateway' | 'target' | 'credential';
  name: string;
  /** ARN or URL recorded at deploy. */
  deployed?: string;
  state: DeployedState;
  /** With `--aws`: the runtime's or gateway's status in AgentCore (`READY`, `CREATING`, …, `NOT_FOUND`). */
  awsStatus?: string;
}

/** With `--aws`: where to ask. */
export interface RemoteOptions {
  profile?: string;
  region?: string;
}

export interface DeploymentStatus {
  target: string;
  region?: string;
  stackName?: string;
  deployedAt?: string;
  /** With `--aws`: the stack's status in CloudFormation (absent when the stack does not exist). */
  stackStatus?: string;
  resources: DeployedResourceStatus[];
}

export async function deploymentStatus(
  store: ProjectStore,
  registry: StrategyRegistry,
  config: ProjectConfig,
  remote?: RemoteOptions,
): Promise<DeploymentStatus | undefined> {
  const state = await readDeployedState(store.paths.deployedStateFile).catch(() => undefined);
  const selected = state ? selectDeployedTarget(state) : undefined;
  if (!selected) return undefined;
  const { extendTemplate, readMeta, resourceHashes, codeHash, remoteStatus } = await import('@agentcore/deploy');
  const meta = readMeta(state, selected.name);
  const res = selected.target.resources;
  let current: Record<string, string> = {};
  let names = { runtimes: {}, gateways: {}, targets: {}, credentialParameters: {} } as ReturnType<typeof templateNames>;
  try {
    const raw = synthesizeTemplate(config, { registry, credentialArns: {} }).template as Template;
    names = templateNames(config, raw);
    current = resourceHashes(extendTemplate(raw).template);
  } catch {
    // a config synth cannot map yet: every resource shows as unknown
  }
  const idOf = (map: Record<string, string>, name: string) => Object.entries(map).find(([, n]) => n === name)?.[0];
  const judge = (id: string | undefined, deployed: boolean, extra = true): DeployedState => {
    if (!deployed) return 'new';
    if (!meta?.resourceHashes || !id || current[id] === undefined) return 'unknown';
    return meta.resourceHashes[id] === current[id] && extra ? 'deployed' : 'changed';
  };
  const out: DeployedResourceStatus[] = [];
  for (const r of config.runtimes) {
    const arn = res.runtimes?.[r.name]?.runtimeArn;
    const recorded = meta?.assets[r.name]?.hash;
    const sameCode =
      r.build === 'Container' || recorded === undefined || recorded === codeHash(store.paths.root, r.codeLocation);
    out.push({
      kind: 'runtime',
      name: r.name,
      ...(arn ? { deployed: arn } : {}),
      state: judge(idOf(names.runtimes, r.name), Boolean(arn), sameCode),
    });
  }
  for (const g of config.agentCoreGateways) {
    const gw = res.mcp?.gateways?.[g.name];
    const url = gw?.gatewayUrl ?? gw?.gatewayArn;
    out.push({
      kind: 'gateway',
      name: g.name,
      ...(url ? { deployed: url } : {}),
      state: judge(idOf(names.gateways, g.name), Boolean(gw)),
    });
    for (const t of g.targets) {
      const key = `${g.name}/${t.name}`;
      const id = idOf(names.targets, key);
      const wasDeployed =
        Boolean(gw) && (id === undefined || meta?.resourceHashes?.[id] !== undefined || !meta?.resourceHashes);
      out.push({ kind: 'target', name: key, state: judge(id, wasDeployed) });
    }
  }
  for (const c of config.credentials) {
    const arn = res.credentials?.[c.name]?.credentialProviderArn;
    out.push({ kind: 'credential', name: c.name, ...(arn ? { deployed: arn } : {}), state: arn ? 'deployed' : 'new' });
  }
  for (const name of Object.keys(res.runtimes ?? {}))
    if (!config.runtimes.some((r) => r.name === name))
      out.push({ kind: 'runtime', name, deployed: res.runtimes?.[name]?.runtimeArn, state: 'removed' });
  for (const name of Object.keys(res.mcp?.gateways ?? {}))
    if (!config.agentCoreGateways.some((g) => g.name === name)) out.push({ kind: 'gateway', name, state: 'removed' });
  for (const name of Object.keys(res.credentials ?? {}))
    if (!config.credentials.some((c) => c.name === name)) out.push({ kind: 'credential', name, state: 'removed' });
  const result: DeploymentStatus = {
    target: selected.name,
    ...(selected.target.region ? { region: selected.target.region } : {}),
    ...(meta ? { stackName: meta.stackName, deployedAt: meta.deployedAt } : {}),
    resources: out,
  };
  if (!remote || !meta) return result;
  const ids = (entries: [string, string | undefined][]) =>
    Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== undefined));
  const live = await remoteStatus({
    ...remote,
    region: remote.region ?? meta.region,
    stackName: meta.stackName,
    runtimes: ids(Object.entries(res.runtimes ?? {}).map(([n, r]) => [n, r.runtimeId])),
    gateways: ids(Object.entries(res.mcp?.gateways ?? {}).map(([n, g]) => [n, g.gatewayId])),
  });
  for (const r of out) {
    const status =
      r.kind === 'runtime' ? live.runtimes[r.name] : r.kind === 'gateway' ? live.gateways[r.name] : undefined;
    if (status) r.awsStatus = status;
  }
  return { ...result, ...(live.stackStatus ? { stackStatus: live.stackStatus } : { stackStatus: 'NOT_FOUND' }) };
}
