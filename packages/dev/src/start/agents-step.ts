/**
 * Step 3 of `startDev()`: one agent process per planned runtime, started in parallel, each with the emulator entry
 * that routes to it. An agent that exits marks its entry down (requests get a clear answer, not a hang); with
 * `watch`, a change in its code folder restarts it.
 */
import type { FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import { AgentProcess, describeExit, type AgentExit } from '../agent-process.js';
import type { DevPlan, RuntimePlan } from '../plan.js';
import type { RuntimeEntry } from '../runtime-emulator.js';
import { watchCode } from '../watch.js';
import { devMessages } from '../messages.js';

export interface AgentsStepOptions {
  root: string;
  host: string;
  log: (line: string) => void;
  startTimeoutMs?: number;
  watch?: boolean;
  /** The runtime's protocol from the config (HTTP, MCP, A2A, …). */
  protocolOf: (runtime: string) => RuntimeEntry['protocol'];
  /** Filled as agents are created, so the caller can stop them even when a later start fails. */
  agents: AgentProcess[];
  /** Filled with the code watchers (`watch`). */
  watchers: FSWatcher[];
  /** True once the session is closing: code changes no longer restart anything. */
  closing: () => boolean;
}

export async function startAgents(plan: DevPlan, options: AgentsStepOptions): Promise<Map<string, RuntimeEntry>> {
  const runtimes = new Map<string, RuntimeEntry>();
  await Promise.all(
    plan.runtimes.map(async (r) => {
      const entry = await startAgent(r, options);
      runtimes.set(r.name, entry);
    }),
  );
  return runtimes;
}

async function startAgent(r: RuntimePlan, options: AgentsStepOptions): Promise<RuntimeEntry> {
  const { log } = options;
  const codeDir = resolve(options.root, r.codeLocation);
  const agent = new AgentProcess({
    name: r.name,
    codeDir,
    entrypoint: r.entrypoint,
    envVars: r.envVars,
    host: options.host,
    log,
    startTimeoutMs: options.startTimeoutMs,
  });
  options.agents.push(agent);
  const entry: RuntimeEntry = {
    name: r.name,
    type: r.type,
    strategy: r.strategy,
    config: r.config,
    allowlist: r.allowlist,
    protocol: options.protocolOf(r.name),
    agent,
  };
  agent.onExit((exit) => {
    entry.down = devMessages().get('devReason.AgentExited', { name: r.name, exit: describeExit(exit) });
    log(devMessages().get('log.Line', { text: entry.down }) + lastLines(exit));
    log(
      options.watch
        ? devMessages().get('log.RestartsOnChange', { name: r.name, codeDir })
        : devMessages().get('log.FixAndRestart'),
    );
  });
  await agent.start();
  entry.down = undefined;
  if (options.watch) options.watchers.push(watchCode(codeDir, (file) => restart(entry, agent, file, options)));
  return entry;
}

function lastLines(exit: AgentExit): string {
  return exit.lastLines.length
    ? ` ${devMessages().get('log.LastLines')}\n${exit.lastLines.map((l) => `    ${l}`).join('\n')}`
    : '';
}

function restart(entry: RuntimeEntry, agent: AgentProcess, file: string, options: AgentsStepOptions): void {
  if (options.closing()) return;
  const { log } = options;
  log(devMessages().get('log.Restarting', { file, name: entry.name }));
  void agent
    .stop()
    .then(() => agent.start())
    .then(
      () => {
        entry.down = undefined;
        log(devMessages().get('log.Restarted', { name: entry.name }));
      },
      (err: Error) => {
        entry.down = err.message;
        log(devMessages().get('log.Line', { text: err.message }));
      },
    );
}
