// Loyalty points on the order card, in MoySklad's protocol: points for the
// order's total as the user edits it (Change), a check of the loyalty card
// number in the order's comment (ValidationFeedback: the host does not save
// while it is wrong), "Add card number" (UpdateRequest: the order's comment
// in the host's draft) and "Redeem points…" (a popup, ShowPopupRequest).
// Its page loads with a contextKey, which its server exchanges with the
// host's backend for who is signed in; it sends OpenFeedback once it knows,
// and the host shows its loader until then.
import { actionButton } from '../shared/action-button.js';
import { hashOf } from '../shared/hash.js';
import { on, request, send } from './moysklad-client.js';

const CARD = /#LP-(\d*)/;
const root = document.getElementById('app') as HTMLElement;
let orderId: string | null = null;
let comment = '';
let total = 0;
let signedIn = '';

/** Who is signed in: the server exchanges the page's context key, once. */
const session: Promise<string> = (async () => {
  const contextKey = new URLSearchParams(location.search).get('contextKey');
  if (!contextKey) return 'nobody (the page came without a context key)';
  try {
    const response = await fetch('/loyalty-points/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contextKey }),
    });
    const body = (await response.json()) as { name?: string; error?: string };
    return response.ok ? (body.name ?? 'someone') : `nobody (${body.error ?? response.status})`;
  } catch {
    return 'nobody (the server did not answer)';
  }
})();

const points = () => Math.floor(total / 1000);

function render(note = ''): void {
  const title = document.createElement('h2');
  title.textContent = 'Loyalty points';
  const line = document.createElement('p');
  line.dataset['testid'] = 'loyalty-points';
  line.textContent =
    orderId === null ? 'Points come with the saved order.' : `This order earns ${points()} points.`;
  const user = document.createElement('p');
  user.className = 'muted';
  user.dataset['testid'] = 'loyalty-user';
  user.textContent = `Signed in as ${signedIn}.`;
  const status = document.createElement('p');
  status.className = 'muted';
  status.dataset['testid'] = 'loyalty-status';
  status.textContent = note;
  const add = actionButton('Add card number', 'add-card', () => {
    const card = `#LP-${String(hashOf(orderId ?? 'new') % 1_000_000).padStart(6, '0')}`;
    const description = CARD.test(comment)
      ? comment.replace(/#LP-\d*/, card)
      : `${comment} ${card}`.trim();
    request({ name: 'UpdateRequest', updateState: { description } }).then(
      () => {
        comment = description;
        render(`Card ${card} added to the comment.`);
      },
      (error: unknown) => {
        render(`Could not add the card: ${(error as Error).message}`);
      },
    );
  });
  const redeem = actionButton('Redeem points…', 'redeem', () => {
    request({
      name: 'ShowPopupRequest',
      popupName: 'redeem',
      popupParameters: { order: orderId, points: points() },
    }).then(
      (response) => {
        const redeemed = (response['popupResponse'] as { redeemed?: number } | undefined)?.redeemed;
        render(
          response['popupResolution'] === 'normal' && typeof redeemed === 'number'
            ? `Redeemed ${redeemed} points.`
            : 'Nothing redeemed.',
        );
      },
      (error: unknown) => {
        render(`Could not redeem: ${(error as Error).message}`);
      },
    );
  });
  root.replaceChildren(title, line, user, status, add, redeem);
}

on('Open', (message) => {
  orderId = (message['objectId'] as string | null) ?? null;
  // The host's loader stays until OpenFeedback: first who is signed in.
  void session.then((name) => {
    signedIn = name;
    render();
    send({ name: 'OpenFeedback', correlationId: message['messageId'] });
  });
});

on('Change', (message) => {
  const state = (message['objectState'] ?? {}) as { description?: string; total?: number };
  comment = state.description ?? '';
  total = state.total ?? 0;
  const card = CARD.exec(comment)?.[1];
  const valid = card === undefined || /^\d{6}$/.test(card);
  send({
    name: 'ValidationFeedback',
    correlationId: message['messageId'],
    valid,
    ...(valid ? {} : { message: 'Loyalty card numbers look like #LP-123456' }),
  });
  render(valid ? '' : 'Loyalty card numbers look like #LP-123456.');
});
