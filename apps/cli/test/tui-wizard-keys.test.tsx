/**
 * The wizards as a terminal feeds them: several keys may arrive in one read (a held Backspace, text pasted with its
 * Enter, a fast typist), defaults are hints rather than pre-filled text, "(optional)" is said once, and the review
 * shows custom-claim rules in full. Each chunk below is written to stdin in one write, as one read would deliver it.
 */
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '@agentcore/schema';
import { ADD_WIZARDS, type AddCommand } from '../src/tui/specs/index.js';
import type { Answers, WizardOutcome, WizardStep } from '../src/tui/wizard/types.js';
import { WizardApp } from '../src/tui/wizard/WizardApp.js';
import { coreRegistry, DOWN, ENTER, tick } from './tui-driver.js';

const DISCOVERY = 'https://idp.example.com/.well-known/openid-configuration';
const project = {
  name: 'Demo',
  version: 1,
  runtimes: [],
  agentCoreGateways: [{ name: 'gw', targets: [] }],
  credentials: [{ authorizerType: 'ApiKeyCredentialProvider', name: 'MyKey' }],
} as unknown as ProjectConfig;

const plain = (s: string | undefined) => (s ?? '').replace(/\u001B\[[0-9;]*m/g, '');

function open(command: AddCommand, preset: Answers = {}) {
  const spec = ADD_WIZARDS[command]({ registry: coreRegistry(), project, preset });
  const seen: { step?: WizardStep; outcome?: WizardOutcome } = {};
  const app = render(
    <WizardApp spec={spec} preset={preset} onExit={(o) => (seen.outcome = o)} onStep={(s) => (seen.step = s)} />,
  );
  return {
    seen,
    frame: () => plain(app.lastFrame()),
    /** One write: everything in `chunk` arrives in a single read. */
    async send(chunk: string) {
      app.stdin.write(chunk);
      await tick(60);
    },
    unmount: () => app.unmount(),
  };
}

const TARGET = {
  gateway: 'gw',
  name: 't1',
  type: 'mcp-server',
  endpoint: 'https://t1.example.com/mcp',
  'outbound-auth': 'api-key',
  'credential-name': 'MyKey',
  'api-key-location': 'query_parameter',
} as const;

describe('keys arriving together are applied one by one', () => {
  it('three Backspaces in one read delete three characters', async () => {
    const w = open('add credential');
    try {
      await tick();
      await w.send('MyKeyxyz');
      expect(w.frame()).toContain('› MyKeyxyz');
      await w.send('\u007F\u007F\u007F');
      expect(w.frame()).toMatch(/› MyKey\s/);
      await w.send(ENTER);
      expect(w.frame()).toContain('✔ Credential name: MyKey');
    } finally {
      w.unmount();
    }
  });

  it('text and Enter in one read answer the step; keys after the Enter go to the next step', async () => {
    const w = open('add credential');
    try {
      await tick();
      await w.send(`Idp${ENTER}`);
      expect(w.frame()).toContain('✔ Credential name: Idp');
      expect(w.seen.step?.flag).toBe('type');
      await w.send(`${DOWN}${ENTER}${DISCOVERY}${ENTER}`);
      expect(w.frame()).toContain(`✔ OIDC discovery URL: ${DISCOVERY}`);
      expect(w.seen.step?.flag).toBe('client-id');
    } finally {
      w.unmount();
    }
  });
});

describe('a default is a hint, not pre-filled text', () => {
  it('typing replaces the default instead of appending to it', async () => {
    const w = open('add gateway-target', TARGET);
    try {
      await tick();
      expect(w.seen.step?.flag).toBe('api-key-parameter-name');
      expect(w.frame()).toContain('x-api-key');
      await w.send(`api_key${ENTER}`);
      expect(w.frame()).toContain('✔ Header or query-parameter name: api_key');
    } finally {
      w.unmount();
    }
  });

  it('an empty Enter takes the default', async () => {
    const w = open('add gateway-target', TARGET);
    try {
      await tick();
      await w.send(ENTER);
      expect(w.frame()).toContain('✔ Header or query-parameter name: x-api-key');
    } finally {
      w.unmount();
    }
  });
});

describe('labels', () => {
  it('say "(optional)" once on every optional step of every wizard', async () => {
    const registry = coreRegistry();
    const cases: [AddCommand, Answers][] = [
      ['add credential', { name: 'c', type: 'oauth' }],
      ['add agent', { name: 'a', source: 'code', 'authorizer-type': 'custom-jwt' }],
      ['add gateway', { name: 'g', 'authorizer-type': 'custom-jwt' }],
      ['add gateway-target', { ...TARGET, 'api-key-location': 'header' }],
      ['add gateway-target', { gateway: 'gw', name: 't', type: 'api-gateway' }],
      ['add gateway-target', { ...TARGET, 'outbound-auth': 'oauth' }],
    ];
    const optional: string[] = [];
    const dummy = (s: WizardStep) =>
      s.kind === 'list'
        ? ['x']
        : s.kind === 'confirm'
          ? true
          : s.kind === 'select'
            ? (s.options?.[0]?.value ?? '')
            : 'x';
    for (const [command, answers] of cases) {
      const plan = ADD_WIZARDS[command]({ registry, project }).plan(answers);
      for (const [i, step] of plan.entries()) {
        if (!step.optional || step.kind === 'select' || step.kind === 'confirm') continue;
        optional.push(step.flag);
        // Every earlier step preset: the step is the first one asked.
        const preset = Object.fromEntries(plan.slice(0, i).map((s) => [s.flag, answers[s.flag] ?? dummy(s)]));
        const w = open(command, preset);
        try {
          await tick();
          expect(w.seen.step?.flag, `${command} ${step.flag}`).toBe(step.flag);
          const header =
            w
              .frame()
              .split('\n')
              .find((l) => l.startsWith('? ')) ?? '';
          expect(header.match(/optional|skip/gi), `${command} ${step.flag}: ${header}`).toEqual(['optional']);
        } finally {
          w.unmount();
        }
      }
    }
    expect(optional).toEqual(
      expect.arrayContaining(['scopes', 'description', 'allowed-clients', 'api-key-prefix', 'tool-filter']),
    );
  });
});

describe('the review screen', () => {
  it('shows every custom-claim rule in full, one line each', async () => {
    const w = open('add gateway', {
      name: 'g',
      description: 'd',
      'semantic-search': true,
      'authorizer-type': 'custom-jwt',
      'discovery-url': DISCOVERY,
      'allowed-clients': ['c1'],
      'allowed-audience': ['aud'],
      'allowed-scopes': ['s'],
    });
    try {
      await tick();
      expect(w.seen.step?.flag).toBe('custom-claims');
      const keys = ['a', 'tenant', ENTER, ENTER, ENTER, 'acme', ENTER];
      keys.push('a', 'groups', ENTER, DOWN, ENTER, DOWN, ENTER, 'admins, ops', ENTER, ENTER);
      for (const k of keys) await w.send(k);
      for (let i = 0; i < 5 && w.seen.step; i++) await w.send(ENTER);
      const review = w.frame().split('Review')[1] ?? '';
      const lines = review.split('\n').map((l) => l.trim());
      expect(lines).toContain('tenant (STRING) EQUALS acme');
      expect(lines).toContain('groups (STRING_ARRAY) CONTAINS_ANY admins, ops');
    } finally {
      w.unmount();
    }
  });
});
