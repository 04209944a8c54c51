/**
 * The light DescribeStacks of a no-op deploy: which endpoints it takes on itself (and which it leaves to the SDK
 * client), how it reads the answer, and the real request against the AWS stand-in (checked against the
 * CloudFormation model, SigV4 present and for the right region).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAwsStandIn, type AwsStandIn } from '@agentcore/testkit/aws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CloudFormationClient, CreateChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { resolveContext } from './session.js';
import { parseDescribeStacks, PROBE_MAX_BYTES, probeEndpoint, probeStack, Sha256 } from './stack-probe.js';

const KEYS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_REGION',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_CLOUDFORMATION',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_USE_FIPS_ENDPOINT',
  'AWS_USE_DUALSTACK_ENDPOINT',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONFIG_FILE',
  'AWS_EC2_METADATA_DISABLED',
];
let saved: Record<string, string | undefined>;
let configFile: string;

beforeAll(() => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
});
beforeEach(() => {
  for (const k of KEYS) delete process.env[k];
  const dir = mkdtempSync(join(tmpdir(), 'deploy-probe-'));
  configFile = join(dir, 'config');
  process.env.AWS_CONFIG_FILE = configFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  writeFileSync(
    configFile,
    [
      '[profile custom]',
      'endpoint_url = https://proxy.example.com',
      '[profile fips]',
      'use_fips_endpoint = true',
      '[profile plain]',
      'region = eu-west-1',
      '',
    ].join('\n'),
  );
});
afterAll(() => {
  for (const k of KEYS)
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
});

describe('probeEndpoint', () => {
  it('the standard aws partition: cloudformation.<region>.amazonaws.com', async () => {
    expect(await probeEndpoint('eu-west-1', undefined, {})).toBe('https://cloudformation.eu-west-1.amazonaws.com');
    expect(await probeEndpoint('eu-west-1', 'plain', {})).toBe('https://cloudformation.eu-west-1.amazonaws.com');
  });

  it('AWS_ENDPOINT_URL_CLOUDFORMATION before AWS_ENDPOINT_URL, neither with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', async () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_CLOUDFORMATION: 'http://127.0.0.1:2' };
    expect(await probeEndpoint('us-east-1', undefined, env)).toBe('http://127.0.0.1:2');
    expect(await probeEndpoint('us-east-1', undefined, { AWS_ENDPOINT_URL: 'http://127.0.0.1:1' })).toBe(
      'http://127.0.0.1:1',
    );
    expect(await probeEndpoint('us-east-1', undefined, { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' })).toBe(
      'https://cloudformation.us-east-1.amazonaws.com',
    );
  });

  it('leaves every other case to the SDK client', async () => {
    for (const region of ['cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'eu-isoe-west-1x'])
      expect(await probeEndpoint(region, undefined, {}), region).toBeUndefined();
    expect(await probeEndpoint('us-east-1', undefined, { AWS_USE_FIPS_ENDPOINT: 'true' })).toBeUndefined();
    expect(await probeEndpoint('us-east-1', undefined, { AWS_USE_DUALSTACK_ENDPOINT: 'TRUE' })).toBeUndefined();
    expect(await probeEndpoint('us-east-1', 'custom', {})).toBeUndefined();
    expect(await probeEndpoint('us-east-1', 'fips', {})).toBeUndefined();
    // AWS_PROFILE picks the profile as the SDK does
    process.env.AWS_PROFILE = 'custom';
    expect(await probeEndpoint('us-east-1', undefined, {})).toBeUndefined();
  });
});

describe('Sha256 (the signer’s hash)', () => {
  const hex = async (h: Sha256) => Buffer.from(await h.digest()).toString('hex');
  it('SHA-256 and HMAC-SHA256 test vectors (FIPS 180-2 "abc", RFC 4231 case 2)', async () => {
    const sha = new Sha256();
    sha.update('ab');
    sha.update(new TextEncoder().encode('c'));
    expect(await hex(sha)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const hmac = new Sha256(new TextEncoder().encode('Jefe').buffer);
    hmac.update('what do ya want for nothing?');
    expect(await hex(hmac)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('parseDescribeStacks', () => {
  const answer = (members: string) =>
    `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks>${members}</Stacks></DescribeStacksResult></DescribeStacksResponse>`;
  const member = (id: string, status: string) =>
    `<member><StackName>s</StackName><StackId>${id}</StackId><StackStatus>${status}</StackStatus><Outputs><member><OutputKey>K</OutputKey><OutputValue>&lt;v&gt;</OutputValue></member></Outputs></member>`;

  it('reads the one stack’s id and status (entities decoded)', () => {
    expect(
      parseDescribeStacks(answer(member('arn:aws:cloudformation:x:1:stack/s/a&amp;b', 'UPDATE_COMPLETE'))),
    ).toEqual({ stackId: 'arn:aws:cloudformation:x:1:stack/s/a&b', status: 'UPDATE_COMPLETE' });
  });

  it('anything but exactly one stack in a DescribeStacksResponse is not an answer', () => {
    expect(parseDescribeStacks(answer(''))).toBeUndefined();
    expect(
      parseDescribeStacks(answer(member('a', 'CREATE_COMPLETE') + member('b', 'CREATE_COMPLETE'))),
    ).toBeUndefined();
    expect(
      parseDescribeStacks('<ErrorResponse><Error><Code>Throttling</Code></Error></ErrorResponse>'),
    ).toBeUndefined();
    expect(parseDescribeStacks(answer('<member><StackId>a</StackId></member>'))).toBeUndefined();
  });
});

describe('probeStack against the AWS stand-in', () => {
  let aws: AwsStandIn;
  beforeAll(async () => {
    aws = await startAwsStandIn({ progressDelayMs: 0 });
  });
  afterAll(() => aws?.close());
  beforeEach(() => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDTEST',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_REGION: aws.region,
      AWS_ENDPOINT_URL: aws.url,
    });
  });

  it('one signed DescribeStacks, as the CloudFormation client would send it; the stack’s id and status', async () => {
    const context = await resolveContext({});
    const cfn = new CloudFormationClient(context.clientConfig);
    const trust = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'bedrock-agentcore.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    };
    const template = {
      Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust } } },
    };
    const created = await cfn.send(
      // a CREATE change set makes the stack exist (REVIEW_IN_PROGRESS)
      new CreateChangeSetCommand({
        StackName: 'probe-me',
        ChangeSetName: 'probe',
        ChangeSetType: 'CREATE',
        TemplateBody: JSON.stringify(template),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    cfn.destroy();
    const before = aws.requests().length;
    const probed = await probeStack(context, 'probe-me');
    const live = aws.stacks().find((s) => s.name === 'probe-me');
    expect(probed).toEqual({ stackId: created.StackId, status: live?.status });
    const calls = aws.requests().slice(before);
    expect(calls.map((c) => [c.service, c.operation, c.mutating, c.accessKeyId])).toEqual([
      ['cloudformation', 'DescribeStacks', false, 'AKIDTEST'],
    ]);
    expect(aws.violations()).toEqual([]);
  });

  it('a stack that does not exist, or an answer that is an error, leaves the question to the SDK client', async () => {
    const context = await resolveContext({});
    expect(await probeStack(context, 'no-such-stack')).toBeUndefined();
    aws.setFault({ kind: 'expired-token', accessKeyId: 'AKIDTEST' });
    try {
      expect(await probeStack(context, 'probe-me')).toBeUndefined();
    } finally {
      aws.clearFaults();
    }
  });

  it('an answer larger than the cap is not read whole: undefined, and the connection is closed', async () => {
    const limit = PROBE_MAX_BYTES * 4;
    let sent = 0;
    let closed!: () => void;
    const whenClosed = new Promise<void>((r) => (closed = r));
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write('<DescribeStacksResponse><StackId>');
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (sent <= limit && res.write(chunk)) sent += chunk.length;
        if (sent <= limit) res.once('drain', pump);
        else res.end();
      };
      res.on('close', closed);
      pump();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await probeStack(await resolveContext({}), 'probe-me')).toBeUndefined();
      await whenClosed;
      expect(sent).toBeLessThan(limit);
    } finally {
      server.close();
    }
  });

  it('an endpoint that does not answer: undefined, not an error', async () => {
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9'; // discard port: nothing listens
    expect(await probeStack(await resolveContext({}), 'probe-me')).toBeUndefined();
  });
});
