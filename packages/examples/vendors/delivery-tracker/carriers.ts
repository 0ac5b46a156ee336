// The carriers Delivery tracker works with, and the carrier a user chose for
// an order. The choice is kept in the host's storage, in the order's entity
// scope: a widget's own web storage is denied in browsers that block
// third-party storage (Safari, Brave, private windows), and would stay on
// one machine anyway.
import type { WidgetClient } from '@plugboard/widget-sdk';

export const CARRIERS = ['DPD', 'GLS', 'PostNL', 'UPS'];

const where = (orderId: string) =>
  ({
    key: 'carrier',
    scope: 'entity',
    entity: { type: 'customerorder', id: orderId },
  }) as const;

/** The carrier the user chose for the order, if any. */
export async function chosenCarrier(client: WidgetClient, orderId: string): Promise<string | null> {
  const stored = await client.storage.get(where(orderId));
  return typeof stored?.value === 'string' ? stored.value : null;
}

export async function chooseCarrier(
  client: WidgetClient,
  orderId: string,
  carrier: string,
): Promise<void> {
  await client.storage.set({ ...where(orderId), value: carrier });
}

/** The topic the order panel tells the app's other widgets of a carrier on: `{ order, carrier }`. */
export const CARRIER_TOPIC = 'carrier';

/** A carrier message's payload: which order ships with which carrier. */
export interface CarrierMessage {
  readonly order: string;
  readonly carrier: string;
}

/** The order's carrier: the one the user chose, or one made up from its id. */
export const carrierOf = async (client: WidgetClient, orderId: string, hash: number) =>
  (await chosenCarrier(client, orderId)) ?? CARRIERS[hash % CARRIERS.length] ?? 'DPD';
