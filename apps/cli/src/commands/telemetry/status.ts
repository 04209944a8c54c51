import { agentcoreConfigDir } from '@agentcore/schema';
import { telemetryStatus, type TelemetryStatus } from '@agentcore/telemetry';
import { AgentcoreCommand } from '../../command-support/base-command.js';
import { loadMessages } from '../../shared/messages.js';

const messages = loadMessages('telemetry.status');

export type TelemetryStatusResult = TelemetryStatus;

export default class TelemetryStatusCommand extends AgentcoreCommand<TelemetryStatusResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');

  async run(): Promise<TelemetryStatusResult> {
    await this.parse(TelemetryStatusCommand);
    const status = await telemetryStatus(agentcoreConfigDir());
    const { effective } = status;
    const lines = [
      messages.get('line.state', {
        state: messages.get(effective.enabled ? 'state.on' : 'state.off'),
        source: messages.get(`source.${effective.source}`, { file: status.stateFile }),
      }),
      effective.endpoint
        ? messages.get('line.endpoint', {
            endpoint: effective.endpoint,
            source: effective.endpointSource === 'env' ? 'AGENTCORE_TELEMETRY_ENDPOINT' : status.stateFile,
          })
        : effective.invalidEndpoint
          ? messages.get('line.invalidEndpoint', {
              source: effective.invalidEndpoint === 'env' ? 'AGENTCORE_TELEMETRY_ENDPOINT' : status.stateFile,
            })
          : messages.get('line.noEndpoint'),
      messages.get('line.audit', { file: status.auditFile, count: status.auditEvents }),
      ...(status.pending > 0 ? [messages.get('line.pending', { count: status.pending })] : []),
      ...(status.lastSend
        ? [
            messages.get('line.lastSend', {
              at: status.lastSend.at,
              outcome: status.lastSend.ok
                ? messages.get('outcome.ok', { sent: status.lastSend.sent })
                : messages.get('outcome.failed', {
                    failed: status.lastSend.failed,
                    reason: status.lastSend.reason ?? 'error',
                  }),
            }),
          ]
        : []),
    ];
    for (const line of lines) this.log(line);
    return status;
  }
}
