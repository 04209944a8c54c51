/**
 * The steps of a stack operation, with AWS's event sequence
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stack-resource-configuration-complete.html):
 * create (…CREATE_COMPLETE, or CREATE_FAILED → ROLLBACK_IN_PROGRESS → ROLLBACK_COMPLETE), update (replacements get
 * a new physical id, the old one is deleted in UPDATE_COMPLETE_CLEANUP_IN_PROGRESS; a failure rolls back to
 * UPDATE_ROLLBACK_COMPLETE) and delete. Which resources fail is decided when the operation starts: configured faults
 * and runtime code objects missing from the S3 stand-in.
 */
import { randomUUID } from 'node:crypto';
import { resolve, type ResolveContext } from '../intrinsics.js';
import type { IdentityStore } from '../identity.js';
import { s3Exists } from '../s3.js';
import type { AwsFault } from '../types.js';
import { createPhysical, deletePhysical, type ResourceContext } from './resources.js';
import { resourceSpec } from './spec.js';
import type { ChangeSet, ResourceState, Stack, Step, Store } from './store.js';
import { creationOrder, type Template } from './template.js';

export interface Engine {
  store: Store;
  identity: IdentityStore;
  faults: () => AwsFault[];
  /** s3rver itself, read directly (the stand-in's own reads are not client requests). */
  s3Url?: string;
  /** Every URL clients may use for the same S3 (s3rver and its recording front), for `TemplateURL`. */
  s3Urls?: string[];
}

export function context(engine: Engine, stack: Stack, lenient = false): ResolveContext {
  const values = {
    ...stack.parameters,
    'AWS::Region': engine.store.region,
    'AWS::AccountId': engine.store.accountId,
    'AWS::StackName': stack.name,
    'AWS::StackId': stack.id,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::NoValue': '',
  };
  const live = (id: string) => {
    const r = stack.resources.get(id);
    return r && r.status !== 'DELETE_COMPLETE' && r.physicalId ? r : undefined;
  };
  return {
    values,
    ref: (id) => live(id)?.ref ?? (lenient ? `<${id}>` : undefined),
    getAtt: (id, attr) => live(id)?.attributes[attr] ?? (lenient ? `<${id}.${attr}>` : undefined),
  };
}

export const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

/** Why each resource about to be created or updated will fail, if it will. */
export async function failures(
  engine: Engine,
  stack: Stack,
  t: Template,
  ids: string[],
  parameters: Record<string, string>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ctx = context(engine, { ...stack, parameters }, true);
  for (const id of ids) {
    const r = t.Resources[id];
    if (!r) continue;
    const props = asRecord(resolve(r.Properties ?? {}, ctx));
    for (const f of engine.faults()) {
      if (f.kind !== 'resource-failure') continue;
      if ((f.logicalId ?? id) === id && (f.resourceType ?? r.Type) === r.Type && (!f.when || f.when(props)))
        out.set(id, f.reason);
    }
    const s3 = asRecord(asRecord(asRecord(asRecord(props.AgentRuntimeArtifact).CodeConfiguration).Code).S3);
    if (!out.has(id) && engine.s3Url && r.Type === 'AWS::BedrockAgentCore::Runtime' && typeof s3.Bucket === 'string') {
      const key = String(s3.Prefix ?? '');
      if (!(await s3Exists(engine.s3Url, s3.Bucket, key))) {
        out.set(
          id,
          `Resource handler returned message: "Invalid S3 location: s3://${s3.Bucket}/${key} does not exist or is not accessible ` +
            `(Service: BedrockAgentCoreControl, Status Code: 400, Request ID: ${randomUUID()})" (HandlerErrorCode: InvalidRequest)`,
        );
      }
    }
  }
  return out;
}

export function resourceContext(engine: Engine, stack: Stack): ResourceContext {
  return {
    region: engine.store.region,
    accountId: engine.store.accountId,
    stackName: stack.name,
    identity: engine.identity,
  };
}

export function resourceEvent(
  engine: Engine,
  stack: Stack,
  r: ResourceState,
  status: string,
  reason?: string,
  physicalId = r.physicalId,
) {
  r.status = status;
  r.statusReason = reason;
  r.timestamp = new Date();
  engine.store.event(stack, {
    LogicalResourceId: r.logicalId,
    PhysicalResourceId: physicalId,
    ResourceType: r.type,
    ResourceStatus: status,
    ...(reason ? { ResourceStatusReason: reason } : {}),
    ...(status.endsWith('_IN_PROGRESS') && !status.startsWith('DELETE')
      ? { ResourceProperties: JSON.stringify(r.properties) }
      : {}),
  });
}

