// Delivery tracker's pickups and parcel states, kept in the vendor's own
// storage (its pages share one origin), so the connector sees what the
// "Book pickup" dialog booked.
import type { Cell } from '@plugboard/widget-sdk/connector';
import { hashOf } from '../shared/widget-page.js';

const KEY = 'delivery-tracker:pickups';

export function bookedPickups(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

export function bookPickups(ids: readonly string[]): void {
  localStorage.setItem(KEY, JSON.stringify([...new Set([...bookedPickups(), ...ids])]));
}

const STATES: Cell[] = [
  { kind: 'badge', text: 'In transit', tone: 'info', sort: 1 },
  { kind: 'badge', text: 'Delivered', tone: 'success', sort: 3 },
  { kind: 'badge', text: 'Delayed', tone: 'warning', tooltip: 'Later than promised', sort: 2 },
];

/** The delivery state of an order, made up from its id, unless a pickup is booked. */
export function deliveryCell(orderId: string, booked: ReadonlySet<string>): Cell {
  if (booked.has(orderId)) {
    return {
      kind: 'badge',
      text: 'Pickup booked',
      tone: 'neutral',
      tooltip: 'A courier collects it',
      sort: 0,
    };
  }
  return STATES[hashOf(orderId) % STATES.length] ?? null;
}
