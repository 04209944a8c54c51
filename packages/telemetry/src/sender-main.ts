/** Entry point of the detached background sender: `node sender-main.js <config dir>` (see sender.ts). */
import { HARD_EXIT_MS, sendPending } from './sender.js';

setTimeout(() => process.exit(0), HARD_EXIT_MS).unref();
const dir = process.argv[2];
if (dir) await sendPending(dir).catch(() => undefined);
