// Minimal typing for the parts of oidc-provider@9 that @agentcore/dev (the dev issuer) and @agentcore/testkit (the
// test issuer) use; the package ships no types. Both tsconfigs include this one file.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface KoaLikeContext {
    path: string;
    method: string;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly issuer: string;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: (ctx: KoaLikeContext, next: () => Promise<void>) => Promise<void>): this;
  }
}
