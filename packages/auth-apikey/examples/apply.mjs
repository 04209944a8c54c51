// Usage: node examples/apply.mjs — place an API key on a request as the gateway would (no network).
import { applyApiKey, buildApiKeyPlacement, previewApiKey } from '@agentcore/auth-apikey';

const apiKey = buildApiKeyPlacement({ location: 'HEADER', parameterName: 'Authorization', prefix: 'Bearer' });
const config = { type: 'API_KEY', credentialName: 'MyKey', ...(apiKey ? { apiKey } : {}) };
const request = applyApiKey({ method: 'POST', url: 'https://api.example.com/mcp', headers: {} }, config, {
  value: 'k-123',
  credentialName: 'MyKey',
});
console.log(JSON.stringify(apiKey), request.headers.Authorization === 'Bearer k-123');
console.log(previewApiKey(config, 'https://api.example.com/mcp'));
