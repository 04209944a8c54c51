import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideConsent, normalizeEndpoint, readState, tracesUrl, writeState } from './consent.js';

describe('decideConsent', () => {
  const on = { enabled: true };
  it.each([
    ['nothing set', {}, undefined, false, 'default'],
    ['opted in', {}, on, true, 'config'],
    ['opted out', {}, { enabled: false }, false, 'default'],
    ['AGENTCORE_TELEMETRY=1', { AGENTCORE_TELEMETRY: '1' }, undefined, true, 'env'],
    ['AGENTCORE_TELEMETRY=0 over opt-in', { AGENTCORE_TELEMETRY: '0' }, on, false, 'env'],
    [
      'DO_NOT_TRACK wins over AGENTCORE_TELEMETRY=1',
      { DO_NOT_TRACK: '1', AGENTCORE_TELEMETRY: '1' },
      on,
      false,
      'do_not_track',
    ],
    ['DO_NOT_TRACK=0 is not set', { DO_NOT_TRACK: '0' }, on, true, 'config'],
    ['CI turns an opt-in off', { CI: 'true' }, on, false, 'ci'],
    ['CI with AGENTCORE_TELEMETRY=1', { CI: 'true', AGENTCORE_TELEMETRY: '1' }, undefined, true, 'env'],
    ['CI=false is not CI', { CI: 'false' }, on, true, 'config'],
  ] as const)('%s', (_name, env, state, enabled, source) => {
    expect(decideConsent(env, state)).toMatchObject({ enabled, source });
  });

  it('takes the endpoint from the environment first, then the stored state, and ignores invalid ones', () => {
    expect(
      decideConsent(
        { AGENTCORE_TELEMETRY_ENDPOINT: 'http://127.0.0.1:4318/' },
        { enabled: true, endpoint: 'https://otel.example.com' },
      ),
    ).toMatchObject({ endpoint: 'http://127.0.0.1:4318', endpointSource: 'env' });
    expect(decideConsent({}, { enabled: true, endpoint: 'https://otel.example.com' })).toMatchObject({
      endpoint: 'https://otel.example.com',
      endpointSource: 'config',
    });
    const bad = decideConsent({ AGENTCORE_TELEMETRY_ENDPOINT: 'ftp://x' }, undefined);
    expect(bad.endpoint).toBeUndefined();
    expect(bad.invalidEndpoint).toBe('env');
  });

  it('normalizes endpoints and builds the traces URL', () => {
    expect(normalizeEndpoint('https://user:pw@otel.example.com')).toBeUndefined();
    expect(normalizeEndpoint('not a url')).toBeUndefined();
    expect(tracesUrl('http://127.0.0.1:4318')).toBe('http://127.0.0.1:4318/v1/traces');
    expect(tracesUrl('http://127.0.0.1:4318/v1/traces')).toBe('http://127.0.0.1:4318/v1/traces');
  });
});

describe('state file', () => {
  it('round-trips with mode 0600; a missing or corrupt file means not opted in', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'telemetry-state-'));
    try {
      expect(readState(dir)).toBeUndefined();
      await writeState(dir, { enabled: true, endpoint: 'http://127.0.0.1:4318' });
      expect(readState(dir)).toEqual({ enabled: true, endpoint: 'http://127.0.0.1:4318' });
      expect((await stat(join(dir, 'telemetry.json'))).mode & 0o777).toBe(0o600);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
