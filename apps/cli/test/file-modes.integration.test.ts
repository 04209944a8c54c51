/**
 * Every file and folder the CLI creates gets an explicit mode whatever the umask (built binary started through
 * `sh -c 'umask …; exec node …'`): project folders 0755, `agentcore/.cli/` 0700, `.env.local` and the secrets key
 * 0600, agentcore.json and the other project files 0644; a stricter mode the user set on agentcore.json is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { BIN, createSandbox, fileMode, type Sandbox } from './helpers.js';

function runWithUmask(sb: Sandbox, umask: string, args: string[], cwd: string, input = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', `umask ${umask} && exec "$@"`, 'sh', process.execPath, BIN, ...args, '--json'], {
      cwd,
      env: sb.env,
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
    child.stdin.end(input);
  });
}

describe.each(['000', '077'])('file modes under umask %s', (umask) => {
  let sb: Sandbox;
  let root: string;
  beforeAll(async () => {
    sb = await createSandbox();
    root = join(sb.dir, 'Demo');
    expect(await runWithUmask(sb, umask, ['create', '--name', 'Demo'], sb.dir)).toBe(0);
    expect(await runWithUmask(sb, umask, ['add', 'agent', '--name', 'A', '--template', 'node'], root)).toBe(0);
    const credential = ['add', 'credential', '--name', 'K', '--type', 'api-key', '--api-key', '-'];
    expect(await runWithUmask(sb, umask, credential, root, 'secret')).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it.each([
    ['.', 0o755],
    ['agentcore', 0o755],
    ['agentcore/.cli', 0o700],
    ['agentcore/.env.local', 0o600],
    ['agentcore/agentcore.json', 0o644],
    ['agentcore/agentcore.schema.json', 0o644],
    ['agentcore/.gitignore', 0o644],
    ['.gitignore', 0o644],
    ['app', 0o755],
    ['app/A', 0o755],
    ['app/A/main.js', 0o644],
  ])('%s is %o', async (path, mode) => {
    expect((await fileMode(join(root, path))).toString(8)).toBe(mode.toString(8));
  });

  it('the secrets key is 0600 in a 0700 folder', async () => {
    const dir = sb.env.AGENTCORE_CONFIG_DIR ?? '';
    expect((await fileMode(dir)).toString(8)).toBe('700');
    expect((await fileMode(join(dir, 'secrets.key'))).toString(8)).toBe('600');
  });

  it('keeps a stricter mode the user set on agentcore.json when rewriting it', async () => {
    const config = join(root, 'agentcore', 'agentcore.json');
    await chmod(config, 0o600);
    expect(await runWithUmask(sb, umask, ['add', 'gateway', '--name', 'gw'], root)).toBe(0);
    expect((await fileMode(config)).toString(8)).toBe('600');
  });
});
