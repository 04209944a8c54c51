/**
 * Interactive `fetch access` and `invoke`: pick the resource, show the token (masked) before a chat, and chat. The
 * screens are loaded lazily; the work goes through the same operations as the flags (`fetchAccess`, `runInvoke`,
 * `selectInvokeAuth`).
 */
import { randomUUID } from 'node:crypto';
import type { Interfaces } from '@oclif/core';
import { isAgentcoreError } from '@agentcore/schema';
import { loadMessages } from '../shared/messages.js';
import { openProject, type ProjectContext } from '../shared/project.js';
import { CliError } from '../shared/errors.js';
import { runInvoke, type InvokeInput, type InvokeRunResult } from '../operations/invoke.js';
import { runInvokeTools, type ToolsInput, type ToolsResult } from '../operations/invoke-tools.js';
import { selectInvokeAuth } from '../operations/invoke-auth.js';
import {
  findGatewayUrl,
  findResource,
  findRuntimeEndpoint,
  listResources,
  type ResourceKind,
} from '../operations/invoke-resources.js';
import { answersOrThrow, loadLaunch, throwCancelled } from './gate.js';
import { argsFromAnswers, toolArgsSpec, toolProperties } from './tool-form.js';
import { maskSecret } from './wizard/mask.js';

const im = loadMessages('interactive');

/** `fetch access` without `--name` at a terminal: pick one of the project's agents and gateways (with auth types). */
export async function pickAccessResource(
  project: ProjectContext,
  type: ResourceKind | undefined,
): Promise<string | undefined> {
  const m = loadMessages('fetch.access');
  const { config } = await project.store.load();
  const resources = listResources(config).filter((r) => !type || r.kind === type);
  if (resources.length === 0) return undefined;
  const { launchPicker } = await loadLaunch();
  const items = resources.map((r) => ({
    value: r.name,
    label: m.get('prompt.pick.item', { name: r.name, type: r.kind, authType: r.authType }),
  }));
  const picked = await launchPicker(m.get('prompt.pick'), items, im.get('keys.home'));
  return picked.status === 'picked' ? picked.value : throwCancelled();
}

/** What the human output shows instead of a token on the interactive path: never the token in full. */
export function maskedTokenLine(token: string): string {
  return loadMessages('fetch.access').get('prompt.token-masked', { token: maskSecret(token) });
}

export type ChatInput = Omit<InvokeInput, 'prompt' | 'stream'>;

/** Which runtime to chat with: `--runtime`, the only one, or picked from a list. */
async function chatRuntime(
  project: ProjectContext,
  runtime: string | undefined,
  question = 'prompt.pick-agent',
): Promise<string | undefined> {
  if (runtime !== undefined) return runtime;
  const { config } = await project.store.load();
  const agents = listResources(config).filter((r) => r.kind === 'agent');
  if (agents.length <= 1) return agents[0]?.name;
  const m = loadMessages('invoke');
  const { launchPicker } = await loadLaunch();
  const picked = await launchPicker(
    m.get(question),
    agents.map((a) => ({
      value: a.name,
      label: m.get('prompt.pick-agent.item', { name: a.name, authType: a.authType }),
    })),
    im.get('keys.home'),
  );
  return picked.status === 'picked' ? picked.value : throwCancelled();
}

/** For a runtime (or gateway) whose strategy issues tokens: the token (from the cache or the issuer), masked; Enter uses it. */
async function confirmToken(
  project: ProjectContext,
  name: string,
  input: ChatInput,
  kind: ResourceKind = 'agent',
): Promise<string | undefined> {
  const { config } = await project.store.load();
  const resource = findResource(config, name, kind);
  const endpoint =
    kind === 'agent'
      ? await findRuntimeEndpoint(project.store, name, input)
      : await findGatewayUrl(project.store, name, input).then(
          (g) =>
            g && {
              source: g.source,
              target: { kind: 'url' as const, url: g.url },
              url: g.url,
              ...(g.issuerDiscoveryUrl ? { issuerDiscoveryUrl: g.issuerDiscoveryUrl } : {}),
            },
        );
  if (!endpoint) return undefined;
  const selected = await selectInvokeAuth(project, resource, endpoint, { ...input }).catch(() => undefined);
  if (selected?.auth.kind !== 'bearer' || (selected.source !== 'cache' && selected.source !== 'idp')) return undefined;
  const m = loadMessages('invoke');
  const { launchTokenScreen } = await loadLaunch();
  const texts = {
    title: m.get('prompt.token.title', { name }),
    token: m.get('prompt.token.value', {
      token: maskSecret(selected.auth.token),
      source: m.get(`prompt.token.source.${selected.source}`),
    }),
    keys: m.get('prompt.token.keys'),
  };
  const outcome = await launchTokenScreen(texts);
  if (outcome.status === 'cancelled') return throwCancelled();
  return outcome.status === 'use' ? selected.auth.token : undefined;
}

