/** Environment for benched CLI runs: isolated HOME/XDG and agentcore config folders under `dir`, no keychain, no colours. */
import { join } from 'node:path';

export function sandboxEnv(dir) {
  return {
    PATH: process.env.PATH,
    HOME: join(dir, 'home'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    AGENTCORE_CONFIG_DIR: join(dir, 'home', '.agentcore'),
    AGENTCORE_DISABLE_KEYCHAIN: '1',
    NO_COLOR: '1',
  };
}
