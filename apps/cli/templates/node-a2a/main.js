// A2A agent speaking the AgentCore Runtime A2A contract: JSON-RPC on POST / (`message/send`, and `message/stream`
// answered with Server-Sent Events), the agent card at GET /.well-known/agent-card.json, GET /ping for health.
// Dependency-free: runs on Node.js 22+. PORT defaults to 9000 as on AgentCore Runtime. Replace `reply` with your agent.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 9000);
const host = process.env.HOST ?? '0.0.0.0';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const reply = (text) => `echo: ${text}`;

const card = () => ({
  protocolVersion: '0.3.0',
  name: 'a2a-agent',
  description: 'Echoes what it is told.',
  url: process.env.AGENTCORE_RUNTIME_URL ?? `http://${host}:${port}/`,
  version: '0.1.0',
  capabilities: { streaming: true },
  defaultInputModes: ['text/plain'],
  defaultOutputModes: ['text/plain'],
  skills: [{ id: 'echo', name: 'Echo', description: 'Echoes the text it receives.', tags: ['echo'] }],
});

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const textOf = (message) =>
  (message?.parts ?? [])
    .filter((p) => p.kind === 'text')
    .map((p) => p.text)
    .join('');

async function stream(res, id, message) {
  const taskId = randomUUID();
  const contextId = message.contextId ?? randomUUID();
  const event = (result) => res.write(`data: ${JSON.stringify({ jsonrpc: '2.0', id, result })}\n\n`);
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const status = (state, final) => ({
    kind: 'status-update',
    taskId,
    contextId,
    status: { state, timestamp: new Date().toISOString() },
    final,
  });
  event({ kind: 'task', id: taskId, contextId, status: { state: 'submitted' }, history: [message] });
  event(status('working', false));
  const words = reply(textOf(message)).split(' ');
  for (const [i, word] of words.entries()) {
    event({
      kind: 'artifact-update',
      taskId,
      contextId,
      append: i > 0,
      lastChunk: i === words.length - 1,
      artifact: { artifactId: 'reply', parts: [{ kind: 'text', text: i === 0 ? word : ` ${word}` }] },
    });
    await sleep(Number(process.env.ECHO_DELAY_MS ?? 20));
  }
  event(status('completed', true));
  res.end();
}

createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/ping')
    return json(res, 200, { status: 'Healthy', time_of_last_update: Math.floor(Date.now() / 1000) });
  if (req.method === 'GET' && req.url === '/.well-known/agent-card.json') return json(res, 200, card());
  if (req.method !== 'POST' || (req.url !== '/' && req.url !== '')) return json(res, 404, { message: 'not found' });
  let text = '';
  for await (const chunk of req) text += chunk;
  let rpc;
  try {
    rpc = JSON.parse(text);
  } catch {
    return json(res, 200, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
  }
  const { id, method, params } = rpc;
  const message = params?.message;
  if (method !== 'message/send' && method !== 'message/stream')
    return json(res, 200, { jsonrpc: '2.0', id, error: { code: -32601, message: `Method not found: ${method}` } });
  if (!message || !Array.isArray(message.parts))
    return json(res, 200, { jsonrpc: '2.0', id, error: { code: -32602, message: 'params.message with parts is required' } });
  if (method === 'message/stream') return stream(res, id, message);
  json(res, 200, {
    jsonrpc: '2.0',
    id,
    result: {
      kind: 'message',
      role: 'agent',
      messageId: randomUUID(),
      contextId: message.contextId ?? randomUUID(),
      parts: [{ kind: 'text', text: reply(textOf(message)) }],
    },
  });
}).listen(port, host, () => console.log(`A2A agent listening on ${host}:${port}`));
