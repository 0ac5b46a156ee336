import { CellSchema, MAX_CELL_COLUMNS, MAX_CELL_ROWS } from '@plugboard/widget-sdk/protocol';
import * as v from 'valibot';
import type { HostInstalledApp } from '../store/host-store.js';
import type { HostCellState } from './cell-cache.js';
import type { HostListRow } from './columns.js';

/** One `cells` call: which columns of which rows. */
export interface CellCall {
  readonly columns: string[];
  readonly rows: HostListRow[];
}

/**
 * The `cells` calls that ask `app` for `columns` of `rows`: at most
 * MAX_CELL_COLUMNS columns and MAX_CELL_ROWS rows each. An app without
 * `entity:read` gets each row's id and version, not its data.
 */
export function cellCalls(
  app: HostInstalledApp,
  rows: Iterable<HostListRow>,
  columns: Iterable<string>,
): CellCall[] {
  const reads = app.permissions.includes('entity:read');
  const all = [...rows].map((row) =>
    reads || row.data === undefined ? row : { id: row.id, version: row.version },
  );
  const columnIds = [...columns];
  const calls: CellCall[] = [];
  for (let c = 0; c < columnIds.length; c += MAX_CELL_COLUMNS) {
    for (let r = 0; r < all.length; r += MAX_CELL_ROWS) {
      calls.push({
        columns: columnIds.slice(c, c + MAX_CELL_COLUMNS),
        rows: all.slice(r, r + MAX_CELL_ROWS),
      });
    }
  }
  return calls;
}

const describeIssue = (issue: v.BaseIssue<unknown>) => {
  const path = issue.path?.map((item) => String(item.key)).join('.');
  return `${path ? `${path}: ` : ''}${issue.message}`;
};

/**
 * What a cell of a connector's answer shows: the cell, the error the app
 * gave for it, or why the host cannot show what came (nothing for this
 * row, or a cell that breaks the protocol, named by its field).
 */
export function cellStateOf(appName: string, raw: unknown): HostCellState {
  const checked = raw === undefined ? undefined : v.safeParse(CellSchema, raw);
  if (!checked) return { status: 'error', message: `${appName} sent no cell for this row.` };
  if (!checked.success) {
    return {
      status: 'error',
      message: `${appName} sent a cell the host cannot show (${describeIssue(checked.issues[0])}).`,
    };
  }
  if (checked.output?.kind === 'error') return { status: 'error', message: checked.output.message };
  return { status: 'ready', cell: checked.output };
}
