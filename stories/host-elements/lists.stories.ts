import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@plugboard/host-runtime';
import {
  listsOf,
  type HostCellState,
  type HostListColumn,
  type HostListRow,
  type Selection,
} from '@plugboard/host-runtime/lists';
import { createMockHost, MOCK_THEMES } from '@plugboard/host-runtime/testing';
import { counterparties, findCounterparty, orders } from '../../packages/examples/src/data.js';
import { allEntities } from '../../packages/examples/src/entities.js';
import { installLoyaltyPoints, vendorManifest } from '../support/vendor-apps.js';

interface ListArgs {
  rows: number;
  theme: 'light' | 'dark';
  locale: string;
}

/**
 * Apps' columns and actions in the host's own lists: `<pb-list-cell>` per
 * cell and `<pb-action-bar>` per toolbar or row, answered by each app's
 * connector (one hidden iframe per app, never one per cell), here the
 * example apps' real connectors with a mock host. Tick rows and press
 * "Book pickup": Delivery tracker's dialog gets the selection, and its
 * cells refresh after booking. Loyalty points' buttons (a MoySklad app's)
 * are answered as its vendor's server answers them.
 */
const meta: Meta<ListArgs> = {
  title: 'Host elements/Lists',
  argTypes: {
    rows: { control: { type: 'range', min: 1, max: 40, step: 1 } },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    locale: { control: 'select', options: ['en-GB', 'de-DE', 'fr-FR', 'ja-JP'] },
  },
  args: { rows: 12, theme: 'light', locale: 'en-GB' },
};
export default meta;
type Story = StoryObj<ListArgs>;

function stage(args: ListArgs) {
  const host = createMockHost({
    entities: allEntities(),
    theme: MOCK_THEMES[args.theme],
    locale: args.locale,
  });
  for (const app of ['delivery-tracker', 'credit-check', 'quick-add'] as const) {
    host.install(vendorManifest(app));
  }
  installLoyaltyPoints(host);
  const root = document.createElement('div');
  const dark = args.theme === 'dark';
  root.style.cssText = `padding:16px;font:14px system-ui,sans-serif;background:${dark ? '#101828' : '#fff'};color:${dark ? '#f2f4f7' : '#101828'}`;
  host.attach(root);
  return { host, root };
}

function table(
  headers: readonly string[],
  columns: readonly HostListColumn[],
  rows: readonly { cells: readonly (string | Node)[]; row: HostListRow; after?: Node }[],
): HTMLTableElement {
  const element = document.createElement('table');
  element.style.cssText = 'border-collapse:collapse;min-width:640px';
  const head = element.createTHead().insertRow();
  for (const text of [...headers, ...columns.map((column) => column.title)]) {
    const th = document.createElement('th');
    th.textContent = text;
    th.style.cssText = 'text-align:start;padding:6px 10px;border-bottom:1px solid #eaecf0';
    head.append(th);
  }
  const body = element.createTBody();
  for (const { cells, row, after } of rows) {
    const tr = body.insertRow();
    const add = (content: string | Node) => {
      const td = tr.insertCell();
      td.style.cssText = 'padding:6px 10px;border-bottom:1px solid #eaecf0';
      td.append(content);
    };
    cells.forEach(add);
    for (const column of columns) {
      const cell = document.createElement('pb-list-cell');
      cell.column = column;
      cell.row = row;
      add(cell);
    }
    if (after) add(after);
  }
  return element;
}

/** Customer orders with Delivery tracker's and Quick add's columns, and the toolbar's Book pickup. */
export const OrderList: Story = {
  tags: ['expect-cells', 'expect-actions'],
  render: (args) => {
    const { host, root } = stage(args);
    const lists = listsOf(host);
    const columns = lists.columns('customerorder.list');
    const bar = document.createElement('pb-action-bar');
    bar.point = 'customerorder.list.actions';
    const selected = new Set<string>();
    const update = () => {
      bar.selection = { kind: 'ids', ids: [...selected] } satisfies Selection;
    };
    const entities = allEntities()['customerorder'] ?? {};
    const rows = orders.slice(0, args.rows).map((order) => {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.ariaLabel = `Select ${order.number}`;
      box.addEventListener('change', () => {
        if (box.checked) selected.add(order.id);
        else selected.delete(order.id);
        update();
      });
      return {
        cells: [box, order.number, findCounterparty(order.counterpartyId)?.name ?? ''],
        row: { id: order.id, version: 0, data: entities[order.id] ?? {} },
      };
    });
    root.append(bar, table(['', 'Number', 'Counterparty'], columns, rows));
    return root;
  },
};

