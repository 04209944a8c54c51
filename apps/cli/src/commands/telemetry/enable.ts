import { Flags } from '@oclif/core';
import { agentcoreConfigDir } from '@agentcore/schema';
import {
  auditPath,
  decideConsent,
  enableTelemetry,
  normalizeEndpoint,
  statePath,
  TelemetryError,
  type TelemetryState,
} from '@agentcore/telemetry';
import { AgentcoreCommand } from '../../command-support/base-command.js';
import { loadMessages } from '../../shared/messages.js';

const messages = loadMessages('telemetry.enable');

export interface TelemetryEnableResult {
  stored: TelemetryState;
  /** Whether events are recorded in this environment (DO_NOT_TRACK, AGENTCORE_TELEMETRY=0 or CI can say no). */
  effective: boolean;
  endpoint?: string;
  stateFile: string;
  auditFile: string;
}

export default class TelemetryEnable extends AgentcoreCommand<TelemetryEnableResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    endpoint: Flags.string({ summary: messages.get('flags.endpoint.summary'), exclusive: ['local-only'] }),
    'local-only': Flags.boolean({ summary: messages.get('flags.local-only.summary') }),
  };

  async run(): Promise<TelemetryEnableResult> {
    const { flags } = await this.parse(TelemetryEnable);
    if (flags.endpoint !== undefined && !normalizeEndpoint(flags.endpoint)) {
      throw new TelemetryError('ERR_TELEMETRY_ENDPOINT_INVALID', messages.get('error.EndpointInvalid'), {
        actions: messages.list('error.EndpointInvalid.actions'),
        exitCode: 2,
      });
    }
    const dir = agentcoreConfigDir();
    const stored = await enableTelemetry(dir, { endpoint: flags['local-only'] ? null : flags.endpoint });
    const effective = decideConsent(process.env, stored);
    if (!effective.enabled)
      this.addWarning(
        messages.get('warning.overridden', {
          file: statePath(dir),
          reason: messages.get(`reason.${effective.source}`),
        }),
      );
    const delivery = effective.endpoint
      ? messages.get('delivery.endpoint', { endpoint: effective.endpoint })
      : messages.get('delivery.local');
    this.log(messages.get('success', { delivery }));
    return {
      stored,
      effective: effective.enabled,
      ...(effective.endpoint ? { endpoint: effective.endpoint } : {}),
      stateFile: statePath(dir),
      auditFile: auditPath(dir),
    };
  }
}
