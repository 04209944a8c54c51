/**
 * A thin front for s3rver: it records every S3 request in the stand-in's request log (operation named from the REST
 * route, https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html), checks the
 * SigV4 scope (`s3`, the stand-in's region), applies AccessDenied / ExpiredToken faults in S3's XML error shape, and
 * answers the bucket configuration calls s3rver lacks (`?encryption`, `?publicAccessBlock`, `?versioning`) from its
 * own store. Everything else is forwarded to s3rver unchanged.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { accessDeniedMessage, credentialScope, readBody, type ServerContext } from './server.js';

export interface BucketConfiguration {
  bucket: string;
  /** Raw XML bodies as received. */
  encryption?: string;
  publicAccessBlock?: string;
  versioning?: string;
}

const CONFIGS = ['encryption', 'publicAccessBlock', 'versioning'] as const;
type ConfigName = (typeof CONFIGS)[number];
const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The S3 operation a REST request names. */
export function s3Operation(method: string, url: URL, headers: http.IncomingHttpHeaders): string {
  const [bucket, ...rest] = url.pathname.slice(1).split('/');
  const q = url.searchParams;
  const sub = CONFIGS.find((c) => q.has(c)) ?? (q.has('delete') ? 'delete' : undefined);
  if (!bucket) return 'ListBuckets';
  if (rest.join('/') === '') {
    if (sub === 'delete') return 'DeleteObjects';
    if (sub)
      return `${{ GET: 'Get', PUT: 'Put', DELETE: 'Delete' }[method] ?? method}${sub === 'encryption' ? 'BucketEncryption' : sub === 'versioning' ? 'BucketVersioning' : 'PublicAccessBlock'}`;
    if (method === 'GET') return q.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
    return { PUT: 'CreateBucket', HEAD: 'HeadBucket', DELETE: 'DeleteBucket' }[method] ?? `${method} bucket`;
  }
  if (q.has('uploads')) return 'CreateMultipartUpload';
  if (q.has('partNumber')) return 'UploadPart';
  if (q.has('uploadId'))
    return method === 'POST' ? 'CompleteMultipartUpload' : method === 'DELETE' ? 'AbortMultipartUpload' : 'ListParts';
  if (method === 'PUT') return headers['x-amz-copy-source'] ? 'CopyObject' : 'PutObject';
  return { GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' }[method] ?? `${method} object`;
}

function xmlError(res: http.ServerResponse, status: number, code: string, message: string): number {
  const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>${randomUUID()}</RequestId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml' }).end(body);
  return status;
}

export async function startS3Front(ctx: ServerContext, upstream: string, configs: Map<string, BucketConfiguration>) {
  const up = new URL(upstream);
  const forward = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) =>
    new Promise<number>((resolve, reject) => {
      const out = http.request(
        {
          host: up.hostname,
          port: up.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: up.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', () => resolve(answer.statusCode ?? 502));
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const configuration = async (
    bucket: string,
    name: ConfigName,
    method: string,
    body: Buffer,
    res: http.ServerResponse,
  ) => {
    const exists = await fetch(`${upstream}/${encodeURIComponent(bucket)}`, { method: 'HEAD' });
    if (!exists.ok) return xmlError(res, 404, 'NoSuchBucket', 'The specified bucket does not exist');
    const entry = configs.get(bucket) ?? { bucket };
    configs.set(bucket, entry);
    if (method === 'PUT') {
      entry[name] = body.toString('utf8');
      res.writeHead(200).end();
      return 200;
    }
    if (method === 'DELETE') {
      delete entry[name];
      res.writeHead(204).end();
      return 204;
    }
    const stored = entry[name];
    const fallback = {
      // Buckets are encrypted with SSE-S3 by default: https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
      encryption: `<ServerSideEncryptionConfiguration xmlns="${NS}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
      versioning: `<VersioningConfiguration xmlns="${NS}"/>`,
      publicAccessBlock: undefined,
    }[name];
    const xml = stored ?? fallback;
    if (xml === undefined)
      return xmlError(
        res,
        404,
        'NoSuchPublicAccessBlockConfiguration',
        'The public access block configuration was not found',
      );
    res.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
    return 200;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const body = Buffer.from(await readBody(req, 'latin1'), 'latin1');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const operation = s3Operation(method, url, req.headers);
    const scope = credentialScope(req.headers.authorization);
    const entry = {
      service: 's3' as const,
      operation,
      mutating: !['GET', 'HEAD'].includes(method),
      method,
      path: url.pathname,
      body: body.toString('utf8'),
      ...(scope ? { accessKeyId: scope.accessKeyId } : {}),
      status: 0,
    };
    ctx.requests.push(entry);
    const problems = !scope
      ? ['no SigV4 Authorization header (AWS4-HMAC-SHA256 Credential=…/aws4_request)']
      : [
          ...(scope.service === 's3' ? [] : [`SigV4 scope names service ${scope.service}, expected s3`]),
          ...(scope.region === ctx.region ? [] : [`SigV4 scope names region ${scope.region}, expected ${ctx.region}`]),
        ];
    if (problems.length) {
      ctx.violations.push({ service: 's3', operation, problems });
      entry.status = xmlError(res, 403, scope ? 'AuthorizationHeaderMalformed' : 'AccessDenied', problems[0] ?? '');
      return;
    }
    for (const f of ctx.faults) {
      if (f.kind === 'expired-token' && f.accessKeyId === scope?.accessKeyId) {
        entry.status = xmlError(res, 400, 'ExpiredToken', 'The provided token has expired.');
        return;
      }
      if (f.kind === 'access-denied' && f.action === `s3:${operation}`) {
        entry.status = xmlError(res, 403, 'AccessDenied', accessDeniedMessage(ctx, f.action, f.principalArn));
        return;
      }
    }
    const [bucket, ...key] = url.pathname.slice(1).split('/');
    const config = CONFIGS.find((c) => url.searchParams.has(c));
    if (bucket && key.join('/') === '' && config)
      entry.status = await configuration(decodeURIComponent(bucket), config, method, body, res);
    else entry.status = await forward(req, body, res);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) xmlError(res, 500, 'InternalError', e instanceof Error ? e.message : String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
