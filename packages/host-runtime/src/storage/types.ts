import type { JsonValue, StorageScope } from '@plugboard/widget-sdk/protocol';

/**
 * Where one stored value lives: the app (the runtime fills it in from the
 * calling widget, so no app reaches another's), the scope, the scope's
 * owner (the user's id, the account's, or `<type>:<id>` of the entity) and
 * the app's own key.
 */
export interface HostStorageAddress {
  readonly app: string;
  readonly scope: StorageScope;
  readonly owner: string;
  readonly key: string;
}

/** A stored value, its version (1 for the first write, one more at each) and its size. */
export interface HostStorageRecord {
  readonly value: JsonValue;
  readonly version: number;
  /** The value's size in bytes of UTF-8 JSON, as the quota counts it. */
  readonly bytes: number;
}

/**
 * Where the runtime keeps apps' data: the host's backend, normally. The
 * runtime ships `memoryStorage()` and `browserStorage()` (IndexedDB) in
 * `@plugboard/host-runtime/storage`. The runtime checks quotas and
 * permissions; an adapter stores, and makes each write conditional.
 */
export interface HostStorageAdapter {
  /** The records at `addresses`, in order; `undefined` where there is none. */
  get(
    addresses: readonly HostStorageAddress[],
  ): Promise<readonly (HostStorageRecord | undefined)[]>;
  /**
   * Writes `value` (or removes the record, for `undefined`) only if the
   * stored version is still `expected` (0: no record). Resolves with the
   * new version (0 after a removal), or `{ conflict }` with the stored
   * version when it was not `expected`. Must be atomic for one address.
   */
  put(
    address: HostStorageAddress,
    value: { readonly value: JsonValue; readonly bytes: number } | undefined,
    expected: number,
  ): Promise<number | { readonly conflict: number }>;
  /** Keys of one scope's owner, in key order, starting with `prefix`, after `after`, at most `limit`. */
  list(
    where: Omit<HostStorageAddress, 'key'>,
    options: {
      readonly prefix: string;
      readonly after: string | undefined;
      readonly limit: number;
    },
  ): Promise<readonly { readonly key: string; readonly version: number; readonly bytes: number }[]>;
  /** What one app stores in all: bytes of its values and number of keys. */
  usage(app: string): Promise<{ readonly bytes: number; readonly keys: number }>;
}

/** Storage quotas, per app. */
export interface HostStorageQuota {
  /** The largest value, in bytes of UTF-8 JSON. Default 64 KiB. */
  readonly valueBytes: number;
  /** All of an app's values together, in bytes. Default 1 MiB. */
  readonly appBytes: number;
  /** How many keys an app may hold, in all scopes. Default 10 000. */
  readonly appKeys: number;
}

/** The default {@link HostStorageQuota}. */
export const DEFAULT_STORAGE_QUOTA: HostStorageQuota = {
  valueBytes: 64 * 1024,
  appBytes: 1024 * 1024,
  appKeys: 10_000,
};

/** Options of the host's storage service. */
export interface HostStorageOptions {
  /** Where values are kept. Default: in memory, for this page's life. */
  readonly adapter?: HostStorageAdapter;
  /** Per-app quotas, over {@link DEFAULT_STORAGE_QUOTA}. */
  readonly quota?: Partial<HostStorageQuota>;
  /** The account `account` scope belongs to. Default `account`. */
  readonly accountId?: string;
}
