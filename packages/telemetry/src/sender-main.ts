/** Entry point of the detached background sender: `node sender-main.js <config dir> [notBefore epoch ms]` (see sender.ts). */
import { HARD_EXIT_MS, SEND_WINDOW_MS } from './launch.js';
import { markDone, runSender } from './sender.js';

const [dir, notBeforeArg] = process.argv.slice(2);
const notBefore = Number(notBeforeArg) || Date.now();
const startAt = Math.max(Date.now(), Math.min(notBefore, Date.now() + SEND_WINDOW_MS));
// Whatever happens (a stuck export, a hung DNS lookup), exit: hand off first so that the next command starts a sender.
setTimeout(
  () => {
    if (dir) markDone(dir, startAt);
    process.exit(0);
  },
  startAt - Date.now() + HARD_EXIT_MS,
).unref();
if (dir) await runSender(dir, { notBefore }).catch(() => undefined);
