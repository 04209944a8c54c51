/**
 * A CUSTOM_JWT runtime in front of a real agent process (node echo template) under the dev runtime emulator, verified
 * against a real oidc-provider issuer, plus a raw POST that can send repeated headers and latin-1 bytes: the target
 * of the hostile-input tests.
 */
import { request } from 'node:http';
import { join } from 'node:path';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { startDev, type DevSession } from '../start-dev.js';
import { config, TEMPLATES, tempProject } from './project.js';
import { secretsOf, testRegistry } from './strategies.js';

export const HOSTILE_CLIENT = 'agent-client';
export const HOSTILE_SCOPE = 'agents:read';

export interface HostileRuntime {
  idp: OidcIssuer;
  dev: DevSession;
  /** Every `agentcore dev` log line so far. */
  logs: string[];
  /** One POST with raw header pairs, answering the status and the parsed JSON body (the text when not JSON). */
  post(headers: [string, string][]): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startHostileRuntime(): Promise<HostileRuntime> {
  const logs: string[] = [];
  const idp = await startOidcIssuer({
    clients: [
      { clientId: HOSTILE_CLIENT, clientSecret: 'agent-secret', scopes: [HOSTILE_SCOPE, 'agents:write'] },
      { clientId: 'other-client', clientSecret: 'other-secret', scopes: [HOSTILE_SCOPE] },
    ],
  });
  const project = await tempProject({ Agent: { from: join(TEMPLATES, 'node-echo/main.js'), file: 'main.js' } });
  const dev = await startDev({
    root: project.root,
    registry: testRegistry(),
    secrets: secretsOf({}),
    sessionFile: false,
    log: (l) => logs.push(l),
    config: config({
      runtimes: [
        {
          name: 'Agent',
          build: 'CodeZip',
          entrypoint: 'main.js',
          codeLocation: 'app/Agent/',
          authorizerType: 'CUSTOM_JWT',
          authorizerConfiguration: {
            customJwtAuthorizer: {
              discoveryUrl: idp.discoveryUrl,
              allowedAudience: [idp.audience],
              allowedClients: [HOSTILE_CLIENT],
              allowedScopes: [HOSTILE_SCOPE],
            },
          },
        },
      ],
    }),
  });
  const url = new URL(dev.runtimes.Agent ?? '');
  const post = (headers: [string, string][]) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const raw = [['host', url.host], ['content-type', 'application/json'], ...headers].flat();
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: raw, timeout: 10_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // left as text: the caller asserts the shape
            }
            resolve({ status: res.statusCode ?? 0, body });
          });
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ prompt: 'hi' }));
    });
  return {
    idp,
    dev,
    logs,
    post,
    close: async () => {
      await dev.close();
      await idp.close();
      await project.cleanup();
    },
  };
}
