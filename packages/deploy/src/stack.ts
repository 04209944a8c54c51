/**
 * Stack step over the CloudFormation API: describe the stack, create a change set (CREATE or UPDATE), wait for it,
 * list its changes, execute it and stream the stack's events until the stack settles; delete for `destroy`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html
 */
import type { StackEvent as SdkStackEvent } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from './aws/clients.js';
import { mapAwsError } from './aws/errors.js';
import { deployMessages } from './messages.js';
import type { ResourceChange } from './review.js';

export interface StackInfo {
  stackId: string;
  status: string;
  statusReason?: string;
  outputs: Record<string, string>;
}

export interface StackEvent {
  timestamp: string;
  logicalId: string;
  type: string;
  status: string;
  reason?: string;
}

export interface ChangeSetInfo {
  id: string;
  status: 'ready' | 'empty';
  changes: ResourceChange[];
}

export interface WaitOptions {
  pollMs: number;
  onEvent?: (e: StackEvent) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NO_CHANGES = /didn't contain changes|No updates are to be performed/i;

/** No operation is running: settled, failed, or REVIEW_IN_PROGRESS (a change set waiting, nothing executing). */
export function isTerminal(status: string): boolean {
  return status === 'REVIEW_IN_PROGRESS' || !status.endsWith('_IN_PROGRESS');
}

export function isStable(status: string): boolean {
  return ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE'].includes(status);
}

export async function describeStack(clients: AwsClients, stackName: string): Promise<StackInfo | undefined> {
  const { sdk, client } = await clients.cfn();
  try {
    const r = await client.send(new sdk.DescribeStacksCommand({ StackName: stackName }));
    const s = r.Stacks?.[0];
    if (!s?.StackId || !s.StackStatus) return undefined;
    if (s.StackStatus === 'DELETE_COMPLETE') return undefined;
    return {
      stackId: s.StackId,
      status: s.StackStatus,
      ...(s.StackStatusReason ? { statusReason: s.StackStatusReason } : {}),
      outputs: Object.fromEntries(
        (s.Outputs ?? []).flatMap((o) =>
          o.OutputKey && o.OutputValue !== undefined ? [[o.OutputKey, o.OutputValue]] : [],
        ),
      ),
    };
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'ValidationError' && /does not exist/.test(e.message ?? '')) return undefined;
    throw mapAwsError(err, 'cloudformation:DescribeStacks');
  }
}

export interface ChangeSetInput {
  stackName: string;
  type: 'CREATE' | 'UPDATE';
  templateBody?: string;
  templateUrl?: string;
  parameters: Record<string, string>;
  description: string;
  tags: Record<string, string>;
}

