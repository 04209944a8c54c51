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
import { runInvoke, type InvokeInput, type InvokeRunResult } from '../operations/invoke.js';
import { selectInvokeAuth } from '../operations/invoke-auth.js';
import { findResource, findRuntimeEndpoint, listResources, type ResourceKind } from '../operations/invoke-resources.js';
import { loadLaunch, throwCancelled } from './gate.js';
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
    agents.map((a) => ({ value: a.name, label: `${a.name} (${a.authType})` })),
    im.get('keys.home'),
  );
  return picked.status === 'picked' ? picked.value : throwCancelled();
}

/** For a runtime whose strategy issues tokens: the token (from the cache or the issuer), masked; Enter uses it. */
async function confirmToken(project: ProjectContext, name: string, input: ChatInput): Promise<string | undefined> {
  const { config } = await project.store.load();
  const resource = findResource(config, name, 'agent');
  const endpoint = await findRuntimeEndpoint(project.store, name, input);
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

/** `invoke` without a prompt at a terminal: a chat; returns the last turn's result (as the flag path would). */
export async function chatInteractively(
  config: Interfaces.Config,
  input: ChatInput,
): Promise<InvokeRunResult & { warnings: string[] }> {
  const project = await openProject(config);
  const runtime = await chatRuntime(project, input.runtime);
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
