// The carriers Delivery tracker works with, and the carrier a user chose for
// an order (kept in this vendor's own session storage).
export const CARRIERS = ['DPD', 'GLS', 'PostNL', 'UPS'];

const key = (orderId: string) => `delivery-tracker:carrier:${orderId}`;

export const chosenCarrier = (orderId: string): string | null =>
  sessionStorage.getItem(key(orderId));

export function chooseCarrier(orderId: string, carrier: string): void {
  sessionStorage.setItem(key(orderId), carrier);
}
