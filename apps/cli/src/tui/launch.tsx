/**
 * The interactive entry points, loaded lazily by `gate.ts` (never on a non-interactive run). Each renders one ink
 * app, resolves with its outcome, and restores the terminal (unmount, raw mode off) before resolving.
 */
import { render } from 'ink';
import type { ReactElement } from 'react';
import { HomeScreen } from './home/HomeScreen.js';
import type { HomeOutcome } from './home/home-actions.js';
import { ADD_WIZARDS, type AddCommand, type AttachWizardDeps } from './specs/index.js';
import type { Answers, WizardOutcome } from './wizard/types.js';
import { WizardApp } from './wizard/WizardApp.js';

/** Render `element(done)` until it calls `done(value)`; then unmount and wait for ink to let go of the terminal. */
export async function runInk<T>(element: (done: (value: T) => void) => ReactElement): Promise<T> {
  let settle: (value: T) => void = () => undefined;
  const result = new Promise<T>((resolve) => (settle = resolve));
  const app = render(element((v) => settle(v)), { exitOnCtrlC: false });
  const value = await result;
  // Let React commit the closing render (screens render nothing once done), so no stale frame stays on screen.
  await new Promise((r) => setTimeout(r, 20));
  app.unmount();
  await app.waitUntilExit().catch(() => undefined);
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  process.stdin.pause();
  return value;
}

export function launchAddWizard(command: AddCommand, deps: AttachWizardDeps, preset: Answers = {}): Promise<WizardOutcome> {
  const spec = ADD_WIZARDS[command]({ ...deps, preset });
  return runInk<WizardOutcome>((done) => <WizardApp spec={spec} preset={preset} onExit={done} />);
}

export function launchHome(): Promise<HomeOutcome> {
  return runInk<HomeOutcome>((done) => <HomeScreen onExit={done} />);
}
