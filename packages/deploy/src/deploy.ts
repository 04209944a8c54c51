/**
 * `deploy`: session → (no-op check) → identity providers → code assets → change set → review and confirmation →
 * execute and stream events → deployed state. Each step is idempotent: a run after a failure continues where the
 * last one stopped. On a failed stack operation the deployed state is left as it was.
 */
import { ensureStagingBucket, stagingBucketName, stagingPrefix, uploadOnce } from './assets.js';
import { awsClients, type AwsClients } from './aws/clients.js';
import { callerIdentity, resolveContext, type SessionOptions } from './aws/session.js';
import { probeStack } from './aws/stack-probe.js';
import { createDeployError } from './errors.js';
import { ensureProviders } from './identity.js';
import { deployMessages } from './messages.js';
import { buildPlan, type DeployPlan, type PlanInput } from './plan.js';
import { buildReview, type Review } from './review.js';
import { outputsOf, parametersFor, unchangedLocally } from './outcome.js';
import {
  createChangeSet,
  deleteChangeSet,
  deleteStack,
  describeStack,
  executeChangeSet,
  firstFailure,
  isStable,
  isTerminal,
  stackEventIds,
  waitForStack,
  type StackEvent,
  type StackInfo,
} from './stack.js';
import {
  loadState,
  readMeta,
  writeTargetState,
  type DeployMeta,
  type DeployedOutputs,
  type ProviderRecord,
} from './state.js';
import { canonicalJson, sha256Hex, type Template } from './template.js';

/** CloudFormation's limit for `TemplateBody`; larger templates go through S3 (`TemplateURL`). */
export const TEMPLATE_BODY_LIMIT = 51_200;

export type DeployEvent =
  | { type: 'step'; step: 'session' | 'identity' | 'assets' | 'changeset' | 'execute' | 'state' }
  | { type: 'upload'; runtime: string; key: string; uploaded: boolean }
  | { type: 'notice'; message: string }
  | { type: 'stack'; resource: StackEvent };

export interface DeployOptions extends PlanInput, SessionOptions {
  deployedStateFile: string;
  dryRun?: boolean;
  /** Asked with the review before the change set runs; false cancels (the change set is deleted). */
  confirm: (review: Review) => Promise<boolean>;
  onEvent?: (e: DeployEvent) => void;
  pollMs?: number;
}

export interface DeployResult {
  status: 'deployed' | 'unchanged' | 'cancelled' | 'dry-run';
  stackName: string;
  region: string;
  account: string;
  review: Review;
  uploaded: string[];
  providersChanged: string[];
  outputs?: DeployedOutputs;
}

async function templateLocation(
  clients: AwsClients,
  plan: DeployPlan,
  bucket: string,
  prefix: string,
  region: string,
): Promise<{ templateBody?: string; templateUrl?: string }> {
  if (Buffer.byteLength(plan.templateBody) <= TEMPLATE_BODY_LIMIT) return { templateBody: plan.templateBody };
  const key = `${prefix}templates/${plan.templateHash}.json`;
  await uploadOnce(clients, bucket, key, Buffer.from(plan.templateBody), 'application/json');
  const endpoint = process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
  const base = endpoint ? `${endpoint.replace(/\/$/, '')}/${bucket}` : `https://${bucket}.s3.${region}.amazonaws.com`;
  return { templateUrl: `${base}/${key}` };
}

