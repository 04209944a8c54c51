/** The one code path that invokes an agent: pick the runtime, its endpoint and its auth, then stream the events. */
import type { Interfaces } from '@oclif/core';
import { findProjectRoot, isAgentcoreError } from '@agentcore/schema';
import { invoke, parseHeaderLine, type InvokeEvent } from '@agentcore/invoke';
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
}

async function openProjectIfAny(
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

async function pickRuntime(project: ProjectHandle, name: string | undefined): Promise<ResourceRef> {
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

function parseHeaders(lines: readonly string[] | undefined): Record<string, string> {
  return Object.fromEntries((lines ?? []).map(parseHeaderLine));
}

export async function runInvoke(
  config: Interfaces.Config,
  input: InvokeInput,
  onEvent: (event: InvokeEvent) => void,
): Promise<InvokeRunResult & { warnings: string[] }> {
  const headers = parseHeaders(input.headers);
  const bareEndpoint = input.endpoint !== undefined && input.runtime === undefined;
  const project = await openProjectIfAny(config, !bareEndpoint);
  // With a bare --endpoint, the project's runtime is used for auth only when it is unambiguous.
  const resource = project
    ? await pickRuntime(project, input.runtime).catch((err: unknown) =>
        bareEndpoint ? undefined : Promise.reject(err),
      )
    : undefined;
  const endpoint = await findRuntimeEndpoint(project?.store, resource?.name, input);
  if (!endpoint) throw notDeployedError('agent', resource?.name ?? '');
  const request = {
    bearerToken: input.bearerToken,
    identityName: input.identityName,
    noCache: input.noCache,
    signal: input.signal,
  };
  let selected = await selectInvokeAuth(project, resource, endpoint, request);
  const call = () =>
    invoke({
      target: endpoint.target,
      payload: { prompt: input.prompt },
      auth: selected.auth,
      headers,
      stream: input.stream,
      signal: input.signal,
      ...(input.sessionId ? { sessionId: input.sessionId } : {}),
      ...(input.userId ? { userId: input.userId } : {}),
    });
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
    ...result,
    warnings: project?.warnings ?? [],
  };
}
