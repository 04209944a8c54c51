// Usage: node examples/validate-config.mjs — validate an agentcore.json value and name its .env.local keys (no I/O).
import { createProjectModel, credentialEnvNames } from '@agentcore/schema';

const model = createProjectModel(); // core model: no auth plugins registered
const ok = model.check({ name: 'Demo', version: 1, runtimes: [], credentials: [], agentCoreGateways: [] });
const bad = model.check({ name: '1-bad', version: 1, runtimes: [], credentials: [], agentCoreGateways: [] });
console.log(
  ok.issues.length,
  bad.issues.map((i) => i.path),
);
console.log(credentialEnvNames('weather-oauth').clientSecret); // AGENTCORE_CREDENTIAL_WEATHER_OAUTH_CLIENT_SECRET
