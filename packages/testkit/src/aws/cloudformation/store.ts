/**
 * CloudFormation state: stacks (deleted ones kept, as AWS lists them by id), change sets, and the steps of running
 * operations. A step runs when its time has come, checked on every read: nothing runs in the background, so
 * `close()` has no timer to stop and a test sees the same sequence of states however fast it polls.
 */
import { randomUUID } from 'node:crypto';
import { AwsError } from '../wire.js';
import type { ResourceChange } from './diff.js';
import type { Template } from './template.js';

export interface ResourceState {
  logicalId: string;
  type: string;
  physicalId: string;
  ref: string;
  status: string;
  statusReason?: string;
  properties: Record<string, unknown>;
  attributes: Record<string, string>;
  timestamp: Date;
}

export interface StackEvent {
  StackId: string;
  EventId: string;
  StackName: string;
  LogicalResourceId: string;
  PhysicalResourceId: string;
  ResourceType: string;
  Timestamp: Date;
  ResourceStatus: string;
  ResourceStatusReason?: string;
  ResourceProperties?: string;
}

export interface Output {
  value: string;
  description?: string;
  exportName?: string;
}

export type Step = () => Step[] | void;

export interface Stack {
  name: string;
  id: string;
  status: string;
  statusReason?: string;
  template?: Template;
  templateBody?: string;
  parameters: Record<string, string>;
  resources: Map<string, ResourceState>;
  outputs: Record<string, Output>;
  events: StackEvent[];
  capabilities: string[];
  tags: { Key: string; Value: string }[];
  description?: string;
  creationTime: Date;
  lastUpdatedTime?: Date;
  deletionTime?: Date;
  changeSetId?: string;
  /** Steps still to run, and when the next one is due (ms since epoch). */
  pending: Step[];
  nextAt: number;
  /** Set when an operation starts: the next read sees its first state whatever the delay (no missed IN_PROGRESS). */
  held: boolean;
}

export interface ChangeSet {
  id: string;
  name: string;
  stack: Stack;
  type: 'CREATE' | 'UPDATE';
  createdAt: Date;
  status: string;
  executionStatus: string;
  statusReason?: string;
  template: Template;
  templateBody: string;
  parameters: Record<string, string>;
  changes: ResourceChange[];
  capabilities: string[];
  tags: { Key: string; Value: string }[];
  description?: string;
  /** Whether the computed changes are empty (the change set fails once it is "computed"). */
  empty: boolean;
}

export const IN_PROGRESS = /_IN_PROGRESS$/;

export class Store {
  readonly stacks: Stack[] = [];
  readonly changeSets: ChangeSet[] = [];

  constructor(
    readonly region: string,
    readonly accountId: string,
    readonly delayMs: number,
  ) {}

  newStack(name: string): Stack {
    const stack: Stack = {
      name,
      id: `arn:aws:cloudformation:${this.region}:${this.accountId}:stack/${name}/${randomUUID()}`,
      status: 'REVIEW_IN_PROGRESS',
      parameters: {},
      resources: new Map(),
      outputs: {},
      events: [],
      capabilities: [],
      tags: [],
      creationTime: new Date(),
      pending: [],
      nextAt: 0,
      held: false,
    };
    this.stacks.push(stack);
    this.event(stack, {
      LogicalResourceId: name,
      PhysicalResourceId: stack.id,
      ResourceType: 'AWS::CloudFormation::Stack',
      ResourceStatus: 'REVIEW_IN_PROGRESS',
      ResourceStatusReason: 'User Initiated',
    });
    return stack;
  }

  event(stack: Stack, e: Omit<StackEvent, 'StackId' | 'EventId' | 'StackName' | 'Timestamp'>): void {
    stack.events.push({ StackId: stack.id, EventId: randomUUID(), StackName: stack.name, Timestamp: new Date(), ...e });
  }

  /** Set the stack's status and record the stack event for it. */
  stackStatus(stack: Stack, status: string, reason?: string): void {
    stack.status = status;
    stack.statusReason = reason;
    this.event(stack, {
      LogicalResourceId: stack.name,
      PhysicalResourceId: stack.id,
      ResourceType: 'AWS::CloudFormation::Stack',
      ResourceStatus: status,
      ...(reason ? { ResourceStatusReason: reason } : {}),
    });
  }

  /**
   * Run the steps whose time has come, for every stack. Called once per request that reads or changes stacks:
   * the first read after an operation starts releases the hold, so it always sees the operation in progress.
   */
  advance(): void {
    const now = Date.now();
    for (const stack of this.stacks) {
      if (stack.held) {
        stack.held = false;
        stack.nextAt = Math.max(stack.nextAt, now);
        continue;
      }
      while (stack.pending.length && stack.nextAt <= now) {
        this.step(stack, stack.pending.shift());
        stack.nextAt += this.delayMs;
      }
    }
  }

  /** Start an operation: the first step runs now, the others one `delayMs` apart. */
  run(stack: Stack, steps: Step[]): void {
    stack.pending = [...steps];
    stack.nextAt = Date.now();
    this.step(stack, stack.pending.shift());
    stack.nextAt = Date.now() + this.delayMs;
    stack.held = true;
  }

  /** Run one step; a step that throws (a stand-in bug) ends the operation in a *_FAILED state naming the error. */
  private step(stack: Stack, step: Step | undefined): void {
    try {
      const more = step?.();
      if (more) stack.pending.unshift(...more);
    } catch (e) {
      stack.pending = [];
      const failed = stack.status.replace(/_IN_PROGRESS$/, '_FAILED');
      this.stackStatus(stack, failed, `Stand-in error: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** A stack by name (not deleted) or by id (deleted ones too). */
  find(nameOrId: string): Stack | undefined {
    if (nameOrId.startsWith('arn:')) return this.stacks.find((s) => s.id === nameOrId);
    return this.stacks.find((s) => s.name === nameOrId && s.status !== 'DELETE_COMPLETE');
  }

  get(nameOrId: string): Stack {
    const s = this.find(nameOrId);
    if (!s) throw new AwsError('ValidationError', `Stack with id ${nameOrId} does not exist`);
    return s;
  }

  changeSet(name: string, stackName?: string): ChangeSet {
    const cs = name.startsWith('arn:')
      ? this.changeSets.find((c) => c.id === name)
      : this.changeSets.find(
          (c) =>
            c.name === name &&
            stackName !== undefined &&
            (c.stack.name === stackName || c.stack.id === stackName) &&
            c.stack.status !== 'DELETE_COMPLETE',
        );
    if (!cs) throw new AwsError('ChangeSetNotFound', `ChangeSet [${name}] does not exist`, 404);
    this.refresh(cs);
    return cs;
  }

  /** A change set's status from its age: CREATE_PENDING, CREATE_IN_PROGRESS, then CREATE_COMPLETE or FAILED. */
  refresh(cs: ChangeSet): void {
    if (cs.status !== 'CREATE_PENDING' && cs.status !== 'CREATE_IN_PROGRESS') return;
    const age = Date.now() - cs.createdAt.getTime();
    if (age < this.delayMs) cs.status = 'CREATE_PENDING';
    else if (age < 2 * this.delayMs) cs.status = 'CREATE_IN_PROGRESS';
    else if (cs.empty) {
      cs.status = 'FAILED';
      cs.statusReason =
        "The submitted information didn't contain changes. Submit different information to create a change set.";
    } else {
      cs.status = 'CREATE_COMPLETE';
      cs.executionStatus = 'AVAILABLE';
    }
  }
}
