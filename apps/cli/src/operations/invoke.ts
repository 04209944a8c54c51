/** The one code path that invokes an agent: pick the runtime, its endpoint and its auth, then stream the events. */
import type { Interfaces } from '@oclif/core';
import { findProjectRoot, isAgentcoreError } from '@agentcore/schema';
import { invoke, invokeA2a, InvokeError, parseHeaderLine, type InvokeEvent } from '@agentcore/invoke';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { openProject } from '../shared/project.js';
import { selectInvokeAuth, type AuthSource, type ProjectHandle } from './invoke-auth.js';
import {
  findResource,
  findRuntimeEndpoint,
  listResources,
  notDeployedError,
  type ResolvedEndpoint,
  type ResourceRef,
} from './invoke-resources.js';

const messages = loadMessages('invoke');

export interface InvokeInput {
  prompt: string;
  runtime?: string;
  endpoint?: string;
  bearerToken?: string;
  identityName?: string;
  sessionId?: string;
  userId?: string;
  /** `Name: Value` lines. */
  headers?: readonly string[];
  stream: boolean;
  noCache: boolean;
  deployTarget?: string;
  signal?: AbortSignal;
}

export interface InvokeRunResult {
  runtime?: string;
  url: string;
  endpointSource: ResolvedEndpoint['source'];
  authType: string;
  authSource: AuthSource;
  text: string;
  sessionId?: string;
  status: number;
  contentType: string;
  error?: string;
  /** The runtime's protocol (HTTP when it has none). */
  protocol: string;
  /** A2A: the JSON-RPC method used and what the agent returned. */
  method?: string;
  taskId?: string;
  contextId?: string;
  state?: string;
}

/** MCP runtimes take tool calls, not prompts; AGUI is refused (no AG-UI client here): both are coded errors. */
function checkPromptProtocol(resource: ResourceRef | undefined): string {
  const protocol = resource?.protocol ?? 'HTTP';
  if (protocol === 'MCP' && resource) {
    throw new CliError('ERR_USAGE', messages.get('error.McpPrompt', { name: resource.name }), {
      actions: messages.list('error.McpPrompt.actions', { name: resource.name }),
      details: { runtime: resource.name, protocol },
    });
  }
  if (protocol === 'AGUI' && resource) {
    throw new InvokeError('ERR_INVOKE_UNSUPPORTED', messages.get('error.AguiUnsupported', { name: resource.name }), {
      actions: messages.list('error.AguiUnsupported.actions', { name: resource.name }),
      details: { runtime: resource.name, protocol },
    });
  }
  return protocol;
}

export async function openProjectIfAny(
  config: Interfaces.Config,
  needed: boolean,
): Promise<(ProjectHandle & { warnings: string[] }) | undefined> {
  if (!needed) {
    const found = await findProjectRoot().then(
      () => true,
      () => false,
    );
    if (!found) return undefined;
  }
  return openProject(config);
}

/**
 * The project (if any) and the runtime `--runtime` names. With a bare `--endpoint` no project is needed, and the
 * project's runtime is used (for auth) only when it is unambiguous.
 */
export async function projectRuntime(
  config: Interfaces.Config,
  input: { runtime?: string; endpoint?: string },
): Promise<{ project: (ProjectHandle & { warnings: string[] }) | undefined; resource: ResourceRef | undefined }> {
  const bareEndpoint = input.endpoint !== undefined && input.runtime === undefined;
  const project = await openProjectIfAny(config, !bareEndpoint);
  const resource = project
    ? await pickRuntime(project, input.runtime).catch((err: unknown) =>
        bareEndpoint ? undefined : Promise.reject(err),
      )
    : undefined;
  return { project, resource };
}

export async function pickRuntime(project: ProjectHandle, name: string | undefined): Promise<ResourceRef> {
  const { config } = await project.store.load();
  if (name !== undefined) return findResource(config, name, 'agent');
  const agents = listResources(config).filter((r) => r.kind === 'agent');
  if (agents.length === 1 && agents[0]) return agents[0];
  throw new CliError('ERR_MISSING_FLAGS', messages.get(agents.length === 0 ? 'error.NoAgents' : 'error.WhichAgent'), {
    actions:
      agents.length === 0
        ? [messages.get('action.AddResource')]
        : [messages.get('action.PickResource', { names: agents.map((a) => a.name).join(', ') })],
    details: { available: agents.map((a) => a.name) },
  });
}

export function parseHeaders(lines: readonly string[] | undefined): Record<string, string> {
  return Object.fromEntries((lines ?? []).map(parseHeaderLine));
}

export async function runInvoke(
  config: Interfaces.Config,
  input: InvokeInput,
  onEvent: (event: InvokeEvent) => void,
): Promise<InvokeRunResult & { warnings: string[] }> {
  const headers = parseHeaders(input.headers);
  const { project, resource } = await projectRuntime(config, input);
  const protocol = checkPromptProtocol(resource);
  const endpoint = await findRuntimeEndpoint(project?.store, resource?.name, input);
  if (!endpoint) throw notDeployedError('agent', resource?.name ?? '');
  const request = {
    bearerToken: input.bearerToken,
    identityName: input.identityName,
    noCache: input.noCache,
    signal: input.signal,
  };
  let selected = await selectInvokeAuth(project, resource, endpoint, request);
  const call = () => {
    const common = {
      target: endpoint.target,
      auth: selected.auth,
      headers,
      stream: input.stream,
      signal: input.signal,
      ...(input.sessionId ? { sessionId: input.sessionId } : {}),
      ...(input.userId ? { userId: input.userId } : {}),
    };
    // A2A: `message/stream` (or `message/send` with --no-stream) JSON-RPC on the same URL and auth.
    return protocol === 'A2A'
      ? invokeA2a({ ...common, text: input.prompt })
      : invoke({ ...common, payload: { prompt: input.prompt } });
  };
  let invocation = call();
  let first = true;
  const forward = async (): Promise<void> => {
    for await (const event of invocation) {
      first = false;
      onEvent(event);
    }
  };
  try {
    await forward();
  } catch (err) {
    // A cached token the runtime refuses (revoked, key rotated): fetch a fresh one once, before anything was shown.
    const refused = isAgentcoreError(err) && err.code === 'ERR_INVOKE_HTTP' && err.details.status === 401;
    if (!(refused && first && selected.source === 'cache')) throw err;
    selected = await selectInvokeAuth(project, resource, endpoint, { ...request, noCache: true });
    invocation = call();
    await forward();
  }
  const result = await invocation.result;
  return {
    ...(resource ? { runtime: resource.name } : {}),
    url: endpoint.url,
    endpointSource: endpoint.source,
    authType: resource?.authType ?? (selected.auth.kind === 'bearer' ? 'BEARER' : 'NONE'),
    authSource: selected.source,
    protocol,
    ...result,
    warnings: project?.warnings ?? [],
  };
}
