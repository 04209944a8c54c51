/**
 * Stack update from a change set: Add → create, Modify → update in place or replace (new physical id; the old one
 * is deleted during UPDATE_COMPLETE_CLEANUP_IN_PROGRESS), Remove → deleted during cleanup. A failure rolls the stack
 * back: modified resources get their previous state, new ones are deleted, and the stack ends UPDATE_ROLLBACK_COMPLETE
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks.html).
 */
import { resolve } from '../intrinsics.js';
import { createPhysical, deletePhysical, updatePhysical } from './resources.js';
import { resourceSpec } from './spec.js';
import type { ChangeSet, ResourceState, Step } from './store.js';
import { creationOrder } from './template.js';
import {
  asRecord,
  context,
  creation,
  deletions,
  failures,
  resolveOutputs,
  resourceContext,
  resourceEvent,
  type Engine,
} from './operations.js';

const REPLACING = 'Requested update requires the creation of a new physical resource; hence creating one.';

export async function executeUpdate(engine: Engine, cs: ChangeSet): Promise<void> {
  const { stack, template } = cs;
  const before = {
    template: stack.template,
    templateBody: stack.templateBody,
    parameters: stack.parameters,
    outputs: stack.outputs,
    resources: new Map([...stack.resources].map(([k, r]) => [k, { ...r, attributes: { ...r.attributes } }])),
  };
  const byId = new Map(cs.changes.map((c) => [c.LogicalResourceId, c]));
  const order = creationOrder(template).filter((id) => byId.get(id)?.Action !== 'Remove' && byId.has(id));
  const failed = await failures(engine, stack, template, order, cs.parameters);
  const rctx = resourceContext(engine, stack);
  /** Physical resources to delete in cleanup: old ones of replacements (success) or new ones (rollback). */
  const oldPhysical: ResourceState[] = [];
  const newPhysical: ResourceState[] = [];
  const added: string[] = [];
  const modified: string[] = [];

  const cleanup = (list: ResourceState[]): Step[] =>
    list.flatMap((r) => [
      () => resourceEvent(engine, stack, { ...r }, 'DELETE_IN_PROGRESS'),
      () => {
        deletePhysical(r.type, r.physicalId, rctx);
        resourceEvent(engine, stack, { ...r }, 'DELETE_COMPLETE');
      },
    ]);

  const rollback = (id: string): Step[] => {
    const verb = byId.get(id)?.Action === 'Add' ? 'create' : 'update';
    return [
      () =>
        engine.store.stackStatus(
          stack,
          'UPDATE_ROLLBACK_IN_PROGRESS',
          `The following resource(s) failed to ${verb}: [${id}]. `,
        ),
      ...[...modified, ...(byId.get(id)?.Action === 'Modify' ? [id] : [])].reverse().flatMap((m) => {
        const previous = before.resources.get(m);
        if (!previous) return [];
        return [
          () => resourceEvent(engine, stack, { ...previous }, 'UPDATE_IN_PROGRESS'),
          () => resourceEvent(engine, stack, { ...previous }, 'UPDATE_COMPLETE'),
        ];
      }),
      () => engine.store.stackStatus(stack, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS'),
      ...deletions(engine, stack, [...added].reverse(), true),
      ...cleanup(newPhysical),
      () => {
        Object.assign(stack, {
          template: before.template,
          templateBody: before.templateBody,
          parameters: before.parameters,
          outputs: before.outputs,
        });
        stack.resources = before.resources;
        engine.store.stackStatus(stack, 'UPDATE_ROLLBACK_COMPLETE');
        cs.executionStatus = 'EXECUTE_FAILED';
      },
    ];
  };

  const modification = (id: string): Step[] => {
    const change = byId.get(id);
    const r = stack.resources.get(id);
    if (!change || !r) return [];
    const replace = change.Replacement === 'True';
    return [
      () => resourceEvent(engine, stack, r, 'UPDATE_IN_PROGRESS', replace ? REPLACING : undefined),
      () => {
        let reason = failed.get(id);
        const type = template.Resources[id]?.Type ?? r.type;
        if (reason === undefined) {
          try {
            const properties = asRecord(resolve(template.Resources[id]?.Properties ?? {}, context(engine, stack)));
            if (replace) {
              oldPhysical.push({ ...r });
              Object.assign(r, createPhysical(type, id, properties, rctx, resourceSpec().get(type)), {
                type,
                properties,
              });
              newPhysical.push({ ...r });
            } else Object.assign(r, updatePhysical(type, r, properties, rctx), { properties });
          } catch (e) {
            reason = e instanceof Error ? e.message : String(e);
          }
        }
        if (reason !== undefined) {
          resourceEvent(engine, stack, r, 'UPDATE_FAILED', reason);
          stack.pending = [];
          return rollback(id);
        }
        resourceEvent(engine, stack, r, 'UPDATE_COMPLETE');
        modified.push(id);
      },
    ];
  };

  const removed = cs.changes.filter((c) => c.Action === 'Remove').map((c) => c.LogicalResourceId);
  engine.store.run(stack, [
    () => {
      Object.assign(stack, {
        template,
        templateBody: cs.templateBody,
        parameters: cs.parameters,
        description: template.Description,
      });
      Object.assign(stack, { capabilities: cs.capabilities, changeSetId: cs.id, lastUpdatedTime: new Date() });
      engine.store.stackStatus(stack, 'UPDATE_IN_PROGRESS', 'User Initiated');
    },
    ...order.flatMap((id) => {
      if (byId.get(id)?.Action !== 'Add') return modification(id);
      added.push(id);
      return creation(engine, stack, template, id, failed, rollback);
    }),
    () => {
      resolveOutputs(engine, stack);
      engine.store.stackStatus(stack, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
    },
    ...deletions(
      engine,
      stack,
      before.template
        ? creationOrder(before.template)
            .reverse()
            .filter((id) => removed.includes(id))
        : removed,
    ),
    () => cleanup(oldPhysical),
    () => {
      engine.store.stackStatus(stack, 'UPDATE_COMPLETE');
      cs.executionStatus = 'EXECUTE_COMPLETE';
    },
  ]);
}
