/**
 * `@plugboard/react/lists`: apps' cells and actions in a React host's own
 * lists. Imports `@plugboard/host-runtime/lists`, which defines
 * `<pb-list-cell>` and `<pb-action-bar>`: a page without lists never loads
 * it.
 *
 * @module @plugboard/react/lists
 */
import type { Host } from '@plugboard/host-runtime';
import '@plugboard/host-runtime/lists';
import type {
  HostActionDoneEvent,
  HostListColumn,
  HostListRow,
  Selection,
} from '@plugboard/host-runtime/lists';
import type { ReactNode } from 'react';
import { useCustomElement, type ElementProps } from './element.js';
import { useHost } from './host-context.js';

export { listsOf, type HostListColumn, type HostListRow } from '@plugboard/host-runtime/lists';

/** Props of {@link ListCell}. */
export interface ListCellProps extends ElementProps {
  /** From `listsOf(host).columns(point)`. */
  readonly column: HostListColumn;
  /** Its id, its version (a new version asks for the cell again) and, for apps that may read it, its data. */
  readonly row: HostListRow;
  /** Default: the `HostProvider`'s. */
  readonly host?: Host;
}

/**
 * `<pb-list-cell>`: one app's cell for one row of your table, asked of the
 * app's connector in batches with the other cells on screen and cached by
 * row version. Render it in a virtualised row: a cell that leaves the
 * screen stops watching.
 */
export function ListCell({ column, row, host, ...element }: ListCellProps): ReactNode {
  const found = useHost(host, 'ListCell');
  return useCustomElement('pb-list-cell', element, { host: found, column, row });
}

/** Props of {@link ActionBar}. */
export interface ActionBarProps extends ElementProps {
  /** The action extension point, for instance `customerorder.list.actions`. */
  readonly point: string;
  /** The rows the actions act on. */
  readonly selection: Selection;
  /** The toolbar's accessible name. */
  readonly label?: string;
  /** An action ran: its outcome (`event.outcome`). */
  readonly onActionDone?: (event: HostActionDoneEvent) => void;
  /** Default: the `HostProvider`'s. */
  readonly host?: Host;
}

/**
 * `<pb-action-bar>`: the installed apps' actions at `point` for
 * `selection`, enabled as their connectors say.
 */
export function ActionBar({
  point,
  selection,
  label,
  onActionDone,
  host,
  ...element
}: ActionBarProps): ReactNode {
  const found = useHost(host, 'ActionBar');
  return useCustomElement(
    'pb-action-bar',
    element,
    { host: found, point, selection, ...(label === undefined ? {} : { label }) },
    { 'pb-action-done': onActionDone as ((event: Event) => void) | undefined },
  );
}
