import { formatDuration } from './duration.js';
import type { SerializedError } from './errors.js';
import { isJsonValue, MAX_JSON_DEPTH } from './json-value.js';
import type { ChannelOptions } from './channel-types.js';
import type { Envelope } from './wire.js';

/**
 * The calls of one connection, both ways, over the MessagePort that the
 * handshake set up. penpal opens the port; the calls travel here instead of
 * through penpal's call layer, which costs more than the port itself (a
 * UUID, a Proxy and a timer per call, and larger messages): see `bridge_rtt`
 * in the benchmarks.
 *
 * A frame is one JSON string, the cheapest thing to post, and one whose size
 * is known before anything reads it:
 * - a call: `[0,id,"method",params]` (params left out when undefined);
 * - an answer: `[1,id,true,result]` or `[1,id,false,{code,message,…}]`;
 * - a cancel: `[2,id]`, from a caller that no longer waits for call `id`
 *   (its `AbortSignal` fired); the other side hears it through `cancel`.
 *
 * What it guarantees:
 * - Every call settles: with the answer, with `timeout` at its deadline, or
 *   with `cancelled` when the channel closes. One timer serves every pending
 *   call (armed for the earliest deadline), not one timer per call.
 * - `admit` sees each call before it is parsed, so a call refused for its
 *   size or its rate is never read, and an answer over `maxAnswerLength` is
 *   not read either: no payload can stall the receiver.
 * - What a call carries is JSON by construction (it was parsed from JSON); a
 *   value that is not JSON data (a function, a symbol, a BigInt, NaN, a class
 *   instance, nesting past MAX_JSON_DEPTH) fails on the sender's side.
 * - Receiving never throws, whatever arrives: a frame that is not a string,
 *   is not JSON, answers nothing pending, or whose answer cannot be encoded
 *   (it is answered with an error instead, so the caller does not hang).
 */
export type { ChannelOptions, FrameServer } from './channel-types.js';

interface Pending {
  readonly resolve: (envelope: Envelope) => void;
  readonly deadline: number;
  readonly method: string;
  readonly timeoutMs: number;
}

const serialized = (code: SerializedError['code'], message: string): SerializedError => ({
  code,
  message,
  details: undefined,
});
const failure = (code: SerializedError['code'], message: string): Envelope => ({
  ok: false,
  error: serialized(code, message),
});

/**
 * A frame as JSON; `value` is left out when undefined. The value is checked
 * first, because JSON would silently drop a function or turn NaN into null;
 * a plain loop does it in a few milliseconds where a `JSON.stringify`
 * replacer took tens (it is called once per value).
 */
function encode(kind: 0 | 1, id: number, head: string | boolean, value: unknown): string {
  const start = `[${kind},${id},${JSON.stringify(head)}`;
  if (value === undefined) return `${start}]`;
  if (!isJsonValue(value)) {
    throw new TypeError(
      `It is not JSON data nested at most ${MAX_JSON_DEPTH} levels (a function, a symbol, a BigInt, NaN, a class instance, a "__proto__" key?).`,
    );
  }
  return `${start},${JSON.stringify(value)}]`;
}

