import type { HostSelectorItem, HostSelectorSource } from './selector-types.js';

// The picker's state changes, apart from its element: its initial picks,
// what its status line says, where a key moves the active item, and what
// ticking an item does.

/** How many results the picker shows at once; the user refines the search for more. */
export const SHOWN = 200;

/** What the picker's status line says (its error state has its own with Retry). */
export function statusText({
  state,
  note,
  query,
  shown,
  total,
}: {
  readonly state: 'loading' | 'ready';
  /** What the last tick did, if it said anything: said instead. */
  readonly note: string;
  readonly query: string;
  readonly shown: number;
  readonly total: number;
}): string {
  if (note) return note;
  if (state === 'loading') return 'Loading…';
  if (shown === 0) {
    return query.trim() ? `Nothing matches “${query.trim()}”.` : 'There is nothing to pick.';
  }
  if (total > SHOWN) return `The first ${SHOWN} of ${total}: type to narrow them down.`;
  return `${shown} ${shown === 1 ? 'result' : 'results'}`;
}

const STEPS = new Map([
  ['ArrowDown', 1],
  ['ArrowUp', -1],
  ['PageDown', 10],
  ['PageUp', -10],
]);

/** Where `key` moves the active item from `active`: the new index, or `undefined` for no move key. */
export function keyTarget(key: string, active: number): number | undefined {
  const step = STEPS.get(key);
  return step === undefined ? undefined : active + step;
}

/**
 * Ticks `item`, or unticks it when it was ticked, keeping at most `max`:
 * the new selection (none when nothing changed) and what to announce.
 */
export function toggled(
  selected: ReadonlyMap<string, HostSelectorItem>,
  item: HostSelectorItem,
  max: number | undefined,
): { readonly selected?: ReadonlyMap<string, HostSelectorItem>; readonly note: string } {
  const next = new Map(selected);
  if (next.delete(item.id)) return { selected: next, note: `${item.name} removed.` };
  if (max !== undefined && next.size >= max) return { note: `You can pick at most ${max}.` };
  next.set(item.id, item);
  return { selected: next, note: `${item.name} picked.` };
}

/** The ids a picker starts with: each once, never more than it may answer. */
export const initialIds = (initial: readonly string[], limit: number): string[] =>
  [...new Set(initial)].slice(0, limit);

/**
 * `selected` with its items named as the source names them (an id it
 * does not know, or a source that cannot say, keeps showing by id).
 */
export async function named(
  source: HostSelectorSource,
  selected: ReadonlyMap<string, HostSelectorItem>,
): Promise<ReadonlyMap<string, HostSelectorItem> | undefined> {
  if (!source.resolve) return undefined;
  try {
    const items = await source.resolve([...selected.keys()], {
      signal: new AbortController().signal,
    });
    return new Map(items.map((item) => [item.id, item]));
  } catch {
    return undefined;
  }
}
