/**
 * The schema of attributes telemetry may carry: booleans, small enums and non-negative integer counts, under
 * snake_case keys. Checked at compile time ({@link SafeAttrs}, {@link safeAttributes}) for attributes written in
 * code, and at run time ({@link sanitizeAttributes}) for everything, including what strategy plugins return: a
 * value that could carry a name, URL, ARN, path, token or free text is dropped, with a reason, and never sent.
 */
export const ATTRIBUTE_KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const ENUM_VALUE_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
export const MAX_ATTRIBUTES = 32;
/** Counts above this are not "counts" any more (and could encode an identifier). */
export const MAX_COUNT = 10_000;

export type AttributeValue = boolean | number | string;
export type DropReason =
  'invalid_key' | 'invalid_value' | 'not_integer' | 'negative' | 'too_large' | 'not_enum' | 'too_many';

/** Characters that can never appear in an attribute key. */
type KeyForbidden =
  | ' '
  | '-'
  | '.'
  | '/'
  | ':'
  | '@'
  | '?'
  | '='
  | '&'
  | '#'
  | '%'
  | '+'
  | '\\'
  | '"'
  | "'"
  | ','
  | ';'
  | '|'
  | '*'
  | '$'
  | '~'
  | '!'
  | '<'
  | '>'
  | '('
  | ')'
  | '['
  | ']'
  | '{'
  | '}';
type EnumForbidden = KeyForbidden | '0x';

/** `K` if it looks like a snake_case key, else `never` (the regex itself is enforced at run time). */
export type SafeKey<K extends string> =
  K extends Lowercase<K>
    ? K extends `${string}${KeyForbidden}${string}` | '' | `${number}${string}`
      ? never
      : K
    : never;

/**
 * Allowed values, checked per attribute: a boolean, a number (the run time check adds "non-negative integer"), or a
 * **literal** string (an enum member, e.g. `'header'`). A value typed plain `string` cannot be proven to be an enum
 * member and is rejected, which is what keeps names, URLs and tokens out.
 */
export type SafeValue<V> = V extends boolean
  ? V
  : V extends number
    ? V
    : V extends string
      ? string extends V
        ? never
        : V extends Lowercase<V>
          ? V extends `${string}${EnumForbidden}${string}` | ''
            ? never
            : V
          : never
      : never;

/** An attribute object whose every key and value passes the compile-time schema. */
export type SafeAttrs<T> = {
  [K in keyof T]: K extends string ? (SafeKey<K> extends never ? never : SafeValue<T[K]>) : never;
};

/** Compile-time checked attributes, e.g. `safeAttributes({ outbound_auth: 'none', wizard_used: true })`. */
export function safeAttributes<const T extends Record<string, AttributeValue>>(attrs: T & SafeAttrs<T>): T {
  return attrs;
}

export interface DroppedAttribute {
  /** The key if it is a valid key, otherwise `"(invalid key)"`: the audit log never echoes arbitrary text. */
  key: string;
  reason: DropReason;
}

export interface SanitizedAttributes {
  attributes: Record<string, AttributeValue>;
  dropped: DroppedAttribute[];
}

/** Why one attribute is not allowed, or undefined when it is. */
export function checkAttribute(key: string, value: unknown): DropReason | undefined {
  if (!ATTRIBUTE_KEY_PATTERN.test(key)) return 'invalid_key';
  if (typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'not_integer';
    if (value < 0) return 'negative';
    return value > MAX_COUNT ? 'too_large' : undefined;
  }
  if (typeof value === 'string') return isEnumLike(value) ? undefined : 'not_enum';
  return 'invalid_value';
}

/**
 * An enum member: matches {@link ENUM_VALUE_PATTERN}, and does not look random (at most 3 digits, no word longer
 * than 20 letters), so a lower-case hex token or id that happens to match the pattern is still refused.
 */
export function isEnumLike(value: string): boolean {
  if (!ENUM_VALUE_PATTERN.test(value)) return false;
  if ((value.match(/[0-9]/g) ?? []).length > 3) return false;
  return value.split('_').every((word) => word.length <= 20);
}

/** Keep the allowed attributes (first {@link MAX_ATTRIBUTES} in order), report the rest. Pure. */
export function sanitizeAttributes(input: Readonly<Record<string, unknown>> | undefined): SanitizedAttributes {
  const attributes: Record<string, AttributeValue> = {};
  const dropped: DroppedAttribute[] = [];
  if (!input || typeof input !== 'object') return { attributes, dropped };
  for (const [key, value] of Object.entries(input)) {
    const reason = checkAttribute(key, value);
    const shownKey = ATTRIBUTE_KEY_PATTERN.test(key) ? key : '(invalid key)';
    if (reason) dropped.push({ key: shownKey, reason });
    else if (Object.keys(attributes).length >= MAX_ATTRIBUTES) dropped.push({ key: shownKey, reason: 'too_many' });
    else attributes[key] = value as AttributeValue;
  }
  return { attributes, dropped };
}

/** Lower snake case of a strategy type or built-in (`CUSTOM_JWT` → `custom_jwt`), or `other` if it is not enum-like. */
export function enumValue(value: string | undefined, fallback = 'other'): string {
  if (value === undefined) return fallback;
  const v = value.toLowerCase().replace(/-/g, '_');
  return isEnumLike(v) ? v : fallback;
}
