import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTempProject, startRecordingUpstream } from './index.js';

describe('createTempProject', () => {
  it('writes an empty project and removes it', () => {
    const p = createTempProject('Acme', { credentials: [{ name: 'k', authorizerType: 'ApiKeyCredentialProvider' }] });
    expect(p.readConfig()).toMatchObject({ name: 'Acme', version: 1, runtimes: [], agentCoreGateways: [] });
    expect(p.readConfig().credentials).toHaveLength(1);
    p.remove();
    expect(existsSync(p.root)).toBe(false);
  });
});

describe('startRecordingUpstream', () => {
  it('answers tools/list to accepted requests, 401 to others, and records both', async () => {
    const up = await startRecordingUpstream({ accept: (r) => r.headers['x-acme'] === 'ok' });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
      const ok = await fetch(up.url, { method: 'POST', headers: { 'x-acme': 'ok' }, body });
      expect(ok.status).toBe(200);
      const listed = (await ok.json()) as { result: { tools: { name: string }[] } };
      expect(listed.result.tools[0]?.name).toBe('echo');
      const denied = await fetch(up.url, { method: 'POST', headers: { 'x-acme': 'no' }, body });
      expect(denied.status).toBe(401);
      expect(up.requests.map((r) => [r.headers['x-acme'], r.accepted])).toEqual([
        ['ok', true],
        ['no', false],
      ]);
    } finally {
      await up.close();
    }
  });
});

describe('readProject', () => {
  it('reads the project from a sub-folder, and says what to do outside one', async () => {
    const { readProject } = await import('../project.js');
    const p = createTempProject('Acme');
    try {
      const view = await readProject(p.root);
      expect(view.config.name).toBe('Acme');
      expect(view.root).toBe(p.root);
    } finally {
      p.remove();
    }
    const outside = await readProject(p.root).catch((e: unknown) => e);
    expect(outside).toMatchObject({ code: 'ERR_PROJECT_NOT_FOUND' });
  });
});
