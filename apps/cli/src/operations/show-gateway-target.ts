/**
 * `agentcore gateway-target show`: one target, its outbound auth as the strategy describes it, and where the
 * secret goes on the request (masked, from the strategy's `preview`). Generic: never names an auth type.
 * `findTarget` and `describeTarget` are pure; `showGatewayTarget` only loads the config.
 */
import type { StrategyRegistry } from '@agentcore/auth';
import {
  TARGET_TYPE_INFO,
  type GatewayTarget,
  type OutboundAuth,
  type ProjectConfig,
  type ProjectStore,
} from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { targetSource } from './status.js';

const messages = loadMessages('gateway-target.show');

export interface ShowGatewayTargetInput {
  name: string;
  gateway?: string;
}

export interface ShowGatewayTargetResult {
  gateway: string;
  name: string;
  /** Stored type (`mcpServer`) and CLI spelling (`mcp-server`). */
  targetType: string;
  targetTypeCli: string;
  /** Endpoint, schema location, REST API id/stage or Lambda ARN. */
  source: string;
  outboundAuth: {
    /** Stored type; `NONE` when absent. */
    type: string;
    /** The strategy's one-line description, or the built-in name. */
    description: string;
    /** Package of the strategy that handles the type. */
    plugin?: string;
    credentialName?: string;
    /** The block as written in agentcore.json (names and placement only: secrets never live there). */
    config?: OutboundAuth;
    /** The endpoint the preview was built for (may hold placeholders such as `<region>`). */
    previewEndpoint?: string;
    /** Where the secret goes, masked, e.g. `POST https://x/mcp  header Authorization: Bearer ****`. */
    preview?: string;
  };
}

export type FoundTarget = { ok: true; gateway: string; target: GatewayTarget } | { ok: false; error: CliError };

export function findTarget(config: ProjectConfig, input: ShowGatewayTargetInput): FoundTarget {
  const gateways = config.agentCoreGateways.filter((g) => input.gateway === undefined || g.name === input.gateway);
  if (input.gateway !== undefined && gateways.length === 0) {
    const names = config.agentCoreGateways.map((g) => g.name);
    return {
      ok: false,
      error: new CliError('ERR_NOT_FOUND', messages.get('error.GatewayNotFound', { gateway: input.gateway }), {
        actions: [
          names.length
            ? messages.get('action.useOneOf', { names: names.join(', ') })
            : messages.get('action.addGateway'),
        ],
        details: { gateway: input.gateway, available: names },
      }),
    };
  }
  const hits = gateways.flatMap((g) =>
    g.targets.filter((t) => t.name === input.name).map((target) => ({ gateway: g.name, target })),
  );
  const [hit, ...others] = hits;
  if (!hit) {
    const available = gateways.flatMap((g) => g.targets.map((t) => (input.gateway ? t.name : `${g.name}/${t.name}`)));
    const where = input.gateway ? ` in gateway ${input.gateway}` : '';
    return {
      ok: false,
      error: new CliError('ERR_NOT_FOUND', messages.get('error.TargetNotFound', { name: input.name, where }), {
        actions: [
          available.length
            ? messages.get('action.useOneOf', { names: available.join(', ') })
            : messages.get('action.addTarget'),
        ],
        details: { name: input.name, available },
      }),
    };
  }
  if (others.length > 0) {
    const names = hits.map((h) => h.gateway);
    return {
      ok: false,
      error: new CliError(
        'ERR_INVALID_INPUT',
        messages.get('error.TargetAmbiguous', { name: input.name, gateways: names.join(', ') }),
        {
          actions: [messages.get('action.addGatewayFlag', { gateways: names.join(' | ') })],
          details: { name: input.name, gateways: names },
        },
      ),
    };
  }
  return { ok: true, gateway: hit.gateway, target: hit.target };
}

/** The URL the gateway calls for a target, as far as the config knows it (placeholders for what only AWS knows). */
export function targetCallUrl(target: GatewayTarget): string | undefined {
  if (target.endpoint) return target.endpoint;
  if (target.apiGateway)
    return `https://${target.apiGateway.restApiId}.execute-api.<region>.amazonaws.com/${target.apiGateway.stage}`;
  if (target.schemaSource) return `<server of ${targetSource(target)}>`;
  return undefined;
}

/** Strategies are plugins: a throwing describe/preview degrades to the type name instead of failing the command. */
function attempt<T>(fn: () => T | undefined, onError: (err: unknown) => void): T | undefined {
  try {
    return fn();
  } catch (err) {
    onError(err);
    return undefined;
  }
}

export function describeTarget(
  registry: StrategyRegistry,
  gateway: string,
  target: GatewayTarget,
  onError: (err: unknown) => void = () => undefined,
): ShowGatewayTargetResult {
  const auth = target.outboundAuth;
  const type = auth?.type ?? 'NONE';
  const base = {
    gateway,
    name: target.name,
    targetType: target.targetType,
    targetTypeCli: TARGET_TYPE_INFO[target.targetType].cli ?? target.targetType,
    source: targetSource(target),
  };
  const credential = auth?.credentialName ? { credentialName: auth.credentialName } : {};
  const found = registry.find('outbound', type);
  if (!auth || !found || found.strategy.direction !== 'outbound') {
    const builtin = type === 'NONE' && TARGET_TYPE_INFO[target.targetType].iamRoleFallback ? 'GATEWAY_IAM_ROLE' : type;
    return { ...base, outboundAuth: { type, description: builtin, ...credential, ...(auth ? { config: auth } : {}) } };
  }
  const { strategy } = found;
  const config = { ...auth, type };
  const description = attempt(() => strategy.describe?.(config), onError) ?? type;
  const previewEndpoint = targetCallUrl(target);
  const preview =
    previewEndpoint && strategy.preview
      ? attempt(() => strategy.preview?.(config, previewEndpoint), onError)
      : undefined;
  return {
    ...base,
    outboundAuth: {
      type,
      description,
      plugin: found.source.packageName,
      ...credential,
      config: auth,
      ...(preview && previewEndpoint ? { previewEndpoint, preview } : {}),
    },
  };
}

export async function showGatewayTarget(
  store: ProjectStore,
  registry: StrategyRegistry,
  input: ShowGatewayTargetInput,
  onStrategyError?: (type: string, err: unknown) => void,
): Promise<ShowGatewayTargetResult> {
  const { config } = await store.load();
  const found = findTarget(config, input);
  if (!found.ok) throw found.error;
  const type = found.target.outboundAuth?.type ?? 'NONE';
  return describeTarget(registry, found.gateway, found.target, (err) => onStrategyError?.(type, err));
}
