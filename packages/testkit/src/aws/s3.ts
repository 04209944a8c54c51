/**
 * S3 through `s3rver`, a real S3 emulator (https://github.com/jamhall/s3rver), on 127.0.0.1:0. It serves
 * path-style URLs only (`http://127.0.0.1:<port>/<bucket>/<key>`): S3 clients need `forcePathStyle: true`.
 * The CloudFormation stand-in reads `TemplateURL` objects and checks runtime code objects through it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3StandIn } from './types.js';

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;
interface S3rverAccount {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
}

export interface S3StandInOptions {
  directory?: string;
  /**
   * Access key ids s3rver accepts (it answers `InvalidAccessKeyId` to any other; SigV4 signatures themselves are
   * not verified). Default `['AKIDTEST']`. The registry is s3rver's, shared by every instance in the process.
   */
  accessKeyIds?: string[];
}

/** Start s3rver; `directory` defaults to a fresh temp dir that close() removes. */
export async function startS3StandIn(options: S3StandInOptions = {}): Promise<S3StandIn> {
  const S3rver = ((await import('s3rver')) as { default: S3rverClass }).default;
  const accounts = ((await import('s3rver/lib/models/account.js')) as { default: S3rverAccount }).default;
  for (const id of options.accessKeyIds ?? ['AKIDTEST']) accounts.DUMMY_ACCOUNT.createKeyPair(id, 'S3RVER');
  const owned = options.directory === undefined;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'aws-standin-s3-'));
  const srv = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
  const { port } = await srv.run();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    directory,
    close: async () => {
      await srv.close();
      if (owned) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Bucket and key of an S3 object URL in any of AWS's forms (virtual-hosted `https://b.s3.<region>.amazonaws.com/k`,
 * `https://b.s3.amazonaws.com/k`, path-style `https://s3.<region>.amazonaws.com/b/k`), or a path-style URL on one of
 * the stand-in's own S3 endpoints. Undefined for anything else.
 */
export function s3Location(url: string, standInUrls: string[]): { bucket: string; key: string } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const path = decodeURIComponent(u.pathname.slice(1));
  const hosted = /^(.+)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$/.exec(u.hostname);
  if (hosted?.[1] && path) return { bucket: hosted[1], key: path };
  const local = standInUrls.some((s) => new URL(s).origin === u.origin);
  const pathStyle = /^s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$/.test(u.hostname) || local;
  const slash = path.indexOf('/');
  if (pathStyle && slash > 0) return { bucket: path.slice(0, slash), key: path.slice(slash + 1) };
  return undefined;
}

const objectUrl = (standInUrl: string, bucket: string, key: string) =>
  `${standInUrl}/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;

/** The object's body, or undefined when it does not exist. */
export async function s3Get(standInUrl: string, bucket: string, key: string): Promise<string | undefined> {
  const res = await fetch(objectUrl(standInUrl, bucket, key));
  if (!res.ok) return undefined;
  return res.text();
}

export async function s3Exists(standInUrl: string, bucket: string, key: string): Promise<boolean> {
  const res = await fetch(objectUrl(standInUrl, bucket, key), { method: 'HEAD' });
  return res.ok;
}
