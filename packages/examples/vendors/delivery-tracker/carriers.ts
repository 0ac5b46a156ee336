// The carriers Delivery tracker works with, and the carrier a user chose for
// an order (kept in this vendor's own session storage).
export const CARRIERS = ['DPD', 'GLS', 'PostNL', 'UPS'];

const key = (orderId: string) => `delivery-tracker:carrier:${orderId}`;

export const chosenCarrier = (orderId: string): string | null =>
  sessionStorage.getItem(key(orderId));

export function chooseCarrier(orderId: string, carrier: string): void {
  sessionStorage.setItem(key(orderId), carrier);
}

/** The topic the order panel tells the app's other widgets of a carrier on: `{ order, carrier }`. */
export const CARRIER_TOPIC = 'carrier';

/** A carrier message's payload: which order ships with which carrier. */
export interface CarrierMessage {
  readonly order: string;
  readonly carrier: string;
}

/** The order's carrier: the one the user chose, or one made up from its id. */
export const carrierOf = (orderId: string, hash: number): string =>
  chosenCarrier(orderId) ?? CARRIERS[hash % CARRIERS.length] ?? 'DPD';
