/**
 * Telemetry attributes of an attach command (`add agent`, `add gateway`, `add gateway-target`): the auth type
 * used, as an enum, and what the strategy that handled it declares through the contract's `telemetry(config)`,
 * called with the config the command stored. Without a strategy (AWS_IAM, NONE, GATEWAY_IAM_ROLE), installed
 * strategies that could have applied give their neutral values (`telemetry(undefined)`, e.g.
 * `api_key_location: 'none'`); with none installed, only the built-in type is recorded.
 * `attachTelemetry` is pure; `loadAttachTelemetry` reads the project once (only when telemetry is enabled).
 */
import type { AttachCommand, SafeAttributes, Strategy, StrategyRegistry } from '@agentcore/auth';
import { ProjectStore, type ProjectConfig } from '@agentcore/schema';
import { enumValue } from '@agentcore/telemetry/record';

const COMMANDS: Readonly<Record<string, AttachCommand>> = {
  'add:agent': 'add agent',
  'add:gateway': 'add gateway',
  'add:gateway-target': 'add gateway-target',
};

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
const field = (v: unknown, key: string): string | undefined => {
  const x = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return typeof x === 'string' ? x : undefined;
};

function strategyAttrs(strategy: Strategy | undefined, config: unknown): SafeAttributes {
  return strategy?.telemetry?.(config) ?? {};
}

function neutral(strategies: readonly Strategy[]): SafeAttributes {
  return Object.assign({}, ...strategies.map((s) => s.telemetry?.(undefined) ?? {})) as SafeAttributes;
}

export function attachTelemetry(
  command: AttachCommand,
  registry: StrategyRegistry,
  project: Readonly<ProjectConfig>,
  result: unknown,
): SafeAttributes {
  const name = field(result, 'name');
  if (command === 'add agent' || command === 'add gateway') {
    const resource =
      command === 'add agent'
        ? project.runtimes.find((r) => r.name === name)
        : project.agentCoreGateways.find((g) => g.name === name);
    if (!resource) return {};
    const type = resource.authorizerType ?? (command === 'add agent' ? 'AWS_IAM' : 'NONE');
    const found = registry.find('inbound', type);
    const attrs = found
      ? strategyAttrs(found.strategy, resource.authorizerConfiguration)
      : neutral(registry.inbound(command === 'add agent' ? 'runtime' : 'gateway'));
    return { ...attrs, authorizer_type: enumValue(type) };
  }
  const gateway = project.agentCoreGateways.find((g) => g.name === field(result, 'gateway'));
  const target = gateway?.targets.find((t) => t.name === name);
  if (!target) return {};
  const type = target.outboundAuth?.type ?? 'NONE';
  const found = registry.find('outbound', type);
  const attrs = found
    ? strategyAttrs(found.strategy, target.outboundAuth)
    : neutral(registry.outbound(target.targetType));
  return { ...attrs, target_type: enumValue(snake(target.targetType)), outbound_auth: enumValue(type) };
}

/** Attributes for the attach command `commandId` that produced `result` (reads the project as stored). */
export async function loadAttachTelemetry(
  commandId: string | undefined,
  registry: StrategyRegistry,
  result: unknown,
): Promise<SafeAttributes | undefined> {
  const command = commandId ? COMMANDS[commandId] : undefined;
  if (!command || result === undefined) return undefined;
  const store = await ProjectStore.open({ model: registry.model() });
  const { config } = await store.load();
  return attachTelemetry(command, registry, config, result);
}
