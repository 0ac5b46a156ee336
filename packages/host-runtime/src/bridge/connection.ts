/**
 * The host's end of the bridge to one widget iframe.
 *
 * What it must guarantee, and why:
 * - Only the iframe's own window, on the manifest's exact origin, can reach
 *   it: any other frame or origin, however well-formed its messages, gets no
 *   call through (OriginMessenger drops them before penpal sees them).
 * - Nothing but the handshake is answered before the widget has said hello
 *   and a protocol version both sides speak is agreed; an incompatible widget
 *   gets `version_mismatch` naming both ranges, not silence.
 * - A widget that never completes the handshake makes `ready` reject with
 *   `timeout` after `handshakeTimeoutMs`, so the host can show it and retry.
 * - Every call from the widget passes the same guards in the same order
 *   (see dispatch.ts), and every caller's promise settles, on both sides.
 * - `destroy()` rejects whatever is pending on both sides with `cancelled`,
 *   aborts running services, and removes every listener it added.
 */
import { CallOptions, connect as connectPenpal, type RemoteProxy } from 'penpal';
import {
  formatRange,
  fromTransportError,
  negotiateVersion,
  OriginMessenger,
  PlugboardError,
  PROTOCOL_RANGE,
  trafficLogger,
  WIDGET_METHODS,
  type Envelope,
  type HostEndpoint,
  type HostWelcome,
  type ProtocolRange,
  type TrafficEntry,
  type TrafficLog,
  type WidgetContext,
  type WidgetEndpoint,
  type WidgetMethodName,
  type WidgetMethodParams,
  type WidgetMethodResult,
} from '@plugboard/widget-sdk/protocol';
import * as v from 'valibot';
import type { HostServices } from '../services/host-services.js';
import { checkParams } from './check-params.js';
import { dispatchCall, type CallerInfo } from './dispatch.js';
import { CallLimiter, DEFAULT_LIMITS, type HostBridgeLimits } from './limits.js';

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
}

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

function isRange(value: unknown): value is ProtocolRange {
  const range = value as Partial<ProtocolRange> | null;
  return typeof range?.min === 'number' && typeof range.max === 'number';
}

/** Opens the bridge to one widget iframe. */
export function connectWidget(options: HostConnectionOptions): HostConnection {
  const remoteWindow = options.iframe.contentWindow;
  if (!remoteWindow) {
    throw new TypeError('connectWidget: the iframe must be in the document before connecting.');
  }
  const appName = options.appName ?? options.appId;
  const limits: HostBridgeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = trafficLogger(options.debug);
  const lifetime = new AbortController();
  const caller: CallerInfo = {
    appId: options.appId,
    appName,
    instanceId: options.instanceId,
    context: options.context,
    permissions: new Set(options.permissions),
    services: options.services ?? {},
    limits,
    limiter: new CallLimiter(limits),
    signal: lifetime.signal,
  };
  const logEntry = (entry: Omit<TrafficEntry, 'instanceId'>) => {
    log?.({ ...entry, instanceId: options.instanceId });
  };

  let welcomed = false;
  let destroyed = false;
  let resolveReady: (info: HostConnectionInfo) => void = () => undefined;
  let rejectReady: (error: PlugboardError) => void = () => undefined;
  const ready = new Promise<HostConnectionInfo>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Whoever only calls destroy() need not also handle `ready`.
  ready.catch(() => undefined);

  const fail = (error: PlugboardError) => {
    rejectReady(error);
    destroy();
  };

  const methods: HostEndpoint = {
    hello: (hello): Envelope<HostWelcome> => {
      if (welcomed) {
        return {
          ok: false,
          error: {
            code: 'unsupported',
            message: 'The handshake is already complete.',
            details: undefined,
          },
        };
      }
      const theirs = isRange(hello.protocol) ? hello.protocol : undefined;
      const version = theirs && negotiateVersion(PROTOCOL_RANGE, theirs);
      if (version === undefined) {
        const error = new PlugboardError(
          'version_mismatch',
          `${appName} speaks protocol ${theirs ? formatRange(theirs) : '(none given)'}; this host speaks ${formatRange(PROTOCOL_RANGE)}.`,
        );
        // After the reply has gone out.
        setTimeout(() => {
          fail(error);
        });
        return { ok: false, error: error.toJSON() };
      }
      welcomed = true;
      clearTimeout(handshakeTimer);
      resolveReady({ protocolVersion: version });
      return { ok: true, value: { protocolVersion: version, context: options.context() } };
    },
    call: async (method, params) => {
      if (!welcomed) {
        return {
          ok: false,
          error: {
            code: 'unsupported',
            message: 'Say hello first: the handshake is not complete.',
            details: undefined,
          },
        };
      }
      const started = performance.now();
      const envelope = await dispatchCall(caller, method, params);
      logEntry({
        direction: 'widget→host',
        method,
        durationMs: performance.now() - started,
        outcome: envelope.ok ? 'ok' : envelope.error.code,
      });
      return envelope;
    },
  };

  const connection = connectPenpal<WidgetEndpoint>({
    messenger: new OriginMessenger({
      remoteWindow,
      origins: [options.origin],
      waitForRemote: true,
      onRemoteDestroy: () => {
        fail(new PlugboardError('cancelled', `${appName} closed the connection.`));
      },
    }),
    methods,
  });
  connection.promise.catch((error: unknown) => {
    fail(fromTransportError(error, `Connecting to ${appName}`));
  });
  const handshakeTimer = setTimeout(() => {
    fail(
      new PlugboardError(
        'timeout',
        `${appName} did not complete the handshake within ${limits.handshakeTimeoutMs} ms.`,
      ),
    );
  }, limits.handshakeTimeoutMs);

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    clearTimeout(handshakeTimer);
    rejectReady(new PlugboardError('cancelled', `The connection to ${appName} was destroyed.`));
    lifetime.abort();
    connection.destroy();
  }

  async function call<M extends WidgetMethodName>(
    method: M,
    params: WidgetMethodParams<M>,
    callOptions?: { readonly timeoutMs?: number },
  ): Promise<WidgetMethodResult<M>> {
    const started = performance.now();
    let outcome: TrafficEntry['outcome'] = 'ok';
    try {
      const spec = WIDGET_METHODS[method];
      checkParams(spec.params, params, method);
      await ready;
      if (destroyed)
        throw new PlugboardError(
          'cancelled',
          `${method} was not sent: the connection is destroyed.`,
        );
      const remote: RemoteProxy<WidgetEndpoint> = await connection.promise;
      let envelope: Envelope;
      try {
        envelope = await remote.call(
          method,
          params,
          new CallOptions({ timeout: callOptions?.timeoutMs ?? limits.widgetCallTimeoutMs }),
        );
      } catch (error) {
        throw fromTransportError(error, `${appName}'s ${method}`);
      }
      if (!envelope.ok) throw PlugboardError.from(envelope.error);
      const checked = v.safeParse(spec.result, envelope.value);
      if (!checked.success) {
        throw new PlugboardError(
          'host_error',
          `${appName} answered ${method} with a result that breaks the protocol.`,
        );
      }
      return checked.output;
    } catch (error) {
      const failure = error instanceof PlugboardError ? error : fromTransportError(error, method);
      outcome = failure.code;
      throw failure;
    } finally {
      logEntry({
        direction: 'host→widget',
        method,
        durationMs: performance.now() - started,
        outcome,
      });
    }
  }

  return { ready, call, destroy };
}
