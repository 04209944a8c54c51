/** Commands on a project whose files are broken or cannot be written (cases run by bad-input-harness.ts). */
import {
  type Case,
  describeBadInput,
  failsValidation,
  invalidJson,
  target,
  unknownKey,
  unreadable,
} from './bad-input-harness.js';

const CASES: Case[] = [
  // broken project files
  ...[['add', 'gateway', '--name', 'gw2'], ['status'], ['validate'], ['remove', 'agent', '--name', 'Echo']].flatMap(
    (args) => [
      {
        name: `${args.slice(0, 2).join(' ')}: unreadable agentcore.json`,
        args,
        code: 'ERR_CONFIG_UNREADABLE',
        prepare: unreadable,
      },
      {
        name: `${args.slice(0, 2).join(' ')}: invalid JSON`,
        args,
        code: 'ERR_CONFIG_INVALID_JSON',
        prepare: invalidJson,
      },
      {
        name: `${args.slice(0, 2).join(' ')}: config failing validation`,
        args,
        code: 'ERR_CONFIG_INVALID',
        prepare: failsValidation,
      },
    ],
  ),
  {
    name: 'add credential: unknown top-level key',
    args: ['add', 'credential', '--name', 'K2', '--type', 'api-key', '--api-key', '-'],
    input: 'k',
    code: 'ERR_CONFIG_INVALID',
    prepare: unknownKey,
  },
  {
    name: 'add target: config failing validation',
    args: [...target, '--name', 't', '--type', 'mcp-server', '--endpoint', 'https://x.example.com'],
    code: 'ERR_CONFIG_INVALID',
    prepare: failsValidation,
  },
];

describeBadInput('broken project files', CASES);
