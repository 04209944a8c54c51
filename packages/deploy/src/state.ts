/**
 * `agentcore/.cli/deployed-state.json`: the official shape (`targets.<name>.resources.runtimes / mcp.gateways /
 * credentials`, plus `region`), so `invoke`, `fetch access`, `import` and the official CLI read it, and under
 * `targets.<name>.agentcoreDeploy` what this deploy needs for its next run (hashes for no-op detection, the auth
 * snapshot for the review, what it created for `destroy`). The official CLI ignores that key. Written atomically.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { readDeployedState, removeIfPresent, writeFileAtomic, type DeployedState } from '@agentcore/schema';
import type { AuthSnapshot } from './snapshot.js';

export interface AssetRecord {
  /** sha256 of the zip. */
  hash: string;
  bucket: string;
  key: string;
}

export interface ProviderRecord {
  kind: 'api-key' | 'oauth';
  /** AWS name of the provider. */
  name: string;
  credentialProviderArn: string;
  secretArn?: string;
  callbackUrl?: string;
  /**
   * True when a deploy created the provider; false when it existed before the first deploy and was only updated.
   * `destroy` deletes only the providers deploy created.
   */
  createdByDeploy?: boolean;
}

export interface DeployMeta {
  stackName: string;
  stackId?: string;
  account: string;
  region: string;
  templateHash: string;
  parametersHash: string;
  stagingBucket: string;
  /** Key prefix of this project's objects in the staging bucket. */
  stagingPrefix: string;
  assets: Record<string, AssetRecord>;
  providers: Record<string, ProviderRecord>;
  auth: AuthSnapshot;
  /** Logical ID → hash of the resource as deployed. */
  resourceHashes?: Record<string, string>;
  deployedAt: string;
}

export const META_KEY = 'agentcoreDeploy';

export interface DeployedOutputs {
  runtimes: Record<string, { runtimeId?: string; runtimeArn: string; roleArn?: string }>;
  gateways: Record<string, { gatewayId?: string; gatewayArn?: string; gatewayUrl?: string }>;
}

export function readMeta(state: DeployedState | undefined, target: string): DeployMeta | undefined {
  const t = state?.targets[target] as Record<string, unknown> | undefined;
  const meta = t?.[META_KEY];
  return typeof meta === 'object' && meta !== null ? (meta as DeployMeta) : undefined;
}

export async function loadState(file: string): Promise<DeployedState | undefined> {
  return readDeployedState(file);
}

function serialize(state: DeployedState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

/** Replace `target` in the state file with what this deploy produced; other targets are kept. */
export async function writeTargetState(
  file: string,
  target: string,
  outputs: DeployedOutputs,
  meta: DeployMeta,
): Promise<void> {
  const state = (await readDeployedState(file)) ?? { targets: {} };
  const credentials = Object.fromEntries(
    Object.entries(meta.providers).map(([name, p]) => [
      name,
      {
        credentialProviderArn: p.credentialProviderArn,
        ...(p.kind === 'oauth' && p.secretArn ? { clientSecretArn: p.secretArn } : {}),
        ...(p.callbackUrl ? { callbackUrl: p.callbackUrl } : {}),
      },
    ]),
  );
  state.targets[target] = {
    region: meta.region,
    resources: {
      runtimes: outputs.runtimes,
      mcp: { gateways: outputs.gateways },
      credentials,
    },
    [META_KEY]: meta,
  };
  await writeFileAtomic(file, serialize(state));
}

/** Remove `target`; the file goes when no target is left. */
export async function clearTargetState(file: string, target: string): Promise<void> {
  const state = await readDeployedState(file);
  if (!state?.targets[target]) return;
  delete state.targets[target];
  if (Object.keys(state.targets).length === 0 && Object.keys(state).length === 1) await removeIfPresent(file);
  else await writeFileAtomic(file, serialize(state));
}

/**
 * A fingerprint of a credential's value(s): HMAC-SHA256 under a key derived from the user's secrets key, so the
 * deployed-state file (which is committed) cannot be used to guess a short secret offline.
 */
export function fingerprinter(secretKey: Uint8Array, project: string): (values: readonly string[]) => string {
  const key = Buffer.from(hkdfSync('sha256', secretKey, Buffer.from(project), 'agentcore deploy fingerprint', 32));
  return (values) => {
    const h = createHmac('sha256', key);
    for (const v of values) h.update(`${Buffer.byteLength(v)}:${v}`);
    return `hmac-sha256:${h.digest('hex')}`;
  };
}
