// Credit check on the order card: the order's total against its
// counterparty's credit limit, live as the draft changes, and a check
// before the host saves it: an order over the limit is not saved.
import type { JsonValue, WidgetClient } from '@plugboard/widget-sdk';
import { startWidget } from '../shared/widget-page.js';
import { euros, scoreOf } from './scores.js';

type Data = { [key: string]: JsonValue };

/** The counterparty, its limit and the order's total, from the draft's data. */
function figures(data: Data) {
  const counterpartyId = typeof data['counterpartyId'] === 'string' ? data['counterpartyId'] : '';
  const name = typeof data['counterparty'] === 'string' ? data['counterparty'] : counterpartyId;
  const total = typeof data['total'] === 'number' ? data['total'] : 0;
  return { name, total, limit: counterpartyId ? scoreOf(counterpartyId).limit : 0 };
}

function show(client: WidgetClient, line: HTMLElement, data: Data): void {
  const { name, total, limit } = figures(data);
  const money = (cents: number) => euros(client.context.locale, cents);
  line.textContent =
    total > limit
      ? `Over the limit: ${money(total)} against ${name}'s credit limit of ${money(limit)}.`
      : `Within ${name}'s credit limit: ${money(total)} of ${money(limit)}.`;
  line.className = total > limit ? 'problem' : 'muted';
}

void startWidget(async (client, root) => {
  const order = await client.entity.get();
  const line = document.createElement('p');
  line.dataset['testid'] = 'credit-limit';
  if (!order) {
    root.textContent = 'There is no order here.';
    return;
  }
  show(client, line, order.data);
  client.handle('change', ({ data }) => {
    show(client, line, data);
  });
  client.handle('validate', ({ data }) => {
    const { name, total, limit } = figures(data);
    const money = (cents: number) => euros(client.context.locale, cents);
    return total > limit
      ? {
          valid: false,
          message: `The order total ${money(total)} is over ${name}'s credit limit of ${money(limit)}.`,
          path: 'total',
        }
      : { valid: true };
  });
  root.replaceChildren(line);
});
