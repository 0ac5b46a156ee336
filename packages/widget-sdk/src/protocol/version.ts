/**
 * The version of the Plugboard bridge protocol that this build speaks.
 *
 * Host and widget exchange it in the handshake; a change to anything under
 * `protocol/` that an older peer could misread bumps it.
 */
export const PROTOCOL_VERSION = 1;
