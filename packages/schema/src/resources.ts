/** Strategy-independent parts of runtimes, gateways and targets. */
import * as z from 'zod/mini';
import {
  BuildTypeSchema,
  EntrypointSchema,
  EnvVarSchema,
  fieldText,
  GatewayNameSchema,
  HttpUrlSchema,
  NetworkModeSchema,
  ProtocolSchema,
  RequestHeaderNameSchema,
  RuntimeDescriptionSchema,
  RuntimeNameSchema,
  RuntimeVersionSchema,
  TagsSchema,
  TargetNameSchema,
} from './fields.js';
import { TARGET_TYPES } from './target-types.js';
import { ensureZodEnglish } from './zod.js';

ensureZodEnglish();

const lifetime = z.number().check(z.int(), z.minimum(60), z.maximum(28800));
const nonEmptyString = () => z.string().check(z.minLength(1));

/** Runtime fields other than `authorizerType` / `authorizerConfiguration`. Loose: unknown keys are kept, as the official CLI tolerates them. */
export const RuntimeBaseSchema = z.looseObject({
  name: RuntimeNameSchema,
  description: z.optional(RuntimeDescriptionSchema),
  build: BuildTypeSchema,
  entrypoint: EntrypointSchema,
  codeLocation: nonEmptyString(),
  dockerfile: z.optional(z.string().check(z.regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/), z.maxLength(255))),
  runtimeVersion: z.optional(RuntimeVersionSchema),
  envVars: z.optional(z.array(EnvVarSchema)),
  networkMode: z.optional(NetworkModeSchema),
  networkConfig: z.optional(
    z.strictObject({
      subnets: z.array(z.string().check(z.regex(/^subnet-[0-9a-zA-Z]{8,17}$/))).check(z.minLength(1), z.maxLength(16)),
      securityGroups: z
        .array(z.string().check(z.regex(/^sg-[0-9a-zA-Z]{8,17}$/)))
        .check(z.minLength(1), z.maxLength(16)),
    }),
  ),
  instrumentation: z.optional(z.strictObject({ enableOtel: z.optional(z.boolean()) })),
  protocol: z.optional(ProtocolSchema),
  requestHeaderAllowlist: z.optional(z.array(RequestHeaderNameSchema).check(z.maxLength(20))),
  executionRoleArn: z.optional(z.string()),
  tags: z.optional(TagsSchema),
  lifecycleConfiguration: z.optional(
    z.strictObject({ idleRuntimeSessionTimeout: z.optional(lifetime), maxLifetime: z.optional(lifetime) }),
  ),
});

const ToolFilterSchema = z.strictObject({
  filterPath: nonEmptyString(),
  methods: z.array(nonEmptyString()).check(z.minLength(1)),
});

export const ApiGatewayConfigSchema = z.strictObject({
  restApiId: nonEmptyString(),
  stage: nonEmptyString(),
  apiGatewayToolConfiguration: z.strictObject({
    toolFilters: z.array(ToolFilterSchema).check(z.minLength(1)),
    toolOverrides: z.optional(z.array(z.unknown())),
  }),
});

export const SchemaSourceSchema = z.union([
  z.strictObject({ inline: z.strictObject({ path: nonEmptyString() }) }),
  z.strictObject({
    s3: z.strictObject({
      uri: z.string().check(z.regex(/^s3:\/\/.+/, fieldText('S3Uri'))),
      bucketOwnerAccountId: z.optional(z.string().check(z.regex(/^\d{12}$/))),
    }),
  }),
]);

export const LambdaFunctionArnConfigSchema = z.strictObject({
  lambdaArn: z.string().check(z.minLength(1), z.maxLength(170)),
  toolSchemaFile: nonEmptyString(),
});

/** Target fields other than `outboundAuth`. Strict, like the official schema; fields we do not model are kept opaque. */
export const TargetBaseSchema = z.strictObject({
  name: TargetNameSchema,
  targetType: z.enum(TARGET_TYPES),
  description: z.optional(z.string()),
  endpoint: z.optional(HttpUrlSchema),
  toolDefinitions: z.optional(z.array(z.unknown())),
  compute: z.optional(z.record(z.string(), z.unknown())),
  apiGateway: z.optional(ApiGatewayConfigSchema),
  schemaSource: z.optional(SchemaSourceSchema),
  lambdaFunctionArn: z.optional(LambdaFunctionArnConfigSchema),
  httpRuntime: z.optional(z.unknown()),
  connectorId: z.optional(z.unknown()),
  configurations: z.optional(z.unknown()),
  passthrough: z.optional(z.unknown()),
});

/** Gateway fields other than `authorizerType` / `authorizerConfiguration` / `targets`. */
export const GatewayBaseSchema = z.strictObject({
  name: GatewayNameSchema,
  resourceName: z.optional(z.string()),
  protocolType: z.optional(z.enum(['MCP', 'None'])),
  description: z.optional(z.string()),
  enableSemanticSearch: z.optional(z.boolean()),
  exceptionLevel: z.optional(z.enum(['NONE', 'DEBUG'])),
  policyEngineConfiguration: z.optional(
    z.strictObject({ policyEngineName: nonEmptyString(), mode: z.enum(['LOG_ONLY', 'ENFORCE']) }),
  ),
  executionRoleArn: z.optional(z.string().check(z.regex(/^arn:[^:]+:iam::\d{12}:role\/.+/), z.maxLength(2048))),
  tags: z.optional(TagsSchema),
});

/** Official top-level keys this tool does not model: preserved verbatim so projects move between the tools. */
export const PRESERVED_TOP_LEVEL_KEYS = [
  'memories',
  'knowledgeBases',
  'evaluators',
  'onlineEvalConfigs',
  'mcpRuntimeTools',
  'unassignedTargets',
  'policyEngines',
  'configBundles',
  'abTests',
  'harnesses',
  'datasets',
  'capacityProviders',
  'httpGateways',
  'payments',
] as const;
