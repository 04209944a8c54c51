/**
 * agentcore builds its schemas with `zod/mini`: the same zod (same core, same parsing, same issues) as
 * `import { z } from 'zod'`, without the dozens of methods classic zod attaches to every schema instance. Importing
 * classic zod and building the composed model with it was a large share of the CLI's start-up time.
 *
 * Unlike classic zod, `zod/mini` loads no locale: an issue without a message of ours would read "Invalid input"
 * instead of "Invalid input: expected string, received number". Every module that imports `zod/mini` at run time
 * therefore calls {@link ensureZodEnglish} at its top:
 *
 *     import * as z from 'zod/mini';
 *     import { ensureZodEnglish } from '@agentcore/schema';   // './zod.js' inside this package
 *
 *     ensureZodEnglish();
 *
 * A call, not a side-effect import: bundlers drop side-effect-only modules of packages marked `"sideEffects": false`
 * (ours are), and re-exporting the `z` namespace from here instead would make them keep all of zod/mini and every
 * locale in the CLI's start-up bundle. `import * as z from 'zod/mini'` lets them keep only what is used.
 */
import { config } from 'zod/mini';
import type * as core from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

/** Install zod's English messages (the ones classic zod shows), unless a locale is configured already. Idempotent. */
export function ensureZodEnglish(): void {
  if (!config().localeError) config(en());
}

/**
 * A zod 4 schema from either API: classic `zod` or `zod/mini`. Both build on zod's core type and both have
 * `parse` / `safeParse`, so strategy plugins may keep writing classic zod.
 */
export type AnyZodSchema<O = unknown, I = unknown> = core.$ZodType<O, I> & {
  parse(data: unknown): O;
  safeParse(data: unknown): core.util.SafeParseResult<O>;
};

/** A zod 4 object schema from either API (see {@link AnyZodSchema}). */
export type AnyZodObject = core.$ZodObject & {
  parse(data: unknown): unknown;
  safeParse(data: unknown): core.util.SafeParseResult<unknown>;
};
