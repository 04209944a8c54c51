// Test peers. Each lives in its own module; add `export * from './<module>.js'` lines below.
export {};
export * from './oidc-issuer.js';
export * from './mcp-server.js';
export * from './bearer-mcp-server.js';
