// Minimal typing for the parts of oidc-provider@9 the test issuer uses (the package ships no types).
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
