import type { Channel } from './protocol/channel.js';
import type { WidgetContext } from './protocol/context.js';
import { PlugboardError } from './protocol/errors.js';
import type {
  HostMethodName,
  HostMethodParams,
  HostMethodResult,
} from './protocol/host-methods.js';
import { HOST_SERVICE_NAMES, INTERACTIVE_METHODS } from './protocol/method-kinds.js';
import type { TrafficEntry } from './protocol/traffic.js';
import type {
  WidgetMethodName,
  WidgetMethodParams,
  WidgetMethodResult,
} from './protocol/widget-methods.js';
import type { Envelope } from './protocol/wire.js';

/** Options of one call. */
export interface WidgetCallOptions {
  /**
   * How long to wait for the host's answer, in milliseconds. Default: the
   * client's `timeoutMs`; no limit for calls that wait for the user
   * (dialogs, pickers: see {@link INTERACTIVE_METHODS}).
   */
  readonly timeoutMs?: number;
  /**
   * Stops waiting: the call rejects with `cancelled`, and the host stops
   * its work (closes the dialog or picker it opened).
   */
  readonly signal?: AbortSignal;
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

/** One service's methods: `dialogs.open` becomes `open` of the `dialogs` facade. */
export type HostServiceFacade<S extends string> = {
  readonly [M in HostMethodName as M extends `${S}.${infer Name}` ? Name : never]: (
    ...args: WidgetCallArgs<M>
  ) => Promise<HostMethodResult<M>>;
};

/** A facade per host service, derived from the protocol: `client.dialogs.open(…)`. */
export type HostFacades = {
  readonly [S in (typeof HOST_SERVICE_NAMES)[number]]: HostServiceFacade<S>;
};

// The facades are typed by this interface and built in the constructor, one
// Proxy per service, so a new method needs no code here.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface WidgetClient extends HostFacades {}

/**
 * A widget's connection to its host, from `connect()`. `call` reaches every
 * host method, typed by the protocol, and so do the facades, one per
 * service (`client.toasts.show({ message })` is `client.call('toasts.show',
 * { message })`); `handle` answers the host's calls.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class WidgetClient {
  readonly #init: WidgetClientInit;
  readonly #handlers = new Map<string, (params: never) => unknown>();
  #context: WidgetContext;
  #destroyed = false;

  constructor(init: WidgetClientInit) {
    this.#init = init;
    this.#context = init.context;
    const call = this.call.bind(this) as (method: string, ...args: unknown[]) => unknown;
    for (const service of HOST_SERVICE_NAMES) {
      (this as Record<string, unknown>)[service] = new Proxy(
        {},
        {
          // `then` stays undefined, so a facade is never taken for a promise.
          get: (_, name) =>
            typeof name === 'string' && name !== 'then'
              ? (...args: unknown[]) => call(`${service}.${name}`, ...args)
              : undefined,
        },
      );
    }
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
      : await channel.call(
          method,
          params,
          options?.timeoutMs ?? (INTERACTIVE_METHODS.has(method) ? Infinity : timeoutMs),
          options?.signal,
        );
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
