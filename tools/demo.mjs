#!/usr/bin/env node
// The main job: a scripted walk-through in a temp folder, run unattended on embedded defaults.
// It drives the real `agentcore` binary the way a user would, printing each command and its output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../apps/cli/bin/run.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'agentcore-demo-'));
const env = { ...process.env, HOME: join(work, 'home'), AGENTCORE_CONFIG_DIR: join(work, 'home', '.agentcore'), AGENTCORE_DISABLE_KEYCHAIN: '1', XDG_DATA_HOME: join(work, 'xdg') };
const project = join(work, 'Demo');

function agentcore(args, { cwd = project, input, expectFail = false } = {}) {
  console.log(`\n$ agentcore ${args.join(' ')}${input ? '   (secret piped on stdin)' : ''}`);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, input: input ?? '', encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stdout.write(r.stderr);
  if ((r.status === 0) === expectFail) throw new Error(`agentcore ${args.join(' ')} exited ${r.status}`);
  return r;
}

try {
  agentcore(['create', '--name', 'Demo'], { cwd: work });
  agentcore(['add', 'agent', '--name', 'EchoAgent', '--template', 'node']);
  agentcore(['add', 'credential', '--name', 'MyKey', '--type', 'api-key', '--api-key', '-'], { input: 'demo-api-key-123' });
  console.log('\n--- agentcore/agentcore.json ---');
  console.log(readFileSync(join(project, 'agentcore', 'agentcore.json'), 'utf8'));
  console.log('demo finished OK');
} finally {
  rmSync(work, { recursive: true, force: true });
}
