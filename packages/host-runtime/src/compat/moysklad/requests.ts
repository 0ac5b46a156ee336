import type { Envelope, JsonValue, WidgetContext } from '@plugboard/widget-sdk/protocol';
import { dialogChoice } from './dialog-request.js';
import { ERR, given, isGiven, NAVIGATE_AFTER_MS, type Message } from './messages.js';
import type { MoySkladAppInfo, MoySkladUse } from './types.js';

/** What the service requests need of their connection. */
export interface RequestContext {
  /** Posts a message to the widget's page, on its app's origin. */
  readonly post: (message: Message) => void;
  /** Answers `message` with InvalidMessageError. */
  readonly invalid: (message: Message, code: number, error: string) => void;
  /** Calls a host method through the bridge's guards, as a Plugboard widget would. */
  readonly call: (method: string, params: unknown) => Promise<Envelope>;
  readonly context: () => WidgetContext;
  readonly moysklad: MoySkladAppInfo;
  readonly appName: string;
  /** Whether the widget's descriptor declares the protocol (`update-provider`, …). */
  readonly supports: (name: string) => boolean;
  /** Whether this widget's (or popup's) own `uses` declares the service. */
  readonly uses: (name: MoySkladUse) => boolean;
  /** The manifest widget's (or dialog's) id. */
  readonly widgetId: string;
  /** Whether this page is a popup. */
  readonly popup: boolean;
}

/**
 * The widget → host requests that reach host services (update, selector,
 * dialogs, navigation, popups, user context), each answered with its
 * response or an InvalidMessageError: never left unanswered. A second
 * request of a kind while one waits is 1003.
 */
