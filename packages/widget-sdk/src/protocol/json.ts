import * as v from 'valibot';

/** A value that survives JSON and structured cloning alike. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Any JSON value. Free-form payloads (messages, stored data, dialog results)
 * must be JSON so the host can measure and cap them, and so a function or a
 * DOM node is refused with a path instead of failing to clone.
 */
export const JsonValueSchema: v.GenericSchema<JsonValue> = v.lazy(() =>
  v.union([
    v.string(),
    v.pipe(v.number(), v.finite()),
    v.boolean(),
    v.null(),
    v.array(JsonValueSchema),
    v.record(v.string(), JsonValueSchema),
  ]),
);

/** A JSON object. */
export const JsonObjectSchema = v.record(v.string(), JsonValueSchema);
