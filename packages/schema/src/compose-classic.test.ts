/**
 * Third-party strategies may keep writing classic zod (`import { z } from 'zod'`) while agentcore's own schemas are
 * `zod/mini`: a classic variant composes next to mini ones, validates with the same messages and exports to JSON Schema.
 */
import { describe, expect, it } from 'vitest';
import { z as classic } from 'zod';
import { createProjectModel } from './model.js';
import { CredentialNameSchema } from './fields.js';
import type { InboundAuthVariant, OutboundAuthVariant } from './compose.js';
import * as z from 'zod/mini';

/** Classic zod, mixing in one of our mini field schemas as a plugin would. */
const CLASSIC_INBOUND: InboundAuthVariant = {
  type: 'CLASSIC_JWT',
  appliesTo: ['runtime', 'gateway'],
  configSchema: classic
    .object({
      issuer: classic.string().min(1, 'issuer is required'),
      audience: classic.array(classic.string()).optional(),
    })
    .strict(),
};
const CLASSIC_OUTBOUND: OutboundAuthVariant = {
  type: 'HEADER_TOKEN',
  appliesTo: ['mcpServer'],
  fieldsSchema: classic
    .object({
      credentialName: CredentialNameSchema,
      header: classic.string().regex(/^X-/, 'header must start with X-').optional(),
    })
    .strict(),
};
const MINI_OUTBOUND: OutboundAuthVariant = {
  type: 'API_KEY',
  appliesTo: ['mcpServer'],
  fieldsSchema: z.strictObject({ credentialName: CredentialNameSchema }),
};
const model = createProjectModel({ inbound: [CLASSIC_INBOUND], outbound: [CLASSIC_OUTBOUND, MINI_OUTBOUND] });

const base = { name: 'Demo', version: 1 };
const runtime = { name: 'Agent', build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/Agent/' };
const target = (outboundAuth: unknown) => ({
  name: 't1',
  targetType: 'mcpServer',
  endpoint: 'https://api.example.com/mcp',
  outboundAuth,
});
const gateway = (...targets: unknown[]) => ({ name: 'gw', targets });

describe('classic zod strategy variants', () => {
  it('compose and parse next to zod/mini variants', () => {
    const raw = {
      ...base,
      runtimes: [
        {
          ...runtime,
          authorizerType: 'CLASSIC_JWT',
          authorizerConfiguration: { issuer: 'https://idp', audience: ['a'] },
        },
      ],
      agentCoreGateways: [
        gateway(target({ type: 'HEADER_TOKEN', credentialName: 'tok', header: 'X-Token' }), {
          ...target({ type: 'API_KEY', credentialName: 'key' }),
          name: 't2',
        }),
      ],
    };
    const { config } = model.parse(raw);
    expect(config.runtimes[0]?.authorizerConfiguration).toEqual({ issuer: 'https://idp', audience: ['a'] });
    expect(config.agentCoreGateways[0]?.targets.map((t) => t.outboundAuth)).toEqual([
      { type: 'HEADER_TOKEN', credentialName: 'tok', header: 'X-Token' },
      { type: 'API_KEY', credentialName: 'key' },
    ]);
  });

  it('report their issues with paths, their own messages and the generic English ones', () => {
    const issues = model.check({
      ...base,
      runtimes: [
        {
          ...runtime,
          authorizerType: 'CLASSIC_JWT',
          authorizerConfiguration: { issuer: '', audience: [1], extra: true },
        },
      ],
      agentCoreGateways: [
        gateway(target({ type: 'HEADER_TOKEN', credentialName: 'bad name', header: 'Authorization', other: 1 })),
      ],
    }).issues;
    expect(issues).toEqual([
      { path: 'runtimes.0.authorizerConfiguration.issuer', message: 'issuer is required' },
      {
        path: 'runtimes.0.authorizerConfiguration.audience.0',
        message: 'Invalid input: expected string, received number',
      },
      { path: 'runtimes.0.authorizerConfiguration', message: 'Unrecognized key: "extra"' },
      {
        path: 'agentCoreGateways.0.targets.0.outboundAuth.credentialName',
        message: 'Credential name must contain only letters, digits, hyphens and underscores',
      },
      { path: 'agentCoreGateways.0.targets.0.outboundAuth.header', message: 'header must start with X-' },
      { path: 'agentCoreGateways.0.targets.0.outboundAuth', message: 'Unrecognized key: "other"' },
    ]);
  });

  it('keep the discriminator checks of the composed unions', () => {
    const issues = model.check({ ...base, agentCoreGateways: [gateway(target({ type: 'OTHER' }))] }).issues;
    expect(issues).toEqual([
      {
        path: 'agentCoreGateways.0.targets.0.outboundAuth.type',
        message:
          'outboundAuth.type "OTHER" is not known. Installed types: NONE, GATEWAY_IAM_ROLE, HEADER_TOKEN, API_KEY.',
      },
    ]);
  });

  it('appear in the JSON Schema like zod/mini variants', () => {
    const text = JSON.stringify(model.jsonSchema());
    expect(text).toContain('"issuer":{"type":"string","minLength":1}');
    expect(text).toContain('"header":{"type":"string","pattern":"^X-"}');
    expect(text).toContain('"const":"HEADER_TOKEN"');
  });
});
