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
 * - Nothing a widget sends can raise an exception in the host page: the
 *   messenger takes only the handshake through the window and only call
 *   frames and DESTROY through the port, and the channel never throws.
 * - The connection ends when the widget's page goes away and says so
 *   (DESTROY: the SDK sends it on `pagehide`), or when a new page in the
 *   iframe starts a handshake; `onEnd` then tells the owner, with that
 *   handshake, so a new connection can answer it (see widget-mount.ts).
 * - `destroy()` rejects whatever is pending on both sides with `cancelled`,
 *   aborts running services, and removes every listener it added.
 */
import {
  Channel,
  OriginMessenger,
  PlugboardError,
  trafficLogger,
  WIDGET_METHODS,
  type Envelope,
  type FrameServer,
  type HostWelcome,
  type TrafficEntry,
  type WidgetMethodName,
  type WidgetMethodParams,
  type WidgetMethodResult,
} from '@plugboard/widget-sdk/protocol';
import * as v from 'valibot';
import { checkParams } from './check-params.js';
import { negotiate } from './hello.js';
import { admitCall } from './admission.js';
import { shakeHands } from './handshake.js';
import { dispatchCall, type CallerInfo } from './dispatch.js';
import { CallLimiter, DEFAULT_LIMITS, type HostBridgeLimits } from './limits.js';
import type {
  HostConnection,
  HostConnectionEnd,
  HostConnectionInfo,
  HostConnectionOptions,
} from './connection-types.js';

export type {
  HostConnection,
  HostConnectionEnd,
  HostConnectionInfo,
  HostConnectionOptions,
  HostHandshake,
} from './connection-types.js';

/**
 * What the call pipeline (dispatch.ts) knows of the widget behind a
 * connection: its app, permissions, services and limits, and `signal`,
 * aborted when the connection ends. Any transport to a widget's page
 * builds it so.
 */
export function callerFor(
  options: HostConnectionOptions,
  limits: HostBridgeLimits,
  signal: AbortSignal,
): CallerInfo {
  return {
    appId: options.appId,
    appName: options.appName ?? options.appId,
    instanceId: options.instanceId,
    context: options.context,
    permissions: new Set(options.permissions),
    services: options.services ?? {},
    limits,
    limiter: new CallLimiter(limits),
    signal,
    cancels: new Map(),
  };
}

