// Delivery tracker's pickups and parcel states, kept in the vendor's own
// storage (its pages share one origin), so the connector sees what the
// "Book pickup" dialog booked.
import type { Cell, Selection } from '@plugboard/widget-sdk/connector';
import { hashOf } from '../shared/widget-page.js';

const KEY = 'delivery-tracker:pickups:v2';

/** The orders with a pickup booked: by id, and, after a "select all", every order but some. */
export interface Pickups {
  readonly ids: ReadonlySet<string>;
  readonly all: { readonly excluded: ReadonlySet<string> } | undefined;
}

export function bookedPickups(): Pickups {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as {
      ids?: string[];
      all?: { excluded: string[] };
    };
    return {
      ids: new Set(stored.ids ?? []),
      all: stored.all ? { excluded: new Set(stored.all.excluded) } : undefined,
    };
  } catch {
    return { ids: new Set(), all: undefined };
  }
}

/** Books the selection: ids, or every order of the list but those left out. */
export function bookPickups(selection: Selection): void {
  const booked = bookedPickups();
  const ids = selection.kind === 'ids' ? [...booked.ids, ...selection.ids] : [...booked.ids];
  const all =
    selection.kind === 'query'
      ? { excluded: selection.excluded.filter((id) => !booked.ids.has(id)) }
      : booked.all && { excluded: [...booked.all.excluded].filter((id) => !ids.includes(id)) };
  localStorage.setItem(KEY, JSON.stringify({ ids: [...new Set(ids)], all }));
}

const isBooked = (orderId: string, { ids, all }: Pickups) =>
  ids.has(orderId) || (all !== undefined && !all.excluded.has(orderId));

const STATES: Cell[] = [
  { kind: 'badge', text: 'In transit', tone: 'info', sort: 1 },
  { kind: 'badge', text: 'Delivered', tone: 'success', sort: 3 },
  { kind: 'badge', text: 'Delayed', tone: 'warning', tooltip: 'Later than promised', sort: 2 },
];

/** The delivery state of an order, made up from its id, unless a pickup is booked. */
export function deliveryCell(orderId: string, booked: Pickups): Cell {
  if (isBooked(orderId, booked)) {
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
