#!/usr/bin/env node
/**
 * User-facing text lives in message bundles (`messages/*.md`, read through each package's `messages.ts`), never inline.
 * This check parses every source file of `apps/cli/src` and `packages/<name>/src` (tests and `packages/testkit` aside)
 * with the TypeScript compiler API and fails on a string or template literal with words that is:
 *   - an argument of `new <Name>Error(...)` (the message of a coded error or of a plain Error), or the `message`,
 *     `action`, `actions` or `warning` of its options object;
 *   - the `super(...)` arguments of a class that extends `…Error`;
 *   - the text of a warning: `this.warn(...)`, `<x>.warn(...)`, `warnings.push(...)`, `<x>Warnings.push(...)`,
 *     `process.stderr.write(...)`; a line of output: `log(...)`, `this.log(...)`, `options.log(...)`,
 *     `process.stdout.write(...)`;
 *   - the `message`, `action`, `actions` or `warning` of an object literal handed to a problem builder
 *     (`issues.push({ … })`, `p.add({ … })`, `ctx.addIssue({ … })`, `problems.push({ … })`, …).
 *   - a text argument of a call that is thrown: `throw refused(…)`, `throw createXError(…)`;
 *   - an argument given to a parameter named `message`, `reason`, `action(s)`, `warning`, `problem` or `hint` of a
 *     function declared in the same file (`fail(rule, reason)`, `badFile(file, problem)`).
 * Literals are followed through `a + b`, `c ? a : b`, `a ?? b`, parentheses, arrays and `[…].join(…)`.
 * "With words" means at least two words of letters, or one word ending a sentence ("Cancelled."); codes such as
 * `ERR_NOT_FOUND`, keys such as `error.NotFound` and bare values are not words.
 *
 * Text that is never shown to a user (an assertion that only a programming error can reach) is exempt by a comment on
 * the same line or the line above: `// messages-check: internal — <reason>`. The reason is required.
 *
 *   node tools/check-messages.mjs           (exit 1 with file:line and what to do for each inline text)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const EXEMPT = /messages-check:\s*internal\b\s*(?:[-—:–]\s*)?(\S.*)?$/;
const TEXT_VARS = new Set(['message', 'reason', 'warning', 'hint', 'action', 'actions', 'help']);
const TEXT_PROPS = new Set(['message', 'error', 'action', 'actions', 'warning', 'reason', 'devReason', 'hint']);
/** Methods whose object-literal argument is a problem/issue record. */
const BUILDER_METHODS = new Set(['push', 'add', 'addIssue', 'issue', 'problem', 'report', 'unshift']);
const WARN_ARRAY = /(^w|W)arnings$/;

/**
 * True for text a user would read: two words of letters, or one word closing a sentence; in a template (text around
 * values) one word is enough ("Target ${name}: ${reason}").
 */
export function hasWords(text, template = false) {
  const words = text.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w) && !/^[A-Z][A-Z0-9_]*$/.test(w));
  if (words.length >= 2 || (template && words.length === 1 && /^[A-Za-z][a-z]+\W*$/.test(words[0]))) return true;
  return words.length === 1 && /^[A-Za-z][a-z]+[.!?]$/.test(words[0]);
}

/** The literal texts (with their nodes) an expression is built from: concatenations, conditions, arrays, joins. */
function literalParts(node, out = []) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push([node, node.text, false]);
  else if (ts.isTemplateExpression(node))
    out.push([node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '), true]);
  else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
    literalParts(node.expression, out);
  else if (ts.isConditionalExpression(node)) {
    literalParts(node.whenTrue, out);
    literalParts(node.whenFalse, out);
  } else if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (
      op === ts.SyntaxKind.PlusToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.BarBarToken
    ) {
      literalParts(node.left, out);
      literalParts(node.right, out);
    }
  } else if (ts.isArrayLiteralExpression(node)) {
    for (const e of node.elements) literalParts(ts.isSpreadElement(e) ? e.expression : e, out);
  } else if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'join'
  )
    literalParts(node.expression.expression, out);
  return out;
}

function propName(p) {
  if (!p.name) return undefined;
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text;
  return undefined;
}

/** The worded literals among an object literal's `message`/`action(s)`/`warning` properties. */
function textProps(obj, what) {
  const hits = [];
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && TEXT_PROPS.has(propName(p) ?? ''))
      for (const [node, text, t] of literalParts(p.initializer))
        if (hasWords(text, t)) hits.push({ node, what: `${what} ${propName(p)}` });
  }
  return hits;
}

function calleeName(expr) {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return undefined;
}

