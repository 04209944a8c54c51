/** `agentcore/.cli/deployed-state.json`: what a deploy created (official shape, DOMAIN.md §A.9). Loose: unknown keys kept. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SchemaError } from './errors.js';

export const DeployedRuntimeSchema = z.object({ runtimeId: z.string().optional(), runtimeArn: z.string(), roleArn: z.string().optional() }).loose();
export const DeployedGatewaySchema = z.object({ gatewayId: z.string().optional(), gatewayArn: z.string().optional(), gatewayUrl: z.string().optional() }).loose();
export const DeployedCredentialSchema = z
  .object({ credentialProviderArn: z.string(), clientSecretArn: z.string().optional(), callbackUrl: z.string().optional() })
  .loose();

export const DeployedTargetSchema = z
  .object({
    region: z.string().optional(),
    resources: z
      .object({
        runtimes: z.record(z.string(), DeployedRuntimeSchema).optional(),
        mcp: z.object({ gateways: z.record(z.string(), DeployedGatewaySchema).optional() }).loose().optional(),
        credentials: z.record(z.string(), DeployedCredentialSchema).optional(),
      })
      .loose()
      .default({}),
  })
  .loose();

export const DeployedStateSchema = z.object({ targets: z.record(z.string(), DeployedTargetSchema).default({}) }).loose();
export type DeployedState = z.infer<typeof DeployedStateSchema>;
export type DeployedTarget = z.infer<typeof DeployedTargetSchema>;

/** Read deployed state; undefined when the project was never deployed. */
export async function readDeployedState(file: string): Promise<DeployedState | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const parsed = DeployedStateSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new SchemaError('ERR_CONFIG_INVALID', `${file} is not a valid deployed-state file.`, {
      actions: ['Re-run the deploy that wrote it, or delete the file.'],
      details: { file, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
    });
  }
  return parsed.data;
}

/** The deploy target to use: the named one, else the first. */
export function selectDeployedTarget(state: DeployedState, name?: string): { name: string; target: DeployedTarget } | undefined {
  const key = name ?? Object.keys(state.targets)[0];
  const target = key === undefined ? undefined : state.targets[key];
  return key !== undefined && target ? { name: key, target } : undefined;
}
