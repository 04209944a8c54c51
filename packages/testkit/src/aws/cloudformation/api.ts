/**
 * CloudFormation actions (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_Operations.html):
 * checked input in, the action's result structure out (the server writes it as XML). Actions not listed here are
 * answered InvalidAction and recorded as violations.
 */
import { randomUUID } from 'node:crypto';
import { s3Get, s3Location } from '../s3.js';
import { AwsError } from '../wire.js';
import { computeChanges } from './diff.js';
import { deleteStack, executeCreate, type Engine } from './operations.js';
import { IN_PROGRESS, type ChangeSet, type Stack } from './store.js';
import { checkCapabilities, parseTemplate, resolveParameters, type ParameterInput } from './template.js';
import { executeUpdate } from './update.js';

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

function page<T>(items: T[], token: unknown, size: number) {
  const start = Number(text(token) ?? 0) || 0;
  const next = start + size < items.length ? String(start + size) : undefined;
  return { items: items.slice(start, start + size), next };
}

function parametersOut(stack: { template?: Stack['template']; parameters: Record<string, string> }) {
  return Object.entries(stack.parameters).map(([k, v]) => {
    const noEcho = String(stack.template?.Parameters?.[k]?.NoEcho ?? 'false') === 'true';
    return { ParameterKey: k, ParameterValue: noEcho ? '****' : v };
  });
}

