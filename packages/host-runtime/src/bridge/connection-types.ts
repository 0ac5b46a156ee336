import type { Message } from 'penpal';
import type {
  TrafficLog,
  WidgetContext,
  WidgetMethodName,
  WidgetMethodParams,
  WidgetMethodResult,
} from '@plugboard/widget-sdk/protocol';
import type * as v from 'valibot';
import type { HostServices } from '../services/host-services.js';
import type { HostBridgeLimits } from './limits.js';

// The host's end of a widget's page, as every transport offers it: Plugboard's
// bridge (connection.ts) and MoySklad's adapter alike.

/** Options of {@link connectWidget}. */
export interface HostConnectionOptions {
  /** The widget's iframe, already in the document. */
  readonly iframe: HTMLIFrameElement;
  /** The app manifest's origin: the only origin the widget may speak from. */
  readonly origin: string;
  /** The app's id. */
  readonly appId: string;
  /** The app's display name, for messages. Default: the app id. */
  readonly appName?: string;
  /** The widget instance's id. */
  readonly instanceId: string;
  /** The permissions the app holds here: its manifest's, narrowed by the host's grants. */
  readonly permissions: Iterable<string>;
  /** The context to hand over in the handshake; read when the widget says hello. */
  readonly context: () => WidgetContext;
  /** The host services this widget may reach. */
  readonly services?: HostServices;
  /** Time, size and rate limits; see {@link HostBridgeLimits}. */
  readonly limits?: Partial<HostBridgeLimits>;
  /** Logs every call (method, direction, duration, outcome) to the console, or to your function. */
  readonly debug?: TrafficLog;
  /**
   * Called once when the widget's side ends the connection: its page went
   * away or closed the connection (`destroyed`), or a new page in the iframe
   * began a handshake (`restarted`). The connection is destroyed by then.
   */
  readonly onEnd?: (end: HostConnectionEnd) => void;
  /**
   * For a transport whose pages say when they have caught up with a new
   * entity (MoySklad's OpenFeedback): `true` while a ready page is getting
   * ready again, `false` once it is. The frame shows its loader meanwhile.
   */
  readonly onBusy?: (busy: boolean) => void;
  /** A handshake that a new page began under an earlier connection (from `onEnd`): this connection answers it. */
  readonly handshake?: HostHandshake;
  /**
   * Widget methods this connection calls beyond WIDGET_METHODS, with their
   * schemas: a connector's LIST_WIDGET_METHODS. Calling a method that is in
   * neither rejects with `unsupported`.
   */
  readonly methods?: Readonly<
    Partial<Record<WidgetMethodName, { params: v.GenericSchema; result: v.GenericSchema }>>
  >;
}

/** A handshake a new page in the iframe began; pass it to a new `connectWidget` to answer it. */
export interface HostHandshake {
  /** The page's first handshake message. */
  readonly syn: Message;
  /** The origin it came from: always the manifest's origin. */
  readonly origin: string;
}

/** Why the widget's side ended a connection; see `onEnd`. */
export type HostConnectionEnd =
  | { readonly reason: 'destroyed' }
  | { readonly reason: 'restarted'; readonly handshake: HostHandshake };

/** What `ready` resolves with. */
export interface HostConnectionInfo {
  /** The protocol version agreed with the widget. */
  readonly protocolVersion: number;
}

/** The host's end of one widget's bridge. */
export interface HostConnection {
  /**
   * Resolves once the widget has connected and a protocol version is agreed.
   * Rejects with `timeout`, `version_mismatch`, or `cancelled` if destroyed first.
   */
  readonly ready: Promise<HostConnectionInfo>;
  /** Calls a widget method; waits for `ready` first. Rejects with a `PlugboardError`. */
  call<M extends WidgetMethodName>(
    method: M,
    params: WidgetMethodParams<M>,
    options?: { readonly timeoutMs?: number },
  ): Promise<WidgetMethodResult<M>>;
  /** Ends the connection: pending calls on both sides reject with `cancelled`. */
  destroy(): void;
}
