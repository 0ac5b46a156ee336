// Order desk's orders as the user edits them: the seeded demo orders, with
// every saved change and every new order kept in this browser's
// localStorage, so that edits survive a reload.
import type { JsonValue } from '@plugboard/widget-sdk';
import { counterparties, findCounterparty, findGood, orders, type OrderStatus } from './data.js';

type Data = Record<string, JsonValue>;

/** One position of an order; `price` in cents, the catalogue's unless set. */
export interface Position {
  readonly goodId: string;
  readonly quantity: number;
  readonly price: number;
}

export interface Order {
  readonly id: string;
  readonly number: string;
  readonly date: string;
  readonly counterpartyId: string;
  readonly status: OrderStatus;
  readonly deliveryMethod: 'pickup' | 'courier';
  readonly deliveryAddress: string;
  readonly comment: string;
  readonly lines: readonly Position[];
  /** Grows with every save: a list's row version, so apps' cells follow the order. */
  readonly revision?: number;
}

const KEY = 'order-desk:orders:v1';

/**
 * What localStorage holds, parsed, and the list of every order made from
 * it: read again only when the stored text changed (a save, another tab).
 * A card renders at every keystroke and asks for its neighbours among
 * 10,000 orders; the list and the entity service ask too.
 */
let read: { text: string | null; saved: Record<string, Order>; all?: Order[] } | undefined;

function stored(): Record<string, Order> {
  const text = localStorage.getItem(KEY);
  if (read?.text !== text) {
    let saved: Record<string, Order>;
    try {
      saved = JSON.parse(text ?? '{}') as Record<string, Order>;
    } catch {
      saved = {};
    }
    read = { text, saved };
  }
  return read.saved;
}

// Made once: 10,000 orders.
const SEEDED: readonly Order[] = orders.map((order) => ({
  id: order.id,
  number: order.number,
  date: order.date,
  counterpartyId: order.counterpartyId,
  status: order.status,
  deliveryMethod: 'pickup',
  deliveryAddress: '',
  comment: '',
  lines: order.lines,
}));

/** Every order: the seeded ones as last saved, then the new ones. */
export function allOrders(): Order[] {
  const saved = stored();
  if (read?.all) return read.all;
  const seeds = SEEDED.map((order) => saved[order.id] ?? order);
  const added = Object.values(saved).filter((order) => !(Number(order.id) <= SEEDED.length));
  const all = [...seeds, ...added];
  if (read) read.all = all;
  return all;
}

export const getOrder = (id: string): Order | undefined => stored()[id] ?? SEEDED[Number(id) - 1];

export const totalOf = (lines: readonly Position[]): number =>
  lines.reduce((sum, line) => sum + line.quantity * line.price, 0);

/** An order as its card's draft holds it (and widgets read it). */
export function orderData(order: Order): Data {
  return {
    number: order.number,
    date: order.date,
    status: order.status,
    counterpartyId: order.counterpartyId,
    counterparty: findCounterparty(order.counterpartyId)?.name ?? null,
    deliveryMethod: order.deliveryMethod,
    deliveryAddress: order.deliveryAddress,
    comment: order.comment,
    lines: order.lines.map((line) => ({
      goodId: line.goodId,
      name: findGood(line.goodId)?.name ?? line.goodId,
      quantity: line.quantity,
      price: line.price,
    })),
    total: totalOf(order.lines),
  };
}

/** A new order's data, before its first save. */
export function blankOrderData(): Data {
  const counterparty = counterparties[0];
  return orderData({
    id: '',
    number: '',
    date: new Date().toISOString().slice(0, 10),
    counterpartyId: counterparty?.id ?? '',
    status: 'new',
    deliveryMethod: 'pickup',
    deliveryAddress: '',
    comment: '',
    lines: [],
  });
}

/** The positions in a draft's data, each with a price (the catalogue's when a widget left it out). */
export function positionsOf(data: Readonly<Data>): Position[] {
  const lines = Array.isArray(data['lines']) ? data['lines'] : [];
  return lines.flatMap((line) => {
    if (typeof line !== 'object' || line === null || Array.isArray(line)) return [];
    const goodId = typeof line['goodId'] === 'string' ? line['goodId'] : undefined;
    const good = goodId === undefined ? undefined : findGood(goodId);
    if (!goodId || !good) return [];
    const quantity =
      typeof line['quantity'] === 'number' && line['quantity'] > 0 ? line['quantity'] : 1;
    const price = typeof line['price'] === 'number' ? line['price'] : good.price;
    return [{ goodId, quantity: Math.round(quantity), price }];
  });
}

/** Saves an order's data; a new order (id `null`) gets its id and number here. */
export function saveOrder(id: string | null, data: Readonly<Data>): { id: string; data: Data } {
  const saved = stored();
  const all = allOrders();
  const newId = id ?? String(Math.max(0, ...all.map((order) => Number(order.id) || 0)) + 1);
  const text = (key: string, fallback: string) =>
    typeof data[key] === 'string' ? data[key] : fallback;
  const order: Order = {
    id: newId,
    number: text('number', '') || `SO-${newId.padStart(5, '0')}`,
    date: text('date', new Date().toISOString().slice(0, 10)),
    counterpartyId: text('counterpartyId', counterparties[0]?.id ?? ''),
    status:
      (['new', 'confirmed', 'shipped', 'delivered'] as const).find(
        (status) => status === data['status'],
      ) ?? 'new',
    deliveryMethod: data['deliveryMethod'] === 'courier' ? 'courier' : 'pickup',
    deliveryAddress: text('deliveryAddress', ''),
    comment: text('comment', ''),
    lines: positionsOf(data),
    revision: (saved[newId]?.revision ?? 0) + 1,
  };
  // A new object: the parsed one stays what localStorage holds, even if this write fails.
  localStorage.setItem(KEY, JSON.stringify({ ...saved, [newId]: order }));
  return { id: newId, data: orderData(order) };
}
