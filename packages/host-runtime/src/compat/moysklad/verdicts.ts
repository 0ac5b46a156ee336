import { PlugboardError } from '@plugboard/widget-sdk/protocol';
import { ERR, type Message } from './messages.js';

/** A widget's verdict on a Change: `valid`, or not with its message. */
export interface Verdict {
  readonly valid: boolean;
  readonly message: string;
}

/**
 * A MoySklad widget's ValidationFeedback, as the save flow asks for it:
 * only the verdict on the latest Change counts (earlier ones are ignored,
 * a repeated one overrides), a save waits for it, and an Open forgets it.
 */
export class Verdicts {
  #last: { id: number; verdict?: Verdict } | undefined;
  readonly #waiters = new Set<() => void>();

  /** The messageId of the latest Change, if the widget heard one since its Open. */
  get change(): number | undefined {
    return this.#last?.id;
  }

  /** A new Open: no Change yet. */
  reset(): void {
    this.#last = undefined;
  }

  /** A new Change `id` was sent: waits for its verdict, not an older one's. */
  changed(id: number): void {
    this.#last = { id };
    this.#wake();
  }

  /** A ValidationFeedback from the page: 1001 without the message an invalid verdict needs. */
  heard(message: Message, invalid: (message: Message, code: number, error: string) => void): void {
    const valid = message['valid'] === true;
    const text = typeof message['message'] === 'string' ? message['message'].slice(0, 100) : '';
    if (!valid && !text) {
      invalid(message, ERR.missing, 'Missing required parameter message');
      return;
    }
    if (!this.#last || message['correlationId'] !== this.#last.id) return;
    this.#last.verdict = { valid, message: text };
    this.#wake();
  }

  /** The verdict on the latest Change, once it comes; `valid` when there was none. */
  async latest(): Promise<{ valid: true } | { valid: false; message: string }> {
    const id = this.#last?.id;
    if (id === undefined) return { valid: true };
    const verdict = await new Promise<Verdict>((resolve, reject) => {
      const check = () => {
        if (this.#last?.id !== id) {
          this.#waiters.delete(check);
          reject(
            new PlugboardError('cancelled', 'A newer change replaced the one being validated.'),
          );
        } else if (this.#last.verdict) {
          this.#waiters.delete(check);
          resolve(this.#last.verdict);
        }
      };
      this.#waiters.add(check);
      check();
    });
    return verdict.valid ? { valid: true } : { valid: false, message: verdict.message };
  }

  /** The widget went: nothing waits any more. */
  clear(): void {
    this.#waiters.clear();
  }

  #wake(): void {
    for (const wake of this.#waiters) wake();
  }
}
