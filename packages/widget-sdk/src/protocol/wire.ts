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