export async function createChangeSet(
  clients: AwsClients,
  input: ChangeSetInput,
  pollMs: number,
): Promise<ChangeSetInfo> {
  const { sdk, client } = await clients.cfn();
  const name = `agentcore-${Date.now()}`;
  let id: string;
  try {
    const r = await client.send(
      new sdk.CreateChangeSetCommand({
        StackName: input.stackName,
        ChangeSetName: name,
        ChangeSetType: input.type,
        ...(input.templateUrl ? { TemplateURL: input.templateUrl } : { TemplateBody: input.templateBody }),
        Parameters: Object.entries(input.parameters)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
        Capabilities: ['CAPABILITY_IAM'],
        Description: input.description,
        Tags: Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    id = r.Id ?? name;
  } catch (err) {
    throw mapAwsError(err, 'cloudformation:CreateChangeSet');
  }
  for (;;) {
    let r;
    try {
      r = await client.send(new sdk.DescribeChangeSetCommand({ ChangeSetName: id, StackName: input.stackName }));
    } catch (err) {
      throw mapAwsError(err, 'cloudformation:DescribeChangeSet');
    }
    const status = r.Status ?? '';
    if (status === 'CREATE_COMPLETE') {
      const changes: ResourceChange[] = (r.Changes ?? []).flatMap((c) => {
        const rc = c.ResourceChange;
        if (!rc?.LogicalResourceId) return [];
        return [
          {
            action: rc.Action ?? 'Modify',
            logicalId: rc.LogicalResourceId,
            type: rc.ResourceType ?? '',
            ...(rc.Replacement ? { replacement: rc.Replacement } : {}),
          },
        ];
      });
      return { id, status: 'ready', changes };
    }
    if (status === 'FAILED') {
      if (NO_CHANGES.test(r.StatusReason ?? '')) return { id, status: 'empty', changes: [] };
      throw mapAwsError(
        Object.assign(new Error(r.StatusReason ?? deployMessages().get('reason.changeSetFailed')), {
          name: 'ChangeSetFailed',
        }),
        'cloudformation:CreateChangeSet',
      );
    }
    await sleep(pollMs);
  }
}

export async function deleteChangeSet(clients: AwsClients, stackName: string, id: string): Promise<void> {
  const { sdk, client } = await clients.cfn();
  await client.send(new sdk.DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: id })).catch(() => undefined);
}

export async function executeChangeSet(clients: AwsClients, stackName: string, id: string): Promise<void> {
  const { sdk, client } = await clients.cfn();
  try {
    await client.send(new sdk.ExecuteChangeSetCommand({ StackName: stackName, ChangeSetName: id }));
  } catch (err) {
    throw mapAwsError(err, 'cloudformation:ExecuteChangeSet');
  }
}

export async function deleteStack(clients: AwsClients, stackName: string): Promise<void> {
  const { sdk, client } = await clients.cfn();
  try {
    await client.send(new sdk.DeleteStackCommand({ StackName: stackName }));
  } catch (err) {
    throw mapAwsError(err, 'cloudformation:DeleteStack');
  }
}

/**
 * The ids of the stack's latest events, taken before an operation starts: {@link waitForStack} skips them, so an
 * earlier operation's final event (e.g. the ROLLBACK_COMPLETE a moment ago) is never taken for this one's. Ids,
 * not timestamps: AWS's clock and ours need not agree.
 */
export async function stackEventIds(clients: AwsClients, stackId: string): Promise<Set<string>> {
  const { sdk, client } = await clients.cfn();
  try {
    const page = await client.send(new sdk.DescribeStackEventsCommand({ StackName: stackId }));
    return new Set((page.StackEvents ?? []).flatMap((e) => (e.EventId ? [e.EventId] : [])));
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'ValidationError' && /does not exist/.test(e.message ?? '')) return new Set();
    throw mapAwsError(err, 'cloudformation:DescribeStackEvents');
  }
}

/**
 * Poll the stack's events, hand each one not in `before` to `onEvent` in order, until the stack's own status is
 * no longer in progress. Returns the new events (oldest first) and the final status.
 */
export async function waitForStack(
  clients: AwsClients,
  stackId: string,
  before: ReadonlySet<string>,
  options: WaitOptions,
): Promise<{ status: string; events: StackEvent[] }> {
  const { sdk, client } = await clients.cfn();
  const seen = new Set<string>(before);
  const events: StackEvent[] = [];
  for (;;) {
    // Newest first, a page at a time: read on until an event already seen, so that a burst of events between two
    // polls (a fast create and rollback) is not cut at the first page.
    const newest: SdkStackEvent[] = [];
    let token: string | undefined;
    do {
      let page;
      try {
        page = await client.send(new sdk.DescribeStackEventsCommand({ StackName: stackId, NextToken: token }));
      } catch (err) {
        throw mapAwsError(err, 'cloudformation:DescribeStackEvents');
      }
      const list = page.StackEvents ?? [];
      const known = list.findIndex((e) => e.EventId !== undefined && seen.has(e.EventId));
      newest.push(...(known === -1 ? list : list.slice(0, known)).filter((e) => e.EventId));
      token = known === -1 ? page.NextToken : undefined;
    } while (token);
    const fresh = newest.reverse();
    let stackStatus: string | undefined;
    for (const e of fresh) {
      seen.add(e.EventId ?? '');
      const event: StackEvent = {
        timestamp: (e.Timestamp ?? new Date()).toISOString(),
        logicalId: e.LogicalResourceId ?? '',
        type: e.ResourceType ?? '',
        status: e.ResourceStatus ?? '',
        ...(e.ResourceStatusReason ? { reason: e.ResourceStatusReason } : {}),
      };
      events.push(event);
      options.onEvent?.(event);
      if (e.ResourceType === 'AWS::CloudFormation::Stack' && e.PhysicalResourceId === stackId)
        stackStatus = event.status;
    }
    if (stackStatus && isTerminal(stackStatus)) return { status: stackStatus, events };
    await sleep(options.pollMs);
  }
}

/** The first resource that failed, with CloudFormation's reason. */
export function firstFailure(events: readonly StackEvent[]): StackEvent | undefined {
  return (
    events.find((e) => e.status.endsWith('_FAILED') && e.type !== 'AWS::CloudFormation::Stack') ??
    events.find((e) => e.status.endsWith('_FAILED'))
  );
}
