// Credit check: a counterparty's credit score and limit. The scores are the
// vendor's own (made up here from the counterparty id); the counterparty's
// name comes from the host through entity.get.
import { hashOf, startWidget } from '../shared/widget-page.js';

const RATINGS: [number, string][] = [
  [750, 'Excellent'],
  [680, 'Good'],
  [600, 'Fair'],
  [0, 'Poor'],
];

void startWidget(async (client, root) => {
  const counterparty = await client.call('entity.get');
  if (!counterparty) {
    root.textContent = 'Save the counterparty to check its credit.';
    return;
  }
  const hash = hashOf(counterparty.id);
  const score = 450 + (hash % 400);
  const rating = RATINGS.find(([floor]) => score >= floor)?.[1] ?? 'Poor';
  const limit = Math.round((score - 400) * 125) * 100;
  const name =
    typeof counterparty.data['name'] === 'string' ? counterparty.data['name'] : counterparty.id;

  const title = document.createElement('h2');
  title.dataset['testid'] = 'counterparty-name';
  title.textContent = name;
  const details = document.createElement('dl');
  const rows: [string, string][] = [
    ['Score', `${score} (${rating})`],
    [
      'Credit limit',
      new Intl.NumberFormat(client.context.locale, { style: 'currency', currency: 'EUR' }).format(
        limit / 100,
      ),
    ],
  ];
  for (const [term, value] of rows) {
    const dt = document.createElement('dt');
    dt.className = 'muted';
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    details.append(dt, dd);
  }
  // Takes the user to the host's own orders list: a host page, not the vendor's.
  const orders = document.createElement('button');
  orders.type = 'button';
  orders.dataset['testid'] = 'see-orders';
  orders.textContent = 'See all orders';
  orders.addEventListener('click', () => {
    client.call('navigation.go', { to: '/orders' }).catch((error: unknown) => {
      orders.textContent = `Could not go there: ${(error as Error).message}`;
    });
  });
  root.replaceChildren(title, details, orders);
});