export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const emit = options.onEvent ?? (() => undefined);
  const pollMs = options.pollMs ?? 5000;
  const plan = buildPlan(options);
  emit({ type: 'step', step: 'session' });
  const context = await resolveContext(options);
  const clients = awsClients(context);
  try {
    const prev = readMeta(await loadState(options.deployedStateFile), options.target);
    const prefix = stagingPrefix(options.project);
    // No-op check first: one DescribeStacks whose stack id (it names account and region) must be the recorded one,
    // and the stack settled. The light request loads no service client; when it cannot tell, the CloudFormation
    // client asks (and its answer serves the rest of the deploy).
    let stack: StackInfo | undefined;
    let described = false;
    if (prev && prev.region === context.region && unchangedLocally(plan, options, prev, prev)) {
      let seen: { stackId: string; status: string } | undefined = await probeStack(context, plan.stackName);
      if (!seen) {
        stack = await describeStack(clients, plan.stackName);
        described = true;
        seen = stack;
      }
      if (seen && seen.stackId === prev.stackId && isStable(seen.status) && seen.status !== 'UPDATE_ROLLBACK_COMPLETE')
        return {
          status: 'unchanged',
          stackName: plan.stackName,
          region: prev.region,
          account: prev.account,
          review: { auth: [], resources: [], replacements: false },
          uploaded: [],
          providersChanged: [],
        };
    }
    const session = await callerIdentity(context);
    const base = { stackName: plan.stackName, region: session.region, account: session.account };
    const bucket = stagingBucketName(session.account, session.region);
    if (!described) stack = await describeStack(clients, plan.stackName);
    if (stack && !isTerminal(stack.status) && !options.dryRun) {
      // An operation still running (e.g. a deploy stopped with Ctrl-C while CloudFormation carried on): follow it
      // to its end, then deploy on top of whatever it left.
      emit({
        type: 'notice',
        message: deployMessages().get('notice.waiting', { stack: plan.stackName, status: stack.status }),
      });
      await waitForStack(clients, stack.stackId, await stackEventIds(clients, stack.stackId), {
        pollMs,
        onEvent: (event) => emit({ type: 'stack', resource: event }),
      });
      stack = await describeStack(clients, plan.stackName);
    }
    if (stack && !isTerminal(stack.status))
      throw createDeployError(
        'ERR_DEPLOY_STACK_BUSY',
        'StackBusy',
        { stack: plan.stackName, status: stack.status },
        { status: stack.status },
      );
    if (options.dryRun) {
      const changes = Object.entries(plan.template.Resources).map(([id, r]) => ({
        action: stack ? deployMessages().get('review.addOrModify') : 'Add',
        logicalId: id,
        type: r.Type,
      }));
      return {
        status: 'dry-run',
        ...base,
        review: buildReview(prev?.auth, plan.snapshot, changes),
        uploaded: [],
        providersChanged: [],
      };
    }

    emit({ type: 'step', step: 'identity' });
    // What the last deploy recorded counts only for the same account and region.
    const here = prev && prev.account === session.account && prev.region === session.region ? prev : undefined;
    const prevFingerprints = Object.fromEntries(
      Object.entries(here?.auth.credentials ?? {}).map(([k, c]) => [k, c.fingerprint]),
    );
    const identity = await ensureProviders(clients, plan.credentials, here?.providers ?? {}, prevFingerprints);

    emit({ type: 'step', step: 'assets' });
    const uploaded: string[] = [];
    // HeadBucket / HeadObject every time something changed: an object deleted by hand is uploaded again.
    if (plan.assets.length > 0 || Buffer.byteLength(plan.templateBody) > TEMPLATE_BODY_LIMIT)
      for (const action of await ensureStagingBucket(clients, bucket, session.region))
        emit({ type: 'notice', message: deployMessages().get('notice.bucketSetting', { bucket, action }) });
    for (const a of plan.assets) {
      const did = await uploadOnce(clients, bucket, a.key, a.zip, 'application/zip');
      if (did) uploaded.push(a.runtime);
      emit({ type: 'upload', runtime: a.runtime, key: a.key, uploaded: did });
    }

    emit({ type: 'step', step: 'changeset' });
    const parameters = parametersFor(plan, options, bucket, identity.providers);
    let current = stack;
    if (current && /^(ROLLBACK_COMPLETE|ROLLBACK_FAILED|CREATE_FAILED|DELETE_FAILED)$/.test(current.status)) {
      // A stack whose creation failed cannot be updated; it is deleted and created again.
      const before = await stackEventIds(clients, current.stackId);
      await deleteStack(clients, current.stackId);
      await waitForStack(clients, current.stackId, before, {
        pollMs,
        onEvent: (event) => emit({ type: 'stack', resource: event }),
      });
      current = undefined;
    }
    const type = current && current.status !== 'REVIEW_IN_PROGRESS' ? 'UPDATE' : 'CREATE';
    const location = await templateLocation(clients, plan, bucket, prefix, session.region);
    const changeSet = await createChangeSet(
      clients,
      {
        stackName: plan.stackName,
        type,
        ...location,
        parameters,
        description: `agentcore deploy of ${options.project}`,
        tags: { 'agentcore:project': options.project },
      },
      pollMs,
    );
    const review = buildReview(prev?.auth, plan.snapshot, changeSet.changes);
    const meta = (stackId: string): DeployMeta => ({
      stackName: plan.stackName,
      stackId,
      account: session.account,
      region: session.region,
      templateHash: plan.templateHash,
      parametersHash: sha256Hex(canonicalJson(parameters)),
      stagingBucket: bucket,
      stagingPrefix: prefix,
      assets: Object.fromEntries(plan.assets.map((a) => [a.runtime, { hash: a.hash, bucket, key: a.key }])),
      providers: identity.providers,
      auth: plan.snapshot,
      resourceHashes: plan.resourceHashes,
      deployedAt: new Date().toISOString(),
    });
    const result = { ...base, review, uploaded, providersChanged: identity.changed };
    if (changeSet.status === 'empty' && current) {
      await deleteChangeSet(clients, plan.stackName, changeSet.id);
      emit({ type: 'step', step: 'state' });
      const outputs = outputsOf(plan, options, current);
      await writeTargetState(options.deployedStateFile, options.target, outputs, meta(current.stackId));
      return { status: 'deployed', ...result, outputs };
    }
    if (!(await options.confirm(review))) {
      await deleteChangeSet(clients, plan.stackName, changeSet.id);
      return { status: 'cancelled', ...result };
    }
    emit({ type: 'step', step: 'execute' });
    // The change set made the stack exist (REVIEW_IN_PROGRESS for a new one): its id and latest events first.
    const stackId = (await describeStack(clients, plan.stackName))?.stackId ?? plan.stackName;
    const before = await stackEventIds(clients, stackId);
    await executeChangeSet(clients, plan.stackName, changeSet.id);
    const end = await waitForStack(clients, stackId, before, {
      pollMs,
      onEvent: (event) => emit({ type: 'stack', resource: event }),
    });
    if (end.status !== 'CREATE_COMPLETE' && end.status !== 'UPDATE_COMPLETE') {
      const failed = firstFailure(end.events);
      throw createDeployError(
        'ERR_DEPLOY_STACK_FAILED',
        'StackFailed',
        {
          stack: plan.stackName,
          resource: failed?.logicalId ?? plan.stackName,
          reason: failed?.reason ?? end.status,
          outcome: end.status,
        },
        {
          stack: plan.stackName,
          status: end.status,
          ...(failed ? { resource: failed.logicalId, resourceType: failed.type, reason: failed.reason } : {}),
        },
      );
    }
    const final = await describeStack(clients, stackId);
    if (!final)
      throw createDeployError('ERR_DEPLOY_AWS', 'Aws', {
        action: 'cloudformation:DescribeStacks',
        reason: deployMessages().get('reason.stackGone'),
      });
    emit({ type: 'step', step: 'state' });
    const outputs = outputsOf(plan, options, final);
    await writeTargetState(options.deployedStateFile, options.target, outputs, meta(final.stackId));
    return { status: 'deployed', ...result, outputs };
  } finally {
    clients.destroy();
  }
}

export type { Template };
