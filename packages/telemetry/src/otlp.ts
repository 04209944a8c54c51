/**
 * Telemetry event → OpenTelemetry span, exported over OTLP/HTTP (JSON). Only the background sender loads this
 * module, and it imports OpenTelemetry inside {@link exportEvents}: no CLI command ever loads it.
 */
import type { TelemetryEvent } from './event.js';

export const SERVICE_NAME = 'agentcore-cli';
export const ATTRIBUTE_PREFIX = 'agentcore.attr.';

export type SpanAttributeValue = string | number | boolean | string[];

/** The span's attributes for one event (pure): the event's fields, and its safe attributes under `agentcore.attr.`. */
export function spanAttributes(event: TelemetryEvent): Record<string, SpanAttributeValue> {
  const attrs: Record<string, SpanAttributeValue> = {
    'agentcore.command': event.command,
    'agentcore.status': event.status,
    'agentcore.exit_code': event.exit_code,
    'agentcore.duration_ms': event.duration_ms,
    'agentcore.cli_version': event.cli_version,
    'agentcore.plugin_versions': Object.entries(event.plugin_versions).map(([name, version]) => `${name}@${version}`),
    'agentcore.other_plugin_count': event.other_plugin_count,
  };
  if (event.error_code) attrs['agentcore.error_code'] = event.error_code;
  if (event.event_id) attrs['agentcore.event_id'] = event.event_id;
  for (const [key, value] of Object.entries(event.attributes)) attrs[`${ATTRIBUTE_PREFIX}${key}`] = value;
  return attrs;
}

export interface ExportOutcome {
  ok: boolean;
  /** Short, secret-free reason when not ok. */
  reason?: string;
}

/** Export the events as one OTLP/HTTP request to `url`, giving up after `timeoutMs`. Never throws. */
export async function exportEvents(
  url: string,
  events: readonly TelemetryEvent[],
  timeoutMs: number,
): Promise<ExportOutcome> {
  try {
    const [
      { TracerProvider, SimpleSpanProcessor, InMemorySpanExporter },
      { OTLPTraceExporter },
      { resourceFromAttributes },
      { SpanStatusCode },
    ] = await Promise.all([
      import('@opentelemetry/sdk-trace'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/api'),
    ]);
    const memory = new InMemorySpanExporter();
    const cliVersion = events[0]?.cli_version ?? '0.0.0';
    const provider = new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': SERVICE_NAME, 'service.version': cliVersion }),
      spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
    });
    const tracer = provider.getTracer('@agentcore/telemetry', '1');
    for (const event of events) {
      const start = Date.parse(event.started_at);
      const span = tracer.startSpan(event.command, { startTime: start, attributes: spanAttributes(event) });
      span.setStatus(
        event.status === 'ok'
          ? { code: SpanStatusCode.OK }
          : { code: SpanStatusCode.ERROR, message: event.error_code ?? 'ERR_OTHER' },
      );
      span.end(start + event.duration_ms);
    }
    await provider.forceFlush();
    const exporter = new OTLPTraceExporter({ url, timeoutMillis: timeoutMs, keepAlive: false });
    const outcome = await new Promise<ExportOutcome>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), timeoutMs + 500);
      exporter.export(memory.getFinishedSpans(), (result: { code: number; error?: Error }) => {
        clearTimeout(timer);
        // ExportResultCode.SUCCESS is 0.
        resolve(result.code === 0 ? { ok: true } : { ok: false, reason: result.error?.name ?? 'export_failed' });
      });
    });
    await Promise.race([exporter.shutdown(), new Promise((r) => setTimeout(r, 200))]);
    await provider.shutdown();
    return outcome;
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.name : 'error' };
  }
}
