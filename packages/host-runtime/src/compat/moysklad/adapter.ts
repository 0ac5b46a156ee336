import {
  PlugboardError,
  type Envelope,
  type JsonValue,
  type WidgetContext,
} from '@plugboard/widget-sdk/protocol';
import {
  callerFor,
  type HostConnection,
  type HostConnectionInfo,
  type HostConnectionOptions,
} from '../../bridge/connection.js';
import { dispatchCall } from '../../bridge/dispatch.js';
import { DEFAULT_LIMITS } from '../../bridge/limits.js';
import { ERR, FIRE_AND_FORGET, inMoySkladNames, isGiven, type Message } from './messages.js';
import { serviceRequests } from './requests.js';
import { stateMessages } from './state-messages.js';
import { messageLog } from './traffic.js';
import { Verdicts } from './verdicts.js';
import type { MoySkladAppInfo, MoySkladUse } from './types.js';

export type { MoySkladAppInfo } from './types.js';

type JsonObject = Record<string, JsonValue>;

/**
 * The host's end of a widget written for MoySklad's protocol: raw
 * postMessage of plain objects, no handshake. It speaks to the page the way
 * MoySklad does (Open on each showing, Change, Save, OpenPopup, responses,
 * InvalidMessageError with codes 1000–1006) and maps its requests onto the
 * same host services a Plugboard widget reaches, through the same
 * permission guard and schemas. Security stays ours: a message counts only
 * from this iframe's own window and the app's origin, and the host posts
 * only to that origin. Every request is answered.
 *
 * Readiness follows MoySklad's loader: a widget with `open-feedback` is
 * ready at its OpenFeedback to the first Open (and busy again from each
 * later Open to its OpenFeedback); one without it, when Open is sent.
 * Every message both ways goes to the host's debug log.
 */
