// Order desk's selectors (pickers) over its own data, for widgets'
// selectors.open: the runtime's picker shows them in Order desk's dialog layer.
import type { HostSelector, HostSelectorItem } from '@plugboard/host-runtime';
import { counterparties, goodFolders, goods, money } from './data.js';

const matches = (query: string, ...fields: string[]) => {
  const wanted = query.trim().toLowerCase();
  return wanted === '' || fields.some((field) => field.toLowerCase().includes(wanted));
};

/** A filter field that is a string, else `undefined`. */
const text = (filter: Readonly<Record<string, unknown>>, key: string) =>
  typeof filter[key] === 'string' ? filter[key] : undefined;

export const selectors: Record<string, HostSelector> = {
  // filter: { folder: 'f2' } keeps one folder's goods.
  goods: {
    title: 'Goods',
    search: (query, { filter }) =>
      goods
        .filter((good) => (text(filter, 'folder') ?? good.folderId) === good.folderId)
        .filter((good) => matches(query, good.name, good.id))
        .map((good): HostSelectorItem => ({
          id: good.id,
          name: good.name,
          description: money(good.price),
        })),
    resolve: (ids) =>
      goods.filter((good) => ids.includes(good.id)).map(({ id, name }) => ({ id, name })),
  },
  // filter: { exclude: 'c3' } leaves one counterparty out.
  counterparty: {
    title: 'Counterparty',
    search: (query, { filter }) =>
      counterparties
        .filter((c) => c.id !== text(filter, 'exclude'))
        .filter((c) => matches(query, c.name, c.city))
        .map((c) => ({ id: c.id, name: c.name, description: c.city })),
    resolve: (ids) =>
      counterparties.filter((c) => ids.includes(c.id)).map(({ id, name }) => ({ id, name })),
  },
  goodFolder: {
    title: 'Good folder',
    search: (query) => goodFolders.filter((folder) => matches(query, folder.name)),
    resolve: (ids) => goodFolders.filter((folder) => ids.includes(folder.id)),
  },
};
