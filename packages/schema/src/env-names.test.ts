import { describe, expect, it } from 'vitest';
import { CredentialNameNoReservedSuffixSchema } from './credential.js';
import { credentialEnvNames, credentialEnvPrefix, isSecretEnvKey, reservedSuffixOf } from './env-names.js';

describe('env-names (one function for read and write)', () => {
  it('follows the official normalisation: only hyphens become underscores, then upper-case', () => {
    expect(credentialEnvPrefix('MyAgent-oauth')).toBe('AGENTCORE_CREDENTIAL_MYAGENT_OAUTH');
    expect(credentialEnvPrefix('my_key-2')).toBe('AGENTCORE_CREDENTIAL_MY_KEY_2');
    expect(credentialEnvPrefix('MyKey')).toBe('AGENTCORE_CREDENTIAL_MYKEY');
  });

  it('names the API key bare and the OAuth pair with suffixes', () => {
    expect(credentialEnvNames('MyKey')).toEqual({
      apiKey: 'AGENTCORE_CREDENTIAL_MYKEY',
      clientId: 'AGENTCORE_CREDENTIAL_MYKEY_CLIENT_ID',
      clientSecret: 'AGENTCORE_CREDENTIAL_MYKEY_CLIENT_SECRET',
    });
  });

  it('treats secrets as secret and client ids as plain', () => {
    expect(isSecretEnvKey('AGENTCORE_CREDENTIAL_MYKEY')).toBe(true);
    expect(isSecretEnvKey('AGENTCORE_CREDENTIAL_X_CLIENT_SECRET')).toBe(true);
    expect(isSecretEnvKey('OTHER_API_KEY')).toBe(true);
    expect(isSecretEnvKey('AGENTCORE_CREDENTIAL_X_CLIENT_ID')).toBe(false);
    expect(isSecretEnvKey('UNRELATED')).toBe(false);
  });

  it('a credential name ending in a reserved suffix is refused, saying which ending and why', () => {
    const r = CredentialNameNoReservedSuffixSchema.safeParse('svc-client-id');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(
      'Credential name must not end in "client-id": its .env.local variable would be mistaken for a _CLIENT_ID value',
    );
  });

  it('detects names that would end in a reserved suffix once normalised', () => {
    expect(reservedSuffixOf('my-client-id')).toBe('_CLIENT_ID');
    expect(reservedSuffixOf('svc-api-key')).toBe('_API_KEY');
    expect(reservedSuffixOf('x_client_secret')).toBe('_CLIENT_SECRET');
    expect(reservedSuffixOf('MyKey')).toBeUndefined();
    expect(reservedSuffixOf('apikey')).toBeUndefined();
  });
});
