/** deploy/destroy --json: NDJSON event lines first (`{"event":…}`), then the usual (pretty-printed) envelope. */
import type { RunResult } from './helpers.js';

export type Envelope = NonNullable<RunResult['json']>;

export function splitDeployOutput(stdout: string): { events: Record<string, unknown>[]; envelope: Envelope } {
  const lines = stdout.split('\n');
  const events: Record<string, unknown>[] = [];
  let i = 0;
  for (; i < lines.length && (lines[i] ?? '').startsWith('{"event":'); i++)
    events.push(JSON.parse(lines[i] ?? '{}') as Record<string, unknown>);
  const rest = lines.slice(i).join('\n').trim();
  return { events, envelope: (rest ? JSON.parse(rest) : {}) as Envelope };
}

export function envelope(r: RunResult): Envelope {
  return splitDeployOutput(r.stdout).envelope;
}
