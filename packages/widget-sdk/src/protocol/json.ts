import * as v from 'valibot';

import { isJsonValue, MAX_JSON_DEPTH, type JsonValue } from './json-value.js';

export { isJsonValue, MAX_JSON_DEPTH, type JsonValue };

const isJsonObject = (value: unknown): value is { [key: string]: JsonValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && isJsonValue(value);

/**
 * Any JSON value, nested at most {@link MAX_JSON_DEPTH} levels, with no key
 * that reaches a prototype (see {@link isJsonValue}). Free-form
 * payloads (messages, stored data, dialog results) must be JSON so that the
 * host can measure and cap them; their size is capped by the bridge's
 * payload limit, before this check runs.
 */
export const JsonValueSchema: v.GenericSchema<JsonValue> = v.custom<JsonValue>(
  (input) => isJsonValue(input),
  `must be JSON data nested at most ${MAX_JSON_DEPTH} levels, with no "__proto__" key and no object under "constructor"`,
);

/** A JSON object, nested at most {@link MAX_JSON_DEPTH} levels. */
export const JsonObjectSchema: v.GenericSchema<{ [key: string]: JsonValue }> = v.custom<{
  [key: string]: JsonValue;
}>(
  isJsonObject,
  `must be a JSON object nested at most ${MAX_JSON_DEPTH} levels, with no "__proto__" key and no object under "constructor"`,
);
