import { describe, expect, it } from 'vitest';
import { sessionUrls } from './session-step.js';

describe('sessionUrls (step 6 of startDev)', () => {
  it('names each runtime invocation URL and gateway MCP URL, with names URL-encoded', () => {
    expect(sessionUrls('http://127.0.0.1:9', ['Echo', 'a/b'], ['tools'])).toEqual({
      runtimes: {
        Echo: 'http://127.0.0.1:9/runtimes/Echo/invocations',
        'a/b': 'http://127.0.0.1:9/runtimes/a%2Fb/invocations',
      },
      gateways: { tools: 'http://127.0.0.1:9/gateways/tools/mcp' },
    });
  });
});
