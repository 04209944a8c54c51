/**
 * What `deploy` hands to @agentcore/deploy: the synthesized template (every credential provider ARN left as a
 * parameter, so the template does not depend on them), which config names its logical IDs stand for, the
 * runtimes' code locations and the credentials' values from `.env.local`.
 */
import type { StrategyRegistry } from '@agentcore/auth';
import type { CredentialInput, RuntimeInput, Template, TemplateNames } from '@agentcore/deploy';
import type { ProjectConfig, ProjectStore } from '@agentcore/schema';
import {
  gatewayResourceName,
  providerArnParameter,
  referencedFiles,
  runtimeResourceName,
  synthesizeTemplate,
} from '../synth/index.js';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { readFiles } from './synth.js';

export interface DeployInputs {
  template: Template;
  names: TemplateNames;
  runtimes: RuntimeInput[];
  credentials: CredentialInput[];
}

export function templateNames(config: ProjectConfig, template: Template): TemplateNames {
  const names: TemplateNames = { runtimes: {}, gateways: {}, targets: {}, credentialParameters: {} };
  const entries = Object.entries(template.Resources);
  for (const runtime of config.runtimes) {
    const awsName = runtimeResourceName(config.name, runtime);
    const id = entries.find(([, r]) => r.Properties.AgentRuntimeName === awsName)?.[0];
    if (id) names.runtimes[id] = runtime.name;
  }
  for (const gateway of config.agentCoreGateways) {
    const awsName = gatewayResourceName(config.name, gateway);
    const gwId = entries.find(([, r]) => r.Type.endsWith('::Gateway') && r.Properties.Name === awsName)?.[0];
    if (!gwId) continue;
    names.gateways[gwId] = gateway.name;
    for (const target of gateway.targets) {
      const tId = entries.find(
        ([, r]) =>
          r.Type.endsWith('::GatewayTarget') &&
          r.Properties.Name === target.name &&
          (r.Properties.GatewayIdentifier as { Ref?: string } | undefined)?.Ref === gwId,
      )?.[0];
      if (tId) names.targets[tId] = `${gateway.name}/${target.name}`;
    }
  }
  for (const c of config.credentials) names.credentialParameters[providerArnParameter(c.name)] = c.name;
  return names;
}

/**
 * Credential values from `.env.local`, mapped to AgentCore Identity provider values by each credential's kind; a
 * credential the template needs but whose value is missing is an error, and so is a credential of a local-only kind.
 */
export async function credentialInputs(
  config: ProjectConfig,
  store: ProjectStore,
  template: Template,
  registry: StrategyRegistry,
): Promise<CredentialInput[]> {
  const out: CredentialInput[] = [];
  for (const c of config.credentials) {
    registry.credentialKinds.assertDeployable(c);
    const kind = registry.credentialKinds.of(c)?.kind;
    if (!kind?.identityProvider) continue;
    const env = registry.credentialKinds.envNames(c);
    const secrets: Record<string, string | undefined> = {};
    for (const [flag, variable] of Object.entries(env)) secrets[flag] = await store.secrets.get(variable);
    const values = kind.identityProvider(c, secrets);
    if (values) {
      out.push({ name: c.name, values });
      continue;
    }
    if (template.Parameters?.[providerArnParameter(c.name)] === undefined) continue;
    const missingVars = Object.entries(env).flatMap(([flag, variable]) => (secrets[flag] ? [] : [variable]));
    const variable = missingVars.at(-1) ?? Object.values(env)[0] ?? '';
    // Read here, not at import: `status` loads this module on its cold start.
    const messages = loadMessages('deploy');
    throw new CliError('ERR_NOT_FOUND', messages.get('error.SecretMissing', { name: c.name, variable }), {
      actions: messages.list('error.SecretMissing.actions', { name: c.name }),
      details: { credential: c.name, variable },
    });
  }
  return out;
}

export async function deployInputs(
  store: ProjectStore,
  registry: StrategyRegistry,
  config: ProjectConfig,
): Promise<DeployInputs> {
  const files = await readFiles(
    store.paths.root,
    config.agentCoreGateways.flatMap((g) => referencedFiles(g.targets)),
  );
  const { template } = synthesizeTemplate(config, { registry, credentialArns: {}, files });
  const names = templateNames(config, template as Template);
  const ids = Object.fromEntries(Object.entries(names.runtimes).map(([id, name]) => [name, id]));
  const runtimes: RuntimeInput[] = config.runtimes.map((r) => ({
    name: r.name,
    logicalId: ids[r.name] ?? '',
    build: r.build,
    codeLocation: r.codeLocation,
  }));
  return {
    template: template as Template,
    names,
    runtimes,
    credentials: await credentialInputs(config, store, template as Template, registry),
  };
}
