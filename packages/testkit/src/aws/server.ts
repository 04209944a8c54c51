/**
 * One HTTP endpoint on 127.0.0.1 that plays CloudFormation and STS (AWS Query) and AgentCore control (REST-JSON):
 * it routes by protocol, checks the SigV4 scope and the input against the service model, applies the configured
 * faults, records every request, then hands the checked input to the service's handler.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { loadModels, checkValue, type Models, type OperationModel } from './model-check.js';
import { AwsError, matchRest, parseQueryInput, queryError, queryResponse, restInput } from './wire.js';
import type { AwsFault, AwsServiceName, RecordedRequest, Violation } from './types.js';

export type Handler = (operation: string, input: Record<string, unknown>) => Promise<unknown>;

export interface ServerContext {
  region: string;
  accountId: string;
  faults: AwsFault[];
  handlers: Partial<Record<AwsServiceName, Handler>>;
  requests: RecordedRequest[];
  violations: Violation[];
}

const QUERY_VERSIONS: Record<string, AwsServiceName> = { '2010-05-15': 'cloudformation', '2011-06-15': 'sts' };
/** The SigV4 signing name of each service (the `<service>` of the credential scope). */
const SIGNING_NAMES: Record<string, string> = {
  cloudformation: 'cloudformation',
  sts: 'sts',
  'bedrock-agentcore': 'bedrock-agentcore',
};
const isReadOnly = (op: string) => /^(Describe|Get|List|Validate)/.test(op);

interface Routed {
  service: AwsServiceName;
  op?: OperationModel;
  input: Record<string, unknown>;
  problems: string[];
  query: boolean;
}

function route(models: Models, method: string, url: URL, body: string, contentType: string): Routed {
  const problems: string[] = [];
  if (method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams(body);
    const service = QUERY_VERSIONS[params.get('Version') ?? ''] ?? 'unknown';
    const op = models.get(service)?.get(params.get('Action') ?? '');
    if (!op) return { service, input: {}, problems, query: true };
    return { service, op, input: parseQueryInput(params, op.input(), problems), problems, query: true };
  }
  const match = matchRest(models.get('bedrock-agentcore')?.values() ?? [], method, url.pathname);
  if (!match) return { service: 'unknown', input: {}, problems, query: false };
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    problems.push('body: not valid JSON');
  }
  const input = restInput(match.op.input(), match.labels, url.searchParams, json, problems);
  return { service: 'bedrock-agentcore', op: match.op, input, problems, query: false };
}

/** Parse `AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, …`. */
export function credentialScope(header: string | undefined) {
  const m = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request\s*,/.exec(header ?? '');
  return m ? { accessKeyId: m[1] ?? '', region: m[3] ?? '', service: m[4] ?? '' } : undefined;
}

/**
 * AWS's wording for an implicit deny, e.g. "User: arn:aws:iam::123456789012:user/x is not authorized to perform:
 * cloudformation:CreateChangeSet on resource: arn:aws:cloudformation:…:stack/Proj/* because no identity-based policy
 * allows the cloudformation:CreateChangeSet action".
 */
export function accessDeniedMessage(
  ctx: ServerContext,
  action: string,
  principalArn?: string,
  resource?: string,
): string {
  const who = principalArn ?? `arn:aws:iam::${ctx.accountId}:user/x`;
  const on = resource ? ` on resource: ${resource}` : '';
  return `User: ${who} is not authorized to perform: ${action}${on} because no identity-based policy allows the ${action} action`;
}

/** The resource an action is evaluated on, where the request names one. */
function resourceOf(ctx: ServerContext, service: AwsServiceName, input: Record<string, unknown>): string | undefined {
  const { region, accountId } = ctx;
  const stack = typeof input.StackName === 'string' ? input.StackName : undefined;
  if (service === 'cloudformation' && stack) {
    return stack.startsWith('arn:') ? stack : `arn:aws:cloudformation:${region}:${accountId}:stack/${stack}/*`;
  }
  if (service === 'bedrock-agentcore' && typeof input.name === 'string') {
    return `arn:aws:bedrock-agentcore:${region}:${accountId}:token-vault/default`;
  }
  return undefined;
}

