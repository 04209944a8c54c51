/**
 * The interactive entry points, loaded lazily by `gate.ts` (never on a non-interactive run). Each renders one ink
 * app, resolves with its outcome, and restores the terminal (unmount, raw mode off) before resolving.
 */
import { render } from 'ink';
import type { ReactElement } from 'react';
import { ChatScreen, type ChatTexts } from './chat/ChatScreen.js';
import type { ChatState } from './chat/chat-reducer.js';
import { TokenScreen, type TokenOutcome, type TokenScreenTexts } from './chat/TokenScreen.js';
import type { ChatSend } from './chat/use-chat.js';
import { HomeScreen } from './home/HomeScreen.js';
import { PickerScreen, type PickerItem, type PickerOutcome } from './picker/PickerScreen.js';
import type { HomeOutcome } from './home/home-actions.js';
import { ADD_WIZARDS, type AddCommand, type AttachWizardDeps } from './specs/index.js';
import type { Answers, WizardOutcome, WizardSpec } from './wizard/types.js';
import { WizardApp } from './wizard/WizardApp.js';

/** Render `element(done)` until it calls `done(value)`; then unmount and wait for ink to let go of the terminal. */
export async function runInk<T>(element: (done: (value: T) => void) => ReactElement): Promise<T> {
  let settle: (value: T) => void = () => undefined;
  const result = new Promise<T>((resolve) => (settle = resolve));
  const app = render(
    element((v) => settle(v)),
    { exitOnCtrlC: false },
  );
  const value = await result;
  // Let React commit the closing render (screens render nothing once done), so no stale frame stays on screen.
  await new Promise((r) => setTimeout(r, 20));
  app.unmount();
  // ink turns raw mode off and lets go of stdin on unmount, so the next screen (or the process exit) starts clean.
  await app.waitUntilExit().catch(() => undefined);
  return value;
}

export function launchAddWizard(
  command: AddCommand,
  deps: AttachWizardDeps,
  preset: Answers = {},
): Promise<WizardOutcome> {
  const spec = ADD_WIZARDS[command]({ ...deps, preset });
  return runInk<WizardOutcome>((done) => <WizardApp spec={spec} preset={preset} onExit={done} />);
}

export function launchHome(): Promise<HomeOutcome> {
  return runInk<HomeOutcome>((done) => <HomeScreen onExit={done} />);
}

export function launchPicker(title: string, items: readonly PickerItem[], keys: string): Promise<PickerOutcome> {
  return runInk<PickerOutcome>((done) => <PickerScreen title={title} items={items} keys={keys} onExit={done} />);
}

export function launchTokenScreen(texts: TokenScreenTexts): Promise<TokenOutcome> {
  return runInk<TokenOutcome>((done) => <TokenScreen texts={texts} onExit={done} />);
}

export function launchChat(texts: ChatTexts, send: ChatSend, sessionId?: string): Promise<ChatState> {
  return runInk<ChatState>((done) => (
    <ChatScreen texts={texts} send={send} {...(sessionId ? { sessionId } : {})} onExit={done} />
  ));
}

/** Any wizard spec (e.g. the arguments of an MCP tool). */
export function launchWizard(spec: WizardSpec): Promise<WizardOutcome> {
  return runInk<WizardOutcome>((done) => <WizardApp spec={spec} onExit={done} />);
}
