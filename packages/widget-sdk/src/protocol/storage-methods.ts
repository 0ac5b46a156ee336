import * as v from 'valibot';
import { bounded, LIMITS } from './bounds.js';
import { EntityRefSchema } from './context.js';
import { JsonValueSchema } from './json.js';

// Storage: per app (the runtime namespaces every key by the calling app, so
// no app reaches another's), in one of three scopes: `user` (the signed-in
// user's, the default), `account` (everyone's on this host account) and
// `entity` (one entity's: the widget's current one, or one it names, for
// list rows). Every value has a version; a write may pass the version it
// expects, and a stale one is a `conflict`.

/** The most keys one `storage.getMany` call reads. */
export const MAX_STORAGE_BATCH = 200;
/** The most keys one `storage.list` answer carries. */
export const MAX_STORAGE_LIST = 200;

/** Where a value lives. */
export const StorageScopeSchema = v.picklist(['user', 'account', 'entity']);

const Address = {
  /** Default `user`. */
  scope: v.optional(StorageScopeSchema),
  /** For `entity` scope: the entity; default the widget's current one. */
  entity: v.optional(EntityRefSchema),
};
const Key = bounded(LIMITS.id);
/** A version a write expects: the one it read, or 0 for "no value yet". */
const Version = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A stored value with its version (1 for the first write, one more at each). */
export const StoredValueSchema = v.strictObject({ value: JsonValueSchema, version: Version });

const QuotaSchema = v.strictObject({ used: v.number(), limit: v.number() });

/** The storage host methods. */
export const STORAGE_HOST_METHODS = {
  /** A value the app stored, with its version; `null` if none. */
  'storage.get': {
    params: v.strictObject({ key: Key, ...Address }),
    result: v.nullable(StoredValueSchema),
    permission: 'storage',
  },
  /** Several values at once (the rows of a list), in the order asked; `null` for each missing one. */
  'storage.getMany': {
    params: v.strictObject({
      items: v.pipe(
        v.array(v.strictObject({ key: Key, ...Address })),
        v.minLength(1),
        v.maxLength(MAX_STORAGE_BATCH),
      ),
    }),
    result: v.array(v.nullable(StoredValueSchema)),
    permission: 'storage',
  },
  /**
   * Stores a value; resolves with its new version. With `expectedVersion`,
   * only if the stored version is still that one (0: only if there is
   * none), else `conflict` with the current version in its details.
   * `quota_exceeded` when the value, or the app's total, would pass its
   * quota: nothing stored is changed.
   */
  'storage.set': {
    params: v.strictObject({
      key: Key,
      value: JsonValueSchema,
      expectedVersion: v.optional(Version),
      ...Address,
    }),
    result: v.strictObject({ version: Version }),
    permission: 'storage',
  },
  /** Removes a value (with `expectedVersion`, only if it is still that version). */
  'storage.remove': {
    params: v.strictObject({ key: Key, expectedVersion: v.optional(Version), ...Address }),
    result: v.undefined(),
    permission: 'storage',
  },
  /** The keys stored in a scope, in key order, with their versions and sizes; page on with `after`. */
  'storage.list': {
    params: v.strictObject({
      prefix: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.id))),
      after: v.optional(Key),
      limit: v.optional(
        v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_STORAGE_LIST)),
      ),
      ...Address,
    }),
    result: v.strictObject({
      items: v.array(v.strictObject({ key: Key, version: Version, bytes: v.number() })),
      /** Pass as `after` for the next page; absent on the last. */
      next: v.optional(Key),
    }),
    permission: 'storage',
  },
  /** The app's quotas: bytes and keys used of their limits, and the largest value allowed. */
  'storage.quota': {
    params: v.undefined(),
    result: v.strictObject({ bytes: QuotaSchema, keys: QuotaSchema, valueBytes: v.number() }),
    permission: 'storage',
  },
} as const;

/** A storage scope: `user`, `account` or `entity`. */
export type StorageScope = v.InferOutput<typeof StorageScopeSchema>;
/** A value as `storage.get` returns it. */
export type StoredValue = v.InferOutput<typeof StoredValueSchema>;
