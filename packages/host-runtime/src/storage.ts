/**
 * @plugboard/host-runtime/storage: storage adapters for `createHost({ storage })`.
 *
 * @module @plugboard/host-runtime/storage
 */
export { memoryStorage } from './storage/memory-adapter.js';
export { browserStorage, type BrowserStorageOptions } from './storage/browser-adapter.js';
export {
  DEFAULT_STORAGE_QUOTA,
  type HostStorageAdapter,
  type HostStorageAddress,
  type HostStorageOptions,
  type HostStorageQuota,
  type HostStorageRecord,
} from './storage/types.js';
