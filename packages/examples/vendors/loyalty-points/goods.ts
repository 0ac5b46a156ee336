// Loyalty points on the goods card (MoySklad's entity.product.edit), in
// MoySklad's protocol: the bonus the goods earn, for the object Open names.
import { hashOf } from '../shared/hash.js';
import { on, send } from './moysklad-client.js';

const root = document.getElementById('app') as HTMLElement;

on('Open', (message) => {
  const id = typeof message['objectId'] === 'string' ? message['objectId'] : '';
  const title = document.createElement('h2');
  title.textContent = 'Loyalty points';
  const line = document.createElement('p');
  line.dataset['testid'] = 'loyalty-goods';
  line.textContent = `Each unit earns ${1 + (hashOf(id) % 9)} bonus points.`;
  root.replaceChildren(title, line);
  send({ name: 'OpenFeedback', correlationId: message['messageId'] });
});
