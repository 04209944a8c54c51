/**
 * Cross-field rules: each is a named function that reports issues with a dotted path. Strategy packages add
 * their own rules (e.g. "the referenced credential exists and is an API-key credential") through the model.
 */
import type { ConfigIssue } from './errors.js';
import { DEFAULT_AUTHORIZER, type OutboundAuthVariant } from './compose.js';
import { allowedOutboundAuth, TARGET_TYPE_INFO } from './target-types.js';
import type { ProjectConfig } from './types.js';
import { schemaMessages } from './messages.js';

export interface RuleIssue extends ConfigIssue {
  severity?: 'error' | 'warning';
}
export type Report = (issue: RuleIssue) => void;

const m = schemaMessages;
export type ProjectRule = (config: ProjectConfig, report: Report) => void;

function uniqueNames(items: readonly { name: string }[], path: string, what: string, report: Report): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.name))
      report({ path: `${path}.${i}.name`, message: m().get('rule.DuplicateName', { what, name: item.name }) });
    seen.add(item.name);
  });
}

export const uniqueResourceNames: ProjectRule = (config, report) => {
  uniqueNames(config.runtimes, 'runtimes', 'agent', report);
  uniqueNames(config.credentials, 'credentials', 'credential', report);
  uniqueNames(config.agentCoreGateways, 'agentCoreGateways', 'gateway', report);
  config.agentCoreGateways.forEach((g, gi) =>
    uniqueNames(g.targets, `agentCoreGateways.${gi}.targets`, 'target', report),
  );
};

export const runtimeStructure: ProjectRule = (config, report) => {
  config.runtimes.forEach((r, i) => {
    const p = `runtimes.${i}`;
    if (r.networkMode === 'VPC' && !r.networkConfig)
      report({ path: `${p}.networkConfig`, message: m().get('rule.NetworkConfigRequired') });
    if (r.networkMode !== 'VPC' && r.networkConfig)
      report({ path: `${p}.networkConfig`, message: m().get('rule.NetworkConfigOnlyVpc') });
    if (r.dockerfile && r.build !== 'Container')
      report({ path: `${p}.dockerfile`, message: m().get('rule.DockerfileOnlyContainer') });
    const lc = r.lifecycleConfiguration;
    if (
      lc?.idleRuntimeSessionTimeout !== undefined &&
      lc.maxLifetime !== undefined &&
      lc.idleRuntimeSessionTimeout > lc.maxLifetime
    ) {
      report({ path: `${p}.lifecycleConfiguration`, message: m().get('rule.IdleExceedsMaxLifetime') });
    }
  });
};

export const targetStructure: ProjectRule = (config, report) => {
  config.agentCoreGateways.forEach((g, gi) =>
    g.targets.forEach((t, ti) => {
      const p = `agentCoreGateways.${gi}.targets.${ti}`;
      const info = TARGET_TYPE_INFO[t.targetType];
      const record = t as Record<string, unknown>;
      if (info.requiresOneOf.length > 0 && !info.requiresOneOf.some((f) => record[f] !== undefined)) {
        report({
          path: p,
          message: m().get('rule.TargetRequires', { type: t.targetType, fields: info.requiresOneOf.join(' or ') }),
        });
      }
      for (const f of info.forbids) {
        if (record[f] !== undefined)
          report({ path: `${p}.${f}`, message: m().get('rule.TargetForbids', { type: t.targetType, field: f }) });
      }
    }),
  );
};

/** Outbound auth must be one the target type accepts, and present where the type requires it. */
export function outboundApplicability(variants: readonly OutboundAuthVariant[]): ProjectRule {
  return (config, report) => {
    config.agentCoreGateways.forEach((g, gi) =>
      g.targets.forEach((t, ti) => {
        const p = `agentCoreGateways.${gi}.targets.${ti}.outboundAuth`;
        const info = TARGET_TYPE_INFO[t.targetType];
        if (info.forbids.includes('outboundAuth')) return; // reported by targetStructure
        const type = t.outboundAuth?.type ?? 'NONE';
        const allowed = allowedOutboundAuth(t.targetType, variants);
        if (info.authRequired && type === 'NONE') {
          const options = allowed.filter((a) => a !== 'NONE' && a !== 'GATEWAY_IAM_ROLE');
          report({
            path: p,
            message: m().get('rule.OutboundAuthRequired', {
              type: t.targetType,
              options: options.join(' or ') || m().get('rule.OutboundAuthRequired.none'),
            }),
          });
        } else if (!allowed.includes(type) && variants.some((v) => v.type === type)) {
          report({
            path: `${p}.type`,
            message: m().get('rule.OutboundAuthUnsupported', {
              type: t.targetType,
              auth: type,
              allowed: allowed.join(', '),
            }),
          });
        }
      }),
    );
  };
}

/** The inbound type in effect for a runtime or gateway. */
export function effectiveAuthorizerType(kind: 'runtime' | 'gateway', resource: { authorizerType?: string }): string {
  return resource.authorizerType ?? DEFAULT_AUTHORIZER[kind];
}

export const CORE_RULES: readonly ProjectRule[] = [uniqueResourceNames, runtimeStructure, targetStructure];
