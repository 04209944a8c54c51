/** A single-consumer async queue: the producer pushes as data arrives, the consumer awaits; nothing is batched. */
export class EventChannel<T> implements AsyncIterable<T> {
  readonly #buffer: T[] = [];
  #wake: (() => void) | undefined;
  #done = false;
  #error: unknown;
  #claimed = false;

  push(value: T): void {
    this.#buffer.push(value);
    this.#notify();
  }

  /** End the stream; with an error, the consumer's next read throws it (after the buffered values). */
  close(error?: unknown): void {
    this.#done = true;
    this.#error = error;
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    // messages-check: internal — a second for-await over one invocation is a programming error of the caller
    if (this.#claimed) throw new TypeError('An invocation can be iterated only once.');
    this.#claimed = true;
    for (;;) {
      const next = this.#buffer.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (this.#done) {
        if (this.#error !== undefined) throw this.#error;
        return;
      }
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }
}
