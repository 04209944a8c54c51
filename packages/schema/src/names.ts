/**
 * Name rules and constants of the official agentcore.json, written once and exported so that no other
 * module (CLI, wizard, import) retypes them.
 */
export const PROJECT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,22}$/;
/** Reserved (case-insensitive) project names: they collide with Python packages in generated code. */
export const RESERVED_PROJECT_NAMES: ReadonlySet<string> = new Set([
  'agentcore',
  'anthropic',
  'bedrock',
  'boto3',
  'botocore',
  'langchain',
  'langgraph',
  'mcp',
  'openai',
  'pydantic',
  'src',
  'strands',
  'test',
  'tests',
  'typing',
  'uvicorn',
  'fastapi',
  'starlette',
  'json',
  'os',
  'sys',
  'asyncio',
]);
export const RUNTIME_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/;
export const GATEWAY_NAME_PATTERN = /^[0-9a-zA-Z](?:[0-9a-zA-Z-]*[0-9a-zA-Z])?$/;
export const GATEWAY_NAME_MAX = 100;
export const TARGET_NAME_PATTERN = /^[0-9a-zA-Z](?:[0-9a-zA-Z_-]*[0-9a-zA-Z])?$/;
export const TARGET_NAME_MAX = 100;
export const CREDENTIAL_NAME_PATTERN = /^[a-zA-Z0-9\-_]+$/;
export const CREDENTIAL_NAME_MAX = 128;
export const ENV_VAR_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The suffix every OIDC discovery URL must end with (AWS pattern `^.+/\.well-known/openid-configuration$`). */
export const OIDC_DISCOVERY_SUFFIX = '/.well-known/openid-configuration';
export const REQUEST_HEADER_ALLOWLIST_PREFIX = 'X-Amzn-Bedrock-AgentCore-Runtime-Custom-';

/** Name of the managed inbound OAuth credential of a runtime or gateway. */
export function managedCredentialName(resourceName: string): string {
  return `${resourceName}-oauth`;
}
