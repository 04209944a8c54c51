/** The claims manager's list: one row per rule and a last "done" row; the highlighted row is marked. */
import { Box, Text } from 'ink';
import type { ClaimRuleDraft } from '@agentcore/auth';
import { ruleText } from './claims-reducer.js';

export function ClaimsList({
  rules,
  cursor,
  empty,
  done,
}: {
  rules: readonly ClaimRuleDraft[];
  cursor: number;
  empty: string;
  done: string;
}) {
  const row = (i: number, text: string) => (
    <Text key={i} {...(i === cursor ? { color: 'cyan' } : {})}>
      {i === cursor ? '❯ ' : '  '}
      {text}
    </Text>
  );
  return (
    <Box flexDirection="column">
      {rules.length === 0 ? <Text dimColor> {empty}</Text> : null}
      {rules.map((r, i) => row(i, ruleText(r)))}
      {row(rules.length, done)}
    </Box>
  );
}
