// Loyalty points' "Redeem" popup, in MoySklad's protocol: OpenPopup brings
// the order and its points; ClosePopup returns how many were redeemed.
import { actionButton } from '../shared/action-button.js';
import { on, send } from './moysklad-client.js';

const root = document.getElementById('app') as HTMLElement;

on('OpenPopup', (message) => {
  const params = (message['popupParameters'] ?? {}) as { order?: string; points?: number };
  const available = params.points ?? 0;
  const title = document.createElement('h2');
  title.textContent = `Redeem points on order ${params.order ?? ''}`;
  const line = document.createElement('p');
  line.textContent = `${available} points available.`;
  const half = Math.floor(available / 2);
  const redeem = actionButton(`Redeem ${half}`, 'redeem-half', () => {
    send({ name: 'ClosePopup', popupResponse: { redeemed: half } });
  });
  root.replaceChildren(title, line, redeem);
  redeem.focus();
});
