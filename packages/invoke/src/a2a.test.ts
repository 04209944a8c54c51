import { afterEach, describe, expect, it } from 'vitest';
import { a2aParts, a2aRequest, eventsFromA2aResult, invokeA2a, type InvokeEvent } from './index.js';
import { sleep, sse, startTestAgent, type TestAgent } from './test-helpers/agent-server.js';

describe('A2A framing (pure)', () => {
  it('builds a JSON-RPC message/stream request with one text part', () => {
    const req = a2aRequest('hi', 'message/stream', 'ctx-1') as {
      jsonrpc: string;
      method: string;
      params: { message: { role: string; parts: unknown[]; contextId: string } };
    };
    expect(req).toMatchObject({ jsonrpc: '2.0', method: 'message/stream' });
    expect(req.params.message).toMatchObject({
      role: 'user',
      parts: [{ kind: 'text', text: 'hi' }],
      contextId: 'ctx-1',
    });
  });

  it('takes the parts of every result kind', () => {
    const text = (t: string) => ({ kind: 'text', text: t });
    expect(a2aParts({ kind: 'message', parts: [text('a')] })).toEqual([text('a')]);
    expect(a2aParts({ kind: 'artifact-update', artifact: { parts: [text('b')] } })).toEqual([text('b')]);
    expect(a2aParts({ kind: 'status-update', status: { state: 'working', message: { parts: [text('c')] } } })).toEqual([
      text('c'),
    ]);
    expect(
      a2aParts({ kind: 'task', artifacts: [{ parts: [text('d')] }], status: { message: { parts: [text('e')] } } }),
    ).toEqual([text('d'), text('e')]);
    expect(a2aParts({ kind: 'status-update', status: { state: 'completed' } })).toEqual([]);
    expect(eventsFromA2aResult({ kind: 'message', parts: [{ kind: 'data', data: { x: 1 } }] })).toEqual([
      { type: 'json', value: { kind: 'data', data: { x: 1 } } },
    ]);
  });
});

describe('invokeA2a against a real server', () => {
  let agent: TestAgent | undefined;
  afterEach(async () => agent?.close());

  it('message/stream: each text part arrives as it is sent, with the bearer token', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    agent = await startTestAgent(async (req, res) => {
      const { id } = JSON.parse(req.body) as { id: string };
      sse(res);
      const send = (result: unknown) => res.write(`data: ${JSON.stringify({ jsonrpc: '2.0', id, result })}\n\n`);
      send({ kind: 'task', id: 't1', contextId: 'c1', status: { state: 'submitted' } });
      send({
        kind: 'artifact-update',
        taskId: 't1',
        contextId: 'c1',
        artifact: { parts: [{ kind: 'text', text: 'one' }] },
      });
      await gate;
      send({
        kind: 'artifact-update',
        taskId: 't1',
        contextId: 'c1',
        artifact: { parts: [{ kind: 'text', text: ' two' }] },
      });
      send({ kind: 'status-update', taskId: 't1', contextId: 'c1', status: { state: 'completed' }, final: true });
      res.end();
    });
    const inv = invokeA2a({
      target: { kind: 'url', url: agent.url },
      auth: { kind: 'bearer', token: 'tok' },
      text: 'hi',
    });
    const seen: InvokeEvent[] = [];
    for await (const e of inv) {
      seen.push(e);
      if (seen.length === 1) release(); // the second part is sent only after the first one was received
    }
    expect(seen).toEqual([
      { type: 'text', text: 'one' },
      { type: 'text', text: ' two' },
    ]);
    expect(await inv.result).toMatchObject({
      text: 'one two',
      method: 'message/stream',
      taskId: 't1',
      contextId: 'c1',
      state: 'completed',
    });
    expect(agent.requests[0]?.headers.authorization).toBe('Bearer tok');
    expect(agent.requests[0]?.headers.accept).toContain('text/event-stream');
    expect(JSON.parse(agent.requests[0]?.body ?? '{}')).toMatchObject({ method: 'message/stream' });
  });

  it('message/send: the reply message; a JSON-RPC error becomes the result error', async () => {
    agent = await startTestAgent(async (req, res) => {
      const { id, params } = JSON.parse(req.body) as { id: string; params: { message: { parts: { text: string }[] } } };
      res.writeHead(200, { 'content-type': 'application/json' });
      const text = params.message.parts[0]?.text ?? '';
      if (text === 'fail')
        return res.end(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32603, message: 'boom' } }));
      res.end(
        JSON.stringify({
          jsonrpc: '2.0',
          id,
          result: { kind: 'message', role: 'agent', parts: [{ kind: 'text', text: `re: ${text}` }] },
        }),
      );
      await sleep(0);
    });
    const target = { kind: 'url' as const, url: agent.url };
    const ok = await invokeA2a({ target, auth: { kind: 'none' }, text: 'x', stream: false }).result;
    expect(ok).toMatchObject({ text: 're: x', method: 'message/send' });
    const failed = await invokeA2a({ target, auth: { kind: 'none' }, text: 'fail', stream: false }).result;
    expect(failed.error).toBe('boom');
  });
});
