import type { Selection } from '@plugboard/widget-sdk/protocol';
import type { ActionLists, ListsHost } from './lists-host.js';
import { atPoint, type HostInstalledApp } from '../store/host-store.js';
import {
  actionsAt,
  runAction,
  watchStates,
  type HostActionOutcome,
  type HostActionState,
  type HostListAction,
} from './actions.js';
import { cellCalls, cellStateOf } from './cell-answers.js';
import { CellCache, cellKey, keysOf, type HostCellState } from './cell-cache.js';
import { listColumn, type HostListColumn, type HostListRow } from './columns.js';

export type { HostListColumn, HostListRow } from './columns.js';
import { HostConnectors, type HostConnectorRetry } from './connectors.js';

/** Options of a host's lists (`listsOf(host, options)` the first time). */
export interface HostListsOptions {
  /** How long a connector has to answer a batch of cells. Default 5 000 ms. */
  readonly cellTimeoutMs?: number;
  /** How many cells the page keeps, over every app and column. Default 5 000 (some 50 screens). */
  readonly cacheSize?: number;
  /** How a connector that failed to start is retried. Default: after 1 s, doubling to 30 s. */
  readonly retry?: HostConnectorRetry;
}

interface Subscriber {
  readonly column: HostListColumn;
  row: HostListRow;
  readonly listener: (state: HostCellState) => void;
}

/**
 * The cells of one host page's lists: which columns each point has, and
 * each app's cell for each row, asked of the app's connector in batches
 * (one call per connector per animation frame, at most MAX_CELL_ROWS rows
 * each) and cached by app, column, row id and row version.
 */
export class HostLists implements ActionLists {
  readonly host: ListsHost;
  readonly connectors: HostConnectors;
  readonly #cache: CellCache;
  readonly #timeoutMs: number;
  /** Cells on screen, by key: asked again when the app invalidates them. */
  readonly #live = new Map<string, Set<Subscriber>>();
  /** Cells to ask for at the next frame: per app, rows by id, and columns. */
  readonly #pending = new Map<string, { rows: Map<string, HostListRow>; columns: Set<string> }>();
  /** Cells asked for and not answered yet, with the row version asked for. */
  readonly #asked = new Map<string, string | number>();
  #frame: number | undefined;
  /** How many `cells` calls went out; for tests and the benchmark. */
  calls = 0;

  constructor(host: ListsHost, options: HostListsOptions = {}) {
    this.host = host;
    this.#timeoutMs = options.cellTimeoutMs ?? 5_000;
    this.#cache = new CellCache(options.cacheSize ?? 5_000);
    this.connectors = new HostConnectors(
      host,
      () => ({
        'cells.invalidate': (params, call) => {
          this.invalidate(call.appId, params);
        },
      }),
      {
        ...(options.retry ? { retry: options.retry } : {}),
        // An outage's wait is over: the cells on screen that it failed are asked again.
        onRetry: (appId) => {
          this.#askAgain(appId, false);
        },
      },
    );
    host.store.subscribe((state, previous) => {
      // A new locale: the cells on screen show their numbers in it (no new call).
      if (state.context.locale !== previous.context.locale) this.#repaint();
      // An app that leaves takes its connector and cells with it.
      if (state.apps === previous.apps) return;
      for (const app of previous.apps) {
        if (!state.apps.includes(app)) {
          this.connectors.close(app.manifest.id);
          this.#forget(app.manifest.id);
        }
      }
    });
  }

  /** The installed (enabled) apps' columns at `point`, in install order. */
  columns(point: string): HostListColumn[] {
    return atPoint(this.host.store.getState(), 'columns', point).map(({ app, item }) =>
      listColumn(app, item),
    );
  }

