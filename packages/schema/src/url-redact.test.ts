import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgentcoreError } from './errors.js';
import { HttpUrlSchema } from './fields.js';
import { isSecretParamName, redactUrl, redactUrlsInText, urlHasUserInfo } from './url-redact.js';

const SEED = 20261203;

describe('redactUrl', () => {
  it('replaces user info with ***, keeping the rest as written', () => {
    expect(redactUrl('http://user:pass@host:8080/mcp')).toBe('http://***@host:8080/mcp');
    expect(redactUrl('https://token@example.com')).toBe('https://***@example.com');
    expect(redactUrl('http://a:b@c@host/x?y=1#f')).toBe('http://***@host/x?y=1#f');
    expect(redactUrl('http://host/p@th?q=a@b')).toBe('http://host/p@th?q=a@b');
  });

  it('replaces the values of secret-looking query parameters, case-insensitive', () => {
    for (const name of ['api_key', 'key', 'token', 'secret', 'password', 'sig', 'signature', 'X-Amz-Signature']) {
      expect(redactUrl(`https://h/p?a=1&${name}=S3CR3T&b=2#frag`)).toBe(`https://h/p?a=1&${name}=***&b=2#frag`);
      expect(redactUrl(`https://h/p?${name.toUpperCase()}=S3CR3T`)).toBe(`https://h/p?${name.toUpperCase()}=***`);
    }
    expect(redactUrl('https://h/p?my_api_key=x&access_token=y&X-Amz-Credential=z&region=us')).toBe(
      'https://h/p?my_api_key=***&access_token=***&X-Amz-Credential=***&region=us',
    );
    expect(redactUrl('https://h/p?%6Bey=x')).toBe('https://h/p?%6Bey=***');
  });

  it('leaves URLs without secrets and plain text unchanged', () => {
    for (const s of ['https://idp.example.com/.well-known/openid-configuration', 'http://127.0.0.1:1/mcp?page=2', 'x'])
      expect(redactUrl(s)).toBe(s);
    expect(isSecretParamName('page')).toBe(false);
  });

  it('never keeps a password or a secret parameter value (property, seeded)', () => {
    const secret = fc.string({
      minLength: 6,
      maxLength: 30,
      unit: fc.constantFrom(...'abcXYZ0189_~!$()*+,;=-.'.split('')),
    });
    fc.assert(
      fc.property(secret, secret, (pw, value) => {
        const url = `https://user:${pw}@host.example/path?region=x&Token=${value}`;
        const out = redactUrl(url);
        expect(out).not.toContain(pw);
        expect(out).not.toContain(value);
        expect(redactUrlsInText(`failed: ${url} (401)`)).toBe(`failed: ${out} (401)`);
      }),
      { seed: SEED },
    );
  });
});

describe('URL rules', () => {
  it('urlHasUserInfo', () => {
    expect(urlHasUserInfo('http://u:p@h/x')).toBe(true);
    expect(urlHasUserInfo('http://u@h')).toBe(true);
    expect(urlHasUserInfo('http://h/x@y')).toBe(false);
  });

  it('HttpUrlSchema refuses user info with a message that shows *** and never the password', () => {
    const r = HttpUrlSchema.safeParse('http://user:hunter2@host/mcp');
    expect(r.success).toBe(false);
    const messages = r.error?.issues.map((i) => i.message).join('\n') ?? '';
    expect(messages).toContain('http://***@host/mcp');
    expect(messages).not.toContain('hunter2');
    expect(JSON.stringify(r.error?.issues)).not.toContain('hunter2');
    expect(HttpUrlSchema.safeParse('https://host/mcp').success).toBe(true);
  });

  it('every AgentcoreError redacts URLs in its message, actions and details', () => {
    const e = new AgentcoreError('ERR_X', 'Could not reach http://u:hunter2@h/x?token=abc', {
      actions: ['Check https://h/?sig=abc'],
      details: { url: 'http://u:hunter2@h/x', nested: [{ u: 'https://h?key=abc' }], n: 1 },
    });
    expect(JSON.stringify(e.toJSON())).not.toMatch(/hunter2|abc/);
    expect(e.message).toBe('Could not reach http://***@h/x?token=***');
    expect(e.details).toEqual({ url: 'http://***@h/x', nested: [{ u: 'https://h?key=***' }], n: 1 });
  });
});
