/**
 * Access-token cache in `agentcore/.cli/token-cache.json` (mode 0600, atomic writes). Entries are keyed by a SHA-256
 * of issuer (its discovery URL) + client id + scopes; the client secret is never part of the file. A token is reused
 * until {@link CACHE_SKEW_SEC} seconds before it expires. Pure helpers (`tokenCacheKey`, `selectCachedToken`,
 * `putCachedToken`) are separate from the file I/O (`readTokenCache`, `writeTokenCache`).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { ensureZodEnglish, writeFileAtomic } from '@agentcore/schema';
import type { AccessToken } from '../contract.js';

ensureZodEnglish();

/** Cached tokens are not handed out in the last minute of their life. */
export const CACHE_SKEW_SEC = 60;
export const TOKEN_CACHE_VERSION = 1;

export const CachedTokenSchema = z.object({
  accessToken: z.string(),
  tokenType: z.string(),
  /** Epoch milliseconds. */
  expiresAt: z.number(),
});
export type CachedToken = z.infer<typeof CachedTokenSchema>;

export const TokenCacheFileSchema = z.object({
  version: z.literal(TOKEN_CACHE_VERSION),
  entries: z.record(z.string(), CachedTokenSchema),
});
export type TokenCacheFile = z.infer<typeof TokenCacheFileSchema>;

export interface TokenCacheKeyInput {
  /** Identifies the issuer without a request: the discovery URL. */
  issuer: string;
  clientId: string;
  scopes?: readonly string[];
}

/** Hex SHA-256 of the key material; scope order does not matter. */
export function tokenCacheKey(input: TokenCacheKeyInput): string {
  const scopes = [...new Set(input.scopes ?? [])].sort().join(' ');
  return createHash('sha256')
    .update(JSON.stringify([input.issuer, input.clientId, scopes]))
    .digest('hex');
}

/** The cached token for `key` when it is still valid for more than the skew, with what remains of its life. */
export function selectCachedToken(cache: TokenCacheFile, key: string, nowMs: number): AccessToken | undefined {
  const entry = cache.entries[key];
  if (!entry) return undefined;
  const remainingSec = Math.floor((entry.expiresAt - nowMs) / 1000);
  if (remainingSec <= CACHE_SKEW_SEC) return undefined;
  return { accessToken: entry.accessToken, tokenType: entry.tokenType, expiresIn: remainingSec, fromCache: true };
}

/** A new cache with `token` stored under `key` and expired entries dropped. Tokens without a lifetime are not cached. */
export function putCachedToken(cache: TokenCacheFile, key: string, token: AccessToken, nowMs: number): TokenCacheFile {
  const entries: Record<string, CachedToken> = {};
  for (const [k, v] of Object.entries(cache.entries)) if (v.expiresAt > nowMs) entries[k] = v;
  if (token.expiresIn !== undefined && token.expiresIn > CACHE_SKEW_SEC) {
    entries[key] = {
      accessToken: token.accessToken,
      tokenType: token.tokenType,
      expiresAt: nowMs + token.expiresIn * 1000,
    };
  }
  return { version: TOKEN_CACHE_VERSION, entries };
}

export function emptyTokenCache(): TokenCacheFile {
  return { version: TOKEN_CACHE_VERSION, entries: {} };
}

/** Read the cache file; a missing, unreadable or foreign-format file reads as empty (it is only a cache). */
export async function readTokenCache(file: string): Promise<TokenCacheFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return emptyTokenCache();
  }
  try {
    const parsed = TokenCacheFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : emptyTokenCache();
  } catch {
    return emptyTokenCache();
  }
}

export async function writeTokenCache(file: string, cache: TokenCacheFile): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(cache, null, 2) + '\n', { mode: 0o600 });
}
