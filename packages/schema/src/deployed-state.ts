/** `agentcore/.cli/deployed-state.json`: what a deploy created (official shape). Loose: unknown keys kept. */
import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { SchemaError } from './errors.js';
import { ensureZodEnglish } from './zod.js';
import { schemaMessages } from './messages.js';

ensureZodEnglish();

export const DeployedRuntimeSchema = z.looseObject({
  runtimeId: z.optional(z.string()),
  runtimeArn: z.string(),
  roleArn: z.optional(z.string()),
});
export const DeployedGatewaySchema = z.looseObject({
  gatewayId: z.optional(z.string()),
  gatewayArn: z.optional(z.string()),
  gatewayUrl: z.optional(z.string()),
});
export const DeployedCredentialSchema = z.looseObject({
  credentialProviderArn: z.string(),
  clientSecretArn: z.optional(z.string()),
  callbackUrl: z.optional(z.string()),
});

export const DeployedTargetSchema = z.looseObject({
  region: z.optional(z.string()),
  resources: z._default(
    z.looseObject({
      runtimes: z.optional(z.record(z.string(), DeployedRuntimeSchema)),
      mcp: z.optional(z.looseObject({ gateways: z.optional(z.record(z.string(), DeployedGatewaySchema)) })),
      credentials: z.optional(z.record(z.string(), DeployedCredentialSchema)),
    }),
    {},
  ),
});

export const DeployedStateSchema = z.looseObject({
  targets: z._default(z.record(z.string(), DeployedTargetSchema), {}),
});
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
    throw new SchemaError('ERR_CONFIG_INVALID', schemaMessages().get('error.DeployedStateInvalid', { file }), {
      actions: schemaMessages().list('error.DeployedStateInvalid.actions'),
      details: { file, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
    });
  }
  return parsed.data;
}

/** The deploy target to use: the named one, else the first. */
export function selectDeployedTarget(
  state: DeployedState,
  name?: string,
): { name: string; target: DeployedTarget } | undefined {
  const key = name ?? Object.keys(state.targets)[0];
  const target = key === undefined ? undefined : state.targets[key];
  return key !== undefined && target ? { name: key, target } : undefined;
}
