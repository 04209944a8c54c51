/**
 * Tools some tests need from the machine (tmux, Python 3). Under CI (`CI` set) a missing one is an error that says
 * how to install it, so a run can never go green with those tests silently skipped; elsewhere the tests that need
 * it are skipped, and that is printed (here, and by `tools/run.sh test` in its summary).
 *
 *   const tmux = requiredPeer(TMUX);
 *   describe.skipIf(tmux.skip)('…', () => { beforeAll(() => tmux.assert()); … });
 */
import { spawnSync } from 'node:child_process';

export interface PeerTool {
  name: string;
  /** The command and arguments that succeed when the tool is installed (e.g. `tmux -V`). */
  probe: readonly [string, ...string[]];
  /** How to install it. */
  install: string;
  /** Which tests need it. */
  usedBy: string;
}

export const TMUX: PeerTool = {
  name: 'tmux',
  probe: ['tmux', '-V'],
  install: 'apt-get install -y tmux (Debian/Ubuntu), dnf install -y tmux (Fedora), brew install tmux (macOS)',
  usedBy: 'the wizard and chat end-to-end tests in a real terminal',
};

export const PYTHON3: PeerTool = {
  name: 'python3',
  probe: ['python3', '--version'],
  install: 'apt-get install -y python3 (Debian/Ubuntu), dnf install -y python3 (Fedora), brew install python (macOS)',
  usedBy: 'the Python agent template run by the dev emulators',
};

export interface PeerRequirement {
  tool: PeerTool;
  available: boolean;
  /** Skip the tests that need it: only when it is missing and `CI` is not set. */
  skip: boolean;
  /** Throws (under CI, when missing) the error that says how to install it; call it in `beforeAll`. */
  assert(): void;
}

const isCi = (env: Readonly<Record<string, string | undefined>>) =>
  env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';

export function peerAvailable(tool: PeerTool): boolean {
  const [command, ...args] = tool.probe;
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

export function missingPeerMessage(tool: PeerTool): string {
  return `${tool.name} is required under CI (${tool.usedBy}) but is not installed. Install it: ${tool.install}.`;
}

export function requiredPeer(
  tool: PeerTool,
  env: Readonly<Record<string, string | undefined>> = process.env,
  available: boolean = peerAvailable(tool),
): PeerRequirement {
  const ci = isCi(env);
  const skip = !available && !ci;
  if (skip)
    console.warn(
      `SKIPPED: ${tool.usedBy} — ${tool.name} is not installed (${tool.install}). Under CI this is an error.`,
    );
  return {
    tool,
    available,
    skip,
    assert() {
      if (!available && ci) throw new Error(missingPeerMessage(tool));
    },
  };
}