/** Opens the bridge to one widget iframe. */
export function connectWidget(options: HostConnectionOptions): HostConnection {
  const { iframe } = options;
  if (!iframe.isConnected) {
    throw new TypeError('connectWidget: the iframe must be in the document before connecting.');
  }
  // Read when the widget speaks, not now: see OriginMessenger's remoteWindow.
  const remoteWindow = () => iframe.contentWindow;
  const appName = options.appName ?? options.appId;
  const limits: HostBridgeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (limits.maxBytesPerWindow < limits.maxPayloadBytes) {
    throw new RangeError(
      `connectWidget: limits.maxBytesPerWindow (${limits.maxBytesPerWindow}) is below limits.maxPayloadBytes (${limits.maxPayloadBytes}): the largest call could never be read.`,
    );
  }
  const log = trafficLogger(options.debug);
  const lifetime = new AbortController();
  const caller = callerFor(options, limits, lifetime.signal);
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

  const notYet: Envelope = {
    ok: false,
    error: {
      code: 'unsupported',
      message: 'Say hello first: the handshake is not complete.',
      details: undefined,
    },
  };

  const hello = (params: unknown): Envelope<HostWelcome> => {
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
    const version = negotiate(params);
    if (version instanceof PlugboardError) {
      // After the reply has gone out.
      setTimeout(() => {
        fail(version);
      });
      return { ok: false, error: version.toJSON() };
    }
    welcomed = true;
    clearTimeout(handshakeTimer);
    resolveReady({ protocolVersion: version });
    return { ok: true, value: { protocolVersion: version, context: options.context() } };
  };

  const serve: FrameServer = async (method, params, id) => {
    if (method === 'hello') return hello(params);
    if (!welcomed) return notYet;
    const started = performance.now();
    const envelope = await dispatchCall(caller, method, params, id);
    // Only a host with a debug log pays for its entries.
    if (log) {
      logEntry({
        direction: 'widget→host',
        method,
        durationMs: performance.now() - started,
        ...outcomeOf(envelope),
        params,
      });
    }
    return envelope;
  };

  let channel: Channel | undefined;
  const end = (ended: HostConnectionEnd) => {
    if (destroyed) return;
    fail(new PlugboardError('cancelled', `${appName} closed the connection.`));
    options.onEnd?.(ended);
  };
  const messenger = new OriginMessenger({
    remoteWindow,
    origins: [options.origin],
    waitForRemote: true,
    ...(options.handshake ? { replay: options.handshake } : {}),
    onRemoteDestroy: () => {
      end({ reason: 'destroyed' });
    },
    onRemoteRestart: (syn) => {
      end({ reason: 'restarted', handshake: { syn, origin: options.origin } });
    },
    onFrame: (data) => {
      channelOf().receive(data);
    },
  });
  const channelOf = () =>
    (channel ??= new Channel(messenger.port as MessagePort, {
      serve,
      admit: (method, frame) => admitCall(caller, method, frame),
      // The widget's answers are bounded like its calls: none is read past it.
      maxAnswerLength: limits.maxPayloadBytes,
      cancel: (id) => caller.cancels.get(id)?.(),
    }));
  const connection = shakeHands(messenger);
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
    const cancelled = new PlugboardError(
      'cancelled',
      `The connection to ${appName} was destroyed.`,
    );
    rejectReady(cancelled);
    channel?.close(cancelled.toJSON());
    lifetime.abort();
    connection.destroy();
  }

  // Not async: a call to a ready widget posts its frame at once, and the
  // answer settles it with no more turns than the port itself needs.
  function call<M extends WidgetMethodName>(
    method: M,
    params: WidgetMethodParams<M>,
    callOptions?: { readonly timeoutMs?: number },
  ): Promise<WidgetMethodResult<M>> {
    const started = performance.now();
    const spec = options.methods?.[method] ?? (WIDGET_METHODS as typeof options.methods)?.[method];
    const send = (): Promise<Envelope> => {
      if (destroyed) {
        throw new PlugboardError(
          'cancelled',
          `${method} was not sent: the connection is destroyed.`,
        );
      }
      return channelOf().call(method, params, callOptions?.timeoutMs ?? limits.widgetCallTimeoutMs);
    };
    let answer: Promise<Envelope>;
    try {
      if (!spec)
        throw new PlugboardError('unsupported', `${method} is not a method of this widget.`);
      checkParams(spec.params, params, method);
      answer = welcomed ? send() : ready.then(send);
    } catch (error) {
      // checkParams and send throw only PlugboardErrors.
      answer = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const result = answer.then((envelope): WidgetMethodResult<M> => {
      if (!envelope.ok) throw PlugboardError.from(envelope.error);
      const checked = v.safeParse((spec as NonNullable<typeof spec>).result, envelope.value);
      if (!checked.success) {
        throw new PlugboardError(
          'host_error',
          `${appName} answered ${method} with a result that breaks the protocol.`,
        );
      }
      return checked.output as WidgetMethodResult<M>;
    });
    if (!log) return result;
    const logged = (outcome: Pick<TrafficEntry, 'outcome' | 'result' | 'message'>) => {
      logEntry({
        direction: 'host→widget',
        method,
        durationMs: performance.now() - started,
        ...outcome,
        params,
      });
    };
    return result.then(
      (value) => {
        logged({ outcome: 'ok', result: value });
        return value;
      },
      (error: unknown) => {
        const { code, message } = error as PlugboardError;
        logged({ outcome: code, message });
        throw error;
      },
    );
  }

  return { ready, call, destroy };
}

/** A call's outcome, result and message as the traffic log has them. */
const outcomeOf = (envelope: Envelope) =>
  envelope.ok
    ? { outcome: 'ok' as const, result: envelope.value }
    : { outcome: envelope.error.code, message: envelope.error.message };
