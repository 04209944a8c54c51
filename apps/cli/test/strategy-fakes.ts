/** A stand-in CUSTOM_JWT strategy for synth/import tests while the real plugin is in progress (tests only). */
import { z } from 'zod';
import { defineInboundStrategy, STRATEGY_CONTRACT_VERSION } from '@agentcore/auth';

type Jwt = { customJwtAuthorizer: Record<string, unknown> };
const pascalKey = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);
const camelKey = (k: string) => k.charAt(0).toLowerCase() + k.slice(1);

function rekey(value: unknown, f: (k: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => rekey(v, f));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k), rekey(v, f)]));
  return value;
}

export const fakeJwtStrategy = defineInboundStrategy<Jwt>({
  type: 'CUSTOM_JWT',
  cliName: 'custom-jwt',
  direction: 'inbound',
  summary: 'fake',
  contractVersion: STRATEGY_CONTRACT_VERSION,
  appliesTo: ['runtime', 'gateway'],
  configSchema: z.object({ customJwtAuthorizer: z.object({ discoveryUrl: z.string() }).loose() }).strict(),
  fromFlags: () => ({ ok: false, problems: [] }),
  toCloudFormation: (c) => ({ CustomJWTAuthorizer: rekey(c.customJwtAuthorizer, pascalKey) }),
  fromAws(raw) {
    const c = (raw as { customJWTAuthorizer?: unknown }).customJWTAuthorizer;
    if (!c) throw new TypeError('no customJWTAuthorizer');
    return { customJwtAuthorizer: rekey(c, camelKey) as Record<string, unknown> };
  },
});