function receiverName(expr) {
  if (!ts.isPropertyAccessExpression(expr)) return undefined;
  const r = expr.expression;
  if (ts.isIdentifier(r)) return r.text;
  if (ts.isPropertyAccessExpression(r)) return r.name.text;
  if (r.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  return undefined;
}

const TEXT_PARAMS = /^(message|reason|action|actions|warning|problem|hint)$/;

/**
 * Functions declared in the file (`function f(…)`, `const f = (…) =>`) with parameters named like text: `message`,
 * `reason`, `action(s)`, `warning`, `problem`, `hint`. A worded literal passed there is text built inline.
 */
function textParameters(sf) {
  const found = new Map();
  const add = (name, fn) => {
    const params = fn.parameters.flatMap((p, i) =>
      ts.isIdentifier(p.name) && TEXT_PARAMS.test(p.name.text) ? [[i, p.name.text]] : [],
    );
    if (params.length) found.set(name, params);
  };
  const visit = (node) => {
    if (ts.isFunctionDeclaration(node) && node.name) add(node.name.text, node);
    else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    )
      add(node.name.text, node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** True inside a class that extends `…Error` (its `super(code, message)` call carries the error's text). */
function extendsError(node) {
  let n = node.parent;
  while (n && !ts.isClassLike(n)) n = n.parent;
  const base = n?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  return base !== undefined && /Error$/.test(base.getText());
}

/** Pure: every inline user text in one source file, as `{ line, what, text }`, exempt lines left out. */
export function findInlineText(fileName, source) {
  const sf = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const lines = source.split('\n');
  const hits = [];
  const flagArgs = (args, what) => {
    for (const a of args) {
      if (ts.isObjectLiteralExpression(a)) {
        handled.add(a);
        hits.push(...textProps(a, `${what} option`));
      } else for (const [node, text, t] of literalParts(a)) if (hasWords(text, t)) hits.push({ node, what });
    }
  };
  const builders = textParameters(sf);
  const handled = new Set();
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && builders.has(node.expression.text)) {
      const name = node.expression.text;
      for (const [i, param] of builders.get(name))
        if (node.arguments[i]) flagArgs([node.arguments[i]], `${name}(…) ${param}`);
    }
    if (ts.isThrowStatement(node) && node.expression && ts.isCallExpression(node.expression)) {
      // `throw refused(…)`, `throw discoveryFailed(…)`: an error factory's text arguments are the error's text.
      const name = calleeName(node.expression.expression);
      flagArgs(node.expression.arguments, `throw ${name ?? '…'}(…)`);
    } else if (ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      if (name && /Error$/.test(name)) flagArgs(node.arguments ?? [], `new ${name}(…)`);
    } else if (
      (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) ||
      (ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isIdentifier(node.left))
    ) {
      // `const message = '…'`, `reason = \`…\``: a text variable holds the message a later call sends.
      const name = ts.isVariableDeclaration(node) ? node.name.text : node.left.text;
      const value = ts.isVariableDeclaration(node) ? node.initializer : node.right;
      if (TEXT_VARS.has(name))
        for (const [n, text, t] of literalParts(value))
          if (hasWords(text, t)) hits.push({ node: n, what: `${name} =` });
    } else if (ts.isObjectLiteralExpression(node) && !handled.has(node)) {
      // Any other record that carries text: a problem, a denial, a rule outcome, a response body.
      hits.push(...textProps(node, 'object'));
    }
    if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      const recv = receiverName(node.expression);
      if (node.expression.kind === ts.SyntaxKind.SuperKeyword) {
        if (extendsError(node)) flagArgs(node.arguments, 'super(…) of an error class');
      } else if (name === 'warn' && recv !== 'console') flagArgs(node.arguments, `${recv ?? ''}.warn(…)`);
      else if (name === 'write' && (recv === 'stderr' || recv === 'stdout'))
        flagArgs(node.arguments, `${recv}.write(…)`);
      else if (name === 'log' && recv !== 'console') flagArgs(node.arguments, `${recv ? recv + '.' : ''}log(…)`);
      else if (recv === 'z' && name) flagArgs(node.arguments, `z.${name}(…) (a schema message)`);
      else if (name === 'push' && recv && WARN_ARRAY.test(recv)) flagArgs(node.arguments, `${recv}.push(…)`);
      else if (name && BUILDER_METHODS.has(name))
        for (const a of node.arguments)
          if (ts.isObjectLiteralExpression(a)) {
            handled.add(a);
            hits.push(...textProps(a, `${recv ? recv + '.' : ''}${name}({ … })`));
          }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const seen = new Set();
  return hits
    .map(({ node, what }) => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      return { line: line + 1, what, text: node.getText(sf), exempt: exemption(lines, line) };
    })
    .filter((h) => {
      const key = `${h.line}:${h.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** `undefined` (not exempt), `{ reason }`, or `{ reason: '' }` for a marker without a reason (an error). */
function exemption(lines, line) {
  for (const l of [lines[line], lines[line - 1]]) {
    const m = l === undefined ? null : EXEMPT.exec(l);
    if (m) return { reason: (m[1] ?? '').trim() };
  }
  return undefined;
}

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!['node_modules', '__fixtures__', 'test', 'test-helpers', 'testing'].includes(name))
        out.push(...sourceFiles(p));
    } else if (/\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) && !/\.(test|spec|e2e)\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

function scannedRoots() {
  const roots = [join(root, 'apps/cli/src')];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    if (pkg === 'testkit') continue;
    const src = join(root, 'packages', pkg, 'src');
    try {
      if (statSync(src).isDirectory()) roots.push(src);
    } catch {
      // a package without src/
    }
  }
  return roots;
}

function main() {
  const problems = [];
  let files = 0;
  for (const file of scannedRoots().flatMap(sourceFiles)) {
    const rel = relative(root, file).split(sep).join('/');
    const found = findInlineText(rel, readFileSync(file, 'utf8'));
    files++;
    for (const h of found) {
      if (h.exempt && h.exempt.reason) continue;
      problems.push(
        h.exempt
          ? `${rel}:${h.line} a "messages-check: internal" marker needs a reason after it (why no user ever sees this text)`
          : `${rel}:${h.line} ${h.what} has inline user text ${h.text.length > 90 ? h.text.slice(0, 87) + '…' : h.text}`,
      );
    }
  }
  if (problems.length) {
    console.error(`Inline user-facing text (${problems.length}):\n  - ${problems.join('\n  - ')}`);
    console.error(
      'Move each text into the package\'s message bundle (messages/<bundle>.md, a "# error.<Name>" entry and its ' +
        '"# error.<Name>.actions" list, `{name}` placeholders for values) and read it with messages.get()/list(). ' +
        'Text no user can ever see may instead carry `// messages-check: internal — <reason>` on its line.',
    );
    process.exit(1);
  }
  console.log(`messages ok (${files} source files checked)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
