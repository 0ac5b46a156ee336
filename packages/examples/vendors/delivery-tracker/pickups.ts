// Delivery tracker's pickups and parcel states, kept in the host's storage
// (the account scope: the whole team's list), so the connector sees what the
// "Book pickup" dialog booked. Not in the vendor's own web storage: a
// browser that blocks third-party storage denies it to the vendor's frames.
import type { WidgetClient } from '@plugboard/widget-sdk';
import type { Cell, Selection } from '@plugboard/widget-sdk/connector';
import { hashOf } from '../shared/widget-page.js';

const WHERE = { key: 'pickups', scope: 'account' } as const;

/** The orders with a pickup booked: by id, and, after a "select all", every order but some. */
export interface Pickups {
  readonly ids: ReadonlySet<string>;
  readonly all: { readonly excluded: ReadonlySet<string> } | undefined;
}

interface Stored {
  readonly ids?: string[];
  readonly all?: { readonly excluded: string[] } | undefined;
}

export async function bookedPickups(client: WidgetClient): Promise<Pickups> {
  const stored = ((await client.storage.get(WHERE))?.value ?? {}) as Stored;
  return {
    ids: new Set(stored.ids ?? []),
    all: stored.all ? { excluded: new Set(stored.all.excluded) } : undefined,
  };
}

/** Books the selection: ids, or every order of the list but those left out. */
export async function bookPickups(client: WidgetClient, selection: Selection): Promise<void> {
  const booked = await bookedPickups(client);
  const ids = selection.kind === 'ids' ? [...booked.ids, ...selection.ids] : [...booked.ids];
  const all =
    selection.kind === 'query'
      ? { excluded: selection.excluded.filter((id) => !booked.ids.has(id)) }
      : booked.all && { excluded: [...booked.all.excluded].filter((id) => !ids.includes(id)) };
  await client.storage.set({
    ...WHERE,
    value: { ids: [...new Set(ids)], ...(all ? { all } : {}) },
  });
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