  /**
   * Starts the connectors of the apps with columns at `point` ahead of the
   * list (when the page is idle, say), so its first cells need no page
   * load. Resolves when they are ready; a connector that fails is left to
   * show its cells' errors.
   */
  async prepare(point: string): Promise<void> {
    const apps = new Set(this.columns(point).map((column) => column.appId));
    await Promise.all(
      [...apps].map(async (appId) => {
        const app = this.app(appId);
        if (app)
          await this.connectors
            .call(app, 'ping', undefined, this.#timeoutMs)
            .catch(() => undefined);
      }),
    );
  }

  /** The installed (enabled) apps' actions at `point`, in install order. */
  actions(point: string): HostListAction[] {
    return actionsAt(this, point);
  }

  /**
   * The states of `actions` for `selection`, by action key, to `update`:
   * at once (an action that does not fit the selection is disabled with
   * why; one its connector decides is `pending`), then as each app's
   * connector answers (one call per app), or, past about 150 ms, disabled
   * with the reason (a late answer still counts). Abort `signal` when the
   * selection changes.
   */
  states(
    actions: readonly HostListAction[],
    selection: Selection,
    update: (states: ReadonlyMap<string, HostActionState>) => void,
    signal: AbortSignal,
  ): void {
    watchStates(this, actions, selection, update, signal);
  }

  /**
   * Runs `action` on `selection`: opens its app dialog with
   * `{ action, selection }` as params (the dialog's result, when it is an
   * action result, says what it did), or calls its connector; then shows
   * what the result asks for (a toast, refreshed cells, a dialog, a
   * navigation, and the rows it failed for). Never rejects: a failure is a
   * toast and an `error` outcome.
   */
  run(action: HostListAction, selection: Selection): Promise<HostActionOutcome> {
    return runAction(this, action, selection);
  }

  /** An installed app, if enabled. */
  app(appId: string): HostInstalledApp | undefined {
    return this.host.store
      .getState()
      .apps.find((app) => app.manifest.id === appId && !app.disabled);
  }

  /**
   * Shows `column`'s cell for `row`: calls `listener` with the cached cell
   * at once when there is one, else with `loading` and then the answer.
   * Returns the function that stops it (the cell left the screen).
   */
  watch(
    column: HostListColumn,
    row: HostListRow,
    listener: (state: HostCellState) => void,
  ): () => void {
    const key = cellKey(column.appId, column.id, row.id);
    const subscriber: Subscriber = { column, row, listener };
    let live = this.#live.get(key);
    if (!live) this.#live.set(key, (live = new Set()));
    live.add(subscriber);
    const cached = this.#cache.get(key, row.version);
    if (cached) listener(cached);
    else {
      listener({ status: 'loading' });
      this.#request(column, row);
    }
    return () => {
      live.delete(subscriber);
      if (live.size === 0) this.#live.delete(key);
    };
  }

  /**
   * Drops the app's cached cells of `rows`, of `columns`, of both (those
   * rows of those columns), or all of them; the cells on screen are asked
   * for again (they show their old value meanwhile).
   */
  invalidate(
    appId: string,
    {
      rows,
      columns,
    }: {
      readonly rows?: readonly string[] | undefined;
      readonly columns?: readonly string[] | undefined;
    },
  ): void {
    // A connector that is out starts again now: the app says its data changed.
    if (this.connectors.isOut(appId)) this.connectors.retry(appId);
    const picks = keysOf(appId, rows, columns);
    this.#cache.drop(picks);
    for (const [key, live] of this.#live) {
      if (!picks(key)) continue;
      this.#asked.delete(key);
      const [first] = live;
      if (first) this.#request(first.column, first.row);
    }
  }

  /**
   * Tries the app's connector again now, when it is out (it failed to
   * start): the cells on screen that it failed show `loading` and are
   * asked again. What a failed cell's Retry does.
   */
  retry(appId: string): void {
    if (!this.connectors.isOut(appId)) return;
    this.#askAgain(appId, true);
    this.connectors.retry(appId);
  }

  /** Shows every cell on screen again, as it is (for a new locale). */
  #repaint(): void {
    for (const [key, live] of this.#live) {
      for (const subscriber of live) {
        const state = this.#cache.get(key, subscriber.row.version);
        if (state) subscriber.listener({ ...state });
      }
    }
  }

