/** `TargetConfiguration` of `AWS::BedrockAgentCore::GatewayTarget` per target type. Pure (files come in as data). */
import type { GatewayTarget } from '@agentcore/schema';
import { createSynthError, synthMessages, type SynthError } from './errors.js';
import type { SynthOptions } from './template-types.js';

/** `reason` is a `target.<reason>` key of messages/synth.md (with a matching `.action`). */
function unsupported(target: GatewayTarget, reason: string, values: Readonly<Record<string, string>> = {}): SynthError {
  return createSynthError(
    'ERR_SYNTH_UNSUPPORTED',
    'TargetUnsupported',
    {
      target: target.name,
      targetType: target.targetType,
      reason: synthMessages.get(`target.${reason}`, values),
      action: synthMessages.get(`target.${reason}.action`, values),
    },
    { target: target.name, targetType: target.targetType, reason },
  );
}

function fileText(target: GatewayTarget, path: string, options: Pick<SynthOptions, 'files'>): string {
  const text = options.files?.[path];
  if (text === undefined) throw unsupported(target, 'fileUnreadable', { path });
  return text;
}

function apiSchema(target: GatewayTarget, options: Pick<SynthOptions, 'files'>): Record<string, unknown> {
  const source = target.schemaSource;
  if (!source) throw unsupported(target, 'noSchemaSource');
  if ('s3' in source)
    return {
      S3: {
        Uri: source.s3.uri,
        ...(source.s3.bucketOwnerAccountId ? { BucketOwnerAccountId: source.s3.bucketOwnerAccountId } : {}),
      },
    };
  return { InlinePayload: fileText(target, source.inline.path, options) };
}

const SCHEMA_KEYS: Readonly<Record<string, string>> = {
  type: 'Type',
  required: 'Required',
  description: 'Description',
};

/** JSON-schema-ish tool input (`{type, properties, items, required}`) → CloudFormation `SchemaDefinition`. */
function schemaDefinition(raw: unknown): Record<string, unknown> {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    const key = SCHEMA_KEYS[k];
    if (key) out[key] = v;
    else if (k === 'items') out.Items = schemaDefinition(v);
    else if (k === 'properties' && typeof v === 'object' && v !== null)
      out.Properties = Object.fromEntries(Object.entries(v).map(([p, d]) => [p, schemaDefinition(d)]));
  }
  return out;
}

function toolDefinitions(target: GatewayTarget, text: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unsupported(target, 'toolsNotJson');
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { tools?: unknown }).tools;
  if (!Array.isArray(list)) throw unsupported(target, 'toolsNotArray');
  return list.map((t: Record<string, unknown>) => ({
    Name: t.name,
    Description: t.description,
    InputSchema: schemaDefinition(t.inputSchema),
    ...(t.outputSchema ? { OutputSchema: schemaDefinition(t.outputSchema) } : {}),
  }));
}

function toolOverride(raw: unknown): Record<string, unknown> {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    Name: o.name,
    ...(o.description !== undefined ? { Description: o.description } : {}),
    Path: o.path,
    Method: o.method,
  };
}

export function targetConfiguration(
  target: GatewayTarget,
  options: Pick<SynthOptions, 'files'>,
): Record<string, unknown> {
  switch (target.targetType) {
    case 'mcpServer':
      if (!target.endpoint) throw unsupported(target, 'computeMcp');
      return { Mcp: { McpServer: { Endpoint: target.endpoint } } };
    case 'openApiSchema':
      return { Mcp: { OpenApiSchema: apiSchema(target, options) } };
    case 'smithyModel':
      return { Mcp: { SmithyModel: apiSchema(target, options) } };
    case 'apiGateway': {
      const a = target.apiGateway;
      if (!a) throw unsupported(target, 'noApiGateway');
      const tools = a.apiGatewayToolConfiguration;
      return {
        Mcp: {
          ApiGateway: {
            ApiGatewayToolConfiguration: {
              ToolFilters: tools.toolFilters.map((f) => ({ FilterPath: f.filterPath, Methods: f.methods })),
              ...(tools.toolOverrides?.length ? { ToolOverrides: tools.toolOverrides.map(toolOverride) } : {}),
            },
            RestApiId: a.restApiId,
            Stage: a.stage,
          },
        },
      };
    }
    case 'lambdaFunctionArn': {
      const l = target.lambdaFunctionArn;
      if (!l) throw unsupported(target, 'noLambda');
      const schema = l.toolSchemaFile.startsWith('s3://')
        ? { S3: { Uri: l.toolSchemaFile } }
        : { InlinePayload: toolDefinitions(target, fileText(target, l.toolSchemaFile, options)) };
      return { Mcp: { Lambda: { LambdaArn: l.lambdaArn, ToolSchema: schema } } };
    }
    default:
      throw unsupported(target, 'unsupportedType');
  }
}

/** Local files the targets need read (inline schemas), relative to the project root. */
export function referencedFiles(targets: readonly GatewayTarget[]): string[] {
  return targets.flatMap((t) => {
    if (
      (t.targetType === 'openApiSchema' || t.targetType === 'smithyModel') &&
      t.schemaSource &&
      'inline' in t.schemaSource
    )
      return [t.schemaSource.inline.path];
    if (
      t.targetType === 'lambdaFunctionArn' &&
      t.lambdaFunctionArn &&
      !t.lambdaFunctionArn.toolSchemaFile.startsWith('s3://')
    )
      return [t.lambdaFunctionArn.toolSchemaFile];
    return [];
  });
}
