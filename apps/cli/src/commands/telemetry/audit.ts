import { Flags } from '@oclif/core';
import { agentcoreConfigDir } from '@agentcore/schema';
import { auditPath, MAX_AUDIT_EVENTS, readAudit, type AuditEntry } from '@agentcore/telemetry';
import { AgentcoreCommand } from '../../command-support/base-command.js';
import { loadMessages } from '../../shared/messages.js';

const messages = loadMessages('telemetry.audit');

export interface TelemetryAuditResult {
  file: string;
  /** Most recent last; each `event` is exactly what was (or would be) sent. */
  entries: AuditEntry[];
}

export default class TelemetryAudit extends AgentcoreCommand<TelemetryAuditResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    limit: Flags.integer({ summary: messages.get('flags.limit.summary'), default: 10, min: 1, max: MAX_AUDIT_EVENTS }),
  };

  async run(): Promise<TelemetryAuditResult> {
    const { flags } = await this.parse(TelemetryAudit);
    const dir = agentcoreConfigDir();
    const entries = await readAudit(dir, flags.limit);
    if (entries.length === 0) this.log(messages.get('empty'));
    for (const entry of entries) {
      const { event } = entry;
      const delivery =
        entry.delivery === 'queued'
          ? messages.get('delivery.queued', { endpoint: entry.endpoint ?? '' })
          : messages.get('delivery.local_only');
      const status = event.error_code ? `${event.status} ${event.error_code}` : event.status;
      this.log(
        messages.get('entry.heading', {
          started: event.started_at,
          command: event.command,
          status,
          duration: event.duration_ms,
          delivery,
        }),
      );
      this.log(JSON.stringify(event, null, 2));
      if (entry.dropped.length > 0)
        this.log(
          messages.get('entry.dropped', { keys: entry.dropped.map((d) => `${d.key} (${d.reason})`).join(', ') }),
        );
    }
    return { file: auditPath(dir), entries };
  }
}