function guard(
  ctx: ServerContext,
  r: Routed & { op: OperationModel },
  header: string | undefined,
): AwsError | undefined {
  const scope = credentialScope(header);
  const signing = SIGNING_NAMES[r.service] ?? r.service;
  const suffix = r.query ? '' : 'Exception';
  if (!scope) {
    r.problems.push('no SigV4 Authorization header (AWS4-HMAC-SHA256 Credential=…/aws4_request)');
    return new AwsError(`MissingAuthenticationToken${suffix}`, 'Request is missing Authentication Token', 403);
  }
  if (scope.service !== signing) {
    r.problems.push(`SigV4 scope names service ${scope.service}, expected ${signing}`);
    return new AwsError(
      r.query ? 'SignatureDoesNotMatch' : 'InvalidSignatureException',
      `Credential should be scoped to correct service: '${signing}'.`,
      403,
    );
  }
  if (scope.region !== ctx.region) {
    r.problems.push(`SigV4 scope names region ${scope.region}, expected ${ctx.region}`);
    return new AwsError(
      r.query ? 'SignatureDoesNotMatch' : 'InvalidSignatureException',
      `Credential should be scoped to a valid region.`,
      403,
    );
  }
  for (const f of ctx.faults) {
    if (f.kind === 'expired-token' && f.accessKeyId === scope.accessKeyId) {
      return new AwsError(`ExpiredToken${suffix}`, 'The security token included in the request is expired', 403);
    }
    if (f.kind === 'access-denied' && f.action === `${signing}:${r.op.name}`) {
      return new AwsError(
        r.query ? 'AccessDenied' : 'AccessDeniedException',
        accessDeniedMessage(ctx, f.action, f.principalArn, resourceOf(ctx, r.service, r.input)),
        403,
      );
    }
  }
  return undefined;
}

export function readBody(req: http.IncomingMessage, encoding: BufferEncoding = 'utf8'): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString(encoding)));
    req.on('error', reject);
  });
}

async function handle(ctx: ServerContext, models: Models, req: http.IncomingMessage, res: http.ServerResponse) {
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const r = route(models, method, url, body, String(req.headers['content-type'] ?? ''));
  const operation = r.op?.name ?? (r.query ? (new URLSearchParams(body).get('Action') ?? 'unknown') : 'unknown');
  const scope = credentialScope(req.headers.authorization);
  const entry: RecordedRequest = {
    service: r.service,
    operation,
    mutating: !isReadOnly(operation),
    method,
    path: url.pathname,
    body,
    ...(scope ? { accessKeyId: scope.accessKeyId } : {}),
    status: 0,
  };
  ctx.requests.push(entry);
  const requestId = randomUUID();
  const send = (status: number, type: string, payload: string, headers: Record<string, string> = {}) => {
    entry.status = status;
    res.writeHead(status, { 'content-type': type, 'x-amzn-requestid': requestId, ...headers }).end(payload);
  };
  const fail = (e: AwsError) =>
    r.query
      ? send(e.status, 'text/xml', queryError(r.service, e.code, e.message, requestId, e.status < 500))
      : send(e.status, 'application/json', JSON.stringify({ message: e.message }), { 'x-amzn-errortype': e.code });
  const handler = ctx.handlers[r.service];
  if (!r.op || !handler) {
    const params = new URLSearchParams(body);
    const problem = r.query
      ? `unknown action ${params.get('Action') ?? '(none)'} for Version ${params.get('Version') ?? '(none)'}`
      : `unknown operation ${method} ${url.pathname}`;
    ctx.violations.push({ service: r.service, operation, problems: [problem] });
    return fail(
      new AwsError(r.query ? 'InvalidAction' : 'UnknownOperationException', `Unknown operation ${operation}`),
    );
  }
  const op = r.op;
  const denied = guard(ctx, { ...r, op }, req.headers.authorization);
  if (!denied) checkValue(op.input(), r.input, '', r.problems);
  if (r.problems.length) ctx.violations.push({ service: r.service, operation, problems: [...r.problems] });
  if (denied) return fail(denied);
  if (r.problems.length) {
    const missing = r.problems.find((p) => p.startsWith('missing required member'));
    const code = r.query ? (missing ? 'MissingParameter' : 'ValidationError') : 'ValidationException';
    const message =
      missing && r.query ? `The request must contain the parameter ${missing.slice(24)}` : r.problems.join('; ');
    return fail(new AwsError(code, message));
  }
  try {
    const result = await handler(op.name, r.input);
    if (result === undefined) {
      ctx.violations.push({
        service: r.service,
        operation,
        problems: [`${operation} is not implemented by the stand-in`],
      });
      return fail(
        new AwsError(
          r.query ? 'InvalidAction' : 'UnknownOperationException',
          `${operation} is not implemented by the stand-in`,
        ),
      );
    }
    const own: string[] = [];
    checkValue(op.output(), result, '', own);
    if (own.length) ctx.violations.push({ service: 'stand-in', operation, problems: own.map((p) => `response: ${p}`) });
    if (r.query) send(200, 'text/xml', queryResponse(r.service, op.name, result, requestId));
    else send(op.http?.code ?? 200, 'application/json', JSON.stringify(result ?? {}));
  } catch (e) {
    fail(e instanceof AwsError ? e : new AwsError('InternalFailure', e instanceof Error ? e.message : String(e), 500));
  }
}

/** Start the endpoint on 127.0.0.1:0; resolves with its URL and a close that waits for the socket to go. */
export async function startServer(ctx: ServerContext): Promise<{ url: string; close(): Promise<void> }> {
  const models = await loadModels();
  const server = http.createServer((req, res) => {
    handle(ctx, models, req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(e instanceof Error ? e.message : String(e));
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
