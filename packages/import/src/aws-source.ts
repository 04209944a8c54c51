/**
 * A {@link ControlPlaneSource} over the real control plane. The SDK is imported on first use only, so nothing
 * else in this package (or the CLI's cold start) pays for it. Credentials come from the standard chain;
 * `endpoint` (or the standard `AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL`) points it elsewhere, e.g. a local
 * server replaying recorded responses.
 */
import type { AwsAgentRuntime, AwsGateway, AwsGatewayTarget, AwsListGatewayTargetsPage } from './aws-shapes.js';
import { createImportError, type ImportError } from './errors.js';
import { messages } from './messages.js';
import type { ControlPlaneSource } from './source.js';

export interface AwsSourceOptions {
  region?: string;
  endpoint?: string;
  /** Upper bound per call, including retries. */
  timeoutMs?: number;
}

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** SDK failure → coded error. Messages from AWS carry no secrets; credentials never appear in them. */
export function mapAwsError(err: unknown, operation: string, identifier: string): ImportError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkError;
  const status = e.$metadata?.httpStatusCode;
  const details = {
    operation,
    identifier,
    ...(e.name ? { awsError: e.name } : {}),
    ...(status ? { httpStatus: status } : {}),
    ...(e.$metadata?.requestId ? { requestId: e.$metadata.requestId } : {}),
  };
  if (e.name === 'ResourceNotFoundException' || status === 404) {
    return createImportError('ERR_IMPORT_NOT_FOUND', 'NotFound', { operation, identifier }, details, err);
  }
  if (e.name === 'AccessDeniedException' || status === 403) {
    return createImportError('ERR_IMPORT_ACCESS_DENIED', 'AccessDenied', { operation, identifier }, details, err);
  }
  const credentialsMissing = e.name === 'CredentialsProviderError';
  const hint = messages.get(credentialsMissing ? 'hint.credentials' : 'hint.retry');
  return createImportError(
    'ERR_IMPORT_AWS',
    'AwsFailed',
    { operation, identifier, reason: e.message ?? String(err), hint },
    details,
    err,
  );
}

export function awsSource(options: AwsSourceOptions = {}): ControlPlaneSource {
  type Sdk = typeof import('@aws-sdk/client-bedrock-agentcore-control');
  let loaded: Promise<{ sdk: Sdk; client: InstanceType<Sdk['BedrockAgentCoreControlClient']> }> | undefined;
  const load = () =>
    (loaded ??= import('@aws-sdk/client-bedrock-agentcore-control').then((sdk) => ({
      sdk,
      client: new sdk.BedrockAgentCoreControlClient({
        ...(options.region ? { region: options.region } : {}),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        maxAttempts: 2,
      }),
    })));

  async function call<T>(
    operation: string,
    identifier: string,
    run: (ctx: Awaited<ReturnType<typeof load>>, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const signal = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    try {
      return await run(await load(), signal);
    } catch (err) {
      throw mapAwsError(err, operation, identifier);
    }
  }

  return {
    getGateway: (id) =>
      call(
        'GetGateway',
        id,
        ({ sdk, client }, abortSignal) =>
          client.send(new sdk.GetGatewayCommand({ gatewayIdentifier: id }), { abortSignal }) as Promise<AwsGateway>,
      ),
    listGatewayTargets: (id, nextToken) =>
      call(
        'ListGatewayTargets',
        id,
        ({ sdk, client }, abortSignal) =>
          client.send(
            new sdk.ListGatewayTargetsCommand({
              gatewayIdentifier: id,
              maxResults: 100,
              ...(nextToken ? { nextToken } : {}),
            }),
            { abortSignal },
          ) as Promise<AwsListGatewayTargetsPage>,
      ),
    getGatewayTarget: (id, targetId) =>
      call(
        'GetGatewayTarget',
        `${id}/${targetId}`,
        ({ sdk, client }, abortSignal) =>
          client.send(new sdk.GetGatewayTargetCommand({ gatewayIdentifier: id, targetId }), {
            abortSignal,
          }) as Promise<AwsGatewayTarget>,
      ),
    getAgentRuntime: (id) =>
      call(
        'GetAgentRuntime',
        id,
        ({ sdk, client }, abortSignal) =>
          client.send(new sdk.GetAgentRuntimeCommand({ agentRuntimeId: id }), {
            abortSignal,
          }) as Promise<AwsAgentRuntime>,
      ),
  };
}
