/** The JWT verifier's reason texts (`messages/jwt.md`), loaded once, on first use. */
import { fileURLToPath } from 'node:url';
import { Messages } from '@agentcore/schema';

let bundle: Messages | undefined;

/** The text `key` of messages/jwt.md with `values` filled in. */
export function jwtText(key: string, values: Readonly<Record<string, string | number>> = {}): string {
  bundle ??= Messages.load(fileURLToPath(new URL('../../messages', import.meta.url)), 'jwt');
  return bundle.get(key, values);
}

/** A claim value as the reasons quote it (JSON; `undefined` for a missing one). */
export const quote = (v: unknown): string => JSON.stringify(v) ?? 'undefined';
