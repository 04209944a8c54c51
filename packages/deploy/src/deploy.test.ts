/**
 * The library's deploy() with the real SDK clients against the AWS stand-in and s3rver: a template above
 * CloudFormation's 51,200-byte TemplateBody limit goes through the staging bucket as TemplateURL, and a declined
 * confirmation deletes the change set and executes nothing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAwsStandIn, type AwsStandIn } from '@agentcore/testkit/aws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, TEMPLATE_BODY_LIMIT, type DeployOptions } from './deploy.js';
import type { Template } from './template.js';

const ENV_KEYS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_REGION',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_S3',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
];

function template(envBytes: number): Template {
  const p = (Description: string) => ({ Type: 'String', Description });
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'library test',
    Parameters: { RuntimeACodeBucket: p('bucket'), RuntimeACodeKey: p('key'), RuntimeARoleArn: p('role') },
    Resources: {
      RuntimeA: {
        Type: 'AWS::BedrockAgentCore::Runtime',
        Properties: {
          AgentRuntimeArtifact: {
            CodeConfiguration: {
              Code: { S3: { Bucket: { Ref: 'RuntimeACodeBucket' }, Prefix: { Ref: 'RuntimeACodeKey' } } },
              EntryPoint: ['main.js'],
              Runtime: 'NODE_22',
            },
          },
          AgentRuntimeName: 'Lib_A',
          EnvironmentVariables: { FILLER: 'x'.repeat(envBytes) },
          NetworkConfiguration: { NetworkMode: 'PUBLIC' },
          RoleArn: { Ref: 'RuntimeARoleArn' },
        },
      },
    },
    Outputs: { RuntimeAArn: { Description: 'arn', Value: { 'Fn::GetAtt': ['RuntimeA', 'AgentRuntimeArn'] } } },
  };
}

describe('deploy() against the AWS stand-in', () => {
  let aws: AwsStandIn;
  let saved: Record<string, string | undefined>;
  let root: string;

  beforeAll(async () => {
    aws = await startAwsStandIn({ progressDelayMs: 0, s3: true });
    saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDTEST',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_REGION: aws.region,
      AWS_ENDPOINT_URL: aws.url,
      AWS_ENDPOINT_URL_S3: aws.s3Url,
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    delete process.env.AWS_PROFILE;
    root = mkdtempSync(join(tmpdir(), 'deploy-lib-'));
    mkdirSync(join(root, 'app', 'A'), { recursive: true });
    writeFileSync(join(root, 'app', 'A', 'main.js'), 'console.log("hi");\n');
  });
  afterAll(async () => {
    for (const k of ENV_KEYS)
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    await aws?.close();
  });

  const options = (project: string, envBytes: number, confirm: DeployOptions['confirm']): DeployOptions => ({
    project,
    target: 'default',
    root,
    deployedStateFile: join(root, `${project}-state.json`),
    template: template(envBytes),
    names: { runtimes: { RuntimeA: 'A' }, gateways: {}, targets: {}, credentialParameters: {} },
    runtimes: [{ name: 'A', logicalId: 'RuntimeA', build: 'CodeZip', codeLocation: 'app/A/' }],
    credentials: [],
    fingerprintKey: new Uint8Array(32),
    confirm,
    pollMs: 5,
  });

  it('passes a template above the TemplateBody limit as TemplateURL from the staging bucket', async () => {
    const n = aws.requests().length;
    const result = await deploy(options('Big', TEMPLATE_BODY_LIMIT + 1000, async () => true));
    expect(result.status).toBe('deployed');
    const create = aws
      .requests()
      .slice(n)
      .find((r) => r.operation === 'CreateChangeSet');
    expect(create?.body).toContain('TemplateURL=');
    expect(create?.body).not.toContain('TemplateBody=');
    expect(result.outputs?.runtimes.A?.runtimeArn).toMatch(/runtime\/Lib_A-/);
    expect(aws.violations()).toEqual([]);
  });

  it('a declined confirmation deletes the change set and executes nothing', async () => {
    const n = aws.requests().length;
    let asked = 0;
    const result = await deploy(
      options('Small', 10, async (review) => {
        asked++;
        expect(review.resources.some((l) => l.startsWith('Add RuntimeA'))).toBe(true);
        return false;
      }),
    );
    expect(asked).toBe(1);
    expect(result.status).toBe('cancelled');
    const ops = aws
      .requests()
      .slice(n)
      .map((r) => r.operation);
    expect(ops).toContain('DeleteChangeSet');
    expect(ops).not.toContain('ExecuteChangeSet');
  });

  it('a no-op deploy is found without a service client, and also when only the CloudFormation client can ask', async () => {
    const first = await deploy(options('Noop', 10, async () => true));
    expect(first.status).toBe('deployed');
    // the light DescribeStacks: one read call, nothing else
    let n = aws.requests().length;
    expect((await deploy(options('Noop', 10, async () => true))).status).toBe('unchanged');
    expect(
      aws
        .requests()
        .slice(n)
        .map((r) => [r.operation, r.mutating]),
    ).toEqual([['DescribeStacks', false]]);
    // an endpoint set in the shared config file: the light request leaves it to the client, still one read call
    const dir = mkdtempSync(join(tmpdir(), 'deploy-lib-config-'));
    const saved = { url: process.env.AWS_ENDPOINT_URL, config: process.env.AWS_CONFIG_FILE };
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    writeFileSync(process.env.AWS_CONFIG_FILE, `[default]\nendpoint_url = ${aws.url}\n`);
    delete process.env.AWS_ENDPOINT_URL;
    try {
      n = aws.requests().length;
      expect((await deploy(options('Noop', 10, async () => true))).status).toBe('unchanged');
      expect(
        aws
          .requests()
          .slice(n)
          .map((r) => [r.operation, r.mutating]),
      ).toEqual([['DescribeStacks', false]]);
      expect(aws.violations()).toEqual([]);
    } finally {
      process.env.AWS_ENDPOINT_URL = saved.url;
      if (saved.config === undefined) delete process.env.AWS_CONFIG_FILE;
      else process.env.AWS_CONFIG_FILE = saved.config;
      delete process.env.AWS_SHARED_CREDENTIALS_FILE;
    }
  });

  it('a failed create whose events span several pages still names the failed resource', async () => {
    // everything happens before the first poll, and DescribeStackEvents answers 2 events a page
    const paged = await startAwsStandIn({ progressDelayMs: 0, pageSize: 2, s3: true });
    const saved = { url: process.env.AWS_ENDPOINT_URL, s3: process.env.AWS_ENDPOINT_URL_S3 };
    process.env.AWS_ENDPOINT_URL = paged.url;
    process.env.AWS_ENDPOINT_URL_S3 = paged.s3Url;
    try {
      paged.setFault({ kind: 'resource-failure', logicalId: 'RuntimeA', reason: 'Injected failure' });
      const failed = (await deploy(options('Paged', 10, async () => true)).catch((e: unknown) => e)) as Error & {
        code?: string;
        details?: Record<string, unknown>;
      };
      expect(failed.code).toBe('ERR_DEPLOY_STACK_FAILED');
      expect(failed.message).toContain('RuntimeA: Injected failure');
      expect(failed.details?.resource).toBe('RuntimeA');
      expect(paged.violations()).toEqual([]);
    } finally {
      process.env.AWS_ENDPOINT_URL = saved.url;
      process.env.AWS_ENDPOINT_URL_S3 = saved.s3;
      await paged.close();
    }
  }, 60_000);

  it('right after a failed create, the next deploy deletes the rolled-back stack and creates it again', async () => {
    // stack steps that take time (200 ms each), as on AWS: the delete is not over the moment it is asked for
    const slow = await startAwsStandIn({ progressDelayMs: 200, s3: true });
    const saved = { url: process.env.AWS_ENDPOINT_URL, s3: process.env.AWS_ENDPOINT_URL_S3 };
    process.env.AWS_ENDPOINT_URL = slow.url;
    process.env.AWS_ENDPOINT_URL_S3 = slow.s3Url;
    const aws = slow;
    try {
      aws.setFault({ kind: 'resource-failure', logicalId: 'RuntimeA', reason: 'Injected failure' });
      const failed = await deploy(options('Retry', 10, async () => true)).catch(
        (e: unknown) => e as Error & { code: string },
      );
      expect((failed as { code?: string }).code).toBe('ERR_DEPLOY_STACK_FAILED');
      expect((failed as Error).message).toContain('Rollback outcome: ROLLBACK_COMPLETE');
      aws.clearFaults();
      // at once: the ROLLBACK_COMPLETE event just written must not be taken for the end of the delete or the create
      const result = await deploy(options('Retry', 10, async () => true));
      expect(result.status).toBe('deployed');
      const live = aws.stacks().filter((st) => st.name === 'agentcore-Retry' && st.status !== 'DELETE_COMPLETE');
      expect(live.map((st) => st.status)).toEqual(['CREATE_COMPLETE']);
      expect(aws.violations()).toEqual([]);
    } finally {
      process.env.AWS_ENDPOINT_URL = saved.url;
      process.env.AWS_ENDPOINT_URL_S3 = saved.s3;
      await slow.close();
    }
  }, 60_000);
});
