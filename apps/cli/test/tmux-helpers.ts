/**
 * Drive the real binary in a real terminal: tmux runs it detached, `send-keys` types, `capture-pane` reads the
 * screen. Every session is killed in `close()`, whatever happened.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { BIN } from './helpers.js';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface TmuxRun {
  screen(): string;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Literal text. */
  type(text: string): Promise<void>;
  /** tmux key names: Enter, Escape, Down, Up, BSpace, C-c. */
  keys(...names: string[]): Promise<void>;
  /**
   * Raw bytes in one `send-keys` call, so the program reads them in one chunk (a held key, a paste, a fast typist):
   * e.g. `burst('\x7f\x7f\x7f')` or `burst('api_key\r')`.
   */
  burst(bytes: string): Promise<void>;
  /** Move the highlighted option (❯) down until its line contains `label`, then press Enter. */
  choose(label: string, maxMoves?: number): Promise<void>;
  /** The command's exit code, once it ended. */
  exitCode(timeoutMs?: number): Promise<number>;
  close(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startInTmux(
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; name: string },
): TmuxRun {
  const env = Object.entries(options.env)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${quote(String(v))}`)
    .join(' ');
  const command = `env -i ${env} TERM=xterm-256color ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo __EXIT=$?; sleep 600`;
  execFileSync('tmux', ['new-session', '-d', '-s', options.name, '-x', '160', '-y', '50', '-c', options.cwd, command]);
  const screen = () => execFileSync('tmux', ['capture-pane', '-p', '-t', options.name], { encoding: 'utf8' });
  const run: TmuxRun = {
    screen,
    async waitFor(text, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const s = screen();
        if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; screen:\n${s}`);
        await sleep(100);
      }
    },
    async type(text) {
      execFileSync('tmux', ['send-keys', '-t', options.name, '-l', text]);
      await sleep(150);
    },
    async keys(...names) {
      for (const k of names) {
        execFileSync('tmux', ['send-keys', '-t', options.name, k]);
        await sleep(150);
      }
    },
    async burst(bytes) {
      const hex = [...Buffer.from(bytes, 'utf8')].map((b) => b.toString(16).padStart(2, '0'));
      execFileSync('tmux', ['send-keys', '-t', options.name, '-H', ...hex]);
      await sleep(150);
    },
    async choose(label, maxMoves = 12) {
      const highlighted = () =>
        (
          screen()
            .split('\n')
            .find((l) => l.includes('❯ ')) ?? ''
        )
          .split('❯ ')[1]
          ?.trim() ?? '';
      const matches = (text: string) => text === label || text.startsWith(`${label} — `);
      for (let i = 0; i <= maxMoves; i++) {
        const current = highlighted();
        if (matches(current)) return run.keys('Enter');
        await run.keys('Down');
        // Wait for the highlight to move before looking again (the screen may lag a keypress behind, more so on a
        // loaded machine). Pressing Down again before it moved could skip the option, so a highlight that never
        // moves (the end of the list) is an error, not a reason to press again.
        const deadline = Date.now() + 15_000;
        while (highlighted() === current) {
          if (Date.now() > deadline)
            throw new Error(`option ${label} not found (highlight stuck); screen:\n${screen()}`);
          await sleep(50);
        }
      }
      throw new Error(`option ${label} not found; screen:\n${screen()}`);
    },
    async exitCode(timeoutMs = 30_000) {
      const s = await run.waitFor(/__EXIT=\d+/, timeoutMs);
      return Number(/__EXIT=(\d+)/.exec(s)?.[1]);
    },
    close() {
      spawnSync('tmux', ['kill-session', '-t', options.name]);
    },
  };
  return run;
}
