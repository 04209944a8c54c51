/**
 * The one function that turns a credential name into its `.env.local` variable names. Both the reader and the
 * writer use it (the seed shipped a bug where they differed). Same rule as the official CLI: hyphens become
 * underscores, the rest is upper-cased, nothing else changes.
 */
export const CREDENTIAL_ENV_PREFIX = 'AGENTCORE_CREDENTIAL_';

export function credentialEnvPrefix(credentialName: string): string {
  return CREDENTIAL_ENV_PREFIX + credentialName.replace(/-/g, '_').toUpperCase();
}

/**
 * The `.env.local` variable of one field of a credential: the prefix plus the field's suffix (a credential kind
 * declares its fields' suffixes; an empty suffix is the bare prefix).
 */
export function credentialEnvName(credentialName: string, suffix: string): string {
  return credentialEnvPrefix(credentialName) + suffix;
}

/** The variables of the built-in API-key and OAuth kinds, for code that predates credential kinds. */
export interface CredentialEnvNames {
  /** API-key credentials: the bare prefix holds the key. */
  apiKey: string;
  clientId: string;
  clientSecret: string;
}

export function credentialEnvNames(credentialName: string): CredentialEnvNames {
  return {
    apiKey: credentialEnvName(credentialName, ''),
    clientId: credentialEnvName(credentialName, '_CLIENT_ID'),
    clientSecret: credentialEnvName(credentialName, '_CLIENT_SECRET'),
  };
}

/** Suffixes whose values are secrets (encrypted at rest), as in the official CLI 0.30.0. */
export const SECRET_ENV_SUFFIXES = [
  '_CLIENT_SECRET',
  '_API_KEY',
  '_API_KEY_SECRET',
  '_APP_SECRET',
  '_WALLET_SECRET',
  '_AUTHORIZATION_PRIVATE_KEY',
] as const;
/** Suffixes that would make a bare API-key variable look like something else; credential names may not end with them. */
export const RESERVED_ENV_SUFFIXES = ['_CLIENT_ID', ...SECRET_ENV_SUFFIXES] as const;

/** Whether the value of this `.env.local` key is a secret (and therefore stored encrypted). */
export function isSecretEnvKey(key: string): boolean {
  if (SECRET_ENV_SUFFIXES.some((s) => key.endsWith(s))) return true;
  return key.startsWith(CREDENTIAL_ENV_PREFIX) && !key.endsWith('_CLIENT_ID');
}

/** The reserved suffix a credential name would end in once normalised, if any. */
export function reservedSuffixOf(credentialName: string): string | undefined {
  const prefix = credentialEnvPrefix(credentialName);
  return RESERVED_ENV_SUFFIXES.find((s) => prefix.endsWith(s));
}
