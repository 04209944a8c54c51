/**
 * Runtime data plane: `POST …/invocations` → inbound decision → the agent process, streamed both ways without
 * buffering. The session id is passed through (generated when absent) and returned.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import type { InboundStrategy, VerifyOptions } from '@agentcore/auth';
import type { AgentProcess } from './agent-process.js';
import { forwardRequestHeaders, forwardResponseHeaders, MAX_BODY_BYTES, SESSION_HEADER } from './forwarding.js';
import { errorText, inboundRequest, sendDenial, sendJson, strategyFailure } from './http-util.js';
import { decideInbound } from './inbound.js';
import { DecisionCache } from './decision-cache.js';
import { invocationSubpath, upstreamRoute } from './protocol-routes.js';
import { withResourceMetadata } from './resource-metadata.js';
import { devMessages } from './messages.js';

export interface RuntimeEntry {
  name: string;
  /** Effective authorizer type (AWS_IAM when absent). */
  type: string;
  strategy?: InboundStrategy;
  /** `authorizerConfiguration`, possibly pointed at the dev issuer for this session. */
  config: unknown;
  allowlist: readonly string[];
  /** `protocol` of the runtime (HTTP when absent): decides the agent's path (protocol-routes.ts). */
  protocol?: string;
  agent: AgentProcess;
  /** Why the agent is down, when it is. */
  down?: string;
}

export interface RuntimeHandlerOptions {
  baseUrl: () => string;
  log: (line: string) => void;
  verifyOptions?: VerifyOptions;
  /** Positive-decision cache TTL (0 disables; default 30 s). */
  decisionTtlMs?: number;
}

class BodyLimit extends Transform {
  #seen = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.#seen += chunk.length;
    // messages-check: internal — the handler answers 413 with AgentCore's own text (tooLarge()), never this one
    if (this.#seen > this.limit) cb(Object.assign(new Error('request body too large'), { code: 'BODY_TOO_LARGE' }));
    else cb(null, chunk);
  }
}

const tooLarge = () => ({ message: devMessages().get('aws.PayloadTooLarge') });

export function createRuntimeHandler(options: RuntimeHandlerOptions) {
  const keepAlive = new Agent({ keepAlive: true, maxSockets: 256 });
  const sigv4Noted = new Set<string>();
  const decisions = new DecisionCache({ ttlMs: options.decisionTtlMs });

  async function handle(req: IncomingMessage, res: ServerResponse, rt: RuntimeEntry): Promise<void> {
    const route = upstreamRoute(
      rt.protocol,
      req.method ?? 'GET',
      invocationSubpath(new URL(req.url ?? '/', 'http://x').pathname),
    );
    if (!route.ok) {
      req.resume();
      return sendJson(res, route.status, { message: route.message, devReason: route.devReason });
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > MAX_BODY_BYTES) {
      req.resume();
      return sendJson(res, 413, tooLarge());
    }
    let decision;
    try {
      decision = await decideInbound(
        rt.type,
        rt.strategy,
        rt.config,
        inboundRequest(req, options.baseUrl()),
        options.verifyOptions,
        { store: decisions, scope: rt.name },
      );
    } catch (err) {
      req.resume();
      options.log(devMessages().get('log.StrategyThrew', { resource: rt.name, type: rt.type, reason: errorText(err) }));
      return sendDenial(res, strategyFailure(rt.type));
    }
    if (!decision.ok) {
      req.resume();
      const here = `${options.baseUrl()}${new URL(req.url ?? '/', 'http://x').pathname}`;
      return sendDenial(
        res,
        rt.protocol === 'MCP' ? withResourceMetadata(decision.denial, here, rt.config) : decision.denial,
      );
    }
    if (decision.sigv4Unverified && !sigv4Noted.has(rt.name)) {
      sigv4Noted.add(rt.name);
      options.log(devMessages().get('log.SigV4Unverified', { name: rt.name }));
    }
    if (!rt.agent.running) {
      req.resume();
      return sendJson(res, 502, {
        message: devMessages().get('aws.RuntimeUnavailable'),
        devReason: rt.down ?? devMessages().get('devReason.AgentNotRunning', { name: rt.name }),
      });
    }
    const sessionHeader = req.headers[SESSION_HEADER];
    const sessionId = (Array.isArray(sessionHeader) ? sessionHeader[0] : sessionHeader) || randomUUID();
    const headers = { ...forwardRequestHeaders(req.headers, rt.allowlist), [SESSION_HEADER]: sessionId };
    const upstream = request({
      host: rt.agent.host,
      port: rt.agent.port,
      method: route.method,
      path: route.path,
      headers,
      agent: keepAlive,
    });
    upstream.on('response', (up) => {
      res.writeHead(up.statusCode ?? 502, { ...forwardResponseHeaders(up.headers), [SESSION_HEADER]: sessionId });
      res.flushHeaders();
      up.pipe(res);
      up.on('error', () => res.destroy());
    });
    let rejected = false;
    upstream.on('error', (err) => {
      if (rejected) return;
      if (!res.headersSent)
        sendJson(res, 502, {
          message: devMessages().get('aws.RuntimeUnavailable'),
          devReason: devMessages().get('devReason.AgentNoAnswer', { name: rt.name, reason: err.message }),
        });
      else res.destroy();
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    const limit = new BodyLimit(MAX_BODY_BYTES);
    limit.on('error', () => {
      rejected = true;
      upstream.destroy();
      req.resume();
      sendJson(res, 413, tooLarge(), { connection: 'close' });
    });
    req.pipe(limit).pipe(upstream);
  }

  return { handle, close: () => keepAlive.destroy() };
}
