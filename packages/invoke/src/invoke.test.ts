import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { invoke, InvokeError, type InvokeEvent, type InvokeOptions } from './index.js';
import { sleep, sse, startTestAgent, type TestAgent } from './test-helpers/agent-server.js';

let agent: TestAgent | undefined;
afterEach(async () => {
  await agent?.close();
  agent = undefined;
});

/** A gate the test opens (a positive signal); `passed` resolves once it is open, or after `boundMs` at worst. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open: () => open(), passed: (boundMs: number) => Promise.race([opened, sleep(boundMs)]) };
}

const base = (url: string, extra: Partial<InvokeOptions> = {}): InvokeOptions => ({
  target: { kind: 'url', url },
  payload: { prompt: 'hi' },
  auth: { kind: 'none' },
  ...extra,
});

async function collect(options: InvokeOptions): Promise<InvokeEvent[]> {
  const events: InvokeEvent[] = [];
  for await (const e of invoke(options)) events.push(e);
  return events;
}

async function failure(options: InvokeOptions): Promise<InvokeError> {
  const err = await invoke(options).result.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InvokeError);
  return err as InvokeError;
}

describe('invoke over HTTP', () => {
  it('delivers each SSE event as it arrives, while the agent holds the connection open', async () => {
    // The agent sends the second event only once the first has been delivered here (or after 20 s, so a buffering
    // client fails below instead of hanging): no clock is compared.
    const first = gate();
    let secondSent = false;
    agent = await startTestAgent(async (_req, res) => {
      sse(res);
      res.write('data: "first"\n\n');
      await first.passed(20_000);
      secondSent = true;
      res.write('data: " second"\n\n');
      res.end();
    });
    const beforeSecond: boolean[] = [];
    const inv = invoke(base(agent.url));
    for await (const e of inv) {
      expect(e.type).toBe('text');
      beforeSecond.push(!secondSent);
      first.open();
    }
    expect(beforeSecond).toEqual([true, false]);
    expect(await inv.result).toMatchObject({ text: 'first second', status: 200, contentType: 'text/event-stream' });
  });

  it('sends the AgentCore headers, merges custom ones, and reads the session id back', async () => {
    agent = await startTestAgent((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-amzn-bedrock-agentcore-runtime-session-id': 'sess-from-server-0123456789012345',
      });
      res.end(JSON.stringify({ result: 'ok' }));
    });
    const r = await invoke(
      base(agent.url, {
        auth: { kind: 'bearer', token: 'tok.en.x' },
        sessionId: 'sess-0123456789012345678901234567890',
        userId: 'u1',
        headers: { 'X-Custom': 'v' },
        stream: false,
      }),
    ).result;
    expect(r).toMatchObject({ text: 'ok', sessionId: 'sess-from-server-0123456789012345' });
    const seen = agent.requests[0];
    expect(seen?.url).toBe('/invocations');
    expect(seen?.headers).toMatchObject({
      authorization: 'Bearer tok.en.x',
      'content-type': 'application/json',
      accept: 'application/json',
      'x-amzn-bedrock-agentcore-runtime-session-id': 'sess-0123456789012345678901234567890',
      'x-amzn-bedrock-agentcore-runtime-user-id': 'u1',
      'x-custom': 'v',
    });
    expect(JSON.parse(seen?.body ?? '')).toEqual({ prompt: 'hi' });
  });

  it('keeps an explicit URL path and asks for SSE by default', async () => {
    agent = await startTestAgent((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('"plain"'),
    );
    expect((await invoke(base(`${agent.url}/custom/path`)).result).text).toBe('plain');
    expect(agent.requests[0]?.url).toBe('/custom/path');
    expect(agent.requests[0]?.headers.accept).toBe('application/json, text/event-stream');
    expect(agent.requests[0]?.headers).not.toHaveProperty('x-amzn-bedrock-agentcore-runtime-user-id');
  });

  it('maps the AgentCore framing: strings, Strands deltas, JSON, raw text, and stops at an error', async () => {
    agent = await startTestAgent((_req, res) => {
      sse(res);
      res.write('data: "a"\n\n');
      res.write(`data: ${JSON.stringify({ event: { contentBlockDelta: { delta: { text: 'b' } } } })}\n\n`);
      res.write('data: {"n": 1}\n\n');
      res.write('data: raw text\n\n');
      res.write(': a comment\nevent: x\n\n');
      res.write('data: {"error": "boom", "error_type": "ValueError"}\n\n');
      res.end('data: "never"\n\n');
    });
    const inv = invoke(base(agent.url));
    const events: InvokeEvent[] = [];
    for await (const e of inv) events.push(e);
    expect(events.map((e) => e.type)).toEqual(['text', 'text', 'json', 'text', 'error']);
    expect(events[4]).toMatchObject({ type: 'error', message: 'boom' });
    expect(await inv.result).toMatchObject({ text: 'abraw text', error: 'boom' });
  });

  it('parses data: lines in a body that is not labelled as SSE', async () => {
    agent = await startTestAgent((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end('data: "x"\n\ndata: "y"\n\n'),
    );
    expect((await invoke(base(agent.url)).result).text).toBe('xy');
  });
});

describe('invoke errors', () => {
  it('ERR_INVOKE_HTTP with the status, the JSON message and a token action for 401/403', async () => {
    agent = await startTestAgent((_req, res) =>
      res
        .writeHead(403, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: 'OAuth authorization failed: bad aud' })),
    );
    const err = await failure(base(agent.url, { auth: { kind: 'bearer', token: 'secret.token.value' } }));
    expect(err.code).toBe('ERR_INVOKE_HTTP');
    expect(err.details).toMatchObject({ status: 403, message: 'OAuth authorization failed: bad aud' });
    expect(err.actions[0]).toMatch(/access token/);
    expect(JSON.stringify(err.toJSON())).not.toContain('secret.token.value');
  });

  it('under agentcore dev, the dev denial reason comes first; the other actions fit the credentials sent', async () => {
    agent = await startTestAgent((_req, res) =>
      res
        .writeHead(403, { 'content-type': 'application/json', 'x-agentcore-dev-denial': 'scope: scope is absent' })
        .end(JSON.stringify({ message: 'Access denied' })),
    );
    const bearer = await failure(base(agent.url, { auth: { kind: 'bearer', token: 't.o.k' } }));
    expect(bearer.details).toMatchObject({ status: 403, devReason: 'scope: scope is absent' });
    expect(bearer.actions).toEqual([
      'agentcore dev refused it because scope: scope is absent',
      expect.stringMatching(/^The runtime rejected the access token/),
    ]);
    const sigv4 = await failure(
      base(agent.url, {
        auth: { kind: 'sigv4', region: 'us-east-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' } },
      }),
    );
    expect(sigv4.actions[1]).toMatch(/^The runtime rejected the SigV4 signature/);
    expect(sigv4.actions.join(' ')).not.toMatch(/access token/);
  });

  it('ERR_INVOKE_HTTP for a 500 with a JSON body', async () => {
    agent = await startTestAgent((_req, res) =>
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'agent crashed' })),
    );
    const err = await failure(base(agent.url));
    expect(err.details).toMatchObject({ status: 500, message: 'agent crashed' });
    expect(err.actions[0]).toMatch(/logs/);
  });

  it('ERR_INVOKE_STREAM for malformed SSE, after delivering the events before it', async () => {
    agent = await startTestAgent((_req, res) => {
      sse(res);
      res.end('data: "ok"\n\nthis is not an SSE line\n\n');
    });
    const events: InvokeEvent[] = [];
    const err = await (async () => {
      for await (const e of invoke(base(agent?.url ?? ''))) events.push(e);
    })().catch((e: unknown) => e);
    expect(events).toEqual([{ type: 'text', text: 'ok' }]);
    expect((err as InvokeError).code).toBe('ERR_INVOKE_STREAM');
    expect((err as InvokeError).details.reason).toBe('unknown-field');
  });

  it('ERR_INVOKE_STREAM when the agent drops the connection mid-stream', async () => {
    const delivered = gate(); // the connection drops once the partial event has been delivered
    agent = await startTestAgent(async (_req, res) => {
      sse(res);
      res.write('data: "partial"\n\n');
      await delivered.passed(20_000);
      res.socket?.destroy();
    });
    const events: InvokeEvent[] = [];
    const err = await (async () => {
      for await (const e of invoke(base(agent?.url ?? ''))) {
        events.push(e);
        delivered.open();
      }
    })().catch((e: unknown) => e);
    expect(events).toEqual([{ type: 'text', text: 'partial' }]);
    expect((err as InvokeError).code).toBe('ERR_INVOKE_STREAM');
  });

  it('ERR_INVOKE_NETWORK when nothing listens, ERR_INVOKE_ABORTED on abort', async () => {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise((r) => s.close(r));
    expect((await failure(base(`http://127.0.0.1:${port}`))).code).toBe('ERR_INVOKE_NETWORK');

    agent = await startTestAgent(async (_req, res) => {
      sse(res);
      res.write('data: "x"\n\n');
      await new Promise((r) => res.once('close', r)); // holds the stream open until the client goes
    });
    const controller = new AbortController();
    const inv = invoke(base(agent.url, { signal: controller.signal }));
    // Abort mid-stream: after the first event arrived, while the agent still holds the connection open.
    const err = (await (async () => {
      for await (const e of inv) if (e.type === 'text') controller.abort();
      return inv.result;
    })().catch((e: unknown) => e)) as InvokeError;
    expect(err.code).toBe('ERR_INVOKE_ABORTED');
    expect(err.exitCode).toBe(130);
  });

  it('ERR_INVOKE_TARGET for a bad URL or ARN', async () => {
    expect((await failure(base('not a url'))).code).toBe('ERR_INVOKE_TARGET');
    expect((await failure({ ...base('x'), target: { kind: 'runtime', arn: 'arn:aws:s3:::bucket' } })).code).toBe(
      'ERR_INVOKE_TARGET',
    );
  });
});

describe('SigV4', () => {
  it('signs for bedrock-agentcore with a signature the server can recompute', async () => {
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
    agent = await startTestAgent((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":"signed"}'),
    );
    const r = await invoke(base(agent.url, { auth: { kind: 'sigv4', region: 'us-west-2', credentials } })).result;
    expect(r.text).toBe('signed');
    const seen = agent.requests[0];
    const authz = String(seen?.headers.authorization);
    expect(authz).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-west-2\/bedrock-agentcore\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/,
    );
    const amzDate = String(seen?.headers['x-amz-date']);
    const signingDate = new Date(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    const url = new URL(agent.url);
    const signer = new SignatureV4({ service: 'bedrock-agentcore', region: 'us-west-2', credentials, sha256: Sha256 });
    const again = await signer.sign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: '/invocations',
        query: {},
        body: seen?.body ?? '',
        headers: { host: url.host, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      },
      { signingDate },
    );
    expect(again.headers.authorization).toBe(authz);
  });
});
