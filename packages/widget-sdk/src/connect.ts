import { autoResize } from './auto-resize.js';
import { WidgetClient, type WidgetMethodHandler } from './client.js';
import { dismissOnEscape } from './dialog-keys.js';
import { reportErrors } from './error-reports.js';
import { keepFocus } from './focus-return.js';
import { shakeHands } from './handshake.js';
import { embedderOrigin } from './host-origins.js';
import { Channel, type FrameServer } from './protocol/channel.js';
import { PlugboardError } from './protocol/errors.js';
import { DESTROY, isDestroy } from './protocol/handshake-messages.js';
import { isExactOrigin } from './protocol/origins.js';
import { REFUSAL } from './protocol/refusal.js';
import { trafficLogger, type TrafficLog } from './protocol/traffic.js';
import { formatRange, PROTOCOL_RANGE } from './protocol/version.js';
import type { HostWelcome, WidgetHello } from './protocol/wire.js';
import type { WidgetMethodName } from './protocol/widget-methods.js';

/** Options of {@link connect}. */
export interface ConnectOptions {
  /**
   * The exact origins of the hosts this widget trusts, for instance
   * `['https://orders.example']`. Default: the origin of the page that embeds
   * this one, as the browser reports it. Set it in production, so the widget
   * refuses any other embedder. `'*'` and patterns are refused.
   */
  readonly hostOrigins?: readonly string[];
  /** How long a call waits for the host's answer, in milliseconds. Default 10 000. */
  readonly timeoutMs?: number;
  /** How long to wait for the host to answer the handshake, in milliseconds. Default 10 000. */
  readonly handshakeTimeoutMs?: number;
  /** Logs every call (method, direction, duration, outcome) to the console, or to your function. */
  readonly debug?: TrafficLog;
  /** Reports the page's height to the host as it changes, so the iframe fits. Default `true`. */
  readonly autoResize?: boolean;
  /**
   * Handlers of the host's calls, in place from the first call: the host
   * may call as soon as the handshake ends, before `connect()` has
   * resolved. The same as calling `client.handle(method, handler)` for each.
   */
  readonly handlers?: { readonly [M in WidgetMethodName]?: WidgetMethodHandler<M> };
}

let connected = false;

/**
 * Connects this widget to the host that embeds it. Resolves with a typed
 * client once the host has checked this page's origin, agreed a protocol
 * version and handed over the widget's context.
 *
 * Rejects with a {@link PlugboardError}: `unsupported` outside an iframe,
 * `busy` when already connected, `invalid_params` for a bad `hostOrigins`,
 * `permission_denied` when the embedding page is not a trusted host,
 * `version_mismatch`, or `timeout` when no host answers.
 */
