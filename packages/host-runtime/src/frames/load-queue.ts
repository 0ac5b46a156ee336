/**
 * A bounded queue of iframe loads: at most `concurrency` widgets load at once
 * (from iframe creation until ready, failed or timed out); the rest wait in
 * order. Loading many cross-origin iframes at once slows every one of them.
 */
export class LoadQueue {
  readonly #concurrency: number;
  readonly #waiting: (() => void)[] = [];
  #active = 0;

  constructor(concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(
        `The load queue's concurrency must be a whole number of 1 or more (got ${concurrency}).`,
      );
    }
    this.#concurrency = concurrency;
  }

  /** How many loads are under way. */
  get active(): number {
    return this.#active;
  }

  /**
   * Waits for a place. Resolves with the function that gives it back (call it
   * once); rejects if `signal` aborts while waiting.
   */
  acquire(signal: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const start = () => {
        signal.removeEventListener('abort', cancel);
        this.#active += 1;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.#active -= 1;
          this.#waiting.shift()?.();
        });
      };
      const cancel = () => {
        const index = this.#waiting.indexOf(start);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(signal.reason as Error);
      };
      if (signal.aborted) {
        reject(signal.reason as Error);
        return;
      }
      signal.addEventListener('abort', cancel, { once: true });
      if (this.#active < this.#concurrency) start();
      else this.#waiting.push(start);
    });
  }
}
