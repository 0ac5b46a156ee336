import type { Channel } from './protocol/channel.js';
import type { WidgetContext } from './protocol/context.js';
import { PlugboardError } from './protocol/errors.js';
import type {
  HostMethodName,
  HostMethodParams,
  HostMethodResult,
} from './protocol/host-methods.js';
import type { TrafficEntry } from './protocol/traffic.js';
import type {
  WidgetMethodName,
  WidgetMethodParams,
  WidgetMethodResult,
} from './protocol/widget-methods.js';
import type { Envelope } from './protocol/wire.js';

/** Options of one call. */
export interface WidgetCallOptions {
  /** How long to wait for the host's answer, in milliseconds. Default: the client's `timeoutMs`. */
  readonly timeoutMs?: number;
}

/** The arguments of `client.call(method, …)`: params may be left out where a method takes none. */
export type WidgetCallArgs<M extends HostMethodName> =
  undefined extends HostMethodParams<M>
    ? [params?: HostMethodParams<M>, options?: WidgetCallOptions]
    : [params: HostMethodParams<M>, options?: WidgetCallOptions];

/**
 * A widget's answer to a host call: the result, or a promise of it. Methods
 * that answer nothing take a handler that returns nothing.
 */
export type WidgetMethodHandler<M extends WidgetMethodName> = (
  params: WidgetMethodParams<M>,
) => WidgetMethodResult<M> extends undefined
  ? void | Promise<void>
  : WidgetMethodResult<M> | Promise<WidgetMethodResult<M>>;

/** What the client needs from `connect()`. */
export interface WidgetClientInit {
  readonly channel: Channel;
  readonly context: WidgetContext;
  readonly protocolVersion: number;
  readonly timeoutMs: number;
  readonly log: ((entry: TrafficEntry) => void) | undefined;
  readonly destroy: () => void;
}

/**
 * A widget's connection to its host, from `connect()`. `call` reaches every
 * host method, typed by the protocol; `handle` answers the host's calls.
 */
export class WidgetClient {
  readonly #init: WidgetClientInit;
  readonly #handlers = new Map<string, (params: never) => unknown>();
  #context: WidgetContext;
  #destroyed = false;

  constructor(init: WidgetClientInit) {
    this.#init = init;
    this.#context = init.context;
  }

  /** Where and for whom the widget runs now; updated before `open` and `contextChanged` handlers run. */
  get context(): WidgetContext {
    return this.#context;
  }

  /** The protocol version agreed with the host. */
  get protocolVersion(): number {
    return this.#init.protocolVersion;
  }

  /**
   * Calls a host method. Rejects with a {@link PlugboardError}: for instance
   * `permission_denied` when the app's manifest lacks the permission,
   * `invalid_params` with the path of a bad field, `timeout`, `cancelled`.
   */
  async call<M extends HostMethodName>(
    method: M,
    ...args: WidgetCallArgs<M>
  ): Promise<HostMethodResult<M>> {
    const [params, options] = args;
    const { channel, timeoutMs, log } = this.#init;
    const started = performance.now();
    const envelope: Envelope = this.#destroyed
      ? {
          ok: false,
          error: {
            code: 'cancelled',
            message: `${method} was not sent: the client was destroyed.`,
            details: undefined,
          },
        }
      : await channel.call(method, params, options?.timeoutMs ?? timeoutMs);
    log?.({
      direction: 'widget→host',
      method,
      durationMs: performance.now() - started,
      outcome: envelope.ok ? 'ok' : envelope.error.code,
      instanceId: this.#context.instanceId,
    });
    if (!envelope.ok) throw PlugboardError.from(envelope.error);
    return envelope.value as HostMethodResult<M>;
  }

  /**
   * Answers the host's calls to `method`. Replaces any earlier handler;
   * returns a function that removes it. Without a handler the host gets
   * `unsupported` (except `ping`, and `open` and `contextChanged`, which
   * always update {@link WidgetClient.context}).
   */
  handle<M extends WidgetMethodName>(method: M, handler: WidgetMethodHandler<M>): () => void {
    this.#handlers.set(method, handler);
    return () => {
      if (this.#handlers.get(method) === handler) this.#handlers.delete(method);
    };
  }

  /** Closes the connection; pending calls on both sides reject with `cancelled`. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#init.destroy();
  }

  /**
   * Answers one call from the host; used by `connect()`. Synchronous when the
   * handler is, so a plain answer costs no extra turn of the event loop.
   * @internal
   */
  answer(method: string, params: unknown): Envelope | Promise<Envelope> {
    const started = performance.now();
    let value: unknown;
    try {
      if (method === 'open' || method === 'contextChanged') this.#context = params as WidgetContext;
      const handler = this.#handlers.get(method);
      if (handler) value = handler(params as never);
      else if (method === 'ping') value = 'pong';
      else if (method !== 'open' && method !== 'contextChanged') {
        throw new PlugboardError('unsupported', `This widget does not handle ${method}.`);
      }
    } catch (error) {
      return this.#failed(method, started, error);
    }
    return value instanceof Promise
      ? value.then(
          (result: unknown) => this.#answered(method, started, { ok: true, value: result }),
          (error: unknown) => this.#failed(method, started, error),
        )
      : this.#answered(method, started, { ok: true, value });
  }

  #failed(method: string, started: number, error: unknown): Envelope {
    return this.#answered(method, started, {
      ok: false,
      error:
        error instanceof PlugboardError
          ? error.toJSON()
          : {
              code: 'host_error',
              message: `The widget's ${method} handler failed: ${error instanceof Error ? error.message : String(error)}`,
              details: undefined,
            },
    });
  }

  #answered(method: string, started: number, envelope: Envelope): Envelope {
    this.#init.log?.({
      direction: 'host→widget',
      method,
      durationMs: performance.now() - started,
      outcome: envelope.ok ? 'ok' : envelope.error.code,
      instanceId: this.#context.instanceId,
    });
    return envelope;
  }
}
