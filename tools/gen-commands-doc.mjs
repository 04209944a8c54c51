#!/usr/bin/env node
// Writes docs/commands.md from the built oclif manifests (the CLI's and its core plugins') plus the flags the core
// auth strategies contribute, so the reference cannot drift from the code. `--check` fails when the file is stale.
// Run after a build: `tools/env.sh node tools/gen-commands-doc.mjs [--check]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'apps/cli');
const OUT = join(ROOT, 'docs/commands.md');
const require = createRequire(join(CLI, 'package.json'));
const cliPjson = JSON.parse(readFileSync(join(CLI, 'package.json'), 'utf8'));

const HEADER = `# Command reference

Every \`agentcore\` command as it exists in this repository, with its flags and examples. This file is generated from
the oclif manifests by \`tools/gen-commands-doc.mjs\` (the test command checks it is current). Run
\`agentcore <command> --help\` for the same information from the installed CLI, with the flags of the auth plugins you
actually have installed.

Common to every command:

- \`--json\` prints exactly one JSON document on stdout: \`{"status":0,"result":…,"warnings":[…]}\` on success, and
  \`{"name","code","message","actions","exitCode","details"}\` on failure. Each command's result type is exported from
  its module (e.g. \`StatusResult\`, \`ValidateResult\`).
- Errors carry a stable \`code\` (\`ERR_INVALID_INPUT\`, \`ERR_NOT_FOUND\`, \`ERR_DUPLICATE\`, \`ERR_IN_USE\`,
  \`ERR_CONFIG_INVALID\`, …) and at least one suggested action. Usage errors (and missing flags without a terminal)
  exit 2, other errors 1.
- Values such as \`--type\`, \`--authorizer-type\` and \`--outbound-auth\` match case- and separator-insensitively
  (\`MCP_SERVER\` = \`mcp-server\`, \`aws_iam\` = \`AWS_IAM\`, \`NONE\` = \`none\`).
- Secrets are never taken from, or printed to, anywhere but \`agentcore/.env.local\`: secret flags accept \`-\` (read
  stdin) or an environment variable; a literal value works but warns that it lands in shell history.
- Commands that change the project write \`agentcore/agentcore.json\` and \`agentcore/.env.local\` together under a
  lock; a failed command leaves both byte-identical.
- In a terminal, commands missing required flags open a wizard (docs/interactive.md); \`agentcore\` alone opens the
  home screen.

Flags marked *from @agentcore/…* are contributed by an installed auth plugin and apply only with that plugin's
\`--authorizer-type\` / \`--outbound-auth\` value.
`;

const ATTACH = { 'add:agent': 'add agent', 'add:gateway': 'add gateway', 'add:gateway-target': 'add gateway-target' };
/** oclif's template placeholders in summaries and descriptions, as a user reads them. */
const expand = (s) => String(s ?? '').replace(/<%= config\.bin %>/g, 'agentcore');
const oneLine = (s) => expand(s).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

/** A dependency's folder as Node finds it (some packages' exports maps hide package.json). */
function packageDir(name) {
  for (let dir = CLI; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    try {
      readFileSync(join(candidate, 'package.json'));
      return candidate;
    } catch {
      if (dirname(dir) === dir) throw new Error(`cannot find ${name}`);
    }
  }
}

function manifestOf(dir) {
  return JSON.parse(readFileSync(join(dir, 'oclif.manifest.json'), 'utf8'));
}

async function strategyFlags() {
  const { StrategyRegistry } = await import(pathToFileURL(require.resolve('@agentcore/auth')).href);
  const registry = new StrategyRegistry();
  for (const name of cliPjson.oclif.plugins.filter((p) => p.startsWith('@agentcore/'))) {
    const dir = packageDir(name);
    const hook = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).oclif?.hooks?.['agentcore:strategies'];
    if (!hook) continue;
    const fn = (await import(pathToFileURL(join(dir, hook)).href)).default;
    for (const s of await fn()) registry.register(s, { packageName: name });
  }
  return registry;
}

