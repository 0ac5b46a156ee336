import { PlugboardError, type ActionResult } from '@plugboard/widget-sdk/protocol';
import { withDeadline } from '../../deadline.js';
import type { HostServerActions } from '../../store/installation.js';
import { given } from './messages.js';
import type { MoySkladButton } from './types.js';

/**
 * What MoySklad POSTs to the vendor's `{endpointBase}/api/moysklad/vendor/1.0/apps/{appId}/{accountId}/button`
 * for a click, less `user`, which the host's backend adds: it alone knows
 * who is signed in.
 */
export interface MoySkladButtonRequest {
  readonly buttonName: string;
  /** The button's location, such as `document.customerorder.list`. */
  readonly extensionPoint: string;
  /** The card's object, at `*.edit` locations. */
  readonly objectId?: string;
  /** The selected rows, at `*.list` locations unless the button has `useSelected="false"`. */
  readonly selected?: readonly { readonly id: string; readonly type: string }[];
}

/**
 * Sends a button click to the vendor's server, through the host's backend
 * (which adds `user` and signs the call with the app's secret), and hands
 * back the vendor's reply as it came: status and JSON body. Abort `signal`
 * ends the call (MoySklad gives the vendor 10 seconds).
 */
export type MoySkladButtonCall = (
  request: MoySkladButtonRequest,
  signal: AbortSignal,
) => Promise<Response>;

/** How long the vendor's server has to answer a click, as on MoySklad. */
export const BUTTON_TIMEOUT_MS = 10_000;
/** MoySklad takes at most 100 selected rows for a button. */
const MAX_SELECTED = 100;

type Reply = {
  action?: unknown;
  params?: Record<string, unknown>;
  error?: { errorMessage?: unknown };
};

/**
 * The `server` grant of a MoySklad app: each click goes to the vendor's
 * server through `call`, and its reply becomes the action's result:
 * `showNotification` a toast, `showPopup` the app's popup (it gets
 * `OpenPopup` with the parameters), `navigateTo` the URL in a new window. A
 * 400's `errorMessage` is shown to the user as the action's failure; any
 * other status, a late answer or one MoySklad would not take fails it too.
 */
export function moySkladButtons(
  app: {
    readonly name: string;
    readonly buttons: Readonly<Record<string, MoySkladButton>>;
    readonly popups: Readonly<Record<string, string>>;
  },
  call: MoySkladButtonCall,
): HostServerActions {
  return async ({ action, selection }, signal) => {
    const button = app.buttons[action];
    if (!button) throw new PlugboardError('not_found', `${app.name} has no button "${action}".`);
    const type = button.location.split('.')[1] ?? '';
    const ids = selection.kind === 'ids' ? selection.ids : undefined;
    let request: MoySkladButtonRequest = {
      buttonName: button.name,
      extensionPoint: button.location,
    };
    if (button.location.endsWith('.edit') && ids?.[0] !== undefined) {
      request = { ...request, objectId: ids[0] };
    }
    if (button.location.endsWith('.list') && button.useSelected) {
      if (!ids || ids.length > MAX_SELECTED) {
        throw new PlugboardError(
          'invalid_params',
          `MoySklad buttons take chosen rows, at most ${MAX_SELECTED}: select rows, not the whole list.`,
        );
      }
      request = { ...request, selected: ids.map((id) => ({ id, type })) };
    }
    // The body is read within the deadline too: a reply may stall mid-body.
    const { status, reply } = await withDeadline(
      async (ended) => {
        const response = await call(request, ended);
        return {
          status: response.status,
          reply: (await response.json().catch(() => ({}))) as Reply,
        };
      },
      BUTTON_TIMEOUT_MS,
      () =>
        new PlugboardError(
          'timeout',
          `The vendor's server did not answer within ${BUTTON_TIMEOUT_MS / 1000} seconds.`,
        ),
      signal,
    );
    if (status === 400) {
      const message = reply.error?.errorMessage;
      throw new PlugboardError(
        'invalid_params',
        typeof message === 'string' && message ? message : `${app.name} refused.`,
      );
    }
    if (status !== 200) {
      throw new PlugboardError('host_error', `The vendor's server answered ${status}.`);
    }
    return resultOf(app, reply);
  };
}

/** A vendor's 200 reply as an action result; throws `host_error` for one MoySklad would not take. */
function resultOf(
  app: { readonly name: string; readonly popups: Readonly<Record<string, string>> },
  reply: Reply,
): ActionResult | null {
  const params = reply.params ?? {};
  const refuse = (why: string) =>
    new PlugboardError('host_error', `The vendor's server answered the click wrongly: ${why}.`);
  // MoySklad's popups page writes ShowPopup; the button page showPopup.
  const action = typeof reply.action === 'string' ? reply.action.toLowerCase() : '';
  if (action === 'shownotification') {
    if (typeof params['text'] !== 'string') throw refuse('showNotification needs params.text');
    return { toast: { message: params['text'].slice(0, 255), tone: 'info' } };
  }
  if (action === 'showpopup') {
    const name = params['popupName'];
    const dialog = typeof name === 'string' ? app.popups[name] : undefined;
    if (!dialog) throw refuse(`no popup of the descriptor is named ${JSON.stringify(name)}`);
    return {
      dialog: { id: dialog, params: given(params['popupParameters']) },
    };
  }
  if (action === 'navigateto') {
    const url = typeof params['url'] === 'string' ? URL.parse(params['url']) : null;
    if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
      throw refuse('navigateTo needs an http(s) params.url');
    }
    window.open(url.href, '_blank', 'noopener');
    return null;
  }
  throw refuse('action must be showNotification, navigateTo or showPopup');
}
