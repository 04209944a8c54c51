/** GetAgentRuntime response → a runtime entry of agentcore.json. Pure. */
import type { StrategyRegistry } from '@agentcore/auth';
import { ENTRYPOINT_PATTERN, RuntimeVersionSchema, type Runtime } from '@agentcore/schema';
import type { AwsAgentRuntime } from './aws-shapes.js';
import { createImportError, type ImportError } from './errors.js';
import { messages } from './messages.js';
import { mapRuntimeInbound } from './map-auth.js';

export interface MapRuntimeOptions {
  /** AWS names deployed runtimes `${project}_${name}`. */
  projectName: string;
  /** Local name (`--name`); default: the AWS name without the `${project}_` prefix. */
  localName?: string;
  registry: StrategyRegistry;
}

export interface MapRuntimeResult {
  runtime: Runtime;
  warnings: string[];
}

export function defaultRuntimeName(awsName: string, projectName: string): string {
  const prefix = `${projectName}_`;
  return awsName.startsWith(prefix) && awsName.length > prefix.length ? awsName.slice(prefix.length) : awsName;
}

/** Where imported code is expected locally (AWS holds only the built artifact). */
export function defaultCodeLocation(name: string): string {
  return `app/${name}/`;
}

function unsupported(message: string, details: Record<string, unknown>): ImportError {
  return createImportError('ERR_IMPORT_UNSUPPORTED', 'UnsupportedShape', { problem: message }, details);
}

function artifactFields(
  rt: AwsAgentRuntime,
  name: string,
  warnings: string[],
): Pick<Runtime, 'build' | 'entrypoint' | 'codeLocation' | 'runtimeVersion'> {
  const artifact = rt.agentRuntimeArtifact;
  const codeLocation = defaultCodeLocation(name);
  if (artifact?.codeConfiguration) {
    const code = artifact.codeConfiguration;
    const entrypoint = [...(code.entryPoint ?? [])].reverse().find((e) => ENTRYPOINT_PATTERN.test(e));
    if (!entrypoint)
      throw unsupported(
        messages.get('problem.entryPoint', { name, entryPoint: JSON.stringify(code.entryPoint ?? []) }),
        { entryPoint: code.entryPoint ?? [] },
      );
    const version = RuntimeVersionSchema.safeParse(code.runtime);
    if (!version.success)
      throw unsupported(messages.get('problem.runtimeVersion', { name, runtime: String(code.runtime) }), {
        runtime: code.runtime,
      });
    return { build: 'CodeZip', entrypoint, codeLocation, runtimeVersion: version.data };
  }
  if (artifact?.containerConfiguration) {
    warnings.push(
      messages.get('warning.Container', { name, uri: artifact.containerConfiguration.containerUri ?? '-' }),
    );
    return { build: 'Container', entrypoint: 'main.py', codeLocation };
  }
  throw unsupported(messages.get('problem.noArtifact', { name }), {});
}

/** Map one runtime. Throws {@link ImportError} when its auth or artifact cannot be expressed. */
export function mapRuntime(rt: AwsAgentRuntime, options: MapRuntimeOptions): MapRuntimeResult {
  const awsName = rt.agentRuntimeName;
  if (!awsName)
    throw createImportError(
      'ERR_IMPORT_UNSUPPORTED',
      'MissingField',
      { where: 'The runtime response', field: 'agentRuntimeName' },
      { field: 'agentRuntimeName' },
    );
  const name = options.localName ?? defaultRuntimeName(awsName, options.projectName);
  const warnings: string[] = [];
  if (rt.status && rt.status !== 'READY')
    warnings.push(messages.get('warning.NotReady', { kind: 'Runtime', name, status: rt.status }));
  const inbound = mapRuntimeInbound(rt.authorizerConfiguration, options.registry, `runtime ${awsName}`);
  const net = rt.networkConfiguration;
  const vpc = net?.networkModeConfig;
  const env = Object.entries(rt.environmentVariables ?? {});
  const headers = rt.requestHeaderConfiguration?.requestHeaderAllowlist ?? [];
  const life = rt.lifecycleConfiguration;
  const protocol = rt.protocolConfiguration?.serverProtocol;
  const runtime: Runtime = {
    name,
    ...(rt.description ? { description: rt.description } : {}),
    ...artifactFields(rt, name, warnings),
    ...(env.length ? { envVars: env.map(([k, v]) => ({ name: k, value: v })) } : {}),
    networkMode: net?.networkMode === 'VPC' ? 'VPC' : 'PUBLIC',
    ...(net?.networkMode === 'VPC' && vpc
      ? { networkConfig: { subnets: [...(vpc.subnets ?? [])], securityGroups: [...(vpc.securityGroups ?? [])] } }
      : {}),
    ...(protocol === 'HTTP' || protocol === 'MCP' || protocol === 'A2A' || protocol === 'AGUI' ? { protocol } : {}),
    ...(headers.length ? { requestHeaderAllowlist: [...headers] } : {}),
    ...(rt.roleArn ? { executionRoleArn: rt.roleArn } : {}),
    ...(life && (life.idleRuntimeSessionTimeout !== undefined || life.maxLifetime !== undefined)
      ? {
          lifecycleConfiguration: {
            ...(life.idleRuntimeSessionTimeout !== undefined
              ? { idleRuntimeSessionTimeout: life.idleRuntimeSessionTimeout }
              : {}),
            ...(life.maxLifetime !== undefined ? { maxLifetime: life.maxLifetime } : {}),
          },
        }
      : {}),
    ...(inbound
      ? { authorizerType: inbound.authorizerType, authorizerConfiguration: inbound.authorizerConfiguration }
      : {}),
  };
  return { runtime, warnings };
}
