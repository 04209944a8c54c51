#!/usr/bin/env node
// Enforces the package dependency direction with Nx's project graph and the `layer:*` tags in each package.json:
//   app → engine | strategy → kit → auth → schema   (strategy plugins never depend on engines, nothing depends on the app)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// layer:testkit (private test peers) may be used by any package's tests and depends on no agentcore package.
const ALLOWED = {
  'layer:schema': ['layer:testkit'],
  'layer:auth': ['layer:schema', 'layer:testkit'],
  'layer:engine': ['layer:auth', 'layer:schema', 'layer:testkit'],
  'layer:kit': ['layer:auth', 'layer:schema', 'layer:testkit'],
  'layer:strategy': ['layer:kit', 'layer:auth', 'layer:schema', 'layer:testkit'],
  'layer:app': ['layer:engine', 'layer:strategy', 'layer:kit', 'layer:auth', 'layer:schema', 'layer:testkit'],
  'layer:testkit': [],
};

const dir = mkdtempSync(join(tmpdir(), 'agentcore-graph-'));
try {
  const file = join(dir, 'graph.json');
  execFileSync('nx', ['graph', `--file=${file}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const { graph } = JSON.parse(readFileSync(file, 'utf8'));
  const problems = [];
  for (const [name, node] of Object.entries(graph.nodes)) {
    const tag = (node.data.tags ?? []).find((t) => t.startsWith('layer:'));
    if (!tag) {
      problems.push(`${name} has no layer:* tag in package.json "nx.tags"`);
      continue;
    }
    for (const dep of graph.dependencies[name] ?? []) {
      const target = graph.nodes[dep.target];
      if (!target) continue; // external npm package
      const depTag = (target.data.tags ?? []).find((t) => t.startsWith('layer:'));
      if (!ALLOWED[tag]?.includes(depTag))
        problems.push(`${name} (${tag}) must not depend on ${dep.target} (${depTag}) [${dep.type}]`);
    }
  }
  if (problems.length) {
    console.error(`Module boundary violations:\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  console.log(`module boundaries ok (${Object.keys(graph.nodes).length} projects)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
