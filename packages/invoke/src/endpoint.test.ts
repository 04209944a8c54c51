import { describe, expect, it } from 'vitest';
import {
  eventFromSseData,
  eventsFromBody,
  InvokeError,
  parseHeaderLine,
  resolveInvokeUrl,
  runtimeInvocationUrl,
} from './index.js';

const ARN = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/Echo-abc123';

describe('runtime URLs', () => {
  it('encodes the whole ARN and is partition-aware', () => {
    expect(runtimeInvocationUrl(ARN)).toBe(
      'https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2FEcho-abc123/invocations',
    );
    expect(runtimeInvocationUrl(ARN, { qualifier: 'DEFAULT' })).toMatch(/\/invocations\?qualifier=DEFAULT$/);
    expect(runtimeInvocationUrl('arn:aws-cn:bedrock-agentcore:cn-north-1:123456789012:runtime/X')).toMatch(
      /^https:\/\/bedrock-agentcore\.cn-north-1\.amazonaws\.com\.cn\//,
    );
    expect(runtimeInvocationUrl('arn:aws-us-gov:bedrock-agentcore:us-gov-west-1:123456789012:runtime/X')).toMatch(
      /^https:\/\/bedrock-agentcore\.us-gov-west-1\.amazonaws\.com\//,
    );
  });

  it('appends /invocations only to a bare base URL', () => {
    expect(resolveInvokeUrl({ kind: 'url', url: 'http://127.0.0.1:8080' })).toBe('http://127.0.0.1:8080/invocations');
    expect(resolveInvokeUrl({ kind: 'url', url: 'http://127.0.0.1:8080/' })).toBe('http://127.0.0.1:8080/invocations');
    expect(resolveInvokeUrl({ kind: 'url', url: 'http://127.0.0.1:8080/runtimes/x/invocations?qualifier=DEV' })).toBe(
      'http://127.0.0.1:8080/runtimes/x/invocations?qualifier=DEV',
    );
  });

  it('rejects a non-runtime ARN and an unknown partition with ERR_INVOKE_TARGET', () => {
    expect(() => runtimeInvocationUrl('arn:aws:lambda:us-east-1:123456789012:function:f')).toThrow(InvokeError);
    try {
      runtimeInvocationUrl('arn:aws-mars:bedrock-agentcore:m-1:123456789012:runtime/X');
    } catch (err) {
      expect((err as InvokeError).code).toBe('ERR_INVOKE_TARGET');
    }
  });
});

describe('framing', () => {
  it('SSE data payloads', () => {
    expect(eventFromSseData('"hi"')).toEqual({ type: 'text', text: 'hi' });
    expect(eventFromSseData('{"error": {"message": "bad"}}')).toMatchObject({ type: 'error', message: 'bad' });
    expect(eventFromSseData('[1,2]')).toEqual({ type: 'json', value: [1, 2] });
    expect(eventFromSseData('not json')).toEqual({ type: 'text', text: 'not json' });
  });

  it('whole bodies', () => {
    expect(eventsFromBody('{"result": "r"}')).toEqual([{ type: 'text', text: 'r' }]);
    expect(eventsFromBody('{"result": {"a": 1}}')).toEqual([{ type: 'json', value: { a: 1 } }]);
    expect(eventsFromBody('{"a": 1}')).toEqual([{ type: 'json', value: { a: 1 } }]);
    expect(eventsFromBody('')).toEqual([]);
    expect(eventsFromBody('<html>')).toEqual([{ type: 'text', text: '<html>' }]);
  });

  it('header lines', () => {
    expect(parseHeaderLine('X-Amzn-Bedrock-AgentCore-Runtime-Custom-Foo: a: b')).toEqual([
      'X-Amzn-Bedrock-AgentCore-Runtime-Custom-Foo',
      'a: b',
    ]);
    expect(() => parseHeaderLine('no colon')).toThrow(InvokeError);
    for (const bad of ['X-A: b\r\nX-Evil: 1', 'X-A: b\nc', 'X-A: b\u0000c', 'X-A: b\u007f']) {
      expect(() => parseHeaderLine(bad)).toThrow(expect.objectContaining({ code: 'ERR_INVOKE_INPUT', exitCode: 2 }));
    }
    expect(parseHeaderLine('X-A: b\tc')).toEqual(['X-A', 'b\tc']);
  });
});
