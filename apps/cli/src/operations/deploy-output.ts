/** How deploy and destroy talk while they run: NDJSON events on stdout with --json, lines on stderr otherwise. */
import { createInterface } from 'node:readline/promises';
import type { DeployEvent, Review } from '@agentcore/deploy';
import { loadMessages } from '../shared/messages.js';

const messages = loadMessages('deploy');

export function eventLine(e: DeployEvent): string {
  switch (e.type) {
    case 'step':
      return messages.get(`step.${e.step}`);
    case 'upload':
      return messages.get(e.uploaded ? 'upload.done' : 'upload.skipped', { runtime: e.runtime, key: e.key });
    case 'notice':
      return e.message;
    case 'stack': {
      const ev = e.resource;
      return `  ${ev.status.padEnd(20)} ${ev.logicalId} (${ev.type})${ev.reason ? `: ${ev.reason}` : ''}`;
    }
  }
}

export function eventPrinter(json: boolean): (e: DeployEvent) => void {
  return json
    ? ({ type, ...rest }) => process.stdout.write(`${JSON.stringify({ event: type, ...rest })}\n`)
    : (e) => process.stderr.write(`${eventLine(e)}\n`);
}

export function reviewLines(review: Review): string[] {
  const lines: string[] = [];
  if (review.auth.length) lines.push(messages.get('review.authHeading'), ...review.auth.map((l) => `  ${l}`));
  if (review.resources.length)
    lines.push(messages.get('review.resourcesHeading'), ...review.resources.map((l) => `  ${l}`));
  if (!lines.length) lines.push(messages.get('review.nothing'));
  return lines;
}

/** Ask a yes/no question on the terminal (stderr), default no. */
export async function askYesNo(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Poll interval for stack operations; `AGENTCORE_DEPLOY_POLL_MS` shortens it (tests, local stand-ins). */
export function pollMsFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = Number(env.AGENTCORE_DEPLOY_POLL_MS);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}
