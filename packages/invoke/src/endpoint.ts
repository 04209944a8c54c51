/**
 * Pure: turn an invoke target into the URL to POST to (the InvokeAgentRuntime data-plane path). Partition-aware for
 * runtime ARNs.
 */
import { InvokeError } from './errors.js';
import { invokeMessages } from './messages.js';

export type InvokeTarget =
  /** A deployed AgentCore runtime, by ARN. `region` defaults to the ARN's; `qualifier` is the endpoint name (AWS default `DEFAULT`). */
  | { kind: 'runtime'; arn: string; region?: string; qualifier?: string }
  /** Any base URL, e.g. `agentcore dev`'s local runtime; `/invocations` is appended when the URL has no path. */
  | { kind: 'url'; url: string };

/** DNS suffix per AWS partition (from the AWS SDK's partitions table). */
export const PARTITION_DNS_SUFFIX: Readonly<Record<string, string>> = {
  aws: 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
  'aws-us-gov': 'amazonaws.com',
  'aws-iso': 'c2s.ic.gov',
  'aws-iso-b': 'sc2s.sgov.gov',
  'aws-iso-e': 'cloud.adc-e.uk',
  'aws-iso-f': 'csp.hci.ic.gov',
  'aws-eusc': 'amazonaws.eu',
};

const ARN_PATTERN = /^arn:([a-z-]+):bedrock-agentcore:([a-z0-9-]+):(\d{12}):runtime\/.+$/;

export interface ParsedRuntimeArn {
  partition: string;
  region: string;
  accountId: string;
}

export function parseRuntimeArn(arn: string): ParsedRuntimeArn {
  const m = ARN_PATTERN.exec(arn);
  if (!m?.[1] || !m[2] || !m[3]) {
    throw new InvokeError('ERR_INVOKE_TARGET', invokeMessages().get('error.NotRuntimeArn', { arn }), {
      actions: invokeMessages().list('error.NotRuntimeArn.actions'),
      details: { arn },
    });
  }
  return { partition: m[1], region: m[2], accountId: m[3] };
}

/** `https://bedrock-agentcore.<region>.<dnsSuffix>/runtimes/<encoded ARN>/invocations[?qualifier=…]`. */
export function runtimeInvocationUrl(arn: string, options: { region?: string; qualifier?: string } = {}): string {
  const parsed = parseRuntimeArn(arn);
  const suffix = PARTITION_DNS_SUFFIX[parsed.partition];
  if (!suffix) {
    const values = { partition: parsed.partition, arn, partitions: Object.keys(PARTITION_DNS_SUFFIX).join(', ') };
    throw new InvokeError('ERR_INVOKE_TARGET', invokeMessages().get('error.UnknownPartition', values), {
      actions: invokeMessages().list('error.UnknownPartition.actions', values),
      details: { arn, partition: parsed.partition },
    });
  }
  const url = new URL(
    `https://bedrock-agentcore.${options.region ?? parsed.region}.${suffix}/runtimes/${encodeURIComponent(arn)}/invocations`,
  );
  if (options.qualifier) url.searchParams.set('qualifier', options.qualifier);
  return url.toString();
}

export function resolveInvokeUrl(target: InvokeTarget): string {
  if (target.kind === 'runtime') return runtimeInvocationUrl(target.arn, target);
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    throw new InvokeError('ERR_INVOKE_TARGET', invokeMessages().get('error.NotUrl', { url: target.url }), {
      actions: invokeMessages().list('error.NotUrl.actions'),
      details: { url: target.url },
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvokeError('ERR_INVOKE_TARGET', invokeMessages().get('error.NotHttpUrl', { url: target.url }), {
      actions: invokeMessages().list('error.NotHttpUrl.actions'),
      details: { url: target.url },
    });
  }
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/invocations';
  return url.toString();
}

/** The region of a URL like `https://bedrock-agentcore.us-east-1.amazonaws.com/…`, if it has one. */
export function regionOfEndpoint(url: string): string | undefined {
  return /^bedrock-agentcore\.([a-z0-9-]+)\./.exec(new URL(url).hostname)?.[1];
}
