/**
 * One CloudFormation DescribeStacks without the CloudFormation client: the request the client would send (AWS
 * Query protocol, POST form body, `Version=2010-05-15`), signed with the SDK's own SigV4 signer and the context's
 * credential chain, and only the stack's id and status read from the answer. A no-op deploy needs nothing more,
 * and this saves it loading the client (most of the SDK a deploy would otherwise load for that one call).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/Query-Requests.html
 *
 * It answers only when it is sure; in every other case it returns `undefined` and the caller asks through the
 * SDK client (which has the retries, the endpoint rules and the error mapping): an endpoint configured in the
 * shared config files (`endpoint_url`, `services`), FIPS or dual-stack endpoints, a region outside the standard
 * `aws` partition, any answer but 200 with a stack in it, a network error or a slow answer.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { AwsContext } from './session.js';

export interface ProbedStack {
  stackId: string;
  status: string;
}

/** How long the probe waits for an answer before leaving the question to the SDK client. */
export const PROBE_TIMEOUT_MS = 3000;
/** The largest answer the probe reads; a larger one is left to the SDK client. */
export const PROBE_MAX_BYTES = 1024 * 1024;

/** Regions of the standard `aws` partition, whose CloudFormation endpoint is `cloudformation.<region>.amazonaws.com`. */
const AWS_PARTITION_REGION = /^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d+$/;
const TRUE = /^true$/i;

/** Settings of the profile (config and credentials files) that change which endpoint a client uses. */
const ENDPOINT_SETTINGS = [
  'endpoint_url',
  'services',
  'use_fips_endpoint',
  'use_dualstack_endpoint',
  'ignore_configured_endpoint_urls',
];

/** The endpoint the CloudFormation client would use, when it is one of the plain cases; else undefined. */
export async function probeEndpoint(
  region: string,
  profile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (TRUE.test(env.AWS_USE_FIPS_ENDPOINT ?? '') || TRUE.test(env.AWS_USE_DUALSTACK_ENDPOINT ?? '')) return undefined;
  const config = await import('@smithy/core/config');
  const profileSettings = config.loadConfig<boolean>(
    {
      environmentVariableSelector: () => undefined,
      configFileSelector: (p) => ENDPOINT_SETTINGS.some((k) => p[k] !== undefined),
      default: false,
    },
    profile ? { profile } : {},
  );
  if (await profileSettings().catch(() => true)) return undefined;
  if (!TRUE.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '')) {
    const configured = env.AWS_ENDPOINT_URL_CLOUDFORMATION || env.AWS_ENDPOINT_URL;
    if (configured) return configured;
  }
  return AWS_PARTITION_REGION.test(region) ? `https://cloudformation.${region}.amazonaws.com` : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const text = (xml: string, tag: string) =>
  new RegExp(`<${tag}>([^<]*)</${tag}>`)
    .exec(xml)?.[1]
    ?.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');

/** The stack's id and status from a DescribeStacksResponse, or undefined when it does not hold exactly one stack. */
export function parseDescribeStacks(xml: string): ProbedStack | undefined {
  if (!xml.includes('<DescribeStacksResponse')) return undefined;
  const members = xml.split('<StackId>').length - 1;
  const stackId = text(xml, 'StackId');
  const status = text(xml, 'StackStatus');
  return members === 1 && stackId && status ? { stackId, status } : undefined;
}

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData): string | Uint8Array =>
  typeof d === 'string'
    ? d
    : ArrayBuffer.isView(d)
      ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength)
      : new Uint8Array(d);

/** SHA-256 (HMAC-SHA256 with a secret) from node:crypto, in the shape the SigV4 signer takes. */
export class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

async function send(url: URL, headers: Record<string, string>, body: string): Promise<string | undefined> {
  // getBuiltinModule, not import(): the ESM view of node:http reads every export, undici's lazy ones included.
  const { request } = process.getBuiltinModule(url.protocol === 'https:' ? 'node:https' : 'node:http');
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers, timeout: PROBE_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        // One stack's description is a few KB; anything this large is not an answer to trust.
        if (size > PROBE_MAX_BYTES) {
          req.destroy();
          resolve(undefined);
        } else chunks.push(c);
      });
      res.on('end', () => resolve(res.statusCode === 200 ? Buffer.concat(chunks).toString('utf8') : undefined));
      res.on('error', () => resolve(undefined));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end(body);
  });
}

/** DescribeStacks for `stackName`; undefined when the SDK client should be asked instead (see above). */
export async function probeStack(context: AwsContext, stackName: string): Promise<ProbedStack | undefined> {
  const endpoint = await probeEndpoint(context.region, context.profile);
  if (!endpoint) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const { SignatureV4 } = await import('@smithy/signature-v4');
  const body = new URLSearchParams({
    Action: 'DescribeStacks',
    Version: '2010-05-15',
    StackName: stackName,
  }).toString();
  const signer = new SignatureV4({
    service: 'cloudformation',
    region: context.region,
    credentials: context.clientConfig.credentials,
    sha256: Sha256,
  });
  let headers: Record<string, string>;
  try {
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname || '/',
      query: {},
      headers: {
        host: url.host,
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
    });
    headers = signed.headers;
  } catch {
    return undefined;
  }
  const xml = await send(url, headers, body);
  return xml === undefined ? undefined : parseDescribeStacks(xml);
}
