/**
 * MCP tool calls through `invoke`: `--list-tools` and `--tool NAME --input JSON` against an MCP runtime (its
 * invocations URL) or a gateway (its MCP URL), with the same auth selection as every invocation (invoke-auth.ts).
 * Gateway tools are named `<target>___<tool>`; a failing call names its target.
 */
import type { Interfaces } from '@oclif/core';
import { isAgentcoreError } from '@agentcore/schema';
import { connectMcp, InvokeError, regionOfUrl, type McpConnection } from '@agentcore/invoke';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';
import { openProject } from '../shared/project.js';
import { parseHeaders, projectRuntime } from './invoke.js';
import { selectInvokeAuth, type AuthSource, type ProjectHandle } from './invoke-auth.js';
import {
  findGatewayUrl,
  findResource,
  findRuntimeEndpoint,
  notDeployedError,
  type ResolvedEndpoint,
  type ResourceRef,
} from './invoke-resources.js';

const messages = loadMessages('invoke');

/** AgentCore Gateway's tool names: `<target>___<tool>`. */
export const GATEWAY_TOOL_SEPARATOR = '___';

export interface ToolsInput {
  runtime?: string;
  gateway?: string;
  endpoint?: string;
  bearerToken?: string;
  identityName?: string;
  sessionId?: string;
  userId?: string;
  headers?: readonly string[];
  noCache: boolean;
  deployTarget?: string;
  signal?: AbortSignal;
  /** List the tools (else call `tool`). */
  listTools: boolean;
  tool?: string;
  /** The tool's arguments as a JSON object text (default `{}`). */
  input?: string;
}

export interface ToolInfo {
  name: string;
  description?: string;
  inputSchema?: unknown;
}

export interface ToolsResult {
  runtime?: string;
  gateway?: string;
  url: string;
  endpointSource: ResolvedEndpoint['source'];
  authType: string;
  authSource: AuthSource;
  mcpSessionId?: string;
  tools?: ToolInfo[];
  tool?: string;
  /** Gateway calls: the target the tool belongs to. */
  target?: string;
  content?: unknown[];
  structuredContent?: unknown;
  isError?: boolean;
}

/** `--input` text → the arguments object (usage error when it is not a JSON object). */
export function parseToolInput(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      messages.get('error.ToolInputNotJson', { reason: (err as Error).message }),
      {
        actions: messages.list('error.ToolInputNotJson.actions'),
      },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError('ERR_INVALID_INPUT', messages.get('error.ToolInputNotObject'), {
      actions: messages.list('error.ToolInputNotJson.actions'),
    });
  }
  return value as Record<string, unknown>;
}

/** The target part of a gateway tool name (usage error without the `<target>___` prefix). */
export function gatewayTarget(gateway: string, tool: string, targets: readonly string[]): string {
  const at = tool.indexOf(GATEWAY_TOOL_SEPARATOR);
  if (at > 0) return tool.slice(0, at);
  throw new CliError('ERR_USAGE', messages.get('error.GatewayToolName', { gateway, tool }), {
    actions: [
      messages.get('action.GatewayToolName', {
        examples: targets.map((t) => `${t}${GATEWAY_TOOL_SEPARATOR}${tool}`).join(', ') || `<target>___${tool}`,
      }),
      messages.get('action.ListTools', { flag: `--gateway ${gateway}` }),
    ],
    details: { gateway, tool, targets },
  });
}

interface Peer {
  project: ProjectHandle | undefined;
  resource: ResourceRef | undefined;
  endpoint: ResolvedEndpoint;
  targets: string[];
  warnings: string[];
}

async function gatewayPeer(config: Interfaces.Config, input: ToolsInput, gateway: string): Promise<Peer> {
  const project = await openProject(config);
  const { config: spec } = await project.store.load();
  const resource = findResource(spec, gateway, 'gateway');
  const targets = spec.agentCoreGateways.find((g) => g.name === gateway)?.targets.map((t) => t.name) ?? [];
  const found = input.endpoint
    ? { url: input.endpoint, source: 'flag' as const }
    : await findGatewayUrl(project.store, gateway, { deployTarget: input.deployTarget });
  if (!found) throw notDeployedError('gateway', gateway);
  const region = regionOfUrl(found.url);
  const endpoint: ResolvedEndpoint = {
    source: found.source,
    target: { kind: 'url', url: found.url },
    url: found.url,
    ...(region ? { region } : {}),
    ...('issuerDiscoveryUrl' in found && found.issuerDiscoveryUrl
      ? { issuerDiscoveryUrl: found.issuerDiscoveryUrl }
      : {}),
  };
  return { project, resource, endpoint, targets, warnings: project.warnings };
}

