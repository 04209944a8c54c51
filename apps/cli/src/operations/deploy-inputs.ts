/**
 * What `deploy` hands to @agentcore/deploy: the synthesized template (every credential provider ARN left as a
 * parameter, so the template does not depend on them), which config names its logical IDs stand for, the
 * runtimes' code locations and the credentials' values from `.env.local`.
 */
import type { StrategyRegistry } from '@agentcore/auth';
import type { CredentialInput, RuntimeInput, Template, TemplateNames } from '@agentcore/deploy';
import { credentialEnvNames, OAUTH_VENDOR_DEFAULT, type ProjectConfig, type ProjectStore } from '@agentcore/schema';
import {
  gatewayResourceName,
  providerArnParameter,
  referencedFiles,
  runtimeResourceName,
  synthesizeTemplate,
} from '../synth/index.js';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';

const messages = loadMessages('deploy');

export interface DeployInputs {
  template: Template;
  names: TemplateNames;
  runtimes: RuntimeInput[];
  credentials: CredentialInput[];
}

async function readFiles(root: string, paths: readonly string[]): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const p of paths) {
    const text = await readFile(isAbsolute(p) ? p : resolve(root, p), 'utf8').catch(() => undefined);
    if (text !== undefined) files[p] = text;
  }
  return files;
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

/** Credential values from `.env.local`; a credential the template needs but whose value is missing is an error. */
export async function credentialInputs(
  config: ProjectConfig,
  store: ProjectStore,
  template: Template,
): Promise<CredentialInput[]> {
  const out: CredentialInput[] = [];
  for (const c of config.credentials) {
    const env = credentialEnvNames(c.name);
    const needed = template.Parameters?.[providerArnParameter(c.name)] !== undefined;
    const missing = (variable: string) =>
      new CliError('ERR_NOT_FOUND', messages.get('error.SecretMissing', { name: c.name, variable }), {
        actions: messages.list('error.SecretMissing.actions', { name: c.name }),
        details: { credential: c.name, variable },
      });
    if (c.authorizerType === 'ApiKeyCredentialProvider') {
      const apiKey = await store.secrets.get(env.apiKey);
      if (apiKey) out.push({ name: c.name, values: { kind: 'api-key', apiKey } });
      else if (needed) throw missing(env.apiKey);
      continue;
    }
    const clientId = await store.secrets.get(env.clientId);
    const clientSecret = await store.secrets.get(env.clientSecret);
    if (clientId && clientSecret && c.discoveryUrl) {
      const vendor = c.vendor ?? OAUTH_VENDOR_DEFAULT;
      out.push({
        name: c.name,
        values: { kind: 'oauth', clientId, clientSecret, discoveryUrl: c.discoveryUrl, vendor },
      });
    } else if (needed) throw missing(clientSecret ? env.clientId : env.clientSecret);
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
    credentials: await credentialInputs(config, store, template as Template),
  };
}
