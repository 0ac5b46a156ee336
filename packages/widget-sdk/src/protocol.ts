/**
 * `@plugboard/widget-sdk/protocol`: the contract that host and widget both
 * import: versions, error codes, the context, the methods of each side with
 * their schemas and permissions, and the transport. Importing it runs nothing.
 *
 * @module @plugboard/widget-sdk/protocol
 */
export * from './protocol/version.js';
export * from './protocol/errors.js';
export * from './protocol/json.js';
export * from './protocol/bounds.js';
export * from './protocol/duration.js';
export * from './protocol/host-path.js';
export * from './protocol/context.js';
export * from './protocol/host-methods.js';
export * from './protocol/ui-methods.js';
export * from './protocol/draft-methods.js';
export * from './protocol/list-methods.js';
export * from './protocol/deferred-methods.js';
export * from './protocol/message-methods.js';
export * from './protocol/storage-methods.js';
export * from './protocol/identity-methods.js';
export * from './protocol/diagnostic-methods.js';
export * from './protocol/method-kinds.js';
export * from './protocol/widget-methods.js';
export * from './protocol/wire.js';
export * from './protocol/channel.js';
export * from './protocol/handshake-messages.js';
export * from './protocol/messenger.js';
export * from './protocol/origins.js';
export * from './protocol/refusal.js';
export * from './protocol/traffic.js';
export type * from './protocol/telemetry.js';
