/**
 * `@plugboard/host-runtime/lists`: apps' columns, cells and actions in the
 * host's own lists, answered by each app's connector (or, for `server`
 * actions, its server, through the host's backend). Import it where the
 * host has lists: a page without them never loads it.
 *
 * @module @plugboard/host-runtime/lists
 */
export {
  CELL_ICONS,
  CELL_TONES,
  MAX_CELL_ROWS,
  type ActionResult,
  type ActionState,
  type Cell,
  type CellIcon,
  type CellKind,
  type CellTone,
  type Selection,
} from '@plugboard/widget-sdk/protocol';
export {
  HostLists,
  listsOf,
  type HostListColumn,
  type HostListRow,
  type HostListsOptions,
} from './lists/host-lists.js';
export type { HostCellState } from './lists/cell-cache.js';
export { HostConnectors, type HostConnectorRetry } from './lists/connectors.js';
export type { ActionLists, ListsHost } from './lists/lists-host.js';
export {
  ACTION_STATE_BUDGET_MS,
  selectionSize,
  type HostActionOutcome,
  type HostActionState,
  type HostListAction,
} from './lists/actions.js';
export { HostListCellElement } from './elements/list-cell.js';
export { HostActionBarElement, HostActionDoneEvent } from './elements/action-bar.js';
