/**
 * Step 4 of `startDev()`: the runtime and gateway emulators (what decides inbound auth and forwards a request) and
 * the gateway entries they serve, each target with its credential from `.env.local`.
 */
import type { VerifyOptions } from '@agentcore/auth';
import type { Credential } from '@agentcore/schema';
import { targetEntry, type SecretReader } from '../entries.js';
import { createGatewayHandler, type GatewayEntry } from '../gateway-emulator.js';
import type { DevPlan } from '../plan.js';
import { createRuntimeHandler } from '../runtime-emulator.js';

export interface EmulatorOptions {
  /** The session's base URL, known once the server listens. */
  baseUrl: () => string;
  log: (line: string) => void;
  verifyOptions?: VerifyOptions;
  decisionTtlMs?: number;
}

export type Emulators = ReturnType<typeof createEmulators>;

export function createEmulators(options: EmulatorOptions) {
  return { runtime: createRuntimeHandler(options), gateway: createGatewayHandler(options) };
}

export async function gatewayEntries(
  plan: DevPlan,
  secrets: SecretReader,
  credentials: readonly Credential[],
): Promise<Map<string, GatewayEntry>> {
  const gateways = new Map<string, GatewayEntry>();
  for (const g of plan.gateways) {
    gateways.set(g.name, {
      name: g.name,
      type: g.type,
      strategy: g.strategy,
      config: g.config,
      targets: await Promise.all(g.targets.map((t) => targetEntry(t, secrets, credentials))),
    });
  }
  return gateways;
}
