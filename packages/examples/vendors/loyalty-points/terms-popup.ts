// Loyalty points' "Programme terms" popup, in MoySklad's protocol: the
// counterparty widget opens it with popupParameters null (MoySklad hands
// null over as null), and it closes with ClosePopup and no response.
import { actionButton } from '../shared/action-button.js';
import { on, send } from './moysklad-client.js';

const root = document.getElementById('app') as HTMLElement;

on('OpenPopup', (message) => {
  const title = document.createElement('h1');
  title.textContent = 'Loyalty programme terms';
  const terms = document.createElement('p');
  terms.textContent =
    "Every 1,000 of an order's total earns a point; points are redeemed half at a time.";
  const given = document.createElement('p');
  given.className = 'muted';
  given.dataset['testid'] = 'terms-parameters';
  given.textContent =
    'popupParameters' in message
      ? `Opened with parameters: ${JSON.stringify(message['popupParameters'])}`
      : 'Opened without parameters';
  const close = actionButton('Close', 'close-terms', () => {
    send({ name: 'ClosePopup' });
  });
  root.replaceChildren(title, terms, given, close);
});