export function resolveOutputs(engine: Engine, stack: Stack): void {
  const ctx = context(engine, stack);
  stack.outputs = {};
  for (const [key, o] of Object.entries(stack.template?.Outputs ?? {})) {
    try {
      stack.outputs[key] = {
        value: String(resolve(o.Value, ctx)),
        ...(o.Description ? { description: o.Description } : {}),
        ...(o.Export ? { exportName: String(resolve(o.Export.Name, ctx)) } : {}),
      };
    } catch {
      // an output whose value cannot be resolved is left out, as after a partial rollback
    }
  }
}

/** Delete steps (in progress, complete) for live resources, dependents first. */
export function deletions(engine: Engine, stack: Stack, ids: string[], keep = false): Step[] {
  const ctx = resourceContext(engine, stack);
  return ids.flatMap((id) => {
    const r = stack.resources.get(id);
    if (!r || r.status === 'DELETE_COMPLETE') return [];
    if (r.status === 'CREATE_FAILED' || !r.physicalId)
      return [() => resourceEvent(engine, stack, r, 'DELETE_COMPLETE')];
    return [
      () => resourceEvent(engine, stack, r, 'DELETE_IN_PROGRESS'),
      () => {
        deletePhysical(r.type, r.physicalId, ctx);
        resourceEvent(engine, stack, r, 'DELETE_COMPLETE');
        if (!keep) stack.resources.delete(id);
      },
    ];
  });
}

/** Create steps for one resource; `onFail` gives the steps that replace the rest of the operation. */
export function creation(
  engine: Engine,
  stack: Stack,
  t: Template,
  id: string,
  failed: Map<string, string>,
  onFail: (id: string) => Step[],
): Step[] {
  const type = t.Resources[id]?.Type ?? '';
  let r: ResourceState | undefined;
  return [
    () => {
      const properties = asRecord(resolve(t.Resources[id]?.Properties ?? {}, context(engine, stack, true)));
      r = {
        logicalId: id,
        type,
        physicalId: '',
        ref: '',
        status: '',
        properties,
        attributes: {},
        timestamp: new Date(),
      };
      stack.resources.set(id, r);
      resourceEvent(engine, stack, r, 'CREATE_IN_PROGRESS');
    },
    () => {
      if (!r) return;
      let reason = failed.get(id);
      if (reason === undefined) {
        // a resolution error or a provider refusing (e.g. a name already taken) fails the resource, as on AWS
        try {
          r.properties = asRecord(resolve(t.Resources[id]?.Properties ?? {}, context(engine, stack)));
          const created = createPhysical(
            type,
            id,
            r.properties,
            resourceContext(engine, stack),
            resourceSpec().get(type),
          );
          Object.assign(r, created);
        } catch (e) {
          reason = e instanceof Error ? e.message : String(e);
        }
      }
      if (reason !== undefined) {
        resourceEvent(engine, stack, r, 'CREATE_FAILED', reason);
        stack.pending = [];
        return onFail(id);
      }
      resourceEvent(engine, stack, r, 'CREATE_IN_PROGRESS', 'Resource creation Initiated');
      resourceEvent(engine, stack, r, 'CREATE_COMPLETE');
    },
  ];
}

export async function executeCreate(engine: Engine, cs: ChangeSet): Promise<void> {
  const { stack, template } = cs;
  const order = creationOrder(template);
  const failed = await failures(engine, stack, template, order, cs.parameters);
  const rollback = (id: string): Step[] => [
    () =>
      engine.store.stackStatus(
        stack,
        'ROLLBACK_IN_PROGRESS',
        `The following resource(s) failed to create: [${id}]. Rollback requested by user.`,
      ),
    ...deletions(engine, stack, [...order].reverse(), true),
    () => {
      stack.outputs = {};
      engine.store.stackStatus(stack, 'ROLLBACK_COMPLETE');
      cs.executionStatus = 'EXECUTE_FAILED';
    },
  ];
  engine.store.run(stack, [
    () => {
      Object.assign(stack, {
        template,
        templateBody: cs.templateBody,
        parameters: cs.parameters,
        description: template.Description,
      });
      Object.assign(stack, {
        capabilities: cs.capabilities,
        tags: cs.tags,
        changeSetId: cs.id,
        creationTime: new Date(),
      });
      engine.store.stackStatus(stack, 'CREATE_IN_PROGRESS', 'User Initiated');
    },
    ...order.flatMap((id) => creation(engine, stack, template, id, failed, rollback)),
    () => {
      resolveOutputs(engine, stack);
      engine.store.stackStatus(stack, 'CREATE_COMPLETE');
      cs.executionStatus = 'EXECUTE_COMPLETE';
    },
  ]);
}

export function deleteStack(engine: Engine, stack: Stack): void {
  const order = stack.template ? creationOrder(stack.template).reverse() : [...stack.resources.keys()].reverse();
  engine.store.run(stack, [
    () => engine.store.stackStatus(stack, 'DELETE_IN_PROGRESS', 'User Initiated'),
    ...deletions(engine, stack, order, true),
    () => {
      stack.deletionTime = new Date();
      engine.store.stackStatus(stack, 'DELETE_COMPLETE');
    },
  ]);
}