function section(id, cmd, extra) {
  const lines = [
    `### \`agentcore ${id.replace(/:/g, ' ')}\``,
    '',
    oneLine(cmd.summary ?? cmd.description),
    '',
    `Plugin: \`${cmd.pluginName}\``,
    '',
  ];
  const flags = Object.values(cmd.flags ?? {}).filter((f) => !f.hidden && f.name !== 'json');
  if (flags.length || extra.length) {
    lines.push('| Flag | Meaning |', '| --- | --- |');
    for (const f of flags)
      lines.push(`| \`--${f.name}\`${f.char ? ` (\`-${f.char}\`)` : ''} | ${oneLine(f.summary ?? f.description)} |`);
    // Same wording as the CLI's help (apps/cli/src/command-support/strategy-flags.ts) for secret flags.
    const secretHint = (f) => (f.secret ? ` Use - to read it from stdin${f.env ? ` or set ${f.env}` : ''}.` : '');
    for (const e of extra)
      lines.push(
        `| \`--${e.flag.name}\` | ${oneLine(e.flag.summary + secretHint(e.flag))} *(from ${e.packageName}, with \`--${e.selector} ${e.cliName}\`)* |`,
      );
    lines.push('');
  }
  const examples = (cmd.examples ?? [])
    .map((e) => (typeof e === 'string' ? e : e.command))
    .map((e) => e.replace(/<%= config.bin %>/g, 'agentcore'));
  if (examples.length) lines.push('```sh', ...examples, '```', '');
  return lines.join('\n');
}

const registry = await strategyFlags();
const manifests = [
  manifestOf(CLI),
  ...cliPjson.oclif.plugins.filter((p) => p.startsWith('@agentcore/')).map((p) => manifestOf(packageDir(p))),
];
const ours = Object.entries(Object.assign({}, ...manifests.map((m) => m.commands)))
  .filter(([, c]) => !c.hidden)
  .sort(([a], [b]) => a.localeCompare(b));
const sections = ours.map(([id, cmd]) => {
  const attach = ATTACH[id];
  const extra = attach
    ? registry.flagsFor(attach).flatMap(({ entry, flags }) =>
        flags.map((flag) => ({
          flag,
          packageName: entry.source.packageName,
          cliName: entry.strategy.cliName,
          selector: entry.strategy.direction === 'inbound' ? 'authorizer-type' : 'outbound-auth',
        })),
      )
    : [];
  return section(id, cmd, extra);
});
const oclifPlugins = ['@oclif/plugin-plugins', '@oclif/plugin-help'].map((p) => manifestOf(packageDir(p)));
const builtins = Object.entries(Object.assign({}, ...oclifPlugins.map((m) => m.commands)))
  .filter(([, c]) => !c.hidden)
  .sort(([a], [b]) => a.localeCompare(b));
const text = [
  HEADER,
  '## Commands',
  '',
  ...sections,
  '## Plugin management (oclif)',
  '',
  'Install, list and remove plugins such as auth strategies (`agentcore plugins install @agentcore/auth-apikey`). These come from `@oclif/plugin-plugins` and `@oclif/plugin-help`; run them with `--help` for their flags.',
  '',
  '| Command | What it does |',
  '| --- | --- |',
  ...builtins.map(
    ([id, c]) => `| \`agentcore ${id.replace(/:/g, ' ')}\` | ${oneLine(c.summary ?? c.description).split('. ')[0]} |`,
  ),
  '',
].join('\n');

const placeholder = /<%=.*?%>/.exec(text);
if (placeholder) {
  console.error(`docs/commands.md would contain the raw template ${placeholder[0]}: expand it in this generator.`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== text) {
    console.error(
      'docs/commands.md is out of date: run `tools/env.sh node tools/gen-commands-doc.mjs` after a build and commit it.',
    );
    process.exit(1);
  }
  console.log('docs/commands.md is current');
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT} (${ours.length} commands)`);
}
