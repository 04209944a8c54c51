/**
 * Step 5 of `startDev()`: the one loopback HTTP server and its routes. `resolveRoute` is a small table, pure and
 * tested alone; `createRouter` answers each kind of route. Paths that serve nothing get AWS's answers (404 for an
 * unknown runtime, 403 "Missing Authentication Token" elsewhere), with the reason added for dev.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DevError } from '../errors.js';
import { matchRuntime } from '../forwarding.js';
import type { GatewayEntry } from '../gateway-emulator.js';
import { requestPath, sendBadPath, sendJson } from '../http-util.js';
import { RESOURCE_METADATA_PREFIX, serveResourceMetadata } from '../resource-metadata.js';
import type { RuntimeEntry } from '../runtime-emulator.js';
import type { Emulators } from './emulators-step.js';
import { devMessages } from '../messages.js';

export type RouteMatch =
  /** `name` undefined: a runtime path that names no runtime here (404). */
  | { kind: 'runtime'; name: string | undefined }
  | { kind: 'metadata' }
  | { kind: 'gateway'; name: string }
  | { kind: 'index' }
  | { kind: 'none' };

/** The names the routes can resolve to. */
export interface KnownNames {
  runtimes: readonly string[];
  gateways: readonly string[];
}

interface Route {
  /** The captures when the path matches (empty for a plain match), else undefined. */
  match: (path: string) => readonly string[] | undefined;
  method?: string;
  /** The match, or undefined to let the next route try (a gateway path naming no gateway). */
  to: (captures: readonly string[], known: KnownNames) => RouteMatch | undefined;
}

const pattern = (re: RegExp) => (path: string) => re.exec(path)?.slice(1);
const prefix = (p: string) => (path: string) => (path.startsWith(p) ? [] : undefined);

const ROUTES: readonly Route[] = [
  {
    match: pattern(/^\/runtimes\/([^/]+)\/invocations(?:\/.*)?$/),
    to: ([name = ''], known) => ({ kind: 'runtime', name: matchRuntime(decodeURIComponent(name), known.runtimes) }),
  },
  {
    // The data-plane path without a runtime name: the only runtime, when there is exactly one.
    match: pattern(/^\/invocations(?:\/.*)?$/),
    to: (_, known) => ({ kind: 'runtime', name: known.runtimes.length === 1 ? known.runtimes[0] : undefined }),
  },
  { match: prefix(RESOURCE_METADATA_PREFIX), to: () => ({ kind: 'metadata' }) },
  {
    match: pattern(/^\/gateways\/([^/]+)\/mcp\/?$/),
    to: ([encoded = ''], known) => {
      const name = decodeURIComponent(encoded);
      return known.gateways.includes(name) ? { kind: 'gateway', name } : undefined;
    },
  },
  { match: pattern(/^\/$/), method: 'GET', to: () => ({ kind: 'index' }) },
];

/** Pure: which route serves `method path` (throws URIError on a malformed %-escape in a name). */
export function resolveRoute(path: string, method: string | undefined, known: KnownNames): RouteMatch {
  for (const route of ROUTES) {
    if (route.method && route.method !== method) continue;
    const captures = route.match(path);
    const found = captures && route.to(captures, known);
    if (found) return found;
  }
  return { kind: 'none' };
}

/** What the routes read at request time. */
export interface RouterContext {
  baseUrl: () => string;
  runtimes: ReadonlyMap<string, RuntimeEntry>;
  gateways: ReadonlyMap<string, GatewayEntry>;
  emulators: Emulators;
  /** Runtime and gateway name → URL, as the session describes them. */
  urls: () => { runtimes: Record<string, string>; gateways: Record<string, string> };
  issuerDiscoveryUrl?: string;
}

export function createRouter(ctx: RouterContext): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const path = requestPath(req, ctx.baseUrl());
    if (path === undefined) return sendBadPath(req, res);
    const known = { runtimes: [...ctx.runtimes.keys()], gateways: [...ctx.gateways.keys()] };
    const route = resolveRoute(path, req.method, known);
    switch (route.kind) {
      case 'runtime': {
        const entry = route.name ? ctx.runtimes.get(route.name) : undefined;
        if (entry) return ctx.emulators.runtime.handle(req, res, entry);
        req.resume();
        return sendJson(res, 404, {
          message: devMessages().get('aws.ResourceNotFound'),
          devReason: devMessages().get('devReason.NoRuntime', {
            path,
            runtimes: known.runtimes.join(', ') || devMessages().get('devReason.none'),
          }),
        });
      }
      case 'gateway': {
        const gateway = ctx.gateways.get(route.name);
        if (gateway) return ctx.emulators.gateway.handle(req, res, gateway);
        break;
      }
      case 'metadata': {
        req.resume();
        const urls = ctx.urls();
        const mcpRuntimes = [...ctx.runtimes.values()].filter((r) => r.protocol === 'MCP');
        return serveResourceMetadata(res, req.method ?? 'GET', path, [
          ...mcpRuntimes.map((r) => ({ url: urls.runtimes[r.name] ?? '', config: r.config })),
          ...[...ctx.gateways.values()].map((g) => ({ url: urls.gateways[g.name] ?? '', config: g.config })),
        ]);
      }
      case 'index': {
        req.resume();
        const urls = ctx.urls();
        return sendJson(res, 200, {
          runtimes: urls.runtimes,
          gateways: urls.gateways,
          issuerDiscoveryUrl: ctx.issuerDiscoveryUrl,
        });
      }
      case 'none':
        break;
    }
    req.resume();
    return sendJson(res, 403, {
      message: devMessages().get('aws.MissingAuthenticationToken'),
      devReason: devMessages().get('devReason.NothingServed', { path }),
    });
  };
}

/** The server: every request through the router; a handler that throws is logged and answered 500. */
export function createDevServer(
  route: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  log: (line: string) => void,
): Server {
  return createServer((req, res) => {
    route(req, res).catch((err: Error) => {
      log(
        devMessages().get('log.RequestFailed', { method: req.method ?? '', url: req.url ?? '', reason: err.message }),
      );
      sendJson(res, 500, { message: devMessages().get('aws.InternalServerError'), devReason: err.message });
    });
  });
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        new DevError(
          'ERR_DEV_PORT',
          devMessages().get('error.PortInUse', { host, port, reason: err.code ?? err.message }),
          {
            actions: devMessages().list('error.PortInUse.actions'),
            details: { port, host },
            cause: err,
          },
        ),
      ),
    );
    server.listen(port, host, () => ok((server.address() as AddressInfo).port));
  });
}
