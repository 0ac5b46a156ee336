// What Loyalty points' server answers to a click on one of its buttons, in
// MoySklad's terms: the request MoySklad POSTs to
// {endpointBase}/api/moysklad/vendor/1.0/apps/{appId}/{accountId}/button and
// the status and body of the reply. Its backend (servers/loyalty-backend.js)
// answers with it, after checking the call's JWT; so do the Storybook stories.
import { hashOf } from '../shared/hash.js';

export interface ButtonClick {
  buttonName?: unknown;
  extensionPoint?: unknown;
  objectId?: unknown;
  selected?: unknown;
  user?: { employeeId?: unknown; role?: unknown };
}

export interface ButtonReply {
  status: number;
  body: unknown;
}

/** The most orders "Award bonus points" takes at once. */
export const MAX_AWARDED = 20;

/** The reply to `click`; `origin` is the vendor's own, where its pages are. */
export function replyTo(click: ButtonClick, origin: string): ButtonReply {
  const refuse = (errorMessage: string) => ({ status: 400, body: { error: { errorMessage } } });
  if (click.buttonName === 'award') {
    const selected = Array.isArray(click.selected) ? click.selected : [];
    if (selected.length > MAX_AWARDED) {
      return refuse(`Award bonus points to at most ${MAX_AWARDED} orders at a time.`);
    }
    const orders = selected.length === 1 ? 'order' : 'orders';
    return {
      status: 200,
      body: {
        action: 'showNotification',
        params: { text: `Awarded 10 bonus points on ${selected.length} ${orders}.` },
      },
    };
  }
  if (click.buttonName === 'redeem') {
    if (typeof click.objectId !== 'string') return refuse('Save the order first.');
    return {
      status: 200,
      body: {
        action: 'showPopup',
        params: {
          popupName: 'redeem',
          popupParameters: { order: click.objectId, points: 100 + (hashOf(click.objectId) % 400) },
        },
      },
    };
  }
  if (click.buttonName === 'terms') {
    return {
      status: 200,
      body: { action: 'navigateTo', params: { url: `${origin}/loyalty-points/terms.html` } },
    };
  }
  return refuse(`Loyalty points has no button named ${JSON.stringify(click.buttonName)}.`);
}
