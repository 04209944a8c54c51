/**
 * Tokens shaped like each identity provider's, signed by a real issuer on 127.0.0.1, decided by `token inspect`
 * exactly as AWS documents the CUSTOM_JWT authorizer: allowedAudience ↔ `aud`, allowedClients ↔ `client_id`,
 * allowedScopes ↔ any of the space-separated `scope` values, custom claims by operator
 * (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/inbound-jwt-authorizer.html).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from './helpers.js';

interface Shape {
  title: string;
  agent: string[];
  claims: Record<string, unknown>;
  decision: 'allow' | 'deny';
  status: number;
  rule?: string;
}

const roles = (value: string) =>
  JSON.stringify([
    {
      inboundTokenClaimName: 'roles',
      inboundTokenClaimValueType: 'STRING_ARRAY',
      authorizingClaimMatchValue: { claimMatchOperator: 'CONTAINS', claimMatchValue: { matchValueString: value } },
    },
  ]);

const SHAPES: Shape[] = [
  {
    title: 'Cognito client_credentials (no aud; client_id, scope, token_use) with allowedClients + allowedScopes',
    agent: ['--allowed-clients', 'cog-client', '--allowed-scopes', 'agents/invoke'],
    claims: { client_id: 'cog-client', scope: 'agents/read agents/invoke', token_use: 'access' },
    decision: 'allow',
    status: 200,
  },
  {
    title: 'Cognito token against allowedAudience (it has no aud)',
    agent: ['--allowed-audience', 'cog-client'],
    claims: { client_id: 'cog-client', scope: 'agents/invoke', token_use: 'access' },
    decision: 'deny',
    status: 403,
    rule: 'aud',
  },
  {
    title: 'Entra (aud = app id URI, azp, roles) with allowedAudience + roles CONTAINS',
    agent: ['--allowed-audience', 'api://my-agent', '--custom-claims', roles('Agent.Invoke')],
    claims: { aud: 'api://my-agent', azp: 'entra-app', roles: ['Agent.Invoke', 'Other'] },
    decision: 'allow',
    status: 200,
  },
  {
    title: 'Entra token against allowedClients (no client_id claim: azp is not client_id)',
    agent: ['--allowed-clients', 'entra-app'],
    claims: { aud: 'api://my-agent', azp: 'entra-app', roles: ['Agent.Invoke'] },
    decision: 'deny',
    status: 403,
    rule: 'client_id',
  },
  {
    title: 'Auth0 (aud = API identifier, scope string) with allowedAudience + allowedScopes',
    agent: ['--allowed-audience', 'https://api.example.com', '--allowed-scopes', 'read:agents'],
    claims: { aud: ['https://api.example.com', 'https://tenant.auth0.com/userinfo'], scope: 'openid read:agents' },
    decision: 'allow',
    status: 200,
  },
  {
    title: 'Okta (aud = API identifier, scp array, no scope) against allowedScopes',
    agent: ['--allowed-audience', 'api://default', '--allowed-scopes', 'agents.invoke'],
    claims: { aud: 'api://default', cid: 'okta-client', scp: ['agents.invoke'] },
    decision: 'deny',
    status: 403,
    rule: 'scope',
  },
];

describe('identity-provider token shapes decided by token inspect (built binary, real issuer)', () => {
  let sb: Sandbox;
  let root: string;
  let idp: OidcIssuer;

  beforeAll(async () => {
    sb = await createSandbox();
    idp = await startOidcIssuer();
    expect((await sb.run(['create', '--name', 'Shapes', '--json'])).exitCode).toBe(0);
    root = join(sb.dir, 'Shapes');
    for (const [i, s] of SHAPES.entries()) {
      const r = await sb.run(
        [
          ...['add', 'agent', '--name', `S${i}`, '--template', 'node', '--authorizer-type', 'custom-jwt'],
          ...['--discovery-url', idp.discoveryUrl, ...s.agent, '--json'],
        ],
        { cwd: root },
      );
      expect(r.exitCode, r.stdout).toBe(0);
    }
  });
  afterAll(async () => {
    await idp?.close();
    await sb?.cleanup();
  });

  it.each(SHAPES.map((s, i) => [s.title, s, i] as const))('%s', async (_title, shape, i) => {
    const token = await idp.signToken({
      iss: idp.issuer,
      sub: 'subject',
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 600,
      ...shape.claims,
    });
    const r = await sb.run<{ decision: string; status: number; rule?: string; reason?: string }>(
      ['token', 'inspect', token, '--agent', `S${i}`, '--json'],
      { cwd: root },
    );
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.json?.result, JSON.stringify(r.json?.result?.reason)).toMatchObject({
      decision: shape.decision,
      status: shape.status,
      ...(shape.rule ? { rule: shape.rule } : {}),
    });
    if (shape.decision === 'deny') expect(r.json?.result?.reason?.length).toBeGreaterThan(10);
  });
});
