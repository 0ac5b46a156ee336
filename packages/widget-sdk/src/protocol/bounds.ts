import * as v from 'valibot';

/**
 * Bounds for the strings and maps in the protocol's schemas: no field of any
 * call can be longer than these, whatever the payload limit allows.
 */
export const LIMITS = {
  /** Ids, keys, names of methods, selectors, dialogs and topics. */
  id: 200,
  /** Human text: names, titles, toasts. */
  text: 500,
  /** A host path, query and hash included. */
  path: 2048,
  /** Entries of a map of strings (theme tokens). */
  entries: 500,
} as const;

/** A string of 1 to `max` characters. */
export const bounded = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));

/** A string of 0 to `max` characters. */
export const boundedOrEmpty = (max: number) => v.pipe(v.string(), v.maxLength(max));
