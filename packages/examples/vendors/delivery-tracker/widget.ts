// Delivery tracker: the shipment status and timeline of a customer order.
// The shipments are the vendor's own (made up here from the order id); the
// order itself comes from the host through entity.get. The user can change
// the carrier in the app's own dialog, and cancel the shipment behind the
// host's confirm.
import type { WidgetClient } from '@plugboard/widget-sdk';
import { messagesOf } from '@plugboard/widget-sdk/messages';
import { actionButton, hashOf, startWidget } from '../shared/widget-page.js';
import {
  CARRIER_TOPIC,
  CARRIERS,
  carrierOf,
  chooseCarrier,
  chosenCarrier,
  type CarrierMessage,
} from './carriers.js';
import { deliveryEditor } from './delivery.js';

const STEPS = ['Label created', 'Picked up', 'In transit', 'Out for delivery', 'Delivered'];
/** Orders whose shipment the user cancelled, in this page's life. */
const cancelled = new Set<string>();

/**
 * How far the shipment has come, from the order's own status, so that the
 * widget never contradicts the card it sits in: a new order has no shipment
 * yet, a confirmed one has a label, a shipped one is on its way, a delivered
 * one is delivered.
 */
const REACHED: Record<string, number> = { new: 0, confirmed: 1, shipped: 3, delivered: 5 };

void startWidget(async (client, root) => {
  const found = await client.entity.get();
  if (!found) {
    root.textContent = 'There is no order here.';
    return;
  }
  if (found.id === null) {
    // A create page: the delivery can be set up before the order exists.
    root.replaceChildren(
      deliveryEditor(client, found, () => Promise.resolve(CARRIERS[0] ?? 'DPD')),
    );
    return;
  }
  const order = { ...found, id: found.id };
  const hash = hashOf(order.id);
  const status = typeof order.data['status'] === 'string' ? order.data['status'] : 'new';
  const reached = REACHED[status] ?? 0;
  const carrier = await carrierOf(client, order.id, hash);
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
  badge.textContent = cancelled.has(order.id)
    ? 'Shipment cancelled'
    : (STEPS[reached - 1] ?? 'Awaiting shipment');
  const carrierName = document.createElement('strong');
  carrierName.dataset['testid'] = 'carrier';
  carrierName.textContent = carrier;
  line.append(
    badge,
    ' ',
    carrierName,
    reached > 0 ? `, tracking ${tracking}` : ', not shipped yet',
  );
  const timeline = document.createElement('ol');
  STEPS.forEach((step, i) => {
    const item = document.createElement('li');
    item.textContent = step;
    if (i >= reached) item.className = 'pending';
    timeline.append(item);
  });
  // The vendor's own action: tell the customer where the parcel is. The
  // host shows the outcome as a toast.
  const notify = actionButton('Notify customer', 'notify-customer', () => {
    client
      .call('toasts.show', { message: `Customer notified about ${number}.`, tone: 'success' })
      .catch((error: unknown) => {
        notify.textContent = `Could not notify: ${(error as Error).message}`;
      });
  });
  notify.disabled = reached === 0 || cancelled.has(order.id);
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(
    notify,
    changeCarrierButton(client, order.id, number, carrier, carrierName),
    cancelShipmentButton(client, order.id, number, badge, reached === 5),
  );
  const delivery = deliveryEditor(
    client,
    found,
    async () => (await chosenCarrier(client, order.id)) ?? carrier,
  );
  root.replaceChildren(title, line, delivery, timeline, actions);
});

/** "Change carrier…": the app's own dialog, with the order and carrier in, the new carrier out. */
function changeCarrierButton(
  client: WidgetClient,
  orderId: string,
  number: string,
  carrier: string,
  shown: HTMLElement,
): HTMLButtonElement {
  let current = carrier;
  const button = actionButton('Change carrier…', 'change-carrier', () => {
    client.dialogs
      .open({ dialog: 'choose-carrier', params: { order: number, carrier: current } })
      .then((outcome) => {
        if (outcome.status !== 'ok') return;
        const { result } = outcome;
        const next =
          typeof result === 'object' && result !== null && 'carrier' in result
            ? result['carrier']
            : undefined;
        if (typeof next !== 'string' || next === current) return;
        current = next;
        shown.textContent = next;
        void chooseCarrier(client, orderId, next).catch((error: unknown) => {
          button.textContent = `Could not keep the carrier: ${(error as Error).message}`;
        });
        // The Parcel label widget on the same card hears it at once, and
        // one that opens later gets it first (retained).
        void messagesOf(client)
          .publish(CARRIER_TOPIC, { order: orderId, carrier: next } satisfies CarrierMessage, {
            retain: true,
          })
          .catch((error: unknown) => {
            console.warn('Delivery tracker could not tell the label:', error);
          });
        return client.toasts.show({ message: `${number} now ships with ${next}.` });
      })
      .catch((error: unknown) => {
        button.textContent = `Could not change the carrier: ${(error as Error).message}`;
      });
  });
  return button;
}

/** "Cancel shipment": a destructive step, so the host asks first; then a toast says it is done. */
function cancelShipmentButton(
  client: WidgetClient,
  orderId: string,
  number: string,
  badge: HTMLElement,
  delivered: boolean,
): HTMLButtonElement {
  const button = actionButton('Cancel shipment', 'cancel-shipment', () => {
    client.dialogs
      .confirm({
        title: 'Cancel the shipment?',
        message: `The carrier will not collect ${number}. You can book a new shipment later.`,
        confirm: 'Cancel shipment',
        cancel: 'Keep shipment',
        intent: 'destructive',
      })
      .then((outcome) => {
        if (outcome.status !== 'ok') return;
        cancelled.add(orderId);
        badge.textContent = 'Shipment cancelled';
        button.disabled = true;
        return client.toasts.show({ message: `Shipment of ${number} cancelled.`, tone: 'success' });
      })
      .catch((error: unknown) => {
        button.textContent = `Could not cancel: ${(error as Error).message}`;
      });
  });
  button.disabled = delivered || cancelled.has(orderId);
  return button;
}