export async function connect(options: ConnectOptions = {}): Promise<WidgetClient> {
  if (window.parent === window) {
    throw new PlugboardError(
      'unsupported',
      'connect() must run inside the iframe that a Plugboard host mounts; this page is not in an iframe.',
    );
  }
  if (connected) {
    throw new PlugboardError(
      'busy',
      'connect() was already called in this page: use the client it resolved with, or destroy() that client first.',
    );
  }
  const embedder = embedderOrigin();
  const hostOrigins = options.hostOrigins ?? (embedder === undefined ? [] : [embedder]);
  const bad = hostOrigins.find((origin) => !isExactOrigin(origin));
  if (bad !== undefined || hostOrigins.length === 0) {
    throw new PlugboardError(
      'invalid_params',
      bad === undefined
        ? 'The host page\'s origin is unknown: pass connect({ hostOrigins: ["https://host.example"] }).'
        : `hostOrigins: ${JSON.stringify(bad)} is not an exact origin such as "https://host.example".`,
    );
  }
  const refuse = (origin: string) => {
    // Tell the embedder, so its host can show why; the message carries nothing else.
    window.parent.postMessage(REFUSAL, origin);
    const message = `Refusing to connect: the embedding page is on ${origin}, which is not in hostOrigins [${hostOrigins.join(', ')}].`;
    console.error(`[plugboard] ${message}`);
    return new PlugboardError('permission_denied', message);
  };
  if (embedder !== undefined && !hostOrigins.includes(embedder)) throw refuse(embedder);

  connected = true;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? 10_000;
  let client: WidgetClient | undefined;
  let channel: Channel | undefined;
  let stopResize: (() => void) | undefined;
  let stopKeys: (() => void) | undefined;
  let stopFocus: (() => void) | undefined;
  let stopReports: (() => void) | undefined;
  let rejectHandshake: (error: PlugboardError) => void = () => undefined;
  const refused = new Promise<never>((_, reject) => {
    rejectHandshake = reject;
  });
  // The host may call as soon as it has sent its welcome, before this page
  // has read it: such calls wait for the client.
  let clientMade: (made: WidgetClient | undefined) => void = () => undefined;
  const made = new Promise<WidgetClient | undefined>((resolve) => {
    clientMade = resolve;
  });
  const serve: FrameServer = (method, params) =>
    client
      ? client.answer(method, params)
      : made.then((c) =>
          c
            ? c.answer(method, params)
            : {
                ok: false,
                error: {
                  code: 'unsupported',
                  message: 'The widget did not connect.',
                  details: undefined,
                },
              },
        );
  const handshake = shakeHands({
    origins: hostOrigins,
    onUntrustedOrigin: (origin) => {
      rejectHandshake(refuse(origin));
    },
  });
  let port: MessagePort | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new PlugboardError('timeout', 'The handshake timed out.'));
    }, handshakeTimeoutMs);
  });
  // A page that goes away (navigates, reloads, closes) says so, and the host
  // can take the next page's handshake at once.
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    connected = false;
    window.removeEventListener('pagehide', close);
    clearTimeout(timer);
    handshake.stop();
    stopResize?.();
    stopKeys?.();
    stopFocus?.();
    stopReports?.();
    channel?.close({
      code: 'cancelled',
      message: 'The connection was closed.',
      details: undefined,
    });
    port?.postMessage(DESTROY);
    port?.close();
    client?.destroy();
  };
  window.addEventListener('pagehide', close);
  try {
    port = await Promise.race([handshake.port, refused, timedOut]);
    const opened = (channel = new Channel(port, { serve }));
    port.onmessage = (event: MessageEvent<unknown>) => {
      if (typeof event.data === 'string') opened.receive(event.data);
      else if (isDestroy(event.data)) close();
    };
    const welcome = await Promise.race([
      opened.call('hello', { protocol: PROTOCOL_RANGE } satisfies WidgetHello, handshakeTimeoutMs),
      refused,
      timedOut,
    ]);
    if (!welcome.ok) throw PlugboardError.from(welcome.error);
    const { protocolVersion, context } = welcome.value as HostWelcome;
    if (protocolVersion < PROTOCOL_RANGE.min || protocolVersion > PROTOCOL_RANGE.max) {
      throw new PlugboardError(
        'version_mismatch',
        `The host chose protocol ${protocolVersion}; this widget speaks ${formatRange(PROTOCOL_RANGE)}.`,
      );
    }
    clearTimeout(timer);
    client = new WidgetClient({
      channel: opened,
      context,
      protocolVersion,
      timeoutMs,
      log: trafficLogger(options.debug),
      destroy: close,
    });
    for (const [method, handler] of Object.entries(options.handlers ?? {})) {
      client.handle(method as 'open', handler as WidgetMethodHandler<'open'>);
    }
    if (options.autoResize !== false) stopResize = autoResize(client);
    if (context.dialog) stopKeys = dismissOnEscape(client);
    stopFocus = keepFocus();
    stopReports = reportErrors(client);
    clientMade(client);
    return client;
  } catch (error) {
    clientMade(undefined);
    close();
    if ((error as PlugboardError).code === 'timeout') {
      throw new PlugboardError(
        'timeout',
        `No Plugboard host answered within ${handshakeTimeoutMs} ms. Is this page mounted by a Plugboard host on ${hostOrigins.join(' or ')}?`,
      );
    }
    throw error;
  }
}
