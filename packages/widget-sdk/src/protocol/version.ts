/**
 * The newest version of the Plugboard bridge protocol that this build speaks.
 *
 * A change to anything under `protocol/` that an older peer could misread
 * bumps it.
 */
export const PROTOCOL_VERSION = 3;

/**
 * The oldest protocol version this build still speaks. Versions 1 and 2
 * were never published: 1's `dialogs.open` and `selectors.open` had no
 * outcome status; 2's `storage.get` answered the bare value (3: the value
 * and its version), its `storage.set` nothing (3: the new version), and its
 * `messages.send` carried one message (3: a batch).
 */
export const MIN_PROTOCOL_VERSION = 3;

/** The protocol versions one side speaks, both ends included. */
export interface ProtocolRange {
  readonly min: number;
  readonly max: number;
}

/** The versions this build speaks. */
export const PROTOCOL_RANGE: ProtocolRange = { min: MIN_PROTOCOL_VERSION, max: PROTOCOL_VERSION };

/**
 * The newest version both sides speak, or `undefined` when the ranges do not
 * meet (the handshake then fails with `version_mismatch`).
 */
export function negotiateVersion(ours: ProtocolRange, theirs: ProtocolRange): number | undefined {
  const version = Math.min(ours.max, theirs.max);
  return version >= Math.max(ours.min, theirs.min) ? version : undefined;
}

/** `"1"` or `"1–3"`, for messages. */
export function formatRange(range: ProtocolRange): string {
  return range.min === range.max ? `${range.min}` : `${range.min}–${range.max}`;
}
