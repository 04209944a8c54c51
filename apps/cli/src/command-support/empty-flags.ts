/**
 * A flag given with an empty value (`--api-key-parameter-name ""`, `--allowed-clients ,`) is refused instead of
 * being read as "not given", which would silently apply the default the user meant to override.
 */
import { ProblemList } from '../operations/problems.js';
import { cliMessages } from '../shared/messages.js';

/** Only whitespace and list separators: nothing a flag could mean. */
const EMPTY = /^[\s,]*$/;

const blank = (v: unknown): boolean =>
  (typeof v === 'string' && EMPTY.test(v)) ||
  (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && EMPTY.test(x)));

/** Throws ERR_INVALID_INPUT naming every flag whose value is empty (or, for a list, only separators). */
export function rejectEmptyFlags(command: string, flags: Readonly<Record<string, unknown>>): void {
  const p = new ProblemList();
  for (const [flag, value] of Object.entries(flags)) {
    if (blank(value))
      p.add({
        flag,
        message: cliMessages.get('error.EmptyFlag'),
        action: cliMessages.get('error.EmptyFlag.action', { flag }),
      });
  }
  p.throwIfAny(command);
}
