/**
 * A local AWS stand-in for tests: one endpoint on 127.0.0.1 that the real AWS SDK v3 clients talk to unchanged
 * (CloudFormation and STS over AWS Query, AgentCore control over REST-JSON), plus s3rver behind a recording front
 * for S3. See README.md.
 *
 *   const aws = await startAwsStandIn({ progressDelayMs: 10, s3: true });
 *   new CloudFormationClient({ region: 'us-east-1', endpoint: aws.url, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' } });
 *   expect(aws.violations()).toEqual([]);
 *   await aws.close();
 */
import { cloudFormationHandler } from './cloudformation/api.js';
import type { Engine } from './cloudformation/operations.js';
import { Store } from './cloudformation/store.js';
import { controlHandler } from './control.js';
import { IdentityStore } from './identity.js';
import { startServer, type ServerContext } from './server.js';
import { startS3StandIn } from './s3.js';
import { startS3Front, type BucketConfiguration } from './s3-front.js';
import { stsHandler } from './sts.js';
import type { AwsFault, AwsStandIn, AwsStandInOptions, StackSnapshot } from './types.js';

export * from './types.js';
export { startS3StandIn, type S3StandInOptions } from './s3.js';

export async function startAwsStandIn(options: AwsStandInOptions = {}): Promise<AwsStandIn> {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const faults: AwsFault[] = [...(options.faults ?? [])];
  const identity = new IdentityStore(region, accountId);
  const store = new Store(region, accountId, options.progressDelayMs ?? 20);
  const buckets = new Map<string, BucketConfiguration>();
  const engine: Engine = { store, identity, faults: () => faults };

  const stacks = (): StackSnapshot[] => {
    store.advance();
    return store.stacks.map((s) => ({
      name: s.name,
      id: s.id,
      status: s.status,
      ...(s.statusReason ? { statusReason: s.statusReason } : {}),
      template: s.template,
      parameters: { ...s.parameters },
      outputs: Object.fromEntries(Object.entries(s.outputs).map(([k, o]) => [k, o.value])),
      resources: [...s.resources.values()].map((r) => ({
        logicalId: r.logicalId,
        type: r.type,
        physicalId: r.physicalId,
        status: r.status,
        ...(r.statusReason ? { statusReason: r.statusReason } : {}),
        properties: r.properties,
        attributes: { ...r.attributes },
      })),
    }));
  };
  const live = () =>
    stacks()
      .filter((s) => s.status !== 'DELETE_COMPLETE')
      .flatMap((s) => s.resources.filter((r) => r.physicalId && r.status !== 'DELETE_COMPLETE'));
  const control = controlHandler(live);

  const ctx: ServerContext = {
    region,
    accountId,
    faults,
    requests: [],
    violations: [],
    handlers: {
      cloudformation: cloudFormationHandler(engine, options.pageSize ?? 10),
      sts: stsHandler(accountId),
      'bedrock-agentcore': async (op, input) => (await identity.handle(op, input)) ?? control(op, input),
    },
  };
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  let s3Url: string | undefined;
  try {
    if (options.s3) {
      const s3 = await startS3StandIn(options.s3 === true ? {} : options.s3);
      closers.push(s3.close);
      const front = await startS3Front(ctx, s3.url, buckets);
      closers.push(front.close);
      s3Url = front.url;
      Object.assign(engine, { s3Url: s3.url, s3Urls: [s3.url, front.url] });
    }
    const server = await startServer(ctx);
    closers.push(server.close);
    return {
      url: server.url,
      ...(s3Url ? { s3Url } : {}),
      region,
      accountId,
      requests: () => ctx.requests.map((r) => ({ ...r })),
      violations: () => ctx.violations.map((v) => ({ ...v, problems: [...v.problems] })),
      providers: () => identity.snapshot(),
      bucketConfigurations: () => [...buckets.values()].map((b) => ({ ...b })),
      stacks,
      setFault: (fault) => void faults.push(fault),
      clearFaults: () => void faults.splice(0, faults.length),
      close: closeAll,
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}
