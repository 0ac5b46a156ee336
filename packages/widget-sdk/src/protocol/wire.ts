import type { WidgetContext } from './context.js';
import type { SerializedError } from './errors.js';
import type { ProtocolRange } from './version.js';

/**
 * The outcome of one call as it crosses the bridge. Errors travel as data,
 * never as thrown exceptions, so a host's stack trace never reaches a vendor.
 */
export type Envelope<T = unknown> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: SerializedError };

/** The widget's opening message, its first call after the transport connects. */
export interface WidgetHello {
  /** The protocol versions the widget speaks. */
  readonly protocol: ProtocolRange;
}

/** The host's answer to {@link WidgetHello}. */
export interface HostWelcome {
  /** The version both sides now speak. */
  readonly protocolVersion: number;
  /** Where and for whom the widget runs. */
  readonly context: WidgetContext;
}

/**
 * What the host exposes over penpal. Every Plugboard method goes through
 * `call`, so each one passes the same guards in the same order.
 */
export interface HostEndpoint {
  [key: string]: (...args: never[]) => unknown;
  hello(hello: WidgetHello): Envelope<HostWelcome>;
  call(method: string, params: unknown): Promise<Envelope>;
}

/** What a widget exposes over penpal. */
export interface WidgetEndpoint {
  [key: string]: (...args: never[]) => unknown;
  call(method: string, params: unknown): Promise<Envelope>;
}
