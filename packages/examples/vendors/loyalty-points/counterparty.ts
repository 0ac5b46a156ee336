// Loyalty points on the counterparty card, in MoySklad's protocol: the
// customer's balance, "How points work" in the host's standard dialog
// (ShowDialogRequest, with the app's own buttons), and "Programme terms", a
// popup opened with popupParameters null.
import { actionButton } from '../shared/action-button.js';
import { hashOf } from '../shared/hash.js';
import { on, request, send } from './moysklad-client.js';

const root = document.getElementById('app') as HTMLElement;

on('Open', (message) => {
  const id = typeof message['objectId'] === 'string' ? message['objectId'] : '';
  const title = document.createElement('h2');
  title.textContent = 'Loyalty points';
  const balance = document.createElement('p');
  balance.dataset['testid'] = 'loyalty-balance';
  balance.textContent = `Balance: ${hashOf(id) % 5_000} points`;
  const answer = document.createElement('p');
  answer.className = 'muted';
  answer.dataset['testid'] = 'loyalty-answer';
  const how = actionButton('How points work', 'how', () => {
    request({
      name: 'ShowDialogRequest',
      dialogText: 'Every 10 € of an order earns one point. 100 points take 5 € off.',
      buttons: [
        { name: 'ok', caption: 'Got it' },
        { name: 'more', caption: 'Tell the customer' },
      ],
    }).then(
      (response) => {
        answer.textContent =
          response['dialogResolution'] === 'normal'
            ? `You chose ${String(response['buttonName'])}.`
            : 'Closed.';
      },
      (error: unknown) => {
        answer.textContent = `Could not ask: ${(error as Error).message}`;
      },
    );
  });
  const terms = actionButton('Programme terms', 'terms', () => {
    request({ name: 'ShowPopupRequest', popupName: 'terms', popupParameters: null }).then(
      (response) => {
        answer.textContent = `Terms closed (${String(response['popupResolution'])}).`;
      },
      (error: unknown) => {
        answer.textContent = `Could not show the terms: ${(error as Error).message}`;
      },
    );
  });
  root.replaceChildren(title, balance, answer, how, terms);
  send({ name: 'OpenFeedback', correlationId: message['messageId'] });
});
