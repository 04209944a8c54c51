/**
 * A {@link ControlPlaneSource} over a recorded responses file (`--from-file`). Format (all keys optional,
 * values exactly as the API returns them, camelCase):
 *
 *   { "GetGateway": {…}, "ListGatewayTargets": [{ "items": […], "nextToken": "…" }, …],
 *     "GetGatewayTarget": { "<targetId>": {…} }, "GetAgentRuntime": {…} }
 *
 * Page n+1 of ListGatewayTargets is served for the `nextToken` of page n.
 */
import type { AwsAgentRuntime, AwsGateway, AwsGatewayTarget, AwsListGatewayTargetsPage } from './aws-shapes.js';
import { createImportError, type ImportError } from './errors.js';
import type { ControlPlaneSource } from './source.js';
import { messages } from './messages.js';

export interface RecordedResponses {
  GetGateway?: AwsGateway;
  ListGatewayTargets?: AwsListGatewayTargetsPage[];
  GetGatewayTarget?: Record<string, AwsGatewayTarget>;
  GetAgentRuntime?: AwsAgentRuntime;
}

const KEYS = ['GetGateway', 'ListGatewayTargets', 'GetGatewayTarget', 'GetAgentRuntime'] as const;

function badFile(file: string, problem: string): ImportError {
  return createImportError('ERR_IMPORT_RESPONSES_FILE', 'ResponsesFile', { file, problem }, { file });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Check the top-level structure of a parsed responses file. */
export function parseRecordedResponses(raw: unknown, file = messages.get('file.default')): RecordedResponses {
  if (!isObject(raw)) throw badFile(file, messages.get('file.NotObject'));
  const unknownKeys = Object.keys(raw).filter((k) => !(KEYS as readonly string[]).includes(k));
  if (unknownKeys.length)
    throw badFile(file, messages.get('file.UnknownKeys', { keys: unknownKeys.join(', '), expected: KEYS.join(', ') }));
  for (const k of ['GetGateway', 'GetGatewayTarget', 'GetAgentRuntime'] as const)
    if (raw[k] !== undefined && !isObject(raw[k])) throw badFile(file, messages.get('file.KeyNotObject', { key: k }));
  const pages = raw.ListGatewayTargets;
  if (pages !== undefined && (!Array.isArray(pages) || !pages.every(isObject)))
    throw badFile(file, messages.get('file.PagesNotArray'));
  return raw as RecordedResponses;
}

function notFound(what: string, id: string): ImportError {
  return createImportError(
    'ERR_IMPORT_NOT_FOUND',
    'NotInFile',
    { resource: what, identifier: id },
    { resource: what, identifier: id },
  );
}

const matches = (id: string, ...candidates: (string | undefined)[]) => id === '' || candidates.includes(id);

export function fileSource(responses: RecordedResponses): ControlPlaneSource {
  return {
    async getGateway(id) {
      const gw = responses.GetGateway;
      if (!gw || !matches(id, gw.gatewayId, gw.gatewayArn, gw.name))
        throw notFound(messages.get('resource.Gateway'), id);
      return gw;
    },
    async listGatewayTargets(_id, nextToken) {
      const pages = responses.ListGatewayTargets ?? [];
      if (nextToken === undefined) return pages[0] ?? { items: [] };
      const index = pages.findIndex((p) => p.nextToken === nextToken);
      const page = index >= 0 ? pages[index + 1] : undefined;
      if (!page) throw badFile(messages.get('file.default'), messages.get('file.NoNextPage', { nextToken }));
      return page;
    },
    async getGatewayTarget(_id, targetId) {
      const t = responses.GetGatewayTarget?.[targetId];
      if (!t) throw notFound(messages.get('resource.GatewayTarget'), targetId);
      return t;
    },
    async getAgentRuntime(id) {
      const rt = responses.GetAgentRuntime;
      if (!rt || !matches(id, rt.agentRuntimeId, rt.agentRuntimeArn, rt.agentRuntimeName))
        throw notFound(messages.get('resource.AgentRuntime'), id);
      return rt;
    },
  };
}
