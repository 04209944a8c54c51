import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcIssuer, type OidcIssuer } from '@agentcore/testkit';
import { customJwtStrategy } from './strategy.js';
import type { CustomJwtAuthorizerConfig } from './schema.js';

describe('verify and token against a real issuer', () => {
  let idp: OidcIssuer;
  let config: CustomJwtAuthorizerConfig;
  beforeAll(async () => {
    idp = await startOidcIssuer({ clients: [{ clientId: 'c1', clientSecret: 's1', scopes: ['read', 'write'] }] });
    config = {
      customJwtAuthorizer: { discoveryUrl: idp.discoveryUrl, allowedClients: ['c1'], allowedScopes: ['write'] },
    };
  });
  afterAll(() => idp.close());

  it('token() fetches a client_credentials token for the allowed scopes, and verify() accepts it', async () => {
    const token = await customJwtStrategy.token?.(config, { clientId: 'c1', clientSecret: 's1' }, { noCache: true });
    expect(token?.tokenType.toLowerCase()).toBe('bearer');
    const payload = JSON.parse(Buffer.from(token?.accessToken.split('.')[1] ?? '', 'base64url').toString()) as {
      scope: string;
    };
    expect(payload.scope).toBe('write');
    const result = await customJwtStrategy.verify?.(
      { method: 'POST', url: '/invocations', headers: { authorization: `Bearer ${token?.accessToken}` } },
      config,
    );
    expect(result).toMatchObject({ ok: true, principal: { clientId: 'c1', scopes: ['write'] } });
  });

  it('verify() denies a missing or malformed Authorization header with 401', async () => {
    expect(await customJwtStrategy.verify?.({ method: 'POST', url: '/', headers: {} }, config)).toMatchObject({
      ok: false,
      status: 401,
      rule: 'token',
    });
    expect(
      await customJwtStrategy.verify?.({ method: 'POST', url: '/', headers: { authorization: 'Bearer' } }, config),
    ).toMatchObject({ ok: false, status: 401, rule: 'token' });
  });
});
