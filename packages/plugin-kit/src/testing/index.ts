/**
 * Test helpers for plugin authors: a throw-away agentcore project and a real HTTP upstream that records the
 * requests a gateway sends it. Real files and a real socket on 127.0.0.1, nothing mocked.
 */
export * from './temp-project.js';
export * from './upstream.js';
