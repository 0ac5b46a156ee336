// Delivery tracker's second order-card widget, "Parcel label": the label the
// carrier prints. When the user picks another carrier in the Delivery panel,
// the panel says so on the app's "carrier" topic and the label changes at
// once, through the host's broker, with no reload.
import type { WidgetClient } from '@plugboard/widget-sdk';
import { messagesOf } from '@plugboard/widget-sdk/messages';
import { hashOf, startWidget } from '../shared/widget-page.js';
import { CARRIER_TOPIC, carrierOf, type CarrierMessage } from './carriers.js';

let shown: { order: string; carrier: HTMLElement; tracking: HTMLElement } | undefined;
let listening: Promise<unknown> | undefined;

const trackingOf = (carrier: string, hash: number) =>
  `${carrier.slice(0, 2).toUpperCase()}${String(hash).padStart(10, '0').slice(0, 10)}`;

/** Hears the panel's carrier changes, once per page. */
function listen(client: WidgetClient): Promise<unknown> {
  return (listening ??= messagesOf(client).subscribe(CARRIER_TOPIC, (payload) => {
    const { order, carrier } = (payload ?? {}) as Partial<CarrierMessage>;
    if (!shown || order !== shown.order || typeof carrier !== 'string') return;
    shown.carrier.textContent = carrier;
    shown.tracking.textContent = trackingOf(carrier, hashOf(order));
  }));
}

void startWidget(async (client, root) => {
  const found = await client.entity.get();
  if (!found || found.id === null) {
    shown = undefined;
    root.textContent = 'The label is printed once the order is saved.';
    return;
  }
  const hash = hashOf(found.id);
  const carrier = await carrierOf(client, found.id, hash);
  const number = typeof found.data['number'] === 'string' ? found.data['number'] : found.id;
  const label = document.createElement('div');
  label.className = 'label';
  const carrierName = document.createElement('strong');
  carrierName.dataset['testid'] = 'label-carrier';
  carrierName.textContent = carrier;
  const tracking = document.createElement('span');
  tracking.dataset['testid'] = 'label-tracking';
  tracking.textContent = trackingOf(carrier, hash);
  const customer =
    typeof found.data['counterparty'] === 'string' ? found.data['counterparty'] : 'Customer';
  label.append(carrierName, document.createElement('br'), `${number} · ${customer} · `, tracking);
  shown = { order: found.id, carrier: carrierName, tracking };
  root.replaceChildren(label);
  await listen(client).catch((error: unknown) => {
    const note = document.createElement('p');
    note.className = 'muted';
    note.textContent = `The label will not follow carrier changes: ${(error as Error).message}`;
    root.append(note);
  });
});
