/**
 * `@plugboard/widget-sdk/connector`: what an app's connector page imports.
 * The connector is one hidden page per app per host page; it answers the
 * cells of the app's list columns, in batches of rows, and runs its actions.
 *
 * ```ts
 * import { defineConnector } from '@plugboard/widget-sdk/connector';
 * await defineConnector({
 *   columns: {
 *     delivery: (rows) => rows.map((row) => ({ kind: 'badge', text: 'In transit', tone: 'info' })),
 *   },
 *   actions: {
 *     recheck: { run: async (selection) => ({ refresh: selection.kind === 'ids' ? selection.ids : 'all' }) },
 *   },
 * });
 * ```
 *
 * @module @plugboard/widget-sdk/connector
 */
import type { WidgetClient } from './client.js';
import { connect, type ConnectOptions } from './connect.js';
import { PlugboardError } from './protocol/errors.js';
import type {
  ActionResult,
  ActionState,
  Cell,
  CellRow,
  Selection,
} from './protocol/list-methods.js';

export type {
  ActionResult,
  ActionState,
  Cell,
  CellIcon,
  CellKind,
  CellRow,
  CellTone,
  Selection,
} from './protocol/list-methods.js';

/**
 * The cells of one column for a batch of rows, in the rows' order (`null`
 * for a row with nothing to show; a row left `undefined` shows the host's
 * error mark, "sent no cell for this row"). A throw or a rejection shows every cell
 * of the batch as failed, with the error's message.
 */
export type ColumnHandler = (
  rows: readonly CellRow[],
  client: WidgetClient,
) => readonly Cell[] | Promise<readonly Cell[]>;

/** One action of the app. */
export interface ActionHandler {
  /** Runs the action on the selection; what it resolves with, the host shows. */
  readonly run?: (
    selection: Selection,
    client: WidgetClient,
  ) => ActionResult | null | undefined | Promise<ActionResult | null | undefined>;
  /**
   * Whether the action shows and is enabled for a selection (for an action
   * whose manifest says `"state": "connector"`). Answer fast: the host waits
   * about 150 ms before it shows the action disabled.
   */
  readonly state?: (
    selection: Selection,
    client: WidgetClient,
  ) => ActionState | Promise<ActionState>;
}

/** What a connector answers, by the ids its manifest gives its columns and actions. */
export interface ConnectorDefinition {
  readonly columns?: Readonly<Record<string, ColumnHandler>>;
  readonly actions?: Readonly<Record<string, ActionHandler>>;
}

const failed = (message: string): Cell => ({ kind: 'error', message: message.slice(0, 300) });
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Connects the connector page to its host and answers its `cells`,
 * `actionState` and `action` calls from `definition`. Resolves with the
 * client, for the host services the app was granted
 * (`client.cells.invalidate(…)`, `client.toasts.show(…)`). Rejects as
 * `connect()` does.
 */
export async function defineConnector(
  definition: ConnectorDefinition,
  options: Omit<ConnectOptions, 'autoResize' | 'handlers'> = {},
): Promise<WidgetClient> {
  const { columns = {}, actions = {} } = definition;
  // The handlers are in place before the host's first call, which may come
  // before connect() resolves: they wait for the client they hand on.
  const connected = connect({
    ...options,
    autoResize: false,
    handlers: {
      cells: async ({ columns: asked, rows }) => {
        const answer: Record<string, Record<string, unknown>> = {};
        await Promise.all(
          asked.map(async (column) => {
            const handler = columns[column];
            let cells: readonly unknown[];
            try {
              if (!handler) throw new Error(`This connector has no column "${column}".`);
              cells = await handler(rows, await connected);
            } catch (error) {
              cells = rows.map(() => failed(messageOf(error)));
            }
            // A row left without a cell shows as such in the host: a bug to see, not an empty cell.
            answer[column] = Object.fromEntries(
              rows.flatMap((row, i) => (cells[i] === undefined ? [] : [[row.id, cells[i]]])),
            );
          }),
        );
        return answer;
      },
      actionState: ({ actions: asked, selection }) =>
        Promise.all(
          asked.map(async (id): Promise<ActionState> => {
            const state = actions[id]?.state;
            try {
              return state ? await state(selection, await connected) : { enabled: true };
            } catch (error) {
              return { enabled: false, reason: messageOf(error).slice(0, 500) };
            }
          }),
        ),
      action: async ({ action, selection }) => {
        const run = actions[action]?.run;
        if (!run) {
          throw new PlugboardError('unsupported', `This connector has no action "${action}".`);
        }
        return (await run(selection, await connected)) ?? null;
      },
    },
  });
  return connected;
}
