// The dev host's made-up data: orders, counterparties, goods and their
// folders, and the pickers over them.
import type { HostSelector, HostSelectorItem, JsonValue } from '@plugboard/host-runtime';

type JsonObject = { [key: string]: JsonValue };

const STATUSES = ['new', 'confirmed', 'shipped', 'delivered'];
const CITIES = ['Lisbon', 'Tallinn', 'Porto', 'Riga', 'Ghent'];

export const counterparties = [
  'Acme Trading',
  'Blue Harbour',
  'Cobalt & Sons',
  'Dune Goods',
  'Elm Street Café',
].map((name, i) => ({
  id: `c${i + 1}`,
  name,
  city: CITIES[i] ?? '',
  email: `orders@${name.split(' ')[0]?.toLowerCase() ?? 'x'}.example`,
}));

export const goodFolders = [
  { id: 'f1', name: 'Furniture' },
  { id: 'f2', name: 'Lighting' },
  { id: 'f3', name: 'Textiles' },
];

export const goods = [
  ['Oak table', 'f1', 42000],
  ['Walnut chair', 'f1', 12500],
  ['Pine shelf', 'f1', 8900],
  ['Brass lamp', 'f2', 6400],
  ['Paper lantern', 'f2', 1900],
  ['Wool rug', 'f3', 15800],
  ['Linen curtain', 'f3', 4700],
  ['Cotton throw', 'f3', 3200],
].map(([name, folderId, price], i) => ({
  id: `g${i + 1}`,
  name: String(name),
  folderId: String(folderId),
  price: Number(price),
}));

export const orders = Array.from({ length: 12 }, (_, i) => {
  const id = String(i + 1);
  const counterparty = counterparties[i % counterparties.length];
  return {
    id,
    number: `SO-${String(1000 + i + 1)}`,
    status: STATUSES[i % STATUSES.length] ?? 'new',
    counterpartyId: counterparty?.id ?? 'c1',
    total: 10_000 + ((i * 7919) % 90_000),
    comment: '',
    deliveryMethod: i % 2 === 0 ? 'courier' : 'pickup',
    deliveryAddress: i % 2 === 0 ? `${String(i + 3)} Harbour Road` : '',
  };
});

/** The entities the mock host lends to widgets (`entity.get`), by type and id. */
export function entities(): Record<string, Record<string, JsonObject>> {
  return {
    customerorder: Object.fromEntries(orders.map(({ id, ...data }) => [id, { ...data }])),
    counterparty: Object.fromEntries(counterparties.map(({ id, ...data }) => [id, { ...data }])),
    // The goods card's entity type: MoySklad's `product` (entity.product.edit).
    product: Object.fromEntries(goods.map(({ id, ...data }) => [id, { ...data }])),
  };
}

const matches = (query: string, ...fields: string[]) =>
  fields.some((field) => field.toLowerCase().includes(query.trim().toLowerCase()));

const source = <T extends { id: string; name: string }>(
  title: string,
  items: readonly T[],
  describe: (item: T) => string | undefined = () => undefined,
): HostSelector => ({
  title,
  search: (query) =>
    items
      .filter((item) => matches(query, item.name, item.id))
      .map((item): HostSelectorItem => {
        const description = describe(item);
        return { id: item.id, name: item.name, ...(description ? { description } : {}) };
      }),
  resolve: (ids) =>
    items.filter((item) => ids.includes(item.id)).map(({ id, name }) => ({ id, name })),
});

/** The pickers widgets open with `selectors.open`: `goods`, `counterparty`, `goodFolder`. */
export const selectors: Record<string, HostSelector> = {
  goods: source('Goods', goods, (good) => `${(good.price / 100).toFixed(2)} €`),
  counterparty: source('Counterparty', counterparties, (c) => c.city),
  goodFolder: source('Good folders', goodFolders),
};
