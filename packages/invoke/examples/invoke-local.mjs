// Usage: node examples/invoke-local.mjs — invoke a local agent over HTTP (a tiny echo agent is started on 127.0.0.1).
import { createServer } from 'node:http';
import { invoke } from '@agentcore/invoke';

const agent = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ result: `echo: ${JSON.parse(body).prompt}` })),
  );
});
await new Promise((resolve) => agent.listen(0, '127.0.0.1', resolve));
try {
  const invocation = invoke({
    target: { kind: 'url', url: `http://127.0.0.1:${agent.address().port}` },
    payload: { prompt: 'hello' },
    auth: { kind: 'none' },
  });
  for await (const event of invocation) if (event.type === 'text') console.log(event.text);
  console.log((await invocation.result).status);
} finally {
  agent.close();
}
