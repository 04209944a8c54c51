/**
 * @agentcore/telemetry: opt-in, auditable usage telemetry for the agentcore CLI (docs/telemetry.md).
 * Everything, including what `agentcore telemetry enable|disable|status|audit` need (manage.ts loads
 * @agentcore/schema). A command that only records its run needs less: `@agentcore/telemetry/record` (record.ts)
 * loads node built-ins and five small modules. OpenTelemetry is only loaded by the detached sender process
 * (`sender-main.js` → `otlp.ts`).
 */
export * from './attributes.js';
export * from './event.js';
export * from './consent.js';
export * from './audit.js';
export { recordRun, type RecordOptions, type RecordOutcome } from './record.js';
export {
  decideLaunch,
  exportSupported,
  HARD_EXIT_MS,
  maybeStartSender,
  MIN_EXPORT_NODE,
  readSenderRun,
  SEND_WINDOW_MS,
  SENDER_RUN_FILE,
  SENDER_STATUS_FILE,
  senderEntry,
  startSender,
  type LaunchDecision,
  type LaunchOptions,
  type SenderLaunch,
  type SenderRun,
} from './launch.js';
export { OUTBOX_DIR } from './outbox.js';
export type { SenderStatus } from './sender.js';
export * from './manage.js';
