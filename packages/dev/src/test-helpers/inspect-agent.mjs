// Test agent: GET /ping; POST /invocations answers with the headers it received and its environment's keys.
// POST with {"crash": N} exits with code N; {"stream": n} streams n SSE events 50 ms apart; {"gate": "<file>"}
// streams `data: first`, waits until <file> exists, then streams `data: last` and ends.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
console.log('inspect agent starting');
createServer(async (req, res) => {
  if (req.url === '/ping') return res.writeHead(200).end('{"status":"Healthy"}');
  let body = '';
  for await (const c of req) body += c;
  const input = JSON.parse(body || '{}');
  if (input.crash !== undefined) {
    console.error(`crashing with ${input.crash}`);
    process.exit(input.crash);
  }
  if (typeof input.gate === 'string') {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: first\n\n');
    while (!existsSync(input.gate)) await new Promise((r) => setTimeout(r, 10));
    return res.end('data: last\n\n');
  }
  if (input.stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (let i = 0; i < input.stream; i++) {
      res.write(`data: ${i}\n\n`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return res.end();
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ path: req.url, headers: req.headers, env: process.env, bytes: body.length }));
}).listen(Number(process.env.PORT), process.env.HOST);
