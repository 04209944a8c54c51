/**
 * Test hook for the crash-safety tests: with `AGENTCORE_TEST_CRASH_AT=<step>` in the environment, the process kills
 * itself with SIGKILL when it reaches that step — a kill -9 at an exact point instead of after a random delay. Unset
 * (always, outside those tests), it is one environment lookup. The steps are listed in docs/architecture.md.
 */
export function crashPoint(step: string): void {
  if (process.env['AGENTCORE_TEST_CRASH_AT'] === step) process.kill(process.pid, 'SIGKILL');
}
