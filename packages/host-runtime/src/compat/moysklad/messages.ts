import type { JsonValue } from '@plugboard/widget-sdk/protocol';

// MoySklad's message vocabulary, as the adapter and its requests use it:
// a message, the error codes, the limits, and how popup parameters travel.

/** A message of MoySklad's protocol: a plain object with a `name`. */
export type Message = Record<string, unknown>;

/** The widget's fire-and-forget messages: no answer but an error. */
export const FIRE_AND_FORGET = new Set([
  'OpenFeedback',
  'SetDirty',
  'ClearDirty',
  'ValidationFeedback',
  'ClosePopup',
]);

/** InvalidMessageError's codes (MoySklad's protocol, section "Errors"). */
export const ERR = {
  state: 1000,
  missing: 1001,
  invalid: 1002,
  parallel: 1003,
  protocol: 1004,
  readOnly: 1005,
  host: 1006,
} as const;

/** The longest dialogText and button caption MoySklad takes. */
export const DIALOG_TEXT = 4_096;
export const CAPTION = 100;

/**
 * How long the host waits after a NavigateResponse before it navigates:
 * the response is on its way to the page, which MoySklad keeps (it caches
 * widget frames); here the navigation may remove the frame, and a frame
 * removed before its page takes the message never gets it.
 */
export const NAVIGATE_AFTER_MS = 150;

/**
 * A popup's parameters (or its response) as the adapter hands them through
 * its dialog: `{ given }` wraps what was sent (null, a string, an array…),
 * so that none (`{}`, when the message had no such field) is told apart
 * from `null`.
 */
export const given = (value: unknown): JsonValue =>
  value === undefined ? {} : { given: value as JsonValue };

export const isGiven = (params: JsonValue): params is { given: JsonValue } =>
  typeof params === 'object' && params !== null && !Array.isArray(params) && 'given' in params;

/**
 * The host's data in MoySklad's field names (`fields` maps MoySklad's
 * names to the host's); a field with no MoySklad name keeps its own.
 */
export const inMoySkladNames = (
  fields: Readonly<Record<string, string>>,
  data: Record<string, JsonValue>,
): Record<string, JsonValue> =>
  Object.fromEntries(
    Object.entries(data).map(([field, value]) => [
      Object.entries(fields).find(([, host]) => host === field)?.[0] ?? field,
      value,
    ]),
  );
