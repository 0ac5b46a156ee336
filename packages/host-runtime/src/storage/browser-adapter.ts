import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { JsonValue, StorageScope } from '@plugboard/widget-sdk/protocol';
import type { HostStorageAdapter, HostStorageAddress } from './types.js';

interface Row {
  readonly app: string;
  readonly scope: StorageScope;
  readonly owner: string;
  readonly key: string;
  readonly value: JsonValue;
  readonly version: number;
  readonly bytes: number;
}

interface Schema extends DBSchema {
  values: { key: [string, string, string, string]; value: Row; indexes: { app: string } };
}

const keyOf = (a: HostStorageAddress): [string, string, string, string] => [
  a.app,
  a.scope,
  a.owner,
  a.key,
];

/** Options of {@link browserStorage}. */
export interface BrowserStorageOptions {
  /** The IndexedDB database's name. Default `plugboard-storage`. */
  readonly name?: string;
}

/**
 * A {@link HostStorageAdapter} in the browser's IndexedDB (through `idb`),
 * which survives reloads: for demos, the dev host, and hosts without a
 * backend for apps' data. Each write is one IndexedDB transaction, so its
 * version check and its write cannot interleave with another tab's.
 */
export function browserStorage(options: BrowserStorageOptions = {}): HostStorageAdapter {
  let db: Promise<IDBPDatabase<Schema>> | undefined;
  const open = () =>
    (db ??= openDB<Schema>(options.name ?? 'plugboard-storage', 1, {
      upgrade(database) {
        const store = database.createObjectStore('values', {
          keyPath: ['app', 'scope', 'owner', 'key'],
        });
        store.createIndex('app', 'app');
      },
    }));
  return {
    async get(addresses) {
      const tx = (await open()).transaction('values');
      const rows = await Promise.all(addresses.map((address) => tx.store.get(keyOf(address))));
      return rows.map((row) => row && { value: row.value, version: row.version, bytes: row.bytes });
    },
    async put(address, value, expected) {
      const tx = (await open()).transaction('values', 'readwrite');
      const current = await tx.store.get(keyOf(address));
      const stored = current?.version ?? 0;
      if (stored !== expected) {
        await tx.done;
        return { conflict: stored };
      }
      if (value) {
        await tx.store.put({
          ...address,
          value: value.value,
          bytes: value.bytes,
          version: stored + 1,
        });
      } else {
        await tx.store.delete(keyOf(address));
      }
      await tx.done;
      return value ? stored + 1 : 0;
    },
    async list({ app, scope, owner }, { prefix, after, limit }) {
      const from = after !== undefined && after >= prefix ? after : prefix;
      const range = IDBKeyRange.bound(
        [app, scope, owner, from],
        [app, scope, owner, `${prefix}\uffff`],
        from === after,
      );
      const rows = await (await open()).getAll('values', range, limit);
      return rows.map(({ key, version, bytes }) => ({ key, version, bytes }));
    },
    async usage(app) {
      const rows = await (await open()).getAllFromIndex('values', 'app', app);
      return { bytes: rows.reduce((sum, row) => sum + row.bytes, 0), keys: rows.length };
    },
  };
}
