// MCP server speaking the AgentCore Runtime MCP contract: streamable HTTP on POST /mcp (JSON responses, stateless,
// as AgentCore expects), GET /ping for health. Dependency-free: runs on Node.js 22+. PORT defaults to 8000 as on
// AgentCore Runtime. Add your tools to TOOLS below.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8000);
const host = process.env.HOST ?? '0.0.0.0';
const PROTOCOL_VERSIONS = ['2025-06-18', '2025-03-26', '2024-11-05'];

const TOOLS = {
  echo: {
    description: 'Echo the given text back.',
    inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
    run: ({ text }) => `echo: ${text}`,
  },
  add: {
    description: 'Add two numbers.',
    inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] },
    run: ({ a, b }) => String(Number(a) + Number(b)),
  },
};

function handle(message) {
  const { id, method, params = {} } = message;
  if (id === undefined) return undefined; // a notification (e.g. notifications/initialized): no answer
  const ok = (result) => ({ jsonrpc: '2.0', id, result });
  const fail = (code, text) => ({ jsonrpc: '2.0', id, error: { code, message: text } });
  switch (method) {
    case 'initialize': {
      const asked = params.protocolVersion;
      return ok({
        protocolVersion: PROTOCOL_VERSIONS.includes(asked) ? asked : PROTOCOL_VERSIONS[0],
        capabilities: { tools: {} },
        serverInfo: { name: 'mcp-agent', version: '0.1.0' },
      });
    }
    case 'ping':
      return ok({});
    case 'tools/list':
      return ok({
        tools: Object.entries(TOOLS).map(([name, t]) => ({ name, description: t.description, inputSchema: t.inputSchema })),
      });
    case 'tools/call': {
      const tool = TOOLS[params.name];
      if (!tool) return fail(-32602, `Unknown tool: ${params.name}`);
      try {
        return ok({ content: [{ type: 'text', text: tool.run(params.arguments ?? {}) }] });
      } catch (err) {
        return ok({ content: [{ type: 'text', text: String(err?.message ?? err) }], isError: true });
      }
    }
    default:
      return fail(-32601, `Method not found: ${method}`);
  }
}

function send(res, status, body) {
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/ping')
    return send(res, 200, { status: 'Healthy', time_of_last_update: Math.floor(Date.now() / 1000) });
  if (!req.url?.startsWith('/mcp')) return send(res, 404, { message: 'not found' });
  if (req.method !== 'POST') return send(res, 405, { jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed' }, id: null });
  let text = '';
  for await (const chunk of req) text += chunk;
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return send(res, 400, { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null });
  }
  const answers = (Array.isArray(body) ? body : [body]).map(handle).filter((a) => a !== undefined);
  if (answers.length === 0) return send(res, 202);
  send(res, 200, Array.isArray(body) ? answers : answers[0]);
}).listen(port, host, () => console.log(`MCP agent listening on ${host}:${port}/mcp`));