/** The id and method at the head of a call frame, read without parsing it. */
const CALL_HEAD = /^\[0,(\d{1,15}),"([^"\\]{1,100})"/;
/** The id at the head of an answer frame. */
const ANSWER_HEAD = /^\[1,(\d{1,15}),/;
/** A whole cancel frame. */
const CANCEL = /^\[2,(\d{1,15})\]$/;

export class Channel {
  readonly #port: MessagePort;
  readonly #options: ChannelOptions;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Infinity;
  #closed = false;

  constructor(port: MessagePort, options: ChannelOptions) {
    this.#port = port;
    this.#options = options;
  }

  /**
   * Calls `method` on the other side; resolves with its envelope, never
   * rejects. `timeoutMs` ends the wait with a `timeout` envelope (`Infinity`:
   * no deadline); `signal` ends it with `cancelled` and tells the other side.
   */
  call(
    method: string,
    params: unknown,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<Envelope> {
    if (this.#closed || signal?.aborted) {
      return Promise.resolve(
        failure(
          'cancelled',
          `${method} was not sent: ${this.#closed ? 'the connection is closed' : 'its signal was aborted'}.`,
        ),
      );
    }
    const id = this.#nextId++;
    return new Promise((resolve) => {
      try {
        this.#port.postMessage(encode(0, id, method, params));
      } catch (cause) {
        resolve(
          failure(
            'invalid_params',
            `${method} could not be sent: ${(cause as Error).message} Pass plain data only: no functions, DOM nodes or class instances.`,
          ),
        );
        return;
      }
      let settle = resolve;
      if (signal) {
        const abort = () => {
          if (this.#pending.get(id)?.resolve !== settle) return;
          this.#pending.delete(id);
          if (!this.#closed) this.#port.postMessage(`[2,${id}]`);
          resolve(failure('cancelled', `${method} was cancelled by its caller.`));
        };
        signal.addEventListener('abort', abort, { once: true });
        settle = (envelope) => {
          signal.removeEventListener('abort', abort);
          resolve(envelope);
        };
      }
      const deadline = performance.now() + timeoutMs;
      this.#pending.set(id, { resolve: settle, deadline, method, timeoutMs });
      if (deadline < this.#timerAt) this.#arm(deadline);
    });
  }

  /** Takes one message from the port. */
  receive(data: unknown): void {
    if (this.#closed || typeof data !== 'string') return;
    if (data.startsWith('[0,')) {
      this.#receiveCall(data);
      return;
    }
    if (data.startsWith('[2,')) {
      const id = CANCEL.exec(data)?.[1];
      if (id !== undefined) this.#options.cancel?.(Number(id));
      return;
    }
    const { maxAnswerLength } = this.#options;
    if (maxAnswerLength !== undefined && data.length > maxAnswerLength) {
      const id = Number(ANSWER_HEAD.exec(data)?.[1]);
      const pending = this.#pending.get(id);
      if (!pending) return;
      this.#pending.delete(id);
      pending.resolve(
        failure(
          'invalid_params',
          `The answer to ${pending.method} is over ${maxAnswerLength} characters; it was not read.`,
        ),
      );
      return;
    }
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (!Array.isArray(frame) || frame[0] !== 1) return;
    const pending = this.#pending.get(frame[1] as number);
    if (!pending) return;
    this.#pending.delete(frame[1] as number);
    pending.resolve(
      frame[2] === true
        ? { ok: true, value: frame[3] }
        : { ok: false, error: frame[3] as SerializedError },
    );
  }

  /** Settles every pending call with `reason` and stops answering. */
  close(reason: SerializedError): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const pending of this.#pending.values()) pending.resolve({ ok: false, error: reason });
    this.#pending.clear();
  }

  #receiveCall(data: string): void {
    const { admit } = this.#options;
    if (admit) {
      // Admission comes before parsing: read the id and method off the head.
      const head = CALL_HEAD.exec(data);
      if (!head) return; // nothing to answer: no id
      const refused = admit(head[2] ?? '', data);
      if (refused) {
        this.#reply(Number(head[1]), head[2] ?? '', refused);
        return;
      }
    }
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      const head = CALL_HEAD.exec(data);
      const name = head?.[2] ?? '';
      if (head)
        this.#reply(
          Number(head[1]),
          name,
          failure('invalid_params', `${name}: the call is not valid JSON.`),
        );
      return;
    }
    const [, id, method, params] = frame as [unknown, unknown, unknown, unknown];
    if (typeof id !== 'number' || typeof method !== 'string') return;
    this.#answer(id, method, params);
  }

  #answer(id: number, method: string, params: unknown): void {
    let answer: Envelope | Promise<Envelope>;
    try {
      answer = this.#options.serve(method, params, id);
    } catch {
      answer = failure('host_error', `${method} failed.`);
    }
    if (answer instanceof Promise) {
      answer.then(
        (envelope) => {
          this.#reply(id, method, envelope);
        },
        () => {
          this.#reply(id, method, failure('host_error', `${method} failed.`));
        },
      );
    } else {
      this.#reply(id, method, answer);
    }
  }

  #reply(id: number, method: string, envelope: Envelope): void {
    if (this.#closed) return;
    let frame: string;
    try {
      frame = envelope.ok
        ? encode(1, id, true, envelope.value)
        : encode(1, id, false, envelope.error);
    } catch {
      frame = encode(
        1,
        id,
        false,
        serialized(
          'invalid_params',
          `The answer to ${method} could not be sent: it is not plain data.`,
        ),
      );
    }
    this.#port.postMessage(frame);
  }

  #arm(at: number): void {
    clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(this.#expire, Math.max(0, at - performance.now()));
  }

  readonly #expire = (): void => {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    const now = performance.now();
    let next = Infinity;
    for (const [id, pending] of this.#pending) {
      if (pending.deadline <= now) {
        this.#pending.delete(id);
        pending.resolve(
          failure(
            'timeout',
            `${pending.method} got no answer within ${formatDuration(pending.timeoutMs)}.`,
          ),
        );
      } else if (pending.deadline < next) next = pending.deadline;
    }
    if (next < Infinity) this.#arm(next);
  };
}
