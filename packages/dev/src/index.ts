/**
 * @agentcore/dev — local AgentCore runtime and gateway emulators that enforce inbound auth (strategy `verify`) and
 * apply outbound auth (strategy `apply`) as AWS does, plus an optional embedded dev OIDC issuer.
 */
export * from './errors.js';
export { startDev, type DevOptions, type DevSession, type SecretReader } from './start-dev.js';
export {
  planDev,
  oidcBlocks,
  withDiscoveryUrl,
  oidcRequirements,
  type DevPlan,
  type RuntimePlan,
  type GatewayPlan,
  type TargetPlan,
  type Skipped,
} from './plan.js';
export {
  AgentProcess,
  agentCommand,
  agentEnv,
  freePort,
  type AgentProcessOptions,
  type AgentExit,
} from './agent-process.js';
export { decideInbound, inboundType, type Denial, type InboundDecision } from './inbound.js';
export { DecisionCache, DEFAULT_DECISION_TTL_MS } from './decision-cache.js';
export {
  forwardRequestHeaders,
  allowedByList,
  matchRuntime,
  SESSION_HEADER,
  USER_HEADER,
  MAX_BODY_BYTES,
} from './forwarding.js';
export { DEV_DENIAL_HEADER } from './http-util.js';
export { TOOL_SEPARATOR } from './gateway-emulator.js';
export { outboundFetch, upstreamFailure, type TargetEntry } from './outbound.js';
export { startDevIssuer, DEV_DEFAULT_AUDIENCE, type DevIssuer, type DevIssuerClient } from './dev-issuer.js';
export {
  devSessionPath,
  readDevSession,
  writeDevSession,
  removeDevSessionSync,
  DEV_SESSION_FILE,
  type DevSessionInfo,
} from './session.js';
