/** `AWS::BedrockAgentCore::Runtime` for one runtime of agentcore.json. Pure. */
import { RUNTIME_NAME_PATTERN, type Runtime } from '@agentcore/schema';
import { inboundAuthorizer } from './auth.js';
import { createSynthError } from './errors.js';
import type { CfnResource, ParameterSet, SynthOptions } from './template-types.js';

/** `CodeConfiguration.Runtime` values the resource specification allows. */
export const CFN_CODE_RUNTIMES: readonly string[] = [
  'PYTHON_3_10',
  'PYTHON_3_11',
  'PYTHON_3_12',
  'PYTHON_3_13',
  'PYTHON_3_14',
  'NODE_22',
];
/** Used when `runtimeVersion` is absent: the official CLI's Python default, or the only Node version AWS runs. */
export const DEFAULT_PYTHON_RUNTIME = 'PYTHON_3_14';
export const DEFAULT_NODE_RUNTIME = 'NODE_22';

export function runtimeResourceName(projectName: string, runtime: Pick<Runtime, 'name'>): string {
  return `${projectName}_${runtime.name}`;
}

export function effectiveRuntimeVersion(runtime: Pick<Runtime, 'runtimeVersion' | 'entrypoint'>): string {
  if (runtime.runtimeVersion) return runtime.runtimeVersion;
  return /\.py(:|$)/.test(runtime.entrypoint) ? DEFAULT_PYTHON_RUNTIME : DEFAULT_NODE_RUNTIME;
}

function artifact(runtime: Runtime, logicalId: string, params: ParameterSet): Record<string, unknown> {
  if (runtime.build === 'Container') {
    return {
      ContainerConfiguration: {
        ContainerUri: params.ref(`${logicalId}ImageUri`, `Container image URI for runtime ${runtime.name}`),
      },
    };
  }
  const version = effectiveRuntimeVersion(runtime);
  if (!CFN_CODE_RUNTIMES.includes(version)) {
    const allowed = CFN_CODE_RUNTIMES.join(', ');
    throw createSynthError(
      'ERR_SYNTH_UNSUPPORTED',
      'RuntimeVersionUnsupported',
      { runtime: runtime.name, version, allowed },
      { runtime: runtime.name, runtimeVersion: version, allowed: CFN_CODE_RUNTIMES },
    );
  }
  return {
    CodeConfiguration: {
      Code: {
        S3: {
          Bucket: params.ref(`${logicalId}CodeBucket`, `S3 bucket holding the code zip of runtime ${runtime.name}`),
          Prefix: params.ref(`${logicalId}CodeKey`, `S3 key of the code zip of runtime ${runtime.name}`),
        },
      },
      EntryPoint: [runtime.entrypoint],
      Runtime: version,
    },
  };
}

interface FilesystemEntry {
  sessionStorage?: { mountPath?: unknown };
}

function filesystems(runtime: Runtime): Record<string, unknown>[] | undefined {
  const raw = (runtime as { filesystemConfigurations?: unknown }).filesystemConfigurations;
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  return (raw as FilesystemEntry[]).flatMap((f) =>
    typeof f.sessionStorage?.mountPath === 'string'
      ? [{ SessionStorage: { MountPath: f.sessionStorage.mountPath } }]
      : [],
  );
}

export function runtimeResource(
  projectName: string,
  runtime: Runtime,
  logicalId: string,
  options: SynthOptions,
  params: ParameterSet,
): CfnResource {
  const name = runtimeResourceName(projectName, runtime);
  if (!RUNTIME_NAME_PATTERN.test(name)) {
    throw createSynthError(
      'ERR_SYNTH_NAME_INVALID',
      'RuntimeNameInvalid',
      { awsName: name, runtime: runtime.name, project: projectName },
      { runtime: runtime.name, awsName: name, max: 48 },
    );
  }
  const auth = inboundAuthorizer(
    'runtime',
    runtime.authorizerType,
    runtime.authorizerConfiguration,
    options.registry,
    `runtime ${runtime.name}`,
  );
  const life = runtime.lifecycleConfiguration;
  const fs = filesystems(runtime);
  const props: Record<string, unknown> = {
    AgentRuntimeArtifact: artifact(runtime, logicalId, params),
    AgentRuntimeName: name,
    ...(auth ? { AuthorizerConfiguration: auth } : {}),
    ...(runtime.description ? { Description: runtime.description } : {}),
    ...(runtime.envVars?.length
      ? { EnvironmentVariables: Object.fromEntries(runtime.envVars.map((e) => [e.name, e.value])) }
      : {}),
    ...(fs?.length ? { FilesystemConfigurations: fs } : {}),
    ...(life && Object.keys(life).length
      ? {
          LifecycleConfiguration: {
            ...(life.idleRuntimeSessionTimeout !== undefined
              ? { IdleRuntimeSessionTimeout: life.idleRuntimeSessionTimeout }
              : {}),
            ...(life.maxLifetime !== undefined ? { MaxLifetime: life.maxLifetime } : {}),
          },
        }
      : {}),
    NetworkConfiguration: {
      NetworkMode: runtime.networkMode ?? 'PUBLIC',
      ...(runtime.networkMode === 'VPC' && runtime.networkConfig
        ? {
            NetworkModeConfig: {
              SecurityGroups: runtime.networkConfig.securityGroups,
              Subnets: runtime.networkConfig.subnets,
            },
          }
        : {}),
    },
    ...(runtime.protocol ? { ProtocolConfiguration: runtime.protocol } : {}),
    ...(runtime.requestHeaderAllowlist?.length
      ? { RequestHeaderConfiguration: { RequestHeaderAllowlist: runtime.requestHeaderAllowlist } }
      : {}),
    RoleArn:
      runtime.executionRoleArn ??
      params.ref(`${logicalId}RoleArn`, `ARN of the IAM role runtime ${runtime.name} runs with`),
    ...(runtime.tags && Object.keys(runtime.tags).length ? { Tags: runtime.tags } : {}),
  };
  return { Type: 'AWS::BedrockAgentCore::Runtime', Properties: props };
}