function stackOut(s: Stack) {
  return {
    StackId: s.id,
    StackName: s.name,
    ChangeSetId: s.changeSetId,
    Description: s.description,
    Parameters: parametersOut(s),
    CreationTime: s.creationTime,
    LastUpdatedTime: s.lastUpdatedTime,
    DeletionTime: s.deletionTime,
    StackStatus: s.status,
    StackStatusReason: s.statusReason,
    DisableRollback: false,
    Capabilities: s.capabilities,
    Outputs: Object.entries(s.outputs).map(([k, o]) => ({
      OutputKey: k,
      OutputValue: o.value,
      Description: o.description,
      ExportName: o.exportName,
    })),
    Tags: s.tags,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

function changeSetOut(cs: ChangeSet) {
  return {
    ChangeSetName: cs.name,
    ChangeSetId: cs.id,
    StackId: cs.stack.id,
    StackName: cs.stack.name,
    Description: cs.description,
    Parameters: parametersOut({ template: cs.template, parameters: cs.parameters }),
    CreationTime: cs.createdAt,
    ExecutionStatus: cs.executionStatus,
    Status: cs.status,
    StatusReason: cs.statusReason,
    Capabilities: cs.capabilities,
    Tags: cs.tags,
    IncludeNestedStacks: false,
  };
}

async function templateBody(engine: Engine, input: Record<string, unknown>, stack: Stack | undefined): Promise<string> {
  if (typeof input.TemplateBody === 'string') return input.TemplateBody;
  if (typeof input.TemplateURL === 'string') {
    const where = engine.s3Url ? s3Location(input.TemplateURL, engine.s3Urls ?? [engine.s3Url]) : undefined;
    if (!engine.s3Url || !where) throw new AwsError('ValidationError', 'TemplateURL must be a supported URL.');
    const body = await s3Get(engine.s3Url, where.bucket, where.key);
    if (body === undefined) {
      throw new AwsError(
        'ValidationError',
        'S3 error: Access Denied For more information check http://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html',
      );
    }
    return body;
  }
  if (input.UsePreviousTemplate === true && stack?.templateBody) return stack.templateBody;
  throw new AwsError('ValidationError', 'Either Template URL or Template Body must be specified.');
}

async function createChangeSet(engine: Engine, input: Record<string, unknown>) {
  const { store } = engine;
  const stackName = String(input.StackName);
  const name = String(input.ChangeSetName);
  const type = input.ChangeSetType === 'CREATE' ? 'CREATE' : 'UPDATE';
  let stack = store.find(stackName);
  if (type === 'CREATE' && stack && stack.status !== 'REVIEW_IN_PROGRESS')
    throw new AwsError('AlreadyExistsException', `Stack [${stackName}] already exists`);
  if (type === 'UPDATE') {
    if (!stack || stack.status === 'REVIEW_IN_PROGRESS')
      throw new AwsError('ValidationError', `Stack [${stackName}] does not exist`);
    if (IN_PROGRESS.test(stack.status) || stack.status === 'ROLLBACK_COMPLETE' || stack.status.endsWith('_FAILED')) {
      throw new AwsError('ValidationError', `Stack:${stack.id} is in ${stack.status} state and can not be updated.`);
    }
  }
  if (stack && store.changeSets.some((c) => c.stack === stack && c.name === name)) {
    throw new AwsError('AlreadyExistsException', `ChangeSet ${name} already exists`);
  }
  const body = await templateBody(engine, input, stack);
  const template = parseTemplate(body);
  const parameters = resolveParameters(template, list<ParameterInput>(input.Parameters), stack?.parameters ?? {});
  const capabilities = list<string>(input.Capabilities);
  checkCapabilities(template, capabilities);
  stack ??= store.newStack(stackName);
  const physicalIds = Object.fromEntries([...stack.resources].map(([k, r]) => [k, r.physicalId]));
  const changes = computeChanges(
    { template: type === 'UPDATE' ? stack.template : undefined, parameters: stack.parameters, physicalIds },
    { template, parameters },
  );
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const empty =
    type === 'UPDATE' &&
    !changes.length &&
    same(stack.template?.Outputs, template.Outputs) &&
    same(stack.parameters, parameters);
  const cs: ChangeSet = {
    id: `arn:aws:cloudformation:${store.region}:${store.accountId}:changeSet/${name}/${randomUUID()}`,
    name,
    stack,
    type,
    createdAt: new Date(),
    status: 'CREATE_PENDING',
    executionStatus: 'UNAVAILABLE',
    template,
    templateBody: body,
    parameters,
    changes,
    capabilities,
    tags: list(input.Tags),
    ...(text(input.Description) ? { description: text(input.Description) } : {}),
    empty,
  };
  store.changeSets.push(cs);
  store.refresh(cs);
  return { Id: cs.id, StackId: stack.id };
}

async function executeChangeSet(engine: Engine, input: Record<string, unknown>) {
  const cs = engine.store.changeSet(String(input.ChangeSetName), text(input.StackName));
  if (cs.status !== 'CREATE_COMPLETE' || cs.executionStatus !== 'AVAILABLE') {
    throw new AwsError(
      'InvalidChangeSetStatus',
      `ChangeSet [${cs.id}] cannot be executed in its current status of [${cs.status}] and execution status of [${cs.executionStatus}]`,
    );
  }
  for (const other of engine.store.changeSets)
    if (other.stack === cs.stack && other !== cs) other.executionStatus = 'OBSOLETE';
  cs.executionStatus = 'EXECUTE_IN_PROGRESS';
  await (cs.type === 'CREATE' ? executeCreate(engine, cs) : executeUpdate(engine, cs));
  return {};
}

export function cloudFormationHandler(engine: Engine, pageSize: number) {
  const { store } = engine;
  return async (operation: string, input: Record<string, unknown>): Promise<unknown> => {
    store.advance();
    switch (operation) {
      case 'CreateChangeSet':
        return createChangeSet(engine, input);
      case 'DescribeChangeSet': {
        const cs = store.changeSet(String(input.ChangeSetName), text(input.StackName));
        return { ...changeSetOut(cs), Changes: cs.changes.map((c) => ({ Type: 'Resource', ResourceChange: c })) };
      }
      case 'ListChangeSets': {
        const stack = store.get(String(input.StackName));
        const sets = store.changeSets.filter((c) => c.stack === stack);
        sets.forEach((c) => store.refresh(c));
        return { Summaries: sets.map(changeSetOut) };
      }
      case 'DeleteChangeSet': {
        const cs = store.changeSet(String(input.ChangeSetName), text(input.StackName));
        if (cs.executionStatus === 'EXECUTE_IN_PROGRESS') {
          throw new AwsError('InvalidChangeSetStatus', `ChangeSet [${cs.id}] cannot be deleted in its current status`);
        }
        store.changeSets.splice(store.changeSets.indexOf(cs), 1);
        return {};
      }
      case 'ExecuteChangeSet':
        return executeChangeSet(engine, input);
      case 'DescribeStacks': {
        const name = text(input.StackName);
        return {
          Stacks: (name ? [store.get(name)] : store.stacks.filter((s) => s.status !== 'DELETE_COMPLETE')).map(stackOut),
        };
      }
      case 'DescribeStackEvents': {
        const stack = store.get(String(input.StackName));
        const { items, next } = page([...stack.events].reverse(), input.NextToken, pageSize);
        return { StackEvents: items, NextToken: next };
      }
      case 'DescribeStackResources':
      case 'ListStackResources': {
        const stack = store.get(String(input.StackName));
        const all = [...stack.resources.values()].filter(
          (r) => !text(input.LogicalResourceId) || r.logicalId === input.LogicalResourceId,
        );
        const base = (r: (typeof all)[number]) => ({
          LogicalResourceId: r.logicalId,
          PhysicalResourceId: r.physicalId || undefined,
          ResourceType: r.type,
          ResourceStatus: r.status,
          ResourceStatusReason: r.statusReason,
        });
        if (operation === 'DescribeStackResources') {
          return {
            StackResources: all.map((r) => ({
              StackName: stack.name,
              StackId: stack.id,
              Timestamp: r.timestamp,
              ...base(r),
            })),
          };
        }
        const { items, next } = page(all, input.NextToken, pageSize);
        const drift = { StackResourceDriftStatus: 'NOT_CHECKED' };
        return {
          StackResourceSummaries: items.map((r) => ({
            ...base(r),
            LastUpdatedTimestamp: r.timestamp,
            DriftInformation: drift,
          })),
          NextToken: next,
        };
      }
      case 'GetTemplate': {
        if (text(input.ChangeSetName)) {
          return {
            TemplateBody: store.changeSet(String(input.ChangeSetName), text(input.StackName)).templateBody,
            StagesAvailable: ['Original', 'Processed'],
          };
        }
        return {
          TemplateBody: store.get(String(input.StackName)).templateBody,
          StagesAvailable: ['Original', 'Processed'],
        };
      }
      case 'ValidateTemplate': {
        const t = parseTemplate(await templateBody(engine, input, undefined));
        const iam = Object.values(t.Resources).some((r) => r.Type.startsWith('AWS::IAM::'));
        return {
          Parameters: Object.entries(t.Parameters ?? {}).map(([k, p]) => ({
            ParameterKey: k,
            DefaultValue: p.Default === undefined ? undefined : String(p.Default),
            NoEcho: String(p.NoEcho ?? 'false') === 'true',
          })),
          Description: t.Description,
          Capabilities: iam ? ['CAPABILITY_IAM'] : [],
          CapabilitiesReason: iam ? 'The following resource(s) require capabilities: [AWS::IAM::Role]' : undefined,
        };
      }
      case 'ListStacks':
        return {
          StackSummaries: [...store.stacks].reverse().map((s) => ({
            StackId: s.id,
            StackName: s.name,
            TemplateDescription: s.description,
            CreationTime: s.creationTime,
            LastUpdatedTime: s.lastUpdatedTime,
            DeletionTime: s.deletionTime,
            StackStatus: s.status,
            StackStatusReason: s.statusReason,
          })),
        };
      case 'DeleteStack': {
        const stack = store.find(String(input.StackName));
        if (!stack || stack.status === 'DELETE_IN_PROGRESS' || stack.status === 'DELETE_COMPLETE') return {};
        if (IN_PROGRESS.test(stack.status) && stack.status !== 'REVIEW_IN_PROGRESS') {
          throw new AwsError(
            'ValidationError',
            `Stack [${stack.name}] cannot be deleted while in status ${stack.status}`,
          );
        }
        deleteStack(engine, stack);
        return {};
      }
      default:
        return undefined;
    }
  };
}