export function serviceRequests(connection: RequestContext) {
  const { post, invalid, call, context, moysklad, appName, supports, uses } = connection;
  /** A request of a service the widget's `uses` leaves out: 1004, and `false`. */
  const declared = (message: Message, use: MoySkladUse): boolean => {
    if (uses(use)) return true;
    invalid(
      message,
      ERR.protocol,
      `Widget does not support the protocol for ${String(message['name'])}`,
    );
    return false;
  };
  const pendingKinds = new Set<string>();
  // A request the host answers once its service has: the answer, or an error naming the request.
  const request = async (
    message: Message,
    kind: string,
    run: () => Promise<Message | undefined>,
  ): Promise<void> => {
    if (pendingKinds.has(kind)) {
      invalid(message, ERR.parallel, `Parallel request ${kind}`);
      return;
    }
    pendingKinds.add(kind);
    try {
      const answer = await run();
      if (answer) post({ ...answer, correlationId: message['messageId'] });
    } finally {
      pendingKinds.delete(kind);
    }
  };
  const failed = (message: Message, envelope: Envelope & { ok: false }) => {
    const { code, message: text } = envelope.error;
    const name = String(message['name']);
    if (code === 'permission_denied')
      invalid(message, ERR.protocol, `Widget does not support the protocol for ${name}`);
    else if (code === 'invalid_params')
      invalid(message, ERR.invalid, `Invalid value of ${name}: ${text}`);
    else invalid(message, ERR.host, `Error processing ${name}: ${text}`);
  };

  /**
   * Calls a host method that waits for the user (a picker, a dialog): its
   * `ok` outcome; `undefined` when the user dismissed it or it was
   * cancelled (answered as MoySklad's "closed by the user"); `false` once a
   * failure has been answered with an error.
   */
  const askUser = async <T>(
    message: Message,
    method: string,
    params: unknown,
  ): Promise<(T & { status: 'ok' }) | undefined | false> => {
    const envelope = await call(method, params);
    if (!envelope.ok) {
      if (envelope.error.code === 'cancelled') return undefined;
      failed(message, envelope);
      return false;
    }
    const outcome = envelope.value as { status: string } & T;
    return outcome.status === 'ok' ? (outcome as T & { status: 'ok' }) : undefined;
  };

  return {
    UpdateRequest: (message) =>
      request(message, 'UpdateRequest', async () => {
        if (!supports('update-provider')) {
          invalid(message, ERR.protocol, 'Widget does not support the protocol for UpdateRequest');
          return undefined;
        }
        const state = message['updateState'];
        if (typeof state !== 'object' || state === null || Array.isArray(state)) {
          invalid(message, ERR.missing, 'Missing required parameter updateState');
          return undefined;
        }
        // The host's field for each of MoySklad's: own properties only, so
        // a `constructor` field is no path to Object.prototype's.
        const pathOf = (field: string) =>
          Object.hasOwn(moysklad.fields, field) ? (moysklad.fields[field] as string) : field;
        const changes = Object.fromEntries(
          Object.entries(state).map(([field, value]) => [pathOf(field), value as unknown]),
        );
        // MoySklad's 1002 leaves every field unchanged: all or nothing.
        const envelope = await call('entity.update', { changes, atomic: true });
        if (!envelope.ok) {
          // A read-only draft refuses before it weighs a field, and an
          // installation without entity:write before the draft: 1005 both.
          if (envelope.error.code === 'permission_denied')
            invalid(message, ERR.readOnly, 'Document is read-only for the user');
          else failed(message, envelope);
          return undefined;
        }
        const [first] = (envelope.value as { refused: { path: string; reason: string }[] }).refused;
        if (first) {
          const field = Object.keys(state).find((name) => pathOf(name) === first.path);
          invalid(message, ERR.invalid, `Invalid value of ${field ?? first.path}: ${first.reason}`);
          return undefined;
        }
        return { name: 'UpdateResponse' };
      }),
    SelectGoodFolderRequest: (message) =>
      request(message, 'SelectGoodFolderRequest', async () => {
        if (!declared(message, 'good-folder-selector')) return undefined;
        const outcome = await askUser<{ selected: { id: string }[] }>(message, 'selectors.open', {
          selector: moysklad.goodFolderSelector,
        });
        if (outcome === false) return undefined;
        const picked = outcome?.selected[0];
        return picked
          ? { name: 'SelectGoodFolderResponse', selected: true, goodFolderId: picked.id }
          : { name: 'SelectGoodFolderResponse', selected: false };
      }),
    ShowDialogRequest: (message) =>
      request(message, 'ShowDialogRequest', async () => {
        if (!declared(message, 'standard-dialogs')) return undefined;
        const choice = dialogChoice(message);
        if ('code' in choice) {
          invalid(message, choice.code, choice.error);
          return undefined;
        }
        const outcome = await askUser<{ value: string }>(message, 'dialogs.choose', choice);
        if (outcome === false) return undefined;
        return outcome
          ? { name: 'ShowDialogResponse', dialogResolution: 'normal', buttonName: outcome.value }
          : { name: 'ShowDialogResponse', dialogResolution: 'closedByUser' };
      }),
    NavigateRequest: (message) =>
      request(message, 'NavigateRequest', async () => {
        if (!declared(message, 'navigation-service')) return undefined;
        const target = message['target'] ?? 'blank';
        if (target !== 'self' && target !== 'blank') {
          invalid(
            message,
            ERR.invalid,
            `Invalid value of target: ${JSON.stringify(target)}, allowed: self, blank`,
          );
          return undefined;
        }
        const path =
          typeof message['path'] === 'string' ? moysklad.route(message['path']) : undefined;
        if (path === undefined) {
          invalid(
            message,
            ERR.invalid,
            `Invalid value of path: ${JSON.stringify(message['path'])} is not a page of this host`,
          );
          return undefined;
        }
        // MoySklad answers before it navigates, and the page gets the answer
        // even when the navigation takes its frame away (see NAVIGATE_AFTER_MS).
        post({ name: 'NavigateResponse', correlationId: message['messageId'] });
        if (target === 'self') await new Promise((wait) => setTimeout(wait, NAVIGATE_AFTER_MS));
        const envelope = await call('navigation.go', { to: path, newTab: target === 'blank' });
        // Cancelled: the navigation took the widget away, as it may.
        if (!envelope.ok && envelope.error.code !== 'cancelled')
          console.warn(
            `[plugboard] ${appName} could not navigate to ${path}:`,
            envelope.error.message,
          );
        return undefined;
      }),
    ShowPopupRequest: (message) =>
      request(message, `ShowPopupRequest`, async () => {
        const popupName = message['popupName'];
        const dialog = typeof popupName === 'string' ? moysklad.popups[popupName] : undefined;
        if (dialog === undefined) {
          invalid(
            message,
            ERR.invalid,
            `Invalid value of popupName: popup with name = '${String(popupName)}' not found`,
          );
          return undefined;
        }
        const outcome = await askUser<{ result?: unknown }>(message, 'dialogs.open', {
          dialog,
          params: given(message['popupParameters']),
        });
        if (outcome === false) return undefined;
        return outcome
          ? {
              name: 'ShowPopupResponse',
              popupName,
              popupResolution: 'normal',
              // What ClosePopup sent (null too); nothing when it sent none.
              ...(isGiven(outcome.result as JsonValue)
                ? { popupResponse: (outcome.result as { given: JsonValue }).given }
                : {}),
            }
          : { name: 'ShowPopupResponse', popupName, popupResolution: 'closedByUser' };
      }),
    ClosePopup: async (message) => {
      if (!context().dialog) {
        invalid(message, ERR.state, 'Invalid widget state Opened for ClosePopup, allowed: Popup');
        return;
      }
      const envelope = await call('dialogs.close', {
        result: given(message['popupResponse']),
      });
      if (!envelope.ok) failed(message, envelope);
    },
    UserContextRequest: (message) =>
      request(message, 'UserContextRequest', async () => {
        if (!declared(message, 'user-context')) return undefined;
        const mint = moysklad.userContext;
        if (!mint) {
          invalid(
            message,
            ERR.host,
            'Error processing UserContextRequest: this host issues no user context tokens',
          );
          return undefined;
        }
        // A fresh token each time: each lives 60 s and works once.
        let token: unknown;
        try {
          token = await mint({ widgetId: connection.widgetId });
        } catch {
          token = undefined;
        }
        if (typeof token !== 'string' || token === '') {
          invalid(
            message,
            ERR.host,
            'Error processing UserContextRequest: the host could not issue a token',
          );
          return undefined;
        }
        return { name: 'UserContextResponse', token };
      }),
  } satisfies Record<string, (message: Message) => void | Promise<void>>;
}