/**
 * `invoke "prompt"` at a terminal without `--runtime`: the agent picker when the project has several agents (as the
 * chat does). Outside a project there is nothing to pick: `runInvoke` reports what is missing.
 */
export async function pickInvokeRuntime(config: Interfaces.Config): Promise<string | undefined> {
  let project: ProjectContext;
  try {
    project = await openProject(config);
  } catch (err) {
    if (isAgentcoreError(err) && err.code === 'ERR_PROJECT_NOT_FOUND') return undefined;
    throw err;
  }
  return chatRuntime(project, undefined, 'prompt.pick-agent.invoke');
}

export type ToolsChatInput = Omit<ToolsInput, 'listTools' | 'tool' | 'input'>;

/**
 * An MCP runtime or a gateway at a terminal: the token screen, a tool picker, a form for the tool's arguments
 * (from its input schema), then the call — through the same `runInvokeTools` as the flags.
 */
export async function callToolInteractively(
  config: Interfaces.Config,
  input: ToolsChatInput,
): Promise<ToolsResult & { warnings: string[] }> {
  const project = await openProject(config);
  const m = loadMessages('invoke');
  const [name, kind] =
    input.gateway !== undefined ? [input.gateway, 'gateway' as const] : [input.runtime, 'agent' as const];
  const bearerToken = input.bearerToken ?? (name ? await confirmToken(project, name, input, kind) : undefined);
  const base = { ...input, ...(bearerToken ? { bearerToken } : {}) };
  const listed = await runInvokeTools(config, { ...base, listTools: true });
  const tools = listed.tools ?? [];
  if (tools.length === 0)
    throw new CliError('ERR_NOT_FOUND', m.get('error.NoTools', { name: name ?? listed.url }), {
      actions: [m.get('error.NoTools.action')],
    });
  const { launchPicker, launchWizard } = await loadLaunch();
  const picked = await launchPicker(
    m.get('prompt.pick-tool'),
    tools.map((t) => ({
      value: t.name,
      label: t.description ? m.get('prompt.pick-tool.item', { name: t.name, description: t.description }) : t.name,
    })),
    im.get('keys.home'),
  );
  if (picked.status !== 'picked') return throwCancelled();
  const tool = tools.find((t) => t.name === picked.value) ?? { name: picked.value };
  const answers = toolProperties(tool).length
    ? answersOrThrow(
        await launchWizard(
          toolArgsSpec(tool, {
            title: m.get('prompt.tool.title', { tool: tool.name }),
            notNumber: m.get('prompt.tool.not-number'),
            notJson: m.get('prompt.tool.not-json'),
          }),
        ),
      )
    : {};
  const result = await runInvokeTools(config, {
    ...base,
    listTools: false,
    tool: tool.name,
    input: JSON.stringify(argsFromAnswers(tool, answers)),
  });
  return { ...result, warnings: [...listed.warnings, ...result.warnings] };
}

/** `invoke` without a prompt at a terminal: a chat (MCP runtimes: a tool call); returns the last turn's result. */
export async function chatInteractively(
  config: Interfaces.Config,
  input: ChatInput,
): Promise<(InvokeRunResult | ToolsResult) & { warnings: string[] }> {
  const project = await openProject(config);
  const runtime = await chatRuntime(project, input.runtime);
  const { config: spec } = await project.store.load();
  if (runtime && spec.runtimes.find((r) => r.name === runtime)?.protocol === 'MCP')
    return callToolInteractively(config, { ...input, runtime });
  const bearerToken = input.bearerToken ?? (runtime ? await confirmToken(project, runtime, input) : undefined);
  const m = loadMessages('invoke');
  // One session for the whole chat (AgentCore wants at least 33 characters), shown from the start.
  const sessionId = input.sessionId ?? `chat-${randomUUID()}`;
  let last: (InvokeRunResult & { warnings: string[] }) | undefined;
  const { launchChat } = await loadLaunch();
  await launchChat(
    {
      title: m.get('prompt.chat.title', { name: runtime ?? input.endpoint ?? '' }),
      session: (id) => m.get('info.session', { sessionId: id }),
      you: m.get('prompt.chat.you'),
      agent: m.get('prompt.chat.agent'),
      sending: m.get('prompt.chat.sending'),
      keys: m.get('prompt.chat.keys'),
    },
    async (prompt, session, onText) => {
      last = await runInvoke(
        config,
        {
          ...input,
          ...(runtime ? { runtime } : {}),
          ...(bearerToken ? { bearerToken } : {}),
          ...(session ? { sessionId: session } : {}),
          prompt,
          stream: true,
        },
        (e) => {
          onText(
            e.type === 'text'
              ? e.text
              : e.type === 'json'
                ? `${JSON.stringify(e.value)}\n`
                : `\n${m.get('agentError', { message: e.message })}`,
          );
        },
      );
      return {
        ...(last.sessionId ? { sessionId: last.sessionId } : {}),
        ...(last.error !== undefined ? { error: last.error } : {}),
      };
    },
    sessionId,
  );
  return last ?? throwCancelled();
}