/** Counterparties with Credit check's score badges and a Recheck on each row. */
export const CounterpartyList: Story = {
  tags: ['expect-cells', 'expect-actions'],
  render: (args) => {
    const { host, root } = stage(args);
    const columns = listsOf(host).columns('counterparty.list');
    const rows = counterparties.slice(0, args.rows).map((counterparty) => {
      const bar = document.createElement('pb-action-bar');
      bar.point = 'counterparty.list.row';
      bar.label = `Actions for ${counterparty.name}`;
      bar.selection = { kind: 'ids', ids: [counterparty.id] };
      return {
        cells: [counterparty.name, counterparty.city],
        row: { id: counterparty.id, version: 0 },
        after: bar,
      };
    });
    root.append(table(['Name', 'City'], columns, rows));
    return root;
  },
};

const STATES: [string, HostCellState][] = [
  [
    'text',
    {
      status: 'ready',
      cell: { kind: 'text', text: 'Left at the door', tooltip: 'Signed by A. Lovelace' },
    },
  ],
  ['number', { status: 'ready', cell: { kind: 'number', value: 1234.5, decimals: 2 } }],
  [
    'badge: neutral',
    { status: 'ready', cell: { kind: 'badge', text: 'Pickup booked', tone: 'neutral' } },
  ],
  ['badge: info', { status: 'ready', cell: { kind: 'badge', text: 'In transit', tone: 'info' } }],
  [
    'badge: success',
    { status: 'ready', cell: { kind: 'badge', text: 'Delivered', tone: 'success' } },
  ],
  [
    'badge: warning',
    { status: 'ready', cell: { kind: 'badge', text: 'Delayed', tone: 'warning' } },
  ],
  ['badge: critical', { status: 'ready', cell: { kind: 'badge', text: 'Lost', tone: 'critical' } }],
  [
    'link to a host page',
    { status: 'ready', cell: { kind: 'link', text: 'SO-00042', to: '/orders/42' } },
  ],
  [
    'link to a dialog',
    { status: 'ready', cell: { kind: 'link', text: 'Track…', dialog: 'track' } },
  ],
  ['icon', { status: 'ready', cell: { kind: 'icon', icon: 'truck', tooltip: 'On its way' } }],
  [
    'progress',
    { status: 'ready', cell: { kind: 'progress', value: 0.6, tooltip: '3 of 5 parcels' } },
  ],
  ['empty', { status: 'ready', cell: null }],
  ['loading', { status: 'loading' }],
  ['failed', { status: 'error', message: 'Delivery tracker did not answer cells within 5 s.' }],
  [
    'vendor down (Retry)',
    {
      status: 'error',
      retryable: true,
      message:
        "Delivery tracker's connector could not be loaded. Nothing answered at https://tracker.example/connector.html. Check that the vendor's server is running and that the manifest's URL is right.",
    },
  ],
];

/** Every kind of cell, and a cell loading, failed, and out with its vendor (a Retry button), as the host renders them (`preview`, no connector). */
export const CellKinds: Story = {
  render: (args) => {
    const { root } = stage(args);
    const grid = document.createElement('dl');
    grid.style.cssText =
      'display:grid;grid-template-columns:max-content 200px;gap:8px 24px;margin:0';
    for (const [name, state] of STATES) {
      const term = document.createElement('dt');
      term.textContent = name;
      const cell = document.createElement('pb-list-cell');
      cell.preview = state;
      const value = document.createElement('dd');
      value.style.margin = '0';
      value.append(cell);
      grid.append(term, value);
    }
    root.append(grid);
    return root;
  },
};
