import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const TSC = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));
const PROJECT = fileURLToPath(new URL('../test-d/tsconfig.json', import.meta.url));

describe('attribute schema at compile time', () => {
  it('accepts booleans, counts and enum literals and refuses strings, URLs, ARNs, secrets, paths, free text and bad keys', () => {
    const r = spawnSync(process.execPath, [TSC, '-p', PROJECT], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 70_000);
});
