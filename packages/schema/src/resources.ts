/** Strategy-independent parts of runtimes, gateways and targets (DOMAIN.md §A.2, §A.5, §A.6). */
import { z } from 'zod';
import {
  BuildTypeSchema, EntrypointSchema, EnvVarSchema, GatewayNameSchema, HttpUrlSchema, NetworkModeSchema, ProtocolSchema,
  RequestHeaderNameSchema, RuntimeNameSchema, RuntimeVersionSchema, TagsSchema, TargetNameSchema,
} from './fields.js';
import { TARGET_TYPES } from './target-types.js';

const lifetime = z.number().int().min(60).max(28800);

/** Runtime fields other than `authorizerType` / `authorizerConfiguration`. Loose: unknown keys are kept, as the official CLI tolerates them. */
export const RuntimeBaseSchema = z
  .object({
    name: RuntimeNameSchema,
    description: z.string().max(200).optional(),
    build: BuildTypeSchema,
    entrypoint: EntrypointSchema,
    codeLocation: z.string().min(1),
    dockerfile: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/).max(255).optional(),
    runtimeVersion: RuntimeVersionSchema.optional(),
    envVars: z.array(EnvVarSchema).optional(),
    networkMode: NetworkModeSchema.optional(),
    networkConfig: z
      .object({
        subnets: z.array(z.string().regex(/^subnet-[0-9a-zA-Z]{8,17}$/)).min(1).max(16),
        securityGroups: z.array(z.string().regex(/^sg-[0-9a-zA-Z]{8,17}$/)).min(1).max(16),
      })
      .strict()
      .optional(),
    instrumentation: z.object({ enableOtel: z.boolean().optional() }).strict().optional(),
    protocol: ProtocolSchema.optional(),
    requestHeaderAllowlist: z.array(RequestHeaderNameSchema).max(20).optional(),
    executionRoleArn: z.string().optional(),
    tags: TagsSchema.optional(),
    lifecycleConfiguration: z.object({ idleRuntimeSessionTimeout: lifetime.optional(), maxLifetime: lifetime.optional() }).strict().optional(),
  })
  .loose();

const ToolFilterSchema = z.object({ filterPath: z.string().min(1), methods: z.array(z.string().min(1)).min(1) }).strict();

export const ApiGatewayConfigSchema = z
  .object({
    restApiId: z.string().min(1),
    stage: z.string().min(1),
    apiGatewayToolConfiguration: z
      .object({ toolFilters: z.array(ToolFilterSchema).min(1), toolOverrides: z.array(z.unknown()).optional() })
      .strict(),
  })
  .strict();

export const SchemaSourceSchema = z.union([
  z.object({ inline: z.object({ path: z.string().min(1) }).strict() }).strict(),
  z.object({ s3: z.object({ uri: z.string().regex(/^s3:\/\/.+/, 'Must be an s3:// URI'), bucketOwnerAccountId: z.string().regex(/^\d{12}$/).optional() }).strict() }).strict(),
]);

export const LambdaFunctionArnConfigSchema = z
  .object({ lambdaArn: z.string().min(1).max(170), toolSchemaFile: z.string().min(1) })
  .strict();

/** Target fields other than `outboundAuth`. Strict, like the official schema; fields we do not model are kept opaque. */
export const TargetBaseSchema = z
  .object({
    name: TargetNameSchema,
    targetType: z.enum(TARGET_TYPES),
    description: z.string().optional(),
    endpoint: HttpUrlSchema.optional(),
    toolDefinitions: z.array(z.unknown()).optional(),
    compute: z.record(z.string(), z.unknown()).optional(),
    apiGateway: ApiGatewayConfigSchema.optional(),
    schemaSource: SchemaSourceSchema.optional(),
    lambdaFunctionArn: LambdaFunctionArnConfigSchema.optional(),
    httpRuntime: z.unknown().optional(),
    connectorId: z.unknown().optional(),
    configurations: z.unknown().optional(),
    passthrough: z.unknown().optional(),
  })
  .strict();

/** Gateway fields other than `authorizerType` / `authorizerConfiguration` / `targets`. */
export const GatewayBaseSchema = z
  .object({
    name: GatewayNameSchema,
    resourceName: z.string().optional(),
    protocolType: z.enum(['MCP', 'None']).optional(),
    description: z.string().optional(),
    enableSemanticSearch: z.boolean().optional(),
    exceptionLevel: z.enum(['NONE', 'DEBUG']).optional(),
    policyEngineConfiguration: z.object({ policyEngineName: z.string().min(1), mode: z.enum(['LOG_ONLY', 'ENFORCE']) }).strict().optional(),
    executionRoleArn: z.string().regex(/^arn:[^:]+:iam::\d{12}:role\/.+/).max(2048).optional(),
    tags: TagsSchema.optional(),
  })
  .strict();

/** Official top-level keys this tool does not model: preserved verbatim so projects move between the tools. */
export const PRESERVED_TOP_LEVEL_KEYS = [
  'memories', 'knowledgeBases', 'evaluators', 'onlineEvalConfigs', 'mcpRuntimeTools', 'unassignedTargets', 'policyEngines',
  'configBundles', 'abTests', 'harnesses', 'datasets', 'capacityProviders', 'httpGateways', 'payments',
] as const;
