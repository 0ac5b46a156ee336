/**
 * `@plugboard/widget-sdk`: what a vendor's widget imports inside its iframe.
 */
export { PROTOCOL_VERSION } from './protocol.js';
