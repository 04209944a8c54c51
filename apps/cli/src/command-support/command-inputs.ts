/**
 * Flag values → operation input, for the `add` commands. The commands call these with their parsed flags and the
 * wizards' answers (which are flag values too) reach the operations through the very same functions.
 */
import type { FlagValues } from '@agentcore/auth';
import type { AddAgentInput } from '../operations/add-agent.js';
import type { AddCredentialInput } from '../operations/add-credential.js';
import type { AddGatewayInput } from '../operations/add-gateway.js';
import type { AddGatewayTargetInput } from '../operations/add-gateway-target.js';
import { splitList } from './flags.js';

type Values = Readonly<Record<string, unknown>>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? splitList(v as string[]) : typeof v === 'string' ? splitList(v) : undefined;

export function agentInput(flags: Values, values: FlagValues): AddAgentInput {
  return {
    name: str(flags.name),
    template: str(flags.template),
    codeLocation: str(flags['code-location']),
    entrypoint: str(flags.entrypoint),
    build: str(flags.build),
    runtimeVersion: str(flags['runtime-version']),
    protocol: str(flags.protocol),
    description: str(flags.description),
    authorizerType: str(flags['authorizer-type']),
    values,
  };
}

export function gatewayInput(flags: Values, values: FlagValues): AddGatewayInput {
  return {
    name: str(flags.name),
    description: str(flags.description),
    authorizerType: str(flags['authorizer-type']),
    semanticSearch: typeof flags['semantic-search'] === 'boolean' ? flags['semantic-search'] : undefined,
    exceptionLevel: str(flags['exception-level']),
    values,
  };
}

export function gatewayTargetInput(flags: Values, values: FlagValues): AddGatewayTargetInput {
  return {
    name: str(flags.name),
    gateway: str(flags.gateway),
    type: str(flags.type),
    endpoint: str(flags.endpoint),
    schema: str(flags.schema),
    restApiId: str(flags['rest-api-id']),
    stage: str(flags.stage),
    toolFilters: list(flags['tool-filter']) ?? [],
    lambdaArn: str(flags['lambda-arn']),
    toolSchemaFile: str(flags['tool-schema-file']),
    outboundAuth: str(flags['outbound-auth']),
    credentialName: str(flags['credential-name']),
    values,
  };
}

/** Kind flags' secrets must already be resolved (stdin / env / wizard answer); list flags are split on commas. */
export function credentialInput(flags: Values): AddCredentialInput {
  const values: Record<string, string | readonly string[] | boolean | undefined> = {};
  for (const [k, v] of Object.entries(flags)) {
    if (k === 'name' || k === 'type' || k === 'force') continue;
    if (Array.isArray(v)) values[k] = list(v) ?? [];
    else if (typeof v === 'string' || typeof v === 'boolean') values[k] = v;
  }
  return { name: str(flags.name), type: str(flags.type), force: flags.force === true, values };
}
