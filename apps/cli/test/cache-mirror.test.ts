/**
 * The lockfile-pinned registry the install-by-name tests use for third-party packages: packuments come from
 * package-lock.json alone, and a tarball the local npm cache does not hold is a recorded 404, never a download.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareVersions,
  lockedEntries,
  lockfilePackument,
  startCacheMirror,
  type CacheMirror,
} from '../../../tools/local-registry.mjs';

describe('cache mirror', () => {
  it('orders versions as semver does for release and pre-release versions', () => {
    const sorted = ['1.10.0', '1.2.0', '1.2.0-rc.1', '0.9.9', '1.2.10'].sort(compareVersions);
    expect(sorted).toEqual(['0.9.9', '1.2.0-rc.1', '1.2.0', '1.2.10', '1.10.0']);
  });

  it('builds a packument from lockfile entries: locked versions only, their dependencies and integrity', () => {
    const versions = new Map([
      ['2.0.0', { version: '2.0.0', integrity: 'sha512-b', dependencies: { x: '^1' }, dev: true, bin: { t: 'b.js' } }],
      ['1.5.0', { version: '1.5.0', integrity: 'sha512-a', os: ['linux'] }],
    ]);
    const doc = lockfilePackument('@scope/tool', versions, 'http://127.0.0.1:1/');
    expect(doc?.['dist-tags']).toEqual({ latest: '2.0.0' });
    expect(doc?.versions['2.0.0']).toEqual({
      name: '@scope/tool',
      version: '2.0.0',
      dependencies: { x: '^1' },
      bin: { t: 'b.js' },
      dist: { integrity: 'sha512-b', tarball: 'http://127.0.0.1:1/@scope/tool/-/tool-2.0.0.tgz' },
    });
    expect(doc?.versions['1.5.0']).toMatchObject({ os: ['linux'] });
  });

  describe('served', () => {
    let mirror: CacheMirror;
    beforeAll(async () => {
      mirror = await startCacheMirror();
    });
    afterAll(() => mirror.close());

    it('offers the locked version of a dependency and refuses what the lockfile lacks', async () => {
      const [name, versions] = [...lockedEntries()].find(([n]) => n === 'zod') ?? [];
      if (!name || !versions) throw new Error('zod is not in package-lock.json');
      const doc = (await (await fetch(`${mirror.url}${name}`)).json()) as { versions: Record<string, unknown> };
      expect(Object.keys(doc.versions).sort()).toEqual([...versions.keys()].sort());
      const [version, entry] = [...versions][0] ?? [];
      const tarball = await fetch(`${mirror.url}zod/-/zod-${version}.tgz`);
      expect(tarball.status).toBe(200);
      const bytes = Buffer.from(await tarball.arrayBuffer());
      const { createHash } = await import('node:crypto');
      expect(`sha512-${createHash('sha512').update(bytes).digest('base64')}`).toBe(entry?.integrity);
      const missing = await fetch(`${mirror.url}zod/-/zod-0.0.0-not-locked.tgz`);
      expect(missing.status).toBe(404);
      expect((await fetch(`${mirror.url}no-such-package-in-the-lockfile`)).status).toBe(404);
      expect(mirror.requests.misses).toEqual(['zod/-/zod-0.0.0-not-locked.tgz', 'no-such-package-in-the-lockfile']);
    });
  });
});
