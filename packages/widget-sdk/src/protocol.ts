/**
 * `@plugboard/widget-sdk/protocol`: the contract that host and widget both
 * import. Types and constants only; importing it runs nothing.
 */
export { PROTOCOL_VERSION } from './protocol/version.js';