async function runtimePeer(config: Interfaces.Config, input: ToolsInput): Promise<Peer> {
  const { project, resource } = await projectRuntime(config, input);
  if (resource && (resource.protocol ?? 'HTTP') !== 'MCP' && !input.endpoint) {
    throw new CliError(
      'ERR_USAGE',
      messages.get('error.NotMcp', { name: resource.name, protocol: resource.protocol ?? 'HTTP' }),
      {
        actions: messages.list('error.NotMcp.actions', { name: resource.name }),
        details: { runtime: resource.name, protocol: resource.protocol ?? 'HTTP' },
      },
    );
  }
  const endpoint = await findRuntimeEndpoint(project?.store, resource?.name, input);
  if (!endpoint) throw notDeployedError('agent', resource?.name ?? '');
  return { project, resource, endpoint, targets: [], warnings: project?.warnings ?? [] };
}

async function withConnection<T>(
  peer: Peer,
  input: ToolsInput,
  fn: (c: McpConnection, source: AuthSource) => Promise<T>,
): Promise<T> {
  const request = {
    bearerToken: input.bearerToken,
    identityName: input.identityName,
    noCache: input.noCache,
    signal: input.signal,
  };
  let source: AuthSource | undefined;
  const attempt = async (noCache: boolean) => {
    const selected = await selectInvokeAuth(peer.project, peer.resource, peer.endpoint, { ...request, noCache });
    source = selected.source;
    const connection = await connectMcp({
      target: peer.endpoint.target,
      auth: selected.auth,
      headers: parseHeaders(input.headers),
      peer: input.gateway !== undefined ? 'gateway' : 'runtime',
      ...(input.sessionId ? { sessionId: input.sessionId } : {}),
      ...(input.userId ? { userId: input.userId } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
    });
    try {
      return await fn(connection, selected.source);
    } finally {
      await connection.close();
    }
  };
  try {
    return await attempt(input.noCache);
  } catch (err) {
    // A cached token the peer refuses (revoked, key rotated): fetch a fresh one once.
    const refused = isAgentcoreError(err) && err.code === 'ERR_INVOKE_HTTP' && err.details.status === 401;
    if (!refused || source !== 'cache') throw err;
    return attempt(true);
  }
}

/** The targets a (dev) gateway could not list, from the `agentcore.dev/unavailableTargets` `_meta` of tools/list. */
export function unavailableTargets(meta: Record<string, unknown>): { target: string; reason: string }[] {
  const list = meta['agentcore.dev/unavailableTargets'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((u: unknown) => {
    const e = u as { target?: unknown; reason?: unknown };
    return typeof e?.target === 'string' && typeof e.reason === 'string'
      ? [{ target: e.target, reason: e.reason }]
      : [];
  });
}

function nameTarget(err: unknown, gateway: string, target: string): unknown {
  if (!isAgentcoreError(err) || err.code !== 'ERR_INVOKE_PROTOCOL') return err;
  return new InvokeError(
    'ERR_INVOKE_PROTOCOL',
    messages.get('error.GatewayTarget', { gateway, target, message: err.message }),
    {
      actions: [messages.get('action.GatewayTarget', { target, gateway }), ...err.actions],
      details: { ...err.details, gateway, target },
      cause: err,
    },
  );
}

export async function runInvokeTools(
  config: Interfaces.Config,
  input: ToolsInput,
): Promise<ToolsResult & { warnings: string[] }> {
  const args = input.listTools ? {} : parseToolInput(input.input);
  const peer =
    input.gateway !== undefined ? await gatewayPeer(config, input, input.gateway) : await runtimePeer(config, input);
  const target =
    input.gateway !== undefined && input.tool !== undefined
      ? gatewayTarget(input.gateway, input.tool, peer.targets)
      : undefined;
  const base = {
    ...(peer.resource ? { [input.gateway !== undefined ? 'gateway' : 'runtime']: peer.resource.name } : {}),
    url: peer.endpoint.url,
    endpointSource: peer.endpoint.source,
    authType: peer.resource?.authType ?? (input.bearerToken ? 'BEARER' : 'NONE'),
    warnings: peer.warnings,
  };
  try {
    return await withConnection(peer, input, async (c, authSource) => {
      const session = c.mcpSessionId ? { mcpSessionId: c.mcpSessionId } : {};
      if (input.listTools) {
        const listed = await c.listTools();
        const tools = listed.tools.map((t) => ({
          name: t.name,
          ...(t.description ? { description: t.description } : {}),
          inputSchema: t.inputSchema,
        }));
        const unavailable = unavailableTargets(listed.meta).map((u) =>
          messages.get('warning.TargetNotListed', { gateway: input.gateway ?? '', target: u.target, reason: u.reason }),
        );
        return { ...base, warnings: [...base.warnings, ...unavailable], authSource, ...session, tools };
      }
      const tool = input.tool ?? '';
      const r = await c.callTool(tool, args);
      return {
        ...base,
        authSource,
        ...session,
        tool,
        ...(target ? { target } : {}),
        content: r.content,
        ...(r.structuredContent !== undefined ? { structuredContent: r.structuredContent } : {}),
        ...(r.isError ? { isError: true } : {}),
      };
    });
  } catch (err) {
    throw input.gateway !== undefined && target ? nameTarget(err, input.gateway, target) : err;
  }
}
