/** Plain-text rendering of {@link StatusResult}: one aligned table per section, headings from messages/status.md. */
import { loadMessages } from '../shared/messages.js';
import type { StatusResult } from './status.js';

const messages = loadMessages('status');
const deployMessages = loadMessages('deploy');

function deploymentSection(d: NonNullable<StatusResult['deployment']>): string[] {
  const rows = d.resources.map((r) => [
    r.kind,
    r.name,
    deployMessages.get(`status.state.${r.state}`) + (r.awsStatus ? ` (${r.awsStatus})` : ''),
    r.deployed ?? '-',
  ]);
  return [
    '',
    deployMessages.get('status.heading', { target: d.target, region: d.region ?? '?', stack: d.stackName ?? '?' }) +
      (d.stackStatus ? ` ${deployMessages.get('status.stackStatus', { status: d.stackStatus })}` : ''),
    ...formatTable(
      deployMessages
        .get('status.columns')
        .split('|')
        .map((c) => c.trim()),
      rows,
    ).map((l) => `  ${l}`),
  ];
}

/** Left-aligned columns separated by two spaces. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const yesNo = (b: boolean) => messages.get(b ? 'value.yes' : 'value.no');
const headers = (section: string) =>
  messages
    .get(`columns.${section}`)
    .split('|')
    .map((s) => s.trim());

function section(title: string, empty: string, head: string[], rows: string[][]): string[] {
  return [
    '',
    messages.get(title, { count: rows.length }),
    ...(rows.length === 0 ? [`  ${messages.get(empty)}`] : formatTable(head, rows).map((l) => `  ${l}`)),
  ];
}

function describeOutbound(a: StatusResult['targets'][number]['outboundAuth']): string {
  const credential = a.credentialName && !a.description.includes(a.credentialName) ? ` (${a.credentialName})` : '';
  return `${a.description}${credential}${a.preview ? ` → ${a.preview}` : ''}`;
}

/** `kindName` turns a stored `authorizerType` into its `add credential --type` spelling (the registry knows it). */
export function renderStatus(s: StatusResult, kindName: (authorizerType: string) => string = (k) => k): string[] {
  const kind = kindName;
  return [
    messages.get('heading.project', { name: s.project.name, file: s.project.configFile }),
    ...section(
      'heading.runtimes',
      'empty.runtimes',
      headers('runtimes'),
      s.runtimes.map((r) => [
        r.name,
        r.protocol,
        r.codeLocationExists ? r.codeLocation : `${r.codeLocation} ${messages.get('value.missing')}`,
        r.inboundAuth.description,
      ]),
    ),
    ...section(
      'heading.gateways',
      'empty.gateways',
      headers('gateways'),
      s.gateways.map((g) => [g.name, g.inboundAuth.description, String(g.targetCount)]),
    ),
    ...section(
      'heading.targets',
      'empty.targets',
      headers('targets'),
      s.targets.map((t) => [`${t.gateway}/${t.name}`, t.targetType, t.source, describeOutbound(t.outboundAuth)]),
    ),
    ...section(
      'heading.credentials',
      'empty.credentials',
      headers('credentials'),
      s.credentials.map((c) => [c.name, kind(c.kind), yesNo(c.managed), yesNo(c.secretsPresent)]),
    ),
    ...(s.deployment ? deploymentSection(s.deployment) : []),
  ];
}
