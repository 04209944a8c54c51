/**
 * Putting the key on an outbound request, as the gateway does, and previewing it with the key masked. Pure:
 * request in, new request out (the input is never mutated).
 */
import type { OutboundRequest, OutboundSecret } from '@agentcore/auth';
import { createApiKeyError } from './errors.js';
import { messages } from './messages.js';
import {
  CONTROL_CHARACTER_PATTERN,
  formatApiKeyValue,
  prefixWithSeparator,
  resolveApiKeyPlacement,
  type ApiKeyOutboundAuth,
} from './placement.js';

export const MASK = '****';

/** Set `name=value` in a URL's query, replacing every existing parameter of that name, leaving the others byte-for-byte. */
export function setQueryParameter(url: string, name: string, encodedValue: string): string {
  const hashAt = url.indexOf('#');
  const fragment = hashAt >= 0 ? url.slice(hashAt) : '';
  const beforeFragment = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = beforeFragment.indexOf('?');
  const base = queryAt >= 0 ? beforeFragment.slice(0, queryAt) : beforeFragment;
  const query = queryAt >= 0 ? beforeFragment.slice(queryAt + 1) : '';
  const kept = query.split('&').filter((part) => part !== '' && decodeQueryName(part.split('=')[0] ?? '') !== name);
  return `${base}?${[...kept, `${encodeURIComponent(name)}=${encodedValue}`].join('&')}${fragment}`;
}

function decodeQueryName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Put the key where the config says: header `<name>: <prefix> <key>`, or query `<name>=<prefix> <key>` (URL-encoded). */
export function applyApiKey(
  request: OutboundRequest,
  config: ApiKeyOutboundAuth,
  secret: OutboundSecret,
): OutboundRequest {
  if (secret.value === '' || CONTROL_CHARACTER_PATTERN.test(secret.value)) {
    throw createApiKeyError(
      'ERR_APIKEY_VALUE_INVALID',
      { name: secret.credentialName },
      { credentialName: secret.credentialName },
    );
  }
  const placement = resolveApiKeyPlacement(config);
  const value = formatApiKeyValue(placement.prefix, secret.value);
  if (placement.location === 'QUERY_PARAMETER') {
    return {
      method: request.method,
      url: setQueryParameter(request.url, placement.parameterName, encodeURIComponent(value)),
      headers: { ...request.headers },
    };
  }
  const lower = placement.parameterName.toLowerCase();
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => k.toLowerCase() !== lower));
  return { method: request.method, url: request.url, headers: { ...headers, [placement.parameterName]: value } };
}

/** Where the key goes, with the key masked, e.g. `POST https://x/mcp  header Authorization: Bearer ****`. */
export function previewApiKey(config: ApiKeyOutboundAuth, endpoint: string, method = 'POST'): string {
  const placement = resolveApiKeyPlacement(config);
  const masked = prefixWithSeparator(placement.prefix) + MASK;
  if (placement.location === 'QUERY_PARAMETER') {
    const encoded = encodeURIComponent(prefixWithSeparator(placement.prefix)) + MASK;
    return `${method} ${setQueryParameter(endpoint, placement.parameterName, encoded)}`;
  }
  return `${method} ${endpoint}  ${messages.get('placement.header', { name: placement.parameterName, value: masked })}`;
}

/** One line for `agentcore status`: credential and placement, no secret. */
export function describeApiKey(config: ApiKeyOutboundAuth): string {
  const placement = resolveApiKeyPlacement(config);
  const value = prefixWithSeparator(placement.prefix) + '<key>';
  const where =
    placement.location === 'QUERY_PARAMETER'
      ? messages.get('placement.query', { name: placement.parameterName, value })
      : messages.get('placement.header', { name: placement.parameterName, value });
  return messages.get('describe', { credential: config.credentialName, placement: where });
}
