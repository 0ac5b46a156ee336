import type { JsonValue } from '@plugboard/widget-sdk/protocol';
import type { HostStorageAdapter, HostStorageAddress, HostStorageRecord } from './types.js';

const idOf = (a: Omit<HostStorageAddress, 'key'>) => JSON.stringify([a.app, a.scope, a.owner]);

/**
 * A {@link HostStorageAdapter} in memory, for this page's life: the runtime's
 * default, and for tests. Values are copied in and out, so no caller shares
 * an object with the store.
 */
export function memoryStorage(): HostStorageAdapter {
  /** Records by scope owner, then by key. */
  const owners = new Map<string, Map<string, HostStorageRecord & { app: string }>>();
  const usage = new Map<string, { bytes: number; keys: number }>();
  const copy = (value: JsonValue): JsonValue => structuredClone(value);
  return {
    get: (addresses) =>
      Promise.resolve(
        addresses.map((address) => {
          const record = owners.get(idOf(address))?.get(address.key);
          return (
            record && { value: copy(record.value), version: record.version, bytes: record.bytes }
          );
        }),
      ),
    put(address, value, expected) {
      const id = idOf(address);
      let records = owners.get(id);
      const current = records?.get(address.key);
      if ((current?.version ?? 0) !== expected)
        return Promise.resolve({ conflict: current?.version ?? 0 });
      const used = usage.get(address.app) ?? { bytes: 0, keys: 0 };
      const bytes = used.bytes - (current?.bytes ?? 0) + (value?.bytes ?? 0);
      const keys = used.keys - (current ? 1 : 0) + (value ? 1 : 0);
      usage.set(address.app, { bytes, keys });
      if (!value) {
        records?.delete(address.key);
        if (records?.size === 0) owners.delete(id);
        return Promise.resolve(0);
      }
      if (!records)
        owners.set(id, (records = new Map<string, HostStorageRecord & { app: string }>()));
      const version = expected + 1;
      records.set(address.key, {
        app: address.app,
        value: copy(value.value),
        bytes: value.bytes,
        version,
      });
      return Promise.resolve(version);
    },
    list(where, { prefix, after, limit }) {
      const keys = [...(owners.get(idOf(where))?.entries() ?? [])]
        .filter(([key]) => key.startsWith(prefix) && (after === undefined || key > after))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, limit)
        .map(([key, record]) => ({ key, version: record.version, bytes: record.bytes }));
      return Promise.resolve(keys);
    },
    usage: (app) => Promise.resolve(usage.get(app) ?? { bytes: 0, keys: 0 }),
  };
}
