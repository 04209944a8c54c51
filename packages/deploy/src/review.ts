/**
 * The auth-aware review: what a deploy changes, auth first and in plain words ("runtime A: inbound auth AWS_IAM →
 * CUSTOM_JWT (clients c1, scopes invoke)", "target t: API key moves from header x-api-key to query parameter
 * api_key", "credential K: key value changes"), then the other resource changes of the change set, replacements
 * flagged. Compares the snapshot stored at the last deploy with the one about to be deployed. Never a secret:
 * credentials are compared by fingerprint only. Pure.
 */
import { deployMessages } from './messages.js';
import type { AuthSnapshot, InboundAuth, OutboundAuth } from './snapshot.js';

export interface ResourceChange {
  action: string;
  logicalId: string;
  type: string;
  /** `True`, `False` or `Conditional` (CloudFormation's words). */
  replacement?: string;
}

export interface Review {
  /** Auth changes, one sentence each. */
  auth: string[];
  /** Every resource change, one sentence each; replacements flagged. */
  resources: string[];
  /** Whether any change replaces a resource. */
  replacements: boolean;
}

const m = (key: string, values: Record<string, string | number> = {}) => deployMessages().get(`review.${key}`, values);

function describeInbound(a: InboundAuth): string {
  const parts = [
    a.clients ? m('clients', { list: a.clients.join(', ') }) : undefined,
    a.audiences ? m('audiences', { list: a.audiences.join(', ') }) : undefined,
    a.scopes ? m('scopes', { list: a.scopes.join(', ') }) : undefined,
    a.claims ? m('claims', { count: a.claims }) : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length ? `${a.type} (${parts.join(', ')})` : a.type;
}

function inboundLines(kind: string, before: Record<string, InboundAuth>, after: Record<string, InboundAuth>): string[] {
  const out: string[] = [];
  for (const [name, a] of Object.entries(after)) {
    const b = before[name];
    if (!b) out.push(m('added', { kind, name, auth: describeInbound(a) }));
    else if (JSON.stringify(b) !== JSON.stringify(a)) {
      const from = describeInbound(b);
      const to = describeInbound(a);
      out.push(m('inbound', { kind, name, from, to }));
      if (b.discoveryUrl !== a.discoveryUrl && a.discoveryUrl)
        out.push(m('discovery', { kind, name, url: a.discoveryUrl }));
    }
  }
  for (const name of Object.keys(before)) if (!after[name]) out.push(m('removed', { kind, name }));
  return out;
}

function where(o: OutboundAuth): string {
  return m(o.location === 'QUERY_PARAMETER' ? 'where.query' : 'where.header', { name: o.parameterName ?? 'x-api-key' });
}

function describeOutbound(o: OutboundAuth): string {
  if (o.type !== 'API_KEY') return o.credential ? `${o.type} (${o.credential})` : o.type;
  return m('apiKey', { credential: o.credential ?? '?', where: where(o), prefix: o.prefix ? ` ${o.prefix}` : '' });
}

function outboundLines(before: Record<string, OutboundAuth>, after: Record<string, OutboundAuth>): string[] {
  const out: string[] = [];
  for (const [name, a] of Object.entries(after)) {
    const b = before[name];
    if (!b) {
      out.push(m('added', { kind: 'target', name, auth: describeOutbound(a) }));
      continue;
    }
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    if (b.type === 'API_KEY' && a.type === 'API_KEY') {
      if (b.location !== a.location || b.parameterName !== a.parameterName)
        out.push(m('moves', { name, from: where(b), to: where(a) }));
      if (b.prefix !== a.prefix)
        out.push(m('prefix', { name, from: b.prefix ?? m('none'), to: a.prefix ?? m('none') }));
      if (b.credential !== a.credential)
        out.push(m('credential', { name, from: b.credential ?? m('none'), to: a.credential ?? m('none') }));
    } else out.push(m('outbound', { name, from: describeOutbound(b), to: describeOutbound(a) }));
  }
  for (const name of Object.keys(before)) if (!after[name]) out.push(m('removed', { kind: 'target', name }));
  return out;
}

export function authChanges(before: AuthSnapshot | undefined, after: AuthSnapshot): string[] {
  const b: AuthSnapshot = before ?? { runtimes: {}, gateways: {}, targets: {}, credentials: {} };
  const creds: string[] = [];
  for (const [name, c] of Object.entries(after.credentials)) {
    const old = b.credentials[name];
    if (!old) creds.push(m('credentialAdded', { name }));
    else if (old.fingerprint !== c.fingerprint)
      creds.push(m(c.kind === 'api-key' ? 'keyChanges' : 'secretChanges', { name }));
  }
  for (const name of Object.keys(b.credentials))
    if (!after.credentials[name]) creds.push(m('credentialRemoved', { name }));
  return [
    ...inboundLines('runtime', b.runtimes, after.runtimes),
    ...inboundLines('gateway', b.gateways, after.gateways),
    ...outboundLines(b.targets, after.targets),
    ...creds,
  ];
}

export function resourceLines(changes: readonly ResourceChange[]): string[] {
  return changes.map((c) => {
    const base = m('resource', { action: c.action, id: c.logicalId, type: c.type });
    if (c.replacement === 'True') return `${base} ${m('replaced')}`;
    if (c.replacement === 'Conditional') return `${base} ${m('mayReplace')}`;
    return base;
  });
}

export function buildReview(
  before: AuthSnapshot | undefined,
  after: AuthSnapshot,
  changes: readonly ResourceChange[],
): Review {
  return {
    auth: authChanges(before, after),
    resources: resourceLines(changes),
    replacements: changes.some((c) => c.replacement === 'True' || c.replacement === 'Conditional'),
  };
}
