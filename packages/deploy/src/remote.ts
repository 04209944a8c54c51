/**
 * Live status of a deployed target, for `agentcore status --aws`: the stack's status (DescribeStacks) and each
 * runtime's and gateway's status from the AgentCore control plane (GetAgentRuntime, GetGateway). Read calls only.
 */
import { awsClients } from './aws/clients.js';
import { mapAwsError } from './aws/errors.js';
import { resolveContext, type SessionOptions } from './aws/session.js';
import { describeStack } from './stack.js';

export interface RemoteStatusInput extends SessionOptions {
  stackName: string;
  /** Runtime name → runtime id. */
  runtimes: Readonly<Record<string, string>>;
  /** Gateway name → gateway id. */
  gateways: Readonly<Record<string, string>>;
}

export interface RemoteStatus {
  /** Absent when the stack does not exist (any more). */
  stackStatus?: string;
  stackStatusReason?: string;
  /** Name → status (`READY`, `CREATING`, …), or `NOT_FOUND`. */
  runtimes: Record<string, string>;
  gateways: Record<string, string>;
}

const notFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'ResourceNotFoundException' || e?.$metadata?.httpStatusCode === 404;
};

export async function remoteStatus(input: RemoteStatusInput): Promise<RemoteStatus> {
  const clients = awsClients(await resolveContext(input));
  try {
    const stack = await describeStack(clients, input.stackName);
    const out: RemoteStatus = {
      ...(stack ? { stackStatus: stack.status } : {}),
      ...(stack?.statusReason ? { stackStatusReason: stack.statusReason } : {}),
      runtimes: {},
      gateways: {},
    };
    const { sdk, client } = await clients.control();
    for (const [name, id] of Object.entries(input.runtimes)) {
      try {
        const r = await client.send(new sdk.GetAgentRuntimeCommand({ agentRuntimeId: id }));
        out.runtimes[name] = r.status ?? 'UNKNOWN';
      } catch (err) {
        if (!notFound(err)) throw mapAwsError(err, 'bedrock-agentcore:GetAgentRuntime');
        out.runtimes[name] = 'NOT_FOUND';
      }
    }
    for (const [name, id] of Object.entries(input.gateways)) {
      try {
        const r = await client.send(new sdk.GetGatewayCommand({ gatewayIdentifier: id }));
        out.gateways[name] = r.status ?? 'UNKNOWN';
      } catch (err) {
        if (!notFound(err)) throw mapAwsError(err, 'bedrock-agentcore:GetGateway');
        out.gateways[name] = 'NOT_FOUND';
      }
    }
    return out;
  } finally {
    clients.destroy();
  }
}
