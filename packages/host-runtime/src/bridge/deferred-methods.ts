// The data services' method schemas, in a chunk of their own: dispatch.ts
// loads it at the first messages, storage or identity call.
export { DEFERRED_HOST_METHODS } from '@plugboard/widget-sdk/protocol';
