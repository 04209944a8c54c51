import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  GetBucketEncryptionCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutBucketEncryptionCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import {
  CreateChangeSetCommand,
  DescribeStackEventsCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { existsSync } from 'node:fs';
import { s3Location } from './s3.js';
import { startAwsStandIn, startS3StandIn, type AwsStandIn } from './index.js';
import { clients, rejection } from './test/clients.js';
import { projectTemplate, waitForChangeSet, waitForStack } from './test/stack.js';

describe('AWS stand-in with s3rver: TemplateURL and runtime code objects', () => {
  let aws: AwsStandIn;
  beforeAll(async () => {
    aws = await startAwsStandIn({ progressDelayMs: 1, s3: true });
  });
  afterAll(async () => {
    await aws.close();
  });

  async function createFromUrl(StackName: string, template: unknown) {
    const { cfn, s3 } = clients(aws);
    await s3.send(
      new PutObjectCommand({ Bucket: 'staging', Key: `templates/${StackName}.json`, Body: JSON.stringify(template) }),
    );
    const TemplateURL = `https://staging.s3.us-east-1.amazonaws.com/templates/${StackName}.json`;
    await cfn.send(
      new CreateChangeSetCommand({
        StackName,
        ChangeSetName: 'c',
        ChangeSetType: 'CREATE',
        TemplateURL,
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    expect((await waitForChangeSet(cfn, StackName, 'c')).Status).toBe('CREATE_COMPLETE');
    await cfn.send(new ExecuteChangeSetCommand({ StackName, ChangeSetName: 'c' }));
    return waitForStack(cfn, StackName);
  }

  it('reads a TemplateURL object and creates a runtime whose code object exists', async () => {
    const { s3 } = clients(aws);
    await s3.send(new CreateBucketCommand({ Bucket: 'staging' }));
    await s3.send(new PutObjectCommand({ Bucket: 'staging', Key: 'code/abc.zip', Body: 'zip' }));
    const { stack } = await createFromUrl(
      'WithCode',
      projectTemplate({ s3: { bucket: 'staging', key: 'code/abc.zip' } }),
    );
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    expect(aws.violations()).toEqual([]);
  });

  it('fails a runtime whose code object is missing, with an S3 reason, and rolls back', async () => {
    const { cfn } = clients(aws);
    const { stack } = await createFromUrl(
      'NoCode',
      projectTemplate({ s3: { bucket: 'staging', key: 'code/missing.zip' } }),
    );
    expect(stack?.StackStatus).toBe('ROLLBACK_COMPLETE');
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: stack?.StackId }))).StackEvents ?? [];
    const failed = events.find((e) => e.ResourceStatus === 'CREATE_FAILED');
    expect(failed?.LogicalResourceId).toBe('EchoAgent');
    expect(failed?.ResourceStatusReason).toContain('s3://staging/code/missing.zip does not exist');
  });

  it('answers a TemplateURL to a missing object as AWS does', async () => {
    const { cfn } = clients(aws);
    const err = await rejection(
      cfn.send(
        new CreateChangeSetCommand({
          StackName: 'X',
          ChangeSetName: 'c',
          ChangeSetType: 'CREATE',
          TemplateURL: `${aws.s3Url}/staging/nope.json`,
        }),
      ),
    );
    expect(err.message).toMatch(/^S3 error: Access Denied/);
  });

  it('records S3 requests and keeps the bucket configurations s3rver lacks (encryption, public access block, versioning)', async () => {
    const { s3 } = clients(aws);
    const Bucket = 'config-bucket';
    await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket,
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }],
        },
      }),
    );
    const block = {
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    };
    await s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: block }));
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status).toBe('Enabled');
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration).toEqual(block);
    const sse = await s3.send(new GetBucketEncryptionCommand({ Bucket }));
    expect(sse.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe(
      'aws:kms',
    );
    expect(aws.bucketConfigurations().find((b) => b.bucket === Bucket)?.encryption).toContain('aws:kms');
    const missing = await rejection(
      s3.send(
        new PutBucketVersioningCommand({ Bucket: 'no-such-bucket', VersioningConfiguration: { Status: 'Enabled' } }),
      ),
    );
    expect(missing.name).toBe('NoSuchBucket');

    await s3.send(new PutObjectCommand({ Bucket, Key: 'code/a.zip', Body: 'zip-bytes' }));
    await s3.send(new HeadObjectCommand({ Bucket, Key: 'code/a.zip' }));
    const log = aws.requests().filter((r) => r.service === 's3' && r.path.startsWith(`/${Bucket}`));
    expect(log.map((r) => [r.operation, r.mutating])).toEqual([
      ['CreateBucket', true],
      ['PutBucketEncryption', true],
      ['PutPublicAccessBlock', true],
      ['PutBucketVersioning', true],
      ['GetBucketVersioning', false],
      ['GetPublicAccessBlock', false],
      ['GetBucketEncryption', false],
      ['PutObject', true],
      ['HeadObject', false],
    ]);
    expect(log.find((r) => r.operation === 'PutObject')?.body).toContain('zip-bytes');
  });

  it('answers S3 faults in S3 error shape', async () => {
    const { s3 } = clients(aws);
    aws.setFault({ kind: 'access-denied', action: 's3:PutObject' });
    aws.setFault({ kind: 'expired-token', accessKeyId: 'AKIDEXPIRED' });
    try {
      const denied = await rejection(s3.send(new PutObjectCommand({ Bucket: 'staging', Key: 'x', Body: 'y' })));
      expect(denied.name).toBe('AccessDenied');
      expect(denied.message).toContain('is not authorized to perform: s3:PutObject');
      const expired = await rejection(
        clients(aws, 'AKIDEXPIRED').s3.send(new HeadBucketCommand({ Bucket: 'staging' })),
      );
      expect(expired.$metadata?.httpStatusCode).toBe(400);
    } finally {
      aws.clearFaults();
    }
  });

  it('understands the S3 URL forms', () => {
    const local = ['http://127.0.0.1:4569'];
    expect(s3Location('https://b.s3.us-east-1.amazonaws.com/a/b.json', local)).toEqual({
      bucket: 'b',
      key: 'a/b.json',
    });
    expect(s3Location('https://b.s3.amazonaws.com/k', local)).toEqual({ bucket: 'b', key: 'k' });
    expect(s3Location('https://s3.eu-west-1.amazonaws.com/b/k', local)).toEqual({ bucket: 'b', key: 'k' });
    expect(s3Location('http://127.0.0.1:4569/b/k/x', local)).toEqual({ bucket: 'b', key: 'k/x' });
    expect(s3Location('https://example.com/b/k', local)).toBeUndefined();
  });

  it('startS3StandIn removes the directory it created and stops listening on close', async () => {
    const s3rver = await startS3StandIn();
    expect(existsSync(s3rver.directory)).toBe(true);
    expect((await fetch(`${s3rver.url}/`)).status).toBeLessThan(500);
    await s3rver.close();
    expect(existsSync(s3rver.directory)).toBe(false);
    expect(
      await fetch(`${s3rver.url}/`).then(
        () => 'open',
        () => 'closed',
      ),
    ).toBe('closed');
  });
});
