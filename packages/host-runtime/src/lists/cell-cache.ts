import type { Cell } from '@plugboard/widget-sdk/protocol';

/** A cell as a list shows it: still asked for, shown, or failed (with why). */
export type HostCellState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly cell: Cell }
  | {
      readonly status: 'error';
      readonly message: string;
      /** The app's connector is out (it failed to start): `listsOf(host).retry(appId)` tries again. */
      readonly retryable?: boolean;
    };

interface Entry {
  readonly version: string | number;
  readonly state: HostCellState;
}

/** The cache key of one app's cell of one column for one row. */
export const cellKey = (appId: string, column: string, rowId: string) =>
  `${appId}\u0000${column}\u0000${rowId}`;

/**
 * The cells a host page has been given, by app, column and row, each for
 * one row version: a newer version of the row is a miss. Bounded: past
 * `max` entries, the least recently read go first.
 */
export class CellCache {
  readonly #entries = new Map<string, Entry>();

  constructor(readonly max: number) {}

  get(key: string, version: string | number): HostCellState | undefined {
    const entry = this.#entries.get(key);
    if (entry?.version !== version) return undefined;
    // Re-inserting makes it the most recently read.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.state;
  }

  set(key: string, version: string | number, state: HostCellState): void {
    this.#entries.delete(key);
    this.#entries.set(key, { version, state });
    if (this.#entries.size > this.max) {
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
  }

  /** Drops every entry whose key `drop` picks. */
  drop(drop: (key: string) => boolean): void {
    for (const key of this.#entries.keys()) if (drop(key)) this.#entries.delete(key);
  }
}

/** Picks the cache keys of `appId`'s cells of `rows` and `columns` (each: all when absent). */
export function keysOf(
  appId: string,
  rows: readonly string[] | undefined,
  columns: readonly string[] | undefined,
): (key: string) => boolean {
  const rowSet = rows && new Set(rows);
  const columnSet = columns && new Set(columns);
  return (key) => {
    const [app, column, row] = key.split('\u0000') as [string, string, string];
    return app === appId && (!columnSet || columnSet.has(column)) && (!rowSet || rowSet.has(row));
  };
}
