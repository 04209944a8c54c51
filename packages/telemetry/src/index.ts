/**
 * @agentcore/telemetry: opt-in, auditable usage telemetry for the agentcore CLI (docs/telemetry.md).
 * This entry point is light (node: built-ins and @agentcore/schema): OpenTelemetry is only loaded by the detached
 * sender process (`sender-main.js` → `otlp.ts`).
 */
export * from './attributes.js';
export * from './event.js';
export * from './consent.js';
export * from './audit.js';
export { recordRun, startSender, senderEntry, type RecordOptions, type RecordOutcome } from './record.js';
export { OUTBOX_DIR } from './outbox.js';
export { SENDER_STATUS_FILE, type SenderStatus } from './sender.js';
export * from './manage.js';
