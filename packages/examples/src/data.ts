// Order desk's demo data: 10,000 customer orders, 20 counterparties, 100 goods in
// 10 folders, the same on every load (a seeded generator), kept in memory.

export interface Good {
  readonly id: string;
  readonly name: string;
  readonly price: number;
  readonly folderId: string;
}

/** A folder of goods: desks, chairs, … */
export interface GoodFolder {
  readonly id: string;
  readonly name: string;
}

export interface Counterparty {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly email: string;
}

export interface OrderLine {
  readonly goodId: string;
  readonly quantity: number;
  readonly price: number;
}

export type OrderStatus = 'new' | 'confirmed' | 'shipped' | 'delivered';

export interface CustomerOrder {
  readonly id: string;
  readonly number: string;
  readonly date: string;
  readonly counterpartyId: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLine[];
  readonly total: number;
}

/** mulberry32: a small seeded generator, so the demo data never changes. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(20261123);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const MATERIALS = [
  'Oak',
  'Walnut',
  'Steel',
  'Birch',
  'Glass',
  'Bamboo',
  'Linen',
  'Leather',
  'Cork',
  'Marble',
];
const ITEMS = [
  'desk',
  'chair',
  'shelf',
  'lamp',
  'cabinet',
  'stool',
  'bench',
  'table',
  'rack',
  'sideboard',
];
const COMPANIES = [
  'Northwind',
  'Bluebird',
  'Kestrel',
  'Harbour',
  'Granite',
  'Juniper',
  'Meridian',
  'Orchard',
  'Summit',
  'Tidewater',
];
const SUFFIXES = ['Trading', 'Interiors'];
const CITIES = [
  'Lisbon',
  'Tallinn',
  'Utrecht',
  'Gdańsk',
  'Lyon',
  'Turin',
  'Malmö',
  'Porto',
  'Ghent',
  'Brno',
];
const STATUSES: readonly OrderStatus[] = ['new', 'confirmed', 'shipped', 'delivered'];

/** One folder per kind of item, in ITEMS' order. */
const FOLDERS = [
  'Desks',
  'Chairs',
  'Shelves',
  'Lamps',
  'Cabinets',
  'Stools',
  'Benches',
  'Tables',
  'Racks',
  'Sideboards',
];

export const goodFolders: readonly GoodFolder[] = FOLDERS.map((name, i) => ({
  id: `f${i + 1}`,
  name,
}));

export const goods: readonly Good[] = Array.from({ length: 100 }, (_, i) => ({
  id: `g${i + 1}`,
  name: `${MATERIALS[i % 10] ?? ''} ${ITEMS[Math.floor(i / 10)] ?? ''}`,
  price: Math.round(20 + random() * 480) * 100,
  folderId: `f${Math.floor(i / 10) + 1}`,
}));

export const counterparties: readonly Counterparty[] = Array.from({ length: 20 }, (_, i) => {
  const name = `${COMPANIES[i % 10] ?? ''} ${SUFFIXES[Math.floor(i / 10)] ?? ''}`;
  return {
    id: `c${i + 1}`,
    name,
    city: pick(CITIES),
    email: `orders@${name.toLowerCase().replace(/\s+/g, '-')}.example`,
  };
});

export const orders: readonly CustomerOrder[] = Array.from({ length: 10_000 }, (_, i) => {
  const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
    const good = pick(goods);
    return { goodId: good.id, quantity: 1 + Math.floor(random() * 5), price: good.price };
  });
  const day = new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 30)));
  return {
    id: String(i + 1),
    number: `SO-${String(i + 1).padStart(5, '0')}`,
    date: day.toISOString().slice(0, 10),
    counterpartyId: pick(counterparties).id,
    status: pick(STATUSES),
    lines,
    total: lines.reduce((sum, line) => sum + line.quantity * line.price, 0),
  };
});

export const findOrder = (id: string) => orders.find((order) => order.id === id);
export const findCounterparty = (id: string) => counterparties.find((c) => c.id === id);
export const findGood = (id: string) => goods.find((good) => good.id === id);

/** Amounts are kept in cents. */
/** An amount in euros, in the page's language (its `lang`, which the header's switch sets). */
export const money = (cents: number) =>
  new Intl.NumberFormat(document.documentElement.lang || 'en-GB', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);
