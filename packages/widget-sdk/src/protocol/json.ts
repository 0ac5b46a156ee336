import * as v from 'valibot';

/** A value that survives JSON and structured cloning alike. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** How deep free-form JSON (payloads, stored values, dialog results) may nest. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether `value` is JSON data nested at most `maxDepth` levels: strings,
 * finite numbers, booleans, null, arrays and plain objects. A plain loop with
 * its own stack, so a large payload costs a few milliseconds and a deep one
 * cannot overflow the call stack (a schema union over every value cost
 * seconds on a large one).
 */
export function isJsonValue(value: unknown, maxDepth = MAX_JSON_DEPTH): value is JsonValue {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const item = values.pop();
    const depth = depths.pop() ?? 0;
    if (item === null || typeof item === 'string' || typeof item === 'boolean') continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return false;
      continue;
    }
    if (typeof item !== 'object' || depth >= maxDepth) return false;
    if (Array.isArray(item)) {
      for (const element of item) {
        values.push(element);
        depths.push(depth + 1);
      }
      continue;
    }
    const prototype: unknown = Object.getPrototypeOf(item);
    if (prototype !== Object.prototype && prototype !== null) return false;
    for (const key of Object.keys(item)) {
      values.push((item as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return true;
}

const isJsonObject = (value: unknown): value is { [key: string]: JsonValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && isJsonValue(value);

/**
 * Any JSON value, nested at most {@link MAX_JSON_DEPTH} levels. Free-form
 * payloads (messages, stored data, dialog results) must be JSON so that the
 * host can measure and cap them; their size is capped by the bridge's
 * payload limit, before this check runs.
 */
export const JsonValueSchema: v.GenericSchema<JsonValue> = v.custom<JsonValue>(
  (input) => isJsonValue(input),
  `must be JSON data nested at most ${MAX_JSON_DEPTH} levels`,
);

/** A JSON object, nested at most {@link MAX_JSON_DEPTH} levels. */
export const JsonObjectSchema: v.GenericSchema<{ [key: string]: JsonValue }> = v.custom<{
  [key: string]: JsonValue;
}>(isJsonObject, `must be a JSON object nested at most ${MAX_JSON_DEPTH} levels`);
