// The detector of tools/check-messages.mjs on small sources: what it must flag and what it must leave alone.
//   node --test tools/check-messages.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findInlineText, hasWords } from './check-messages.mjs';

const lines = (src) => [
  ...new Set(
    findInlineText('x.ts', src)
      .filter((h) => !h.exempt)
      .map((h) => h.line),
  ),
];

test('flags inline text in coded errors, their actions, warnings and problem builders', () => {
  const src = [
    "throw new CliError('ERR_NOT_FOUND', `No gateway named ${name}.`);", // 1: message
    "throw new CliError('ERR_NOT_FOUND', m.get('error.X'), { actions: ['Choose another --name.'] });", // 2: action
    'throw new TypeError(`message ${key} is missing`);', // 3: plain Error
    "this.warn('Plugin x returned nothing; ignored.');", // 4
    'warnings.push(`Plugin ${p} failed: ${e}`);', // 5
    "p.add({ path: 'type', message: 'Give --code-location or --template' });", // 6
    "throw refused(options, 'Use HTTPS for the identity provider.', {});", // 7: thrown factory
    "throw new DevError('ERR_X', ok ? 'Runtime is gone.' : 'Gateway is gone.');", // 8: condition
    "throw new DevError('ERR_X', 'Could not listen ' + port);", // 9: concatenation
    'process.stderr.write(`Warning: ${hint}\\n`);', // 10
    "class XError extends AgentcoreError { constructor() { super('ERR_X', 'Something broke here.'); } }", // 11
    'const fail = (rule, reason) => ({ rule, reason });', // 12: a text helper…
    "fail('exp', 'the token has no exp claim');", // 13: …called with text
    "return { ok: false, reason: 'the token has no alg' };", // 14: any record with a reason
    "sendJson(res, 404, { message: 'Resource not found', devReason: `No runtime at ${path}.` });", // 15
    "z.regex(/^s3:/, 'Must be an s3:// URI');", // 16: a schema message
    "z.url({ protocol: /^https?$/, error: 'Must be an http(s) URL' });", // 17
    'message = `Target ${name}: cannot connect to ${where}.`;', // 18: a text variable
    "log('[dev] Fix it and restart agentcore dev.');", // 19: a line of output
    'options.log(`[dev] ${file} changed: restarting ${name}`);', // 20
    "this.log('Wrote the template.');", // 21
    "process.stdout.write('Deployed the stack.\\n');", // 22
  ].join('\n');
  assert.deepEqual(lines(src), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
});

test('leaves bundle lookups, codes, keys and non-text values alone', () => {
  const src = [
    "throw new CliError('ERR_NOT_FOUND', m.get('error.NotFound', { name }), { actions: m.list('error.NotFound.actions') });",
    "throw new SchemaError('ERR_DUPLICATE', `${a}: ${b}`, { details: { reason: 'body_too_large' } });",
    "console.warn('debug output for developers only');",
    "items.push({ name: 'a b', value: 'not a message' });",
    "console.log('debug output for developers only');",
    "this.log(m.get('success', { name }));",
    "const status = 'not a text variable';",
    "z.string().check(z.minLength(1), z.regex(PATTERN, fieldText('S3Uri')));",
    "class Store extends Base { constructor() { super('plain words are not an error'); } }",
  ].join('\n');
  assert.deepEqual(lines(src), []);
});

test('an internal marker exempts a line only with a reason', () => {
  const src = [
    "throw new TypeError('unreachable: validated above'); // messages-check: internal — validate() rejects this first",
    '// messages-check: internal — a programming error, never shown',
    "throw new TypeError('secret key must be 32 bytes');",
    "throw new TypeError('unreachable: validated above'); // messages-check: internal",
  ].join('\n');
  const hits = findInlineText('x.ts', src);
  assert.deepEqual(
    hits.map((h) => [h.line, h.exempt?.reason ?? null]),
    [
      [1, 'validate() rejects this first'],
      [3, 'a programming error, never shown'],
      [4, ''],
    ],
  );
});

test('words: sentences and phrases yes, codes and keys no', () => {
  assert.equal(hasWords('Choose another --name.'), true);
  assert.equal(hasWords('Cancelled.'), true);
  assert.equal(hasWords('ERR_NOT_FOUND'), false);
  assert.equal(hasWords('error.NotFound.actions'), false);
  assert.equal(hasWords('Target  : ', true), true);
  assert.equal(hasWords(' :  ', true), false);
});
