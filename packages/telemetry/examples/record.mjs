// Record one command run the way the CLI does, with telemetry enabled and no endpoint (local audit log only),
// then show the audited event. An attribute that could carry a URL is refused by the schema and listed as dropped.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAudit, recordRun, safeAttributes } from '@agentcore/telemetry';

const configDir = await mkdtemp(join(tmpdir(), 'telemetry-example-'));
try {
  const outcome = await recordRun(
    {
      commandId: 'add:gateway-target',
      coreCommand: true,
      ok: true,
      exitCode: 0,
      startedAt: Date.now(),
      durationMs: 42,
      cliVersion: '0.1.0',
      plugins: [{ name: '@agentcore/auth-apikey', version: '0.1.0' }],
      attributes: {
        ...safeAttributes({ outbound_auth: 'api_key', api_key_placement_customized: true }),
        endpoint: 'https://tools.example.com/mcp',
      },
    },
    { configDir, env: { AGENTCORE_TELEMETRY: '1' } },
  );
  console.log(
    `recorded: ${outcome.recorded} (${outcome.delivery}); dropped: ${outcome.dropped.map((d) => `${d.key} (${d.reason})`).join(', ')}`,
  );
  const [entry] = await readAudit(configDir);
  console.log(JSON.stringify(entry?.event.attributes));
} finally {
  await rm(configDir, { recursive: true, force: true });
}
