import {
  PlugboardError,
  type EntityRef,
  type JsonValue,
  type StorageScope,
} from '@plugboard/widget-sdk/protocol';
import type { HostCallInfo, HostServices } from '../services/host-services.js';
import { memoryStorage } from './memory-adapter.js';
import {
  DEFAULT_STORAGE_QUOTA,
  type HostStorageAdapter,
  type HostStorageAddress,
  type HostStorageOptions,
  type HostStorageQuota,
} from './types.js';

const encoder = new TextEncoder();

/** A value's size as quotas count it: bytes of UTF-8 JSON. */
const sizeOf = (value: JsonValue): number => encoder.encode(JSON.stringify(value)).length;

interface Where {
  readonly scope?: StorageScope | undefined;
  readonly entity?: EntityRef | undefined;
}

/**
 * The runtime's storage services over a host's adapter: every key
 * namespaced by the calling app, scopes resolved from the calling widget
 * (its user, the account, its entity), versions and quotas checked before
 * anything is written. An app's writes run one at a time, so a quota cannot
 * be passed by two writes at once.
 */
export function storageServices(
  options: HostStorageOptions,
  userId: string,
): Pick<
  Required<HostServices>,
  | 'storage.get'
  | 'storage.getMany'
  | 'storage.set'
  | 'storage.remove'
  | 'storage.list'
  | 'storage.quota'
> {
  const adapter: HostStorageAdapter = options.adapter ?? memoryStorage();
  const quota: HostStorageQuota = { ...DEFAULT_STORAGE_QUOTA, ...options.quota };
  const accountId = options.accountId ?? 'account';
  const writes = new Map<string, Promise<unknown>>();

  const ownerOf = ({ scope = 'user', entity }: Where, call: HostCallInfo): string => {
    if (scope === 'user') return userId;
    if (scope === 'account') return accountId;
    const ref = entity ?? call.context.entity;
    if (!ref) {
      throw new PlugboardError(
        'invalid_params',
        'entity scope needs an entity: this widget shows none, so name one in "entity".',
        { path: 'entity' },
      );
    }
    return `${ref.type}:${ref.id}`;
  };
  const address = (where: Where & { readonly key: string }, call: HostCallInfo) =>
    ({
      app: call.appId,
      scope: where.scope ?? 'user',
      owner: ownerOf(where, call),
      key: where.key,
    }) satisfies HostStorageAddress;

  /** Runs an app's writes one after another. */
  const serial = <T>(app: string, write: () => Promise<T>): Promise<T> => {
    const run = (writes.get(app) ?? Promise.resolve()).then(write, write);
    const settled = run.catch(() => undefined);
    writes.set(app, settled);
    void settled.then(() => {
      if (writes.get(app) === settled) writes.delete(app);
    });
    return run;
  };

  const conflict = (key: string, expected: number, stored: number) =>
    new PlugboardError(
      'conflict',
      `"${key}" is at version ${stored}, not ${expected}: someone wrote it in between. Read it again, then write.`,
      { key, expected, version: stored },
    );

  const write = async (
    where: HostStorageAddress,
    value: { value: JsonValue; bytes: number } | undefined,
    expectedVersion: number | undefined,
  ): Promise<number> => {
    const [current] = await adapter.get([where]);
    const stored = current?.version ?? 0;
    if (expectedVersion !== undefined && expectedVersion !== stored) {
      throw conflict(where.key, expectedVersion, stored);
    }
    if (value) {
      const usage = await adapter.usage(where.app);
      const bytes = usage.bytes - (current?.bytes ?? 0) + value.bytes;
      const keys = usage.keys + (current ? 0 : 1);
      if (bytes > quota.appBytes || keys > quota.appKeys) {
        const over = bytes > quota.appBytes ? 'bytes' : 'keys';
        throw new PlugboardError(
          'quota_exceeded',
          over === 'bytes'
            ? `Storing "${where.key}" would take this app to ${bytes} bytes, over its quota of ${quota.appBytes}; nothing was changed. Remove values it no longer needs.`
            : `Storing "${where.key}" would give this app ${keys} keys, over its quota of ${quota.appKeys}; nothing was changed.`,
          {
            key: where.key,
            quota: over,
            used: over === 'bytes' ? usage.bytes : usage.keys,
            limit: over === 'bytes' ? quota.appBytes : quota.appKeys,
          },
        );
      }
    }
    const outcome = await adapter.put(where, value, stored);
    if (typeof outcome === 'object') throw conflict(where.key, stored, outcome.conflict);
    return outcome;
  };

  return {
    'storage.get': async (params, call) => {
      const [record] = await adapter.get([address(params, call)]);
      return record ? { value: record.value, version: record.version } : null;
    },
    'storage.getMany': async ({ items }, call) => {
      const records = await adapter.get(items.map((item) => address(item, call)));
      return records.map((record) =>
        record ? { value: record.value, version: record.version } : null,
      );
    },
    'storage.set': async ({ value, expectedVersion, ...where }, call) => {
      const bytes = sizeOf(value);
      if (bytes > quota.valueBytes) {
        throw new PlugboardError(
          'quota_exceeded',
          `The value of "${where.key}" is ${bytes} bytes; a value may be at most ${quota.valueBytes}. Nothing was changed.`,
          { key: where.key, quota: 'value', used: bytes, limit: quota.valueBytes },
        );
      }
      const at = address(where, call);
      return { version: await serial(at.app, () => write(at, { value, bytes }, expectedVersion)) };
    },
    'storage.remove': async ({ expectedVersion, ...where }, call) => {
      const at = address(where, call);
      await serial(at.app, () => write(at, undefined, expectedVersion));
    },
    'storage.list': async ({ prefix, after, limit = 100, ...where }, call) => {
      const { app, scope, owner } = address({ ...where, key: '' }, call);
      const items = await adapter.list(
        { app, scope, owner },
        { prefix: prefix ?? '', after, limit: limit + 1 },
      );
      const page = items.slice(0, limit);
      const last = page.at(-1);
      return items.length > limit && last ? { items: page, next: last.key } : { items: page };
    },
    'storage.quota': async (_params, call) => {
      const usage = await adapter.usage(call.appId);
      return {
        bytes: { used: usage.bytes, limit: quota.appBytes },
        keys: { used: usage.keys, limit: quota.appKeys },
        valueBytes: quota.valueBytes,
      };
    },
  };
}
