import { describe, expect, it } from 'vitest';
import { buildEvent, isoTime, parseEvent, type RunInfo } from './event.js';

const run: RunInfo = {
  commandId: 'add:gateway-target',
  coreCommand: true,
  ok: false,
  errorCode: 'ERR_INVALID_INPUT',
  exitCode: 1,
  startedAt: Date.UTC(2025, 0, 1),
  durationMs: 123.4,
  cliVersion: '0.1.0',
  plugins: [
    { name: '@agentcore/cli', version: '0.1.0' },
    { name: '@agentcore/auth-apikey', version: '0.1.0' },
    { name: 'acme-internal-sso', version: '1.2.3' },
  ],
  attributes: { api_key_location: 'header', api_key_placement_customized: false, leaked: 'https://x.example' },
};

describe('buildEvent', () => {
  it('builds one closed-shape event and reports dropped attributes', () => {
    const { event, dropped } = buildEvent(run);
    expect(event).toEqual({
      schema_version: 1,
      event_id: expect.stringMatching(/^[0-9a-f]{16}$/),
      command: 'add:gateway-target',
      status: 'error',
      error_code: 'ERR_INVALID_INPUT',
      exit_code: 1,
      duration_ms: 123,
      started_at: '2025-01-01T00:00:00.000Z',
      cli_version: '0.1.0',
      plugin_versions: { '@agentcore/cli': '0.1.0', '@agentcore/auth-apikey': '0.1.0' },
      other_plugin_count: 1,
      attributes: { api_key_location: 'header', api_key_placement_customized: false },
    });
    expect(dropped).toEqual([{ key: 'leaked', reason: 'not_enum' }]);
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('never reports the id of a user-installed plugin command, nor an uncoded error', () => {
    const { event } = buildEvent({
      ...run,
      coreCommand: false,
      commandId: 'acme:deploy-secret-thing',
      errorCode: 'something bad happened',
    });
    expect(event.command).toBe('plugin_command');
    expect(event.error_code).toBe('ERR_OTHER');
  });
});

describe('event id', () => {
  it('is random per event, kept when valid and replaced when not', () => {
    const ids = new Set(Array.from({ length: 100 }, () => buildEvent(run).event.event_id));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(buildEvent({ ...run, eventId: '0123456789abcdef' }).event.event_id).toBe('0123456789abcdef');
    expect(buildEvent({ ...run, eventId: 'project-Demo-01' }).event.event_id).toMatch(/^[0-9a-f]{16}$/);
    expect(buildEvent({ ...run, eventId: 'project-Demo-01' }).event.event_id).not.toBe('project-Demo-01');
  });

  it('is optional when reading a stored event (queued before ids existed)', () => {
    const { event_id: _id, ...old } = buildEvent(run).event;
    expect(parseEvent(old)).toEqual(old);
  });
});

describe('parseEvent', () => {
  const good = buildEvent({ ...run, ok: true }).event;
  it.each([
    ['an extra field', { ...good, user: 'alice' }],
    ['a URL attribute', { ...good, attributes: { endpoint: 'https://x.example' } }],
    ['a free-text command', { ...good, command: 'add gateway for alice' }],
    ['a non-agentcore plugin name', { ...good, plugin_versions: { 'acme-sso': '1.0.0' } }],
    ['a negative duration', { ...good, duration_ms: -1 }],
    ['an event id that is not 16 hex characters', { ...good, event_id: 'alice@example.com' }],
    ['an event id in upper case', { ...good, event_id: 'ABCDEF0123456789' }],
  ])('refuses %s', (_what, value) => {
    expect(parseEvent(value)).toBeUndefined();
  });

  it('isoTime is Date#toISOString (invalid times count as 0)', () => {
    const times = [
      0,
      1,
      999,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(1999, 11, 31, 5, 6, 7, 8),
      Date.now(),
      -1,
      Date.UTC(-5, 0, 1),
      8.64e15,
    ];
    for (const t of times) expect(isoTime(t)).toBe(new Date(t).toISOString());
    for (let t = 0; t < 4e12; t += 7_777_777_777) expect(isoTime(t)).toBe(new Date(t).toISOString());
    expect(isoTime(Number.NaN)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoTime(1e20)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoTime(Number.POSITIVE_INFINITY)).toBe('1970-01-01T00:00:00.000Z');
  });
});
