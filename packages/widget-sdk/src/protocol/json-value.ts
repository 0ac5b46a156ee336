/** A value that survives JSON and structured cloning alike. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** How deep free-form JSON (payloads, stored values, dialog results) may nest. */
export const MAX_JSON_DEPTH = 32;

/** Whether a value that is not an object or array is JSON: a string, a finite number, a boolean, null. */
function isJsonLeaf(value: unknown): boolean {
  const type = typeof value;
  return (
    type === 'string' ||
    type === 'boolean' ||
    value === null ||
    (type === 'number' && Number.isFinite(value))
  );
}

/**
 * Whether a parsed object has a key that a careless merge would follow to a
 * prototype: an own `__proto__` (JSON.parse makes one), or an object under
 * `constructor` (`constructor.prototype`). Such data is refused, not
 * stripped, so no host service ever sees it and the sender learns why.
 */
function reachesPrototype(item: object): boolean {
  if (Object.hasOwn(item, '__proto__')) return true;
  const constructor: unknown = Object.hasOwn(item, 'constructor')
    ? (item as { constructor: unknown }).constructor
    : undefined;
  return typeof constructor === 'object' && constructor !== null;
}

/**
 * Whether `value` is JSON data nested at most `maxDepth` levels: strings,
 * finite numbers, booleans, null, arrays and plain objects (whose undefined
 * fields JSON leaves out), with no key that reaches a prototype (an own
 * `__proto__`, an object under `constructor`). A plain loop with
 * its own stack, so a deep value cannot overflow the call stack, and leaves
 * are checked in place (only arrays and objects go on the stack): a 256 KiB
 * array of numbers takes well under a millisecond. (A schema union over every
 * value took seconds on a large one.)
 */
export function isJsonValue(value: unknown, maxDepth = MAX_JSON_DEPTH): value is JsonValue {
  if (typeof value !== 'object' || value === null) return isJsonLeaf(value);
  const stack: object[] = [value];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const item = stack.pop() as object;
    const depth = depths.pop() ?? 0;
    if (depth >= maxDepth) return false;
    let children: unknown[];
    let isObject = false;
    if (Array.isArray(item)) {
      children = item;
    } else {
      const prototype: unknown = Object.getPrototypeOf(item);
      if (prototype !== Object.prototype && prototype !== null) return false;
      if (reachesPrototype(item)) return false;
      children = Object.values(item);
      isObject = true;
    }
    for (const child of children) {
      // JSON leaves out a field that is undefined, as an optional field is.
      if (child === undefined && isObject) continue;
      if (typeof child === 'object' && child !== null) {
        stack.push(child);
        depths.push(depth + 1);
      } else if (!isJsonLeaf(child)) {
        return false;
      }
    }
  }
  return true;
}
