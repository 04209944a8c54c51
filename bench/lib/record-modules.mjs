// Preloaded with `node --import` by benches: records every module URL the process loads and writes the list to
// $AGENTCORE_BENCH_MODULES_OUT on exit. Not used for timing (the hook itself costs time).
import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';

const out = process.env.AGENTCORE_BENCH_MODULES_OUT;
const seen = new Set();
registerHooks({
  load(url, context, next) {
    seen.add(url);
    return next(url, context);
  },
});
process.on('exit', () => {
  if (out) writeFileSync(out, JSON.stringify([...seen]));
});
