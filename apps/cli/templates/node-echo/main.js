// Echo agent speaking the AgentCore Runtime HTTP contract: GET /ping, POST /invocations (JSON or SSE).
// Dependency-free: runs on Node.js 22+. PORT defaults to 8080 as on AgentCore Runtime.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/ping') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ status: 'Healthy', time_of_last_update: Math.floor(Date.now() / 1000) }));
  }
  if (req.method !== 'POST' || !req.url?.startsWith('/invocations')) {
    res.writeHead(404, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ message: 'not found' }));
  }
  let body = '';
  for await (const chunk of req) body += chunk;
  let prompt = '';
  try {
    prompt = String(JSON.parse(body || '{}').prompt ?? '');
  } catch {
    res.writeHead(400, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ error: 'body must be JSON like {"prompt": "..."}' }));
  }
  const reply = `echo: ${prompt}`;
  if (!String(req.headers.accept ?? '').includes('text/event-stream')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ result: reply }));
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const words = reply.split(' ');
  for (const [i, word] of words.entries()) {
    res.write(`data: ${JSON.stringify(i === 0 ? word : ` ${word}`)}\n\n`);
    await sleep(Number(process.env.ECHO_DELAY_MS ?? 20));
  }
  res.end();
}).listen(port, host, () => console.log(`echo agent listening on ${host}:${port}`));
