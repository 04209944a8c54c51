import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from './files.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'deploy-files-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

describe('collectFiles', () => {
  it('skips dependency and VCS folders and what .gitignore files ignore, at every level', () => {
    const root = tree({
      'main.py': 'x',
      '.gitignore': '*.log\nbuild/\n',
      'app.log': 'no',
      'build/out.js': 'no',
      'node_modules/dep/index.js': 'no',
      '__pycache__/m.pyc': 'no',
      '.venv/bin/python': 'no',
      '.git/HEAD': 'no',
      'pkg/.gitignore': 'secret.txt\n',
      'pkg/secret.txt': 'no',
      'pkg/mod.py': 'y',
      'other/secret.txt': 'kept: the nested rule is relative to pkg/',
    });
    symlinkSync(join(root, 'pkg'), join(root, 'loop'));
    expect(collectFiles(root).map((f) => f.path)).toEqual([
      '.gitignore',
      'main.py',
      'other/secret.txt',
      'pkg/.gitignore',
      'pkg/mod.py',
    ]);
  });

  it('keeps node_modules when the runtime asks for it, never .git', () => {
    const root = tree({ 'index.js': 'x', 'node_modules/dep/index.js': 'y', '.git/HEAD': 'no' });
    expect(collectFiles(root, { include: ['node_modules', '.git'] }).map((f) => f.path)).toEqual([
      'index.js',
      'node_modules/dep/index.js',
    ]);
  });
});
