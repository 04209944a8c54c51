import { defineProject } from 'vitest/config';

// oclif's this.log writes through console.log; keep vitest from swallowing it.
export default defineProject({
  test: { name: '@agentcore/cli', disableConsoleIntercept: true, testTimeout: 60_000, hookTimeout: 60_000 },
});
