// Delivery tracker: the shipment status and timeline of a customer order.
// The shipments are the vendor's own (made up here from the order id); the
// order itself comes from the host through entity.get.
import { hashOf, startWidget } from '../shared/widget-page.js';

const STEPS = ['Label created', 'Picked up', 'In transit', 'Out for delivery', 'Delivered'];
const CARRIERS = ['DPD', 'GLS', 'PostNL', 'UPS'];

/**
 * How far the shipment has come, from the order's own status, so that the
 * widget never contradicts the card it sits in: a new order has no shipment
 * yet, a confirmed one has a label, a shipped one is on its way, a delivered
 * one is delivered.
 */
const REACHED: Record<string, number> = { new: 0, confirmed: 1, shipped: 3, delivered: 5 };

void startWidget(async (client, root) => {
  const order = await client.call('entity.get');
  if (!order) {
    root.textContent = 'Save the order to track its delivery.';
    return;
  }
  const hash = hashOf(order.id);
  const status = typeof order.data['status'] === 'string' ? order.data['status'] : 'new';
  const reached = REACHED[status] ?? 0;
  const carrier = CARRIERS[hash % CARRIERS.length] ?? 'DPD';
  const tracking = `${carrier.slice(0, 2).toUpperCase()}${String(hash).padStart(10, '0').slice(0, 10)}`;
  const number = typeof order.data['number'] === 'string' ? order.data['number'] : order.id;

  const title = document.createElement('h2');
  title.dataset['testid'] = 'order-number';
  title.textContent = number;
  const line = document.createElement('p');
  line.className = 'muted';
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.dataset['testid'] = 'shipment-status';
  badge.textContent = STEPS[reached - 1] ?? 'Awaiting shipment';
  line.append(badge, reached > 0 ? ` ${carrier}, tracking ${tracking}` : ' Not shipped yet');
  const timeline = document.createElement('ol');
  STEPS.forEach((step, i) => {
    const item = document.createElement('li');
    item.textContent = step;
    if (i >= reached) item.className = 'pending';
    timeline.append(item);
  });
  // The vendor's own action: tell the customer where the parcel is. The
  // host shows the outcome as a toast.
  const notify = document.createElement('button');
  notify.type = 'button';
  notify.dataset['testid'] = 'notify-customer';
  notify.textContent = 'Notify customer';
  notify.disabled = reached === 0;
  notify.addEventListener('click', () => {
    client
      .call('toasts.show', { message: `Customer notified about ${number}.`, tone: 'success' })
      .catch((error: unknown) => {
        notify.textContent = `Could not notify: ${(error as Error).message}`;
      });
  });
  root.replaceChildren(title, line, timeline, notify);
});