  /** Asks again for the app's cells on screen that have no answer (they failed). */
  #askAgain(appId: string, showLoading: boolean): void {
    const picks = keysOf(appId, undefined, undefined);
    for (const [key, live] of this.#live) {
      const [first] = live;
      if (!first || !picks(key) || this.#asked.has(key)) continue;
      if (this.#cache.get(key, first.row.version)) continue;
      if (showLoading) for (const subscriber of live) subscriber.listener({ status: 'loading' });
      this.#request(first.column, first.row);
    }
  }

  /**
   * Forgets an app that left: its cached cells, and the cells it was asked
   * for (nothing is asked again: a reinstalled app is asked afresh).
   */
  #forget(appId: string): void {
    const picks = keysOf(appId, undefined, undefined);
    this.#cache.drop(picks);
    for (const key of this.#asked.keys()) if (picks(key)) this.#asked.delete(key);
  }

  /** Tears down every connector and forgets every cell: the host page is going. */
  close(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
    this.#pending.clear();
    this.#asked.clear();
    this.#cache.drop(() => true);
    this.connectors.close();
  }

  #request(column: HostListColumn, row: HostListRow): void {
    const key = cellKey(column.appId, column.id, row.id);
    if (this.#asked.get(key) === row.version) return; // already on its way
    this.#asked.set(key, row.version);
    let pending = this.#pending.get(column.appId);
    if (!pending)
      this.#pending.set(column.appId, (pending = { rows: new Map(), columns: new Set() }));
    pending.rows.set(row.id, row);
    pending.columns.add(column.id);
    this.#frame ??= requestAnimationFrame(() => {
      this.#frame = undefined;
      this.#flush();
    });
  }

  #flush(): void {
    const pending = [...this.#pending];
    this.#pending.clear();
    for (const [appId, { rows, columns }] of pending) {
      const app = this.app(appId);
      if (!app) continue;
      for (const call of cellCalls(app, rows.values(), columns)) {
        void this.#ask(app, call.columns, call.rows);
      }
    }
  }

  async #ask(app: HostInstalledApp, columns: string[], rows: HostListRow[]): Promise<void> {
    const appId = app.manifest.id;
    this.calls++;
    let answer: Record<string, Record<string, unknown>> | undefined;
    let failure: { message: string; retryable?: true } | undefined;
    try {
      answer = (await this.connectors.call(
        app,
        'cells',
        { columns, rows },
        this.#timeoutMs,
      )) as Record<string, Record<string, unknown>>;
    } catch (error) {
      const { message } = error as Error;
      failure = this.connectors.isOut(appId) ? { message, retryable: true } : { message };
    }
    for (const column of columns) {
      for (const row of rows) {
        const key = cellKey(appId, column, row.id);
        // A newer version was asked for meanwhile: its own answer will come.
        if (this.#asked.get(key) !== row.version) continue;
        this.#asked.delete(key);
        let state: HostCellState;
        if (failure) state = { status: 'error', ...failure };
        else {
          state = cellStateOf(app.manifest.name, answer?.[column]?.[row.id]);
          // A failed call is not cached: the cell is asked for again when it comes back on screen.
          this.#cache.set(key, row.version, state);
        }
        for (const subscriber of this.#live.get(key) ?? []) {
          if (subscriber.row.version === row.version) subscriber.listener(state);
        }
      }
    }
  }
}

/** A host page's lists, made at the first call for the host. */
const lists = new WeakMap<ListsHost, HostLists>();

/**
 * The lists of `host`: its columns, cells, actions and connectors. The
 * first call makes them (with `options`); later calls return the same.
 */
export function listsOf(host: ListsHost, options?: HostListsOptions): HostLists {
  let found = lists.get(host);
  if (!found) lists.set(host, (found = new HostLists(host, options)));
  return found;
}
