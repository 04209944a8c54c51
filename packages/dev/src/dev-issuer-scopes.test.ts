/** A resource with no allowedScopes still gets tokens from the dev issuer (oidc-provider rejects an empty scope). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { startDevIssuer, type DevIssuer } from './dev-issuer.js';

let issuer: DevIssuer;
beforeAll(async () => {
  issuer = await startDevIssuer({ clients: [{ clientId: 'no-scope-client', clientSecret: 's3cret', scopes: [] }] });
}, 20_000);
afterAll(() => issuer?.close());

describe('dev issuer without scopes', () => {
  it('issues a client_credentials token to a client that has no scopes', async () => {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'no-scope-client',
      client_secret: 's3cret',
    });
    const res = await fetch(issuer.tokenEndpoint, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    expect(res.status, await res.clone().text()).toBe(200);
    const json = (await res.json()) as { access_token: string };
    expect(decodeJwt(json.access_token)).toMatchObject({ client_id: 'no-scope-client', iss: issuer.issuer });
  });
});
