/**
 * Assets step: each CodeZip runtime's code location zipped deterministically (see zip.ts, files.ts), keyed by its
 * content hash, uploaded once to the staging bucket `agentcore-staging-<account>-<region>`, which is created on
 * first use with default encryption, all public access blocked and versioning on. HeadObject first: an object
 * already there is not uploaded again.
 */
import { resolve } from 'node:path';
import type { AwsClients } from './aws/clients.js';
import { mapAwsError } from './aws/errors.js';
import { createDeployError } from './errors.js';
import { collectFiles } from './files.js';
import { deployMessages } from './messages.js';
import { sha256Hex } from './template.js';
import { buildZip } from './zip.js';

export interface CodeAsset {
  runtime: string;
  zip: Buffer;
  hash: string;
  key: string;
}

export function stagingBucketName(account: string, region: string): string {
  return `agentcore-staging-${account}-${region}`;
}

export function stagingPrefix(project: string): string {
  return `${project}/`;
}

/** Zip a runtime's code location (relative to the project root) and name its object. Local work only. */
export function packageRuntime(root: string, project: string, runtime: string, codeLocation: string): CodeAsset {
  const dir = resolve(root, codeLocation);
  let zip: Buffer;
  try {
    const files = collectFiles(dir);
    if (files.length === 0) throw new Error(deployMessages().get('reason.noFiles'));
    zip = buildZip(files);
  } catch (err) {
    throw createDeployError(
      'ERR_DEPLOY_ASSET',
      'Asset',
      { runtime, path: codeLocation, reason: (err as Error).message },
      { runtime, codeLocation },
      err,
    );
  }
  const hash = sha256Hex(zip);
  return { runtime, zip, hash, key: `${stagingPrefix(project)}${runtime}/${hash}.zip` };
}

/** sha256 of the zip a runtime's code location makes (what deploy records per runtime); local work only. */
export function codeHash(root: string, codeLocation: string): string | undefined {
  try {
    return sha256Hex(buildZip(collectFiles(resolve(root, codeLocation))));
  } catch {
    return undefined;
  }
}

const missing = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e?.name === 'NotFound' ||
    e?.name === 'NoSuchBucket' ||
    e?.name === 'NoSuchKey' ||
    e?.$metadata?.httpStatusCode === 404
  );
};

/**
 * Answers AWS never gives to these calls, which mean "this S3 endpoint lacks the feature": 501 NotImplemented,
 * 405 MethodNotAllowed, and BucketAlreadyExists to a settings call (s3rver treats `PUT /<bucket>?versioning` as a
 * bucket creation). Only local emulators answer so; against AWS every other failure stays an error.
 */
const notImplemented = (err: unknown) => {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name ?? e?.Code;
  const status = e?.$metadata?.httpStatusCode;
  return (
    name === 'NotImplemented' ||
    name === 'MethodNotAllowed' ||
    name === 'BucketAlreadyExists' ||
    status === 501 ||
    status === 405
  );
};

/**
 * Make sure the staging bucket exists (created with encryption, public access block and versioning). Returns the
 * settings the S3 endpoint answered `NotImplemented` for — never the case on AWS, but local S3 emulators lack some.
 */
export async function ensureStagingBucket(clients: AwsClients, bucket: string, region: string): Promise<string[]> {
  const { sdk, client } = await clients.s3();
  try {
    await client.send(new sdk.HeadBucketCommand({ Bucket: bucket }));
    return [];
  } catch (err) {
    if (!missing(err)) throw mapAwsError(err, 's3:ListBucket');
  }
  const unsupported: string[] = [];
  const step = async (action: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (err) {
      if (action !== 's3:CreateBucket' && notImplemented(err)) unsupported.push(action);
      else throw mapAwsError(err, action);
    }
  };
  await step('s3:CreateBucket', () =>
    client.send(
      new sdk.CreateBucketCommand({
        Bucket: bucket,
        ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
      }),
    ),
  );
  await step('s3:PutEncryptionConfiguration', () =>
    client.send(
      new sdk.PutBucketEncryptionCommand({
        Bucket: bucket,
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      }),
    ),
  );
  await step('s3:PutBucketPublicAccessBlock', () =>
    client.send(
      new sdk.PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
    ),
  );
  await step('s3:PutBucketVersioning', () =>
    client.send(new sdk.PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } })),
  );
  return unsupported;
}

/** Upload unless an object with that key exists. Returns whether it uploaded. */
export async function uploadOnce(
  clients: AwsClients,
  bucket: string,
  key: string,
  body: Buffer,
  contentType: string,
): Promise<boolean> {
  const { sdk, client } = await clients.s3();
  try {
    await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
    return false;
  } catch (err) {
    if (!missing(err)) throw mapAwsError(err, 's3:GetObject');
  }
  try {
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ServerSideEncryption: 'AES256',
      }),
    );
  } catch (err) {
    throw mapAwsError(err, 's3:PutObject');
  }
  return true;
}

/** Delete every object (and every version of it) under `prefix`; the shared bucket stays. */
export async function deleteStagedObjects(clients: AwsClients, bucket: string, prefix: string): Promise<number> {
  const { sdk, client } = await clients.s3();
  const targets: { Key: string; VersionId?: string }[] = [];
  try {
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    do {
      const page = await client.send(
        new sdk.ListObjectVersionsCommand({
          Bucket: bucket,
          Prefix: prefix,
          KeyMarker: keyMarker,
          VersionIdMarker: versionMarker,
        }),
      );
      for (const v of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])])
        if (v.Key)
          targets.push({ Key: v.Key, ...(v.VersionId && v.VersionId !== 'null' ? { VersionId: v.VersionId } : {}) });
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      versionMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (keyMarker);
  } catch (err) {
    if (missing(err)) return 0;
    if (!notImplemented(err)) throw mapAwsError(err, 's3:ListBucketVersions');
    // An endpoint without versioning: plain listing.
    let token: string | undefined;
    do {
      const page = await client
        .send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
        .catch((e: unknown) => {
          throw mapAwsError(e, 's3:ListBucket');
        });
      for (const o of page.Contents ?? []) if (o.Key) targets.push({ Key: o.Key });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
  for (const t of targets) {
    try {
      await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, ...t }));
    } catch (err) {
      if (!missing(err)) throw mapAwsError(err, 's3:DeleteObjectVersion');
    }
  }
  return targets.length;
}
