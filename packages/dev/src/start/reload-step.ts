/**
 * Config reload of a running session: agentcore.json and `.env.local` are watched, and each change is loaded,
 * planned and applied one after the other (reload.ts). A failed reload is logged; the session keeps running.
 */
import type { FSWatcher } from 'node:fs';
import { basename } from 'node:path';
import { projectPaths } from '@agentcore/schema';
import { reloadConfig, type LiveEntries, type ReloadContext } from '../reload.js';
import { devMessages } from '../messages.js';
import { watchFiles } from '../watch.js';

export function watchConfig(root: string, live: LiveEntries, ctx: ReloadContext, closing: () => boolean): FSWatcher {
  let reloading = Promise.resolve();
  const paths = projectPaths(root);
  return watchFiles(paths.configDir, [basename(paths.configFile), basename(paths.envFile)], (file) => {
    reloading = reloading
      .then(() => (closing() ? undefined : reloadConfig(live, ctx, file)))
      .catch((err: Error) => ctx.log(devMessages().get('log.ReloadFailed', { file, reason: err.message })));
  });
}
