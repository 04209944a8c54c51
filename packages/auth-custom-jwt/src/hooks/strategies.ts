import type { Strategy } from '@agentcore/auth';

/** `agentcore:strategies` hook: contributes this plugin's strategies. */
export default async function strategies(): Promise<readonly Strategy[]> {
  const { customJwtStrategy } = await import('../strategy.js');
  return [customJwtStrategy];
}
