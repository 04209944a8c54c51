/** Builds the type-specific part of a gateway target from CLI values; pure, one function per target type. */
import { HttpUrlSchema, TARGET_TYPE_INFO, type GatewayTarget, type TargetType } from '@agentcore/schema';
import type { ProblemList } from './problems.js';
import { loadMessages } from '../shared/messages.js';

const messages = loadMessages('add.gateway-target');

export interface TargetInput {
  endpoint?: string;
  schema?: string;
  restApiId?: string;
  stage?: string;
  toolFilters?: readonly string[];
  lambdaArn?: string;
  toolSchemaFile?: string;
}

/** Which CLI flags carry which target field, for "--x is for <type> targets" errors. */
const FLAG_FIELD: Readonly<Record<keyof TargetInput, { flag: string; types: readonly TargetType[] }>> = {
  endpoint: { flag: 'endpoint', types: ['mcpServer'] },
  schema: { flag: 'schema', types: ['openApiSchema', 'smithyModel'] },
  restApiId: { flag: 'rest-api-id', types: ['apiGateway'] },
  stage: { flag: 'stage', types: ['apiGateway'] },
  toolFilters: { flag: 'tool-filter', types: ['apiGateway'] },
  lambdaArn: { flag: 'lambda-arn', types: ['lambdaFunctionArn'] },
  toolSchemaFile: { flag: 'tool-schema-file', types: ['lambdaFunctionArn'] },
};

function cliName(t: TargetType): string {
  return TARGET_TYPE_INFO[t].cli ?? t;
}

/** HTTP methods an API Gateway tool filter takes (https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_ApiGatewayToolFilter.html). */
export const TOOL_FILTER_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;

/** A Lambda function ARN, optionally with a version or alias (https://docs.aws.amazon.com/lambda/latest/api/API_GetFunction.html). */
export const LAMBDA_ARN =
  /^arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d:\d{12}:function:[a-zA-Z0-9_-]{1,64}(:(\$LATEST|[a-zA-Z0-9_-]+))?$/;

function parseToolFilter(spec: string, p: ProblemList): { filterPath: string; methods: string[] } | undefined {
  const i = spec.lastIndexOf(':');
  const filterPath = i > 0 ? spec.slice(0, i) : spec;
  const methods = (i > 0 ? spec.slice(i + 1) : 'GET')
    .split('+')
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean);
  if (!filterPath.startsWith('/') || methods.length === 0) {
    p.add({ flag: 'tool-filter', message: messages.get('error.ToolFilterShape', { spec }) });
    return undefined;
  }
  const unknown = methods.filter((m) => !(TOOL_FILTER_METHODS as readonly string[]).includes(m));
  if (unknown.length > 0) {
    p.add({
      flag: 'tool-filter',
      message: messages.get('error.ToolFilterMethod', {
        spec,
        methods: unknown.join(', '),
        allowed: TOOL_FILTER_METHODS.join(', '),
      }),
    });
    return undefined;
  }
  return { filterPath, methods };
}

export function buildTargetFields(type: TargetType, input: TargetInput, p: ProblemList): Partial<GatewayTarget> {
  for (const [key, spec] of Object.entries(FLAG_FIELD) as [
    keyof TargetInput,
    (typeof FLAG_FIELD)[keyof TargetInput],
  ][]) {
    const v = input[key];
    const given = Array.isArray(v) ? v.length > 0 : v !== undefined;
    if (given && !spec.types.includes(type))
      p.add({
        flag: spec.flag,
        message: messages.get('error.FlagNotForType', {
          flag: spec.flag,
          types: spec.types.map(cliName).join('/'),
          type: cliName(type),
        }),
      });
  }
  const need = (value: string | undefined, flag: string) => {
    if (!value) p.add({ flag, message: messages.get('error.TypeNeedsFlag', { type: cliName(type), flag }) });
    return value ?? '';
  };
  switch (type) {
    case 'mcpServer':
      // The schema's own URL rule, checked here so a bad URL is an input error naming --endpoint.
      return {
        endpoint: input.endpoint
          ? (p.field('endpoint', HttpUrlSchema, input.endpoint) ?? '')
          : need(input.endpoint, 'endpoint'),
      };
    case 'openApiSchema':
    case 'smithyModel': {
      const s = need(input.schema, 'schema');
      return { schemaSource: s.startsWith('s3://') ? { s3: { uri: s } } : { inline: { path: s } } };
    }
    case 'apiGateway': {
      const filters = (input.toolFilters?.length ? input.toolFilters : ['/*:GET']).flatMap(
        (f) => parseToolFilter(f, p) ?? [],
      );
      return {
        apiGateway: {
          restApiId: need(input.restApiId, 'rest-api-id'),
          stage: need(input.stage, 'stage'),
          apiGatewayToolConfiguration: { toolFilters: filters },
        },
      };
    }
    case 'lambdaFunctionArn':
      if (input.lambdaArn && (input.lambdaArn.length > 170 || !LAMBDA_ARN.test(input.lambdaArn)))
        p.add({
          flag: 'lambda-arn',
          message: messages.get('error.LambdaArn', { arn: input.lambdaArn }),
        });
      return {
        lambdaFunctionArn: {
          lambdaArn: need(input.lambdaArn, 'lambda-arn'),
          toolSchemaFile: need(input.toolSchemaFile, 'tool-schema-file'),
        },
      };
    default:
      p.add({ flag: 'type', message: messages.get('error.TypeNotCreatable', { type }) });
      return {};
  }
}