export function connectMoySklad(
  options: HostConnectionOptions & {
    readonly moysklad: MoySkladAppInfo;
    readonly widgetId: string;
  },
): HostConnection {
  const { iframe, origin, moysklad } = options;
  const widget = moysklad.widgets[options.widgetId];
  const popup = moysklad.dialogs[options.widgetId];
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const lifetime = new AbortController();
  const caller = callerFor(options, limits, lifetime.signal);
  const log = messageLog(options.debug, options.instanceId);
  let destroyed = false;
  let nextId = 1;
  let state: 'loading' | 'opening' | 'opened' = 'loading';
  let openId = 0;
  /** The object the last Open was for. */
  let openedFor: string | null = null;
  const verdicts = new Verdicts();
  let callId = 0;
  const feedback = widget?.supports.includes('open-feedback') ?? false;

  /** The errors this message was answered with, for the log. */
  const answered = new WeakMap<Message, { code: number; error: string }>();
  const post = (message: Message) => {
    if (destroyed) return;
    iframe.contentWindow?.postMessage(message, origin);
    log?.sent(message);
  };
  const invalid = (message: Message, code: number, error: string) => {
    answered.set(message, { code, error });
    post({
      name: 'InvalidMessageError',
      correlationId: typeof message['messageId'] === 'number' ? message['messageId'] : null,
      invalidMessage: message,
      errors: [{ code, error }],
    });
  };
  const call = (method: string, params: unknown): Promise<Envelope> =>
    dispatchCall(caller, method, params, ++callId);
  const context = (): WidgetContext => options.context();
  const point = () => widget?.point ?? context().extensionPoint.id;

  let resolveReady: (info: HostConnectionInfo) => void = () => undefined;
  let rejectReady: (error: PlugboardError) => void = () => undefined;
  let readied = false;
  const ready = new Promise<HostConnectionInfo>((resolve, reject) => {
    resolveReady = (info) => {
      readied = true;
      clearTimeout(feedbackTimer);
      resolve(info);
    };
    rejectReady = reject;
  });
  ready.catch(() => undefined);
  // A widget with open-feedback that never sends it, as MoySklad's SDK
  // 1.2.0 notes say, counts as not loaded.
  let feedbackTimer: ReturnType<typeof setTimeout> | undefined;

  const sendOpen = () => {
    const { entity, dialog } = context();
    if (dialog) {
      const { params } = dialog;
      post({
        name: 'OpenPopup',
        messageId: nextId++,
        popupName: popup?.name ?? dialog.id,
        // The opener's popupParameters as it gave them (null too); none when it gave none.
        ...(isGiven(params) ? { popupParameters: params.given } : {}),
      });
      state = 'opened';
      resolveReady({ protocolVersion: 0 });
      return;
    }
    openId = nextId++;
    openedFor = entity?.id ?? null;
    state = 'opening';
    verdicts.reset();
    // Open resets the dirty flag.
    void call('widget.setDirty', { dirty: false });
    post({
      name: 'Open',
      messageId: openId,
      extensionPoint: point(),
      objectId: entity?.id ?? null,
      displayMode: 'expanded',
    });
    if (!feedback) {
      state = 'opened';
      resolveReady({ protocolVersion: 0 });
    } else if (readied) {
      // MoySklad's loader over the reused widget, until its OpenFeedback.
      options.onBusy?.(true);
    }
  };

  const supports = (name: string) =>
    widget ? (widget.supports as readonly string[]).includes(name) : false;
  const uses = (name: MoySkladUse) => (widget ?? popup)?.uses.includes(name) ?? false;

  const handlers: Record<string, (message: Message) => void | Promise<void>> = {
    OpenFeedback: (message) => {
      if (!supports('open-feedback')) {
        invalid(message, ERR.protocol, 'Widget does not support the protocol for OpenFeedback');
        return;
      }
      if (state !== 'opening') {
        invalid(
          message,
          ERR.state,
          `Invalid widget state ${state === 'opened' ? 'Opened' : 'Loading'} for OpenFeedback, allowed: Opening`,
        );
        return;
      }
      if (message['correlationId'] !== openId) {
        invalid(
          message,
          ERR.invalid,
          `Invalid value of correlationId: ${JSON.stringify(message['correlationId'])} is not the messageId of the last Open (${openId})`,
        );
        return;
      }
      state = 'opened';
      if (readied) {
        options.onBusy?.(false);
        return;
      }
      resolveReady({ protocolVersion: 0 });
      // The card moved on while the page first loaded: it hears of it now.
      if ((context().entity?.id ?? null) !== openedFor) sendOpen();
    },
    ...stateMessages({ supports, invalid, call, verdicts }),
    ...serviceRequests({
      post,
      invalid,
      call,
      context,
      moysklad,
      widgetId: options.widgetId,
      appName: caller.appName,
      supports,
      uses,
      popup: popup !== undefined,
    }),
  };

  const onMessage = (event: MessageEvent<unknown>) => {
    // Only this iframe's own window, on the app's origin, is heard.
    if (event.source !== iframe.contentWindow || event.origin !== origin || destroyed) return;
    const message = event.data;
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return;
    const data = message as Message;
    if (!('name' in data) && typeof data['height'] === 'number') {
      void call('widget.resize', { height: data['height'] });
      return;
    }
    const name = data['name'];
    // An object with no name is no message of this protocol, and has nothing to answer to.
    if (typeof name !== 'string') return;
    const started = performance.now();
    const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
    let handled: Promise<void>;
    if (!handler) {
      invalid(
        data,
        ERR.invalid,
        `Invalid value of name: ${JSON.stringify(name)} is not a message of this protocol`,
      );
      handled = Promise.resolve();
    } else if (!FIRE_AND_FORGET.has(name) && typeof data['messageId'] !== 'number') {
      invalid(data, ERR.missing, 'Missing required parameter messageId');
      handled = Promise.resolve();
    } else {
      handled = Promise.resolve(handler(data)).catch((error: unknown) => {
        invalid(data, ERR.host, `Error processing ${name}: ${String(error)}`);
      });
    }
    if (!log) return;
    void handled.then(() => {
      log.heard(data, performance.now() - started, answered.get(data));
    });
  };

  // Each document that loads in the iframe is shown anew: it gets Open (or OpenPopup).
  const onLoad = () => {
    if (destroyed) return;
    sendOpen();
    if (feedback && !readied && !feedbackTimer) {
      feedbackTimer = setTimeout(() => {
        rejectReady(
          new PlugboardError(
            'host_error',
            `Its page loaded but sent no OpenFeedback within ${limits.handshakeTimeoutMs} ms; its descriptor declares open-feedback. (An HTTP error page at ${iframe.src.split('?')[0] ?? ''} looks the same from here.)`,
          ),
        );
      }, limits.handshakeTimeoutMs);
    }
  };
  window.addEventListener('message', onMessage);
  iframe.addEventListener('load', onLoad);

  const connection: HostConnection = {
    ready,
    call: async (method: string, params: unknown) => {
      // Only widgets that loaded and heard a Change are asked to validate.
      if (method === 'validate' && verdicts.change === undefined) return { valid: true };
      await ready;
      if (method === 'ping') return 'pong';
      if (method === 'open') {
        sendOpen();
        return undefined;
      }
      if (method === 'contextChanged') return undefined;
      if (method === 'change') {
        const { data, paths } = params as { data: JsonObject; paths: string[] };
        const messageId = nextId++;
        verdicts.changed(messageId);
        post({
          name: 'Change',
          messageId,
          extensionPoint: point(),
          changeHints: [
            ...new Set(paths.map((path) => (path === 'positions' ? 'positions' : '_fields'))),
          ],
          objectState: {
            ...inMoySkladNames(moysklad.fields, data),
            id: context().entity?.id ?? null,
          },
        });
        return undefined;
      }
      if (method === 'validate') return verdicts.latest();
      if (method === 'save') {
        post({
          name: 'Save',
          messageId: nextId++,
          extensionPoint: point(),
          objectId: context().entity?.id ?? null,
        });
        return undefined;
      }
      throw new PlugboardError('unsupported', `A MoySklad widget has no ${method}.`);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(feedbackTimer);
      rejectReady(new PlugboardError('cancelled', 'The widget was unmounted.'));
      lifetime.abort(new PlugboardError('cancelled', 'The widget was unmounted.'));
      window.removeEventListener('message', onMessage);
      iframe.removeEventListener('load', onLoad);
      verdicts.clear();
    },
  };
  return connection;
}
