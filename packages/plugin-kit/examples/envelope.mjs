// Usage: node examples/envelope.mjs — a plugin's coded error as the agentcore CLI prints it, and a test upstream.
import { AgentcoreError, errorText, successEnvelope, toCodedError } from '@agentcore/plugin-kit';
import { createTempProject, startRecordingUpstream } from '@agentcore/plugin-kit/testing';

const denied = new AgentcoreError('ERR_ACME_DENIED', 'Acme denied the request.', { actions: ['Ask Acme for access.'] });
process.stdout.write(errorText(toCodedError(denied)));
console.log(JSON.stringify(toCodedError(denied).toJSON()));
console.log(JSON.stringify(successEnvelope({ ok: true }, [])));

const project = createTempProject('Demo');
const upstream = await startRecordingUpstream({ accept: (r) => r.headers['x-acme'] === 'ok' });
const res = await fetch(upstream.url, {
  method: 'POST',
  headers: { 'x-acme': 'ok' },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
});
console.log(res.status, upstream.requests.length, project.readConfig().name);
await upstream.close();
project.remove();
