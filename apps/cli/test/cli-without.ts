/** The built CLI as if one bundled plugin were not installed: the same commands, a package.json without it. */
import { execFile } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI_ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function cliWithout(plugin: string, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const pjson = JSON.parse(await readFile(join(CLI_ROOT, 'package.json'), 'utf8'));
  pjson.oclif = {
    ...pjson.oclif,
    plugins: pjson.oclif.plugins.filter((p: string) => p !== plugin),
    commands: relative(dir, join(CLI_ROOT, 'dist', 'commands')),
  };
  delete pjson.oclif.helpClass;
  await writeFile(join(dir, 'package.json'), JSON.stringify(pjson));
  await symlink(join(dirname(dirname(CLI_ROOT)), 'node_modules'), join(dir, 'node_modules'));
  await writeFile(
    join(dir, 'run.mjs'),
    "import { execute } from '@oclif/core';\nawait execute({ dir: import.meta.url });\n",
  );
  return join(dir, 'run.mjs');
}

export interface CliOutcome {
  exitCode: number;
  json: { code?: string; actions?: string[]; details?: { issues?: unknown[] }; status?: number };
}

export function runScript(
  script: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  input = '',
): Promise<CliOutcome> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [script, ...args], { cwd, env, timeout: 30_000 }, (err, stdout) => {
      let json: CliOutcome['json'] = {};
      try {
        json = JSON.parse(stdout || '{}') as CliOutcome['json'];
      } catch {
        json = {};
      }
      resolve({ exitCode: err ? Number(err.code ?? 1) : 0, json });
    });
    child.stdin?.end(input);
  });
}
