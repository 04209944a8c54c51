import type { Strategy } from '@agentcore/auth';

/** `agentcore:strategies` hook: contributes this plugin's strategies. */
export default async function strategies(): Promise<readonly Strategy[]> {
  const { oauthStrategy } = await import('../strategy.js');
  return [oauthStrategy];
}
