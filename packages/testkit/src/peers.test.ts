import { describe, expect, it, vi } from 'vitest';
import { missingPeerMessage, requiredPeer, TMUX, type PeerTool } from './peers.js';

const ABSENT: PeerTool = {
  name: 'no-such-tool',
  probe: ['agentcore-no-such-tool-7f3a', '--version'],
  install: 'apt-get install -y no-such-tool',
  usedBy: 'the tests of this file',
};

describe('requiredPeer', () => {
  it('under CI, a missing tool is not skipped: assert() throws how to install it', () => {
    const req = requiredPeer(ABSENT, { CI: 'true' });
    expect(req).toMatchObject({ available: false, skip: false });
    expect(() => req.assert()).toThrow(
      'no-such-tool is required under CI (the tests of this file) but is not installed. Install it: apt-get install -y no-such-tool.',
    );
    expect(missingPeerMessage(TMUX)).toContain('apt-get install -y tmux');
  });

  it('outside CI, a missing tool skips its tests and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const req = requiredPeer(ABSENT, {});
    expect(req).toMatchObject({ available: false, skip: true });
    expect(() => req.assert()).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('SKIPPED: the tests of this file — no-such-tool'));
    warn.mockRestore();
  });

  it('an installed tool runs everywhere', () => {
    const node: PeerTool = { ...ABSENT, name: 'node', probe: [process.execPath, '--version'] };
    for (const env of [{}, { CI: '1' }]) {
      const req = requiredPeer(node, env);
      expect(req).toMatchObject({ available: true, skip: false });
      expect(() => req.assert()).not.toThrow();
    }
  });
});
