/**
 * How results, warnings and errors are shown: one definition, in `@agentcore/plugin-kit`, for oclif commands
 * (AgentcoreCommand), the cold-start runner (src/fast/lite.ts) and plugin commands, so they can never drift apart.
 */
export { errorText, successEnvelope, warningLine, type SuccessEnvelope } from '@agentcore/plugin-kit';
