/** Stable CloudFormation logical IDs (`[A-Za-z0-9]+`) derived from config names. */
import { createHash } from 'node:crypto';

/** `tools-gw` → `ToolsGw`, `my_agent` → `MyAgent`. */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** Hands out logical IDs; two names that collapse to the same ID get a short hash of the full name appended. */
export class LogicalIds {
  readonly #taken = new Map<string, string>();

  /** `key` is the full, unique identity of the thing (e.g. `gateway/tools-gw`). */
  take(base: string, key: string): string {
    const id = base.slice(0, 200);
    const owner = this.#taken.get(id);
    if (owner === undefined || owner === key) {
      this.#taken.set(id, key);
      return id;
    }
    const hashed = `${id}${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
    this.#taken.set(hashed, key);
    return hashed;
  }
}
