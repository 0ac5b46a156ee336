// Lists over a real cross-origin connector (test/fixtures/connector.ts):
// batching, the cache and its invalidation, row versions, loading and error
// cells, what a cell may be, selections, action states and results, and
// the connector's life.
import { expect } from 'chai';
import type { Host, HostExtensionPoint, HostManifest } from '@plugboard/host-runtime';
import {
  listsOf,
  selectionSize,
  type HostActionDoneEvent,
  type HostListCellElement,
  type HostListColumn,
  type HostListRow,
  type Selection,
} from '@plugboard/host-runtime/lists';
import { actionBar, actionButton, pressAction } from '../support/action-bars.js';
import { dialogsOpen, FIXTURE_PAGE, fixtureInNewDialog } from '../support/dialogs.js';
import { waitFor } from '../support/fixture-events.js';
import { driveFixture } from '../support/fixture-widget.js';
import {
  addSlot,
  cleanUp,
  cleanups,
  commandedFixture,
  manifest,
  setup,
  uniqueKey,
} from '../support/host-page.js';
import { ESCAPING_PATHS } from '../support/escapes.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

const POINTS: HostExtensionPoint[] = [
  { id: 'customerorder.list', kind: 'column', entity: 'customerorder', title: 'Orders' },
  { id: 'customerorder.list.actions', kind: 'action', entity: 'customerorder', title: 'Toolbar' },
  { id: 'customerorder.card', kind: 'panel', entity: 'customerorder', title: 'Order card' },
];
const CONNECTOR = `${fixtureOrigin}/test/fixtures/connector.html`;

function listApp(
  id: string,
  columns: string[],
  options: { permissions?: string[]; actions?: HostManifest['actions'] } = {},
): HostManifest {
  return {
    ...manifest(id),
    widgets: [],
    permissions: options.permissions ?? [],
    connector: { url: CONNECTOR },
    columns: columns.map((column) => ({ id: column, point: 'customerorder.list', title: column })),
    ...(options.actions ? { actions: options.actions } : {}),
  };
}

function listHost(...apps: HostManifest[]): { host: Host; root: HTMLElement } {
  const made = setup({ extensionPoints: POINTS });
  for (const app of apps) made.host.install(app);
  cleanups.push(() => {
    listsOf(made.host).close();
  });
  return made;
}

const rows = (count: number, version = 1): HostListRow[] =>
  Array.from({ length: count }, (_, i) => ({ id: `r${i + 1}`, version }));

function cellsFor(
  root: HTMLElement,
  columns: readonly HostListColumn[],
  list: readonly HostListRow[],
): HostListCellElement[] {
  const cells: HostListCellElement[] = [];
  for (const row of list) {
    for (const column of columns) {
      const cell = document.createElement('pb-list-cell');
      cell.column = column;
      cell.row = row;
      root.append(cell);
      cells.push(cell);
    }
  }
  return cells;
}

const shown = (cells: readonly HostListCellElement[]) =>
  cells.every((cell) => cell.state !== undefined && cell.state.status !== 'loading');
const textOf = (cell: HostListCellElement) => cell.textContent.trim();
const connectorFrames = () => [
  ...document.querySelectorAll<HTMLIFrameElement>('[data-plugboard="connectors"] iframe'),
];

async function recorded(): Promise<{ method: string; params: unknown }[]> {
  const [frame] = connectorFrames();
  if (!frame) throw new Error('no connector frame');
  return driveFixture(frame).value('recorded');
}

describe('lists: columns and cells', () => {
  afterEach(cleanUp);

  it('lists the installed columns of a point and validates what they need', () => {
    const { host } = listHost(listApp('tracker', ['status', 'kinds']));
    const columns = listsOf(host).columns('customerorder.list');
    expect(columns.map((column) => column.key)).to.deep.equal(['tracker/status', 'tracker/kinds']);
    expect(columns[0]).to.include({ appName: 'App tracker', align: 'start', title: 'status' });
    const noConnector: Partial<HostManifest> = listApp('bare', ['status']);
    delete noConnector.connector;
    expect(() => host.install(noConnector)).to.throw(
      /columns\[0\]: a column needs the manifest's connector/,
    );
    expect(() =>
      host.install({
        ...listApp('bad', []),
        actions: [
          { id: 'go', point: 'customerorder.list.actions', title: 'Go', run: { dialog: 'nope' } },
        ],
      }),
    ).to.throw(/actions\[0\]\.run\.dialog: "nope" is not one of the manifest's dialogs/);
  });

  it('asks one connector once for every visible row of every column of its app, in one call', async () => {
    const { host, root } = listHost(listApp('tracker', ['status', 'data']));
    const lists = listsOf(host);
    const columns = lists.columns('customerorder.list');
    const cells = cellsFor(root, columns, rows(40));
    expect(cells.every((cell) => cell.state?.status === 'loading')).to.equal(true);
    await waitFor(() => shown(cells), 'every cell to show');
    expect(lists.calls).to.equal(1);
    expect(connectorFrames()).to.have.length(1);
    const calls = await recorded();
    expect(calls.filter((call) => call.method === 'cells:status')).to.have.length(1);
    expect(textOf(cells[0] as HostListCellElement)).to.equal('r1 v1 r1');
  });

  it('splits a batch past MAX_CELL_ROWS rows into bounded calls', async () => {
    const { host, root } = listHost(listApp('tracker', ['status']));
    const cells = cellsFor(root, listsOf(host).columns('customerorder.list'), rows(450));
    await waitFor(() => shown(cells), 'every cell to show');
    expect(listsOf(host).calls).to.equal(3);
  });

  it('serves cached cells for the same row version, and asks again for a new one', async () => {
    const { host, root } = listHost(listApp('tracker', ['status']));
    const lists = listsOf(host);
    const [column] = lists.columns('customerorder.list') as [HostListColumn];
    const first = cellsFor(root, [column], rows(5));
    await waitFor(() => shown(first), 'the first cells');
    for (const cell of first) cell.remove();
    const again = cellsFor(root, [column], rows(5));
    expect(again.every((cell) => cell.state?.status === 'ready')).to.equal(true);
    expect(lists.calls).to.equal(1);
    (again[2] as HostListCellElement).row = { id: 'r3', version: 2 };
    await waitFor(() => textOf(again[2] as HostListCellElement) === 'r3 v1 r2', 'the new version');
    expect(lists.calls).to.equal(2);
    const statusCalls = (await recorded()).filter((call) => call.method === 'cells:status');
    expect(statusCalls.at(-1)?.params).to.deep.equal(['r3']);
  });

  it('refreshes only the on-screen cells the connector invalidates, through cells.invalidate', async () => {
    const { host, root } = listHost(listApp('tracker', ['status']));
    const lists = listsOf(host);
    const cells = cellsFor(root, lists.columns('customerorder.list'), rows(4));
    await waitFor(() => shown(cells), 'the cells');
    const [frame] = connectorFrames();
    const connector = driveFixture(frame as HTMLIFrameElement);
    await connector.value('setLabel', { to: 'v9' });
    await connector.value('invalidate', { rows: ['r2', 'r4', 'r99'] });
    await waitFor(
      () => textOf(cells[1] as HostListCellElement) === 'r2 v9 r1',
      () => `r2 to refresh (shows ${textOf(cells[1] as HostListCellElement)})`,
    );
    await waitFor(() => textOf(cells[3] as HostListCellElement) === 'r4 v9 r1', 'r4 to refresh');
    expect(textOf(cells[0] as HostListCellElement)).to.equal('r1 v1 r1');
    const statusCalls = (await recorded()).filter((call) => call.method === 'cells:status');
    expect(statusCalls.at(-1)?.params).to.deep.equal(['r2', 'r4']);
    // Cells off screen are dropped from the cache too: they come back fresh.
    lists.invalidate('tracker', {});
    const later = cellsFor(root, lists.columns('customerorder.list'), [{ id: 'r1', version: 1 }]);
    await waitFor(() => textOf(later[0] as HostListCellElement) === 'r1 v9 r1', 'r1 afresh');
  });

  it('hears its app’s messages: a panel of the app relabels the cells through the connector', async () => {
    const app = listApp('tracker', ['status'], { permissions: ['messages'] });
    const { host, root } = listHost({
      ...app,
      widgets: [
        {
          id: 'panel',
          point: 'customerorder.card',
          url: `${fixtureOrigin}/test/fixtures/widget.html`,
          height: { min: 40, max: 200, initial: 60 },
        },
      ],
    });
    const lists = listsOf(host);
    const cells = cellsFor(root, lists.columns('customerorder.list'), rows(2));
    await waitFor(() => shown(cells), 'the cells');
    const panel = await commandedFixture(addSlot(root));
    await panel.value('connect', { hostOrigins: [hostOrigin] });
    // Retained: the connector gets it even if it subscribes after this.
    await panel.value('publish', { topic: 'relabel', payload: 'v7', options: { retain: true } });
    await waitFor(
      () => textOf(cells[0] as HostListCellElement) === 'r1 v7 r1',
      () => `the relabel to arrive (r1 shows ${textOf(cells[0] as HostListCellElement)})`,
    );
    expect(textOf(cells[1] as HostListCellElement)).to.equal('r2 v7 r1');
  });

  it('renders every kind of cell as host UI, and never the app HTML', async () => {
    const { host, root } = listHost(listApp('tracker', ['kinds']));
    const ids = ['text', 'number', 'link', 'icon', 'progress', 'empty'];
    const cells = cellsFor(
      root,
      listsOf(host).columns('customerorder.list'),
      ids.map((id) => ({ id, version: 1 })),
    );
    await waitFor(() => shown(cells), 'the cells');
    const [text, number, link, icon, progress, empty] = cells as [
      HostListCellElement,
      HostListCellElement,
      HostListCellElement,
      HostListCellElement,
      HostListCellElement,
      HostListCellElement,
    ];
    expect(textOf(text)).to.equal('<b>bold</b><img src=x onerror=alert(1)>');
    expect(text.querySelector('b, img')).to.equal(null);
    expect(text.querySelector('span')?.title).to.equal('Text');
    expect(textOf(number)).to.equal('1,234.50');
    expect(link.querySelector('a')?.getAttribute('href')).to.equal('/orders/7');
    expect(icon.querySelector('[role="img"]')?.getAttribute('aria-label')).to.equal('On its way');
    expect(progress.querySelector('progress')?.value).to.equal(0.4);
    expect(empty.state).to.deep.equal({ status: 'ready', cell: null });
    expect(textOf(empty)).to.equal('');
  });

  it('shows its numbers in a new locale when the host changes it live, asking nothing again', async () => {
    const { host, root } = listHost(listApp('tracker', ['kinds']));
    const lists = listsOf(host);
    const [number] = cellsFor(root, lists.columns('customerorder.list'), [
      { id: 'number', version: 1 },
    ]) as [HostListCellElement];
    await waitFor(() => shown([number]), 'the cell');
    expect(textOf(number)).to.equal('1,234.50');
    const calls = lists.calls;
    await host.setContext({ locale: 'de-DE' });
    await waitFor(
      () => textOf(number) === '1.234,50',
      () => `1.234,50 (is ${textOf(number)})`,
    );
    expect(lists.calls).to.equal(calls);
  });

  it('shows a cell that breaks the rules, or that the app failed, as one quiet error mark', async () => {
    const { host, root } = listHost(listApp('tracker', ['kinds', 'broken']));
    const [kinds, broken] = listsOf(host).columns('customerorder.list') as [
      HostListColumn,
      HostListColumn,
    ];
    const bad = ['long', 'html', 'failed', 'missing'].map((id) => ({ id, version: 1 }));
    const cells = [...cellsFor(root, [kinds], bad), ...cellsFor(root, [broken], rows(1))];
    await waitFor(() => shown(cells), 'the cells');
    const reasons = cells.map((cell) =>
      cell.state?.status === 'error' ? cell.state.message : `not an error: ${cell.state?.status}`,
    );
    expect(reasons[0]).to.match(/App tracker sent a cell the host cannot show \(text: .*120/);
    expect(reasons[1]).to.match(/cannot show \(kind: /);
    expect(reasons[2]).to.equal('Carrier offline');
    expect(reasons[3]).to.equal('App tracker sent no cell for this row.');
    expect(reasons[4]).to.equal('The carrier API is down');
    const mark = cells[2]?.querySelector('.pb-cell-error');
    expect(mark?.getAttribute('title')).to.equal('Carrier offline');
    expect(mark?.getAttribute('aria-label')).to.equal('Could not load: Carrier offline');
    expect(cells.every((cell) => cell.hasAttribute('failed'))).to.equal(true);
  });

  it('shows no link to a path that resolves to another host', async () => {
    const { host, root } = listHost(listApp('tracker', ['escape']));
    const cells = cellsFor(
      root,
      listsOf(host).columns('customerorder.list'),
      ESCAPING_PATHS.map((_, i) => ({ id: `e${i}`, version: 1 })),
    );
    await waitFor(() => shown(cells), 'the cells');
    for (const cell of cells) {
      expect(cell.state?.status, JSON.stringify(cell.state)).to.equal('error');
      expect(cell.querySelector('a')).to.equal(null);
    }
  });

  it('shows a placeholder while a cell loads', async () => {
    const { host, root } = listHost(listApp('tracker', ['slow']));
    const [cell] = cellsFor(root, listsOf(host).columns('customerorder.list'), rows(1)) as [
      HostListCellElement,
    ];
    await cell.updateComplete;
    expect(cell.hasAttribute('loading')).to.equal(true);
    // Drawn by the style sheet, with its accessible name: no element of its own.
    expect(getComputedStyle(cell, '::before').content).to.equal('"" / "Loading"');
    expect(cell.childElementCount).to.equal(0);
    await waitFor(() => textOf(cell) === 'late', 'the slow cell');
    expect(cell.hasAttribute('loading')).to.equal(false);
  });

  it("hands rows' data only to an app that may read the entity", async () => {
    const { host, root } = listHost(
      listApp('reader', ['data'], { permissions: ['entity:read'] }),
      listApp('blind', ['data']),
    );
    const list = [{ id: 'r1', version: 1, data: { total: 12 } }];
    const cells = cellsFor(root, listsOf(host).columns('customerorder.list'), list);
    await waitFor(() => shown(cells), 'the cells');
    expect(cells.map(textOf)).to.deep.equal(['{"total":12}', 'null']);
    expect(connectorFrames()).to.have.length(2);
  });

  it('starts the connectors of a point ahead with prepare()', async () => {
    const { host } = listHost(listApp('tracker', ['status']), listApp('other', ['status']));
    const lists = listsOf(host);
    await lists.prepare('customerorder.list');
    const statuses = Object.values(host.store.getState().widgets).map((widget) => widget.status);
    expect(statuses).to.deep.equal(['ready', 'ready']);
    expect(connectorFrames()).to.have.length(2);
    expect(lists.calls).to.equal(0);
  });

  it('starts afresh when the page removed its connectors, and asks again', async () => {
    const { host, root } = listHost(listApp('tracker', ['status']));
    const lists = listsOf(host);
    const cells = cellsFor(root, lists.columns('customerorder.list'), rows(2));
    await waitFor(() => shown(cells), 'the cells');
    // As a page that replaces its body would.
    document.querySelector('[data-plugboard="connectors"]')?.remove();
    lists.invalidate('tracker', {});
    const later = cellsFor(root, lists.columns('customerorder.list'), [{ id: 'r7', version: 1 }]);
    await waitFor(
      () => textOf(later[0] as HostListCellElement) === 'r7 v1 r1',
      'a cell from a new connector',
    );
    expect(connectorFrames()).to.have.length(1);
    expect(textOf(cells[0] as HostListCellElement)).to.equal('r1 v1 r1');
  });

  it('asks a reinstalled app afresh for the cells its first install had', async () => {
    const app = listApp('tracker', ['status']);
    const { host, root } = listHost(app);
    const lists = listsOf(host);
    const cells = cellsFor(root, lists.columns('customerorder.list'), rows(2));
    await waitFor(() => shown(cells), 'the cells');
    host.uninstall('tracker');
    // A frame passes with the app gone: what was asked for it then has no answer.
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    host.install(app);
    const again = cellsFor(root, lists.columns('customerorder.list'), rows(2));
    await waitFor(() => shown(again), 'the cells from the reinstalled app');
    expect(textOf(again[1] as HostListCellElement)).to.equal('r2 v1 r1');
  });

  it('starts each connector once, and tears it down with the page or the app', async () => {
    const { host, root } = listHost(listApp('tracker', ['status']), listApp('other', ['status']));
    const lists = listsOf(host);
    expect(connectorFrames()).to.have.length(0);
    const cells = cellsFor(root, lists.columns('customerorder.list'), rows(3));
    await waitFor(() => shown(cells), 'the cells');
    const more = cellsFor(root, lists.columns('customerorder.list'), rows(6));
    await waitFor(() => shown(more), 'more cells');
    expect(connectorFrames()).to.have.length(2);
    const frame = connectorFrames()[0] as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).to.not.include('allow-top-navigation');
    expect(frame.closest('[aria-hidden="true"]')).to.not.equal(null);
    const widgets = () => Object.keys(host.store.getState().widgets);
    expect(widgets()).to.deep.equal(['connector:tracker', 'connector:other']);
    host.uninstall('other');
    expect(connectorFrames()).to.have.length(1);
    expect(widgets()).to.deep.equal(['connector:tracker']);
    lists.close();
    expect(connectorFrames()).to.have.length(0);
    expect(document.querySelector('[data-plugboard="connectors"]')).to.equal(null);
    expect(widgets()).to.deep.equal([]);
  });
});

/** A connector whose vendor can be taken down and brought back (web-test-runner.config.js). */
function outage() {
  const key = uniqueKey('vendor');
  const url = `${fixtureOrigin}/test/vendor/${key}/connector.html`;
  const set = async (down: boolean) => {
    await fetch(`/test/outage?key=${key}&down=${down ? 1 : 0}`);
  };
  cleanups.push(() => void set(false));
  return { url, down: () => set(true), up: () => set(false) };
}

const failedCells = (cells: readonly HostListCellElement[]) =>
  cells.every((cell) => cell.state?.status === 'error');
const readyCells = (cells: readonly HostListCellElement[]) =>
  cells.every((cell) => cell.state?.status === 'ready');

describe('lists: a vendor outage', () => {
  afterEach(cleanUp);

  function outageHost(url: string, options: Parameters<typeof listsOf>[1] = {}) {
    const { host, root } = listHost({ ...listApp('tracker', ['status']), connector: { url } });
    return { host, root, lists: listsOf(host, options) };
  }

  it('says that nothing answered at the URL, offers Retry, and recovers when the vendor is back', async () => {
    const vendor = outage();
    await vendor.down();
    // The backoff's own retry must not come first: this test's Retry does.
    const { host, root, lists } = outageHost(vendor.url, { retry: { firstMs: 60_000 } });
    const cells = cellsFor(root, lists.columns('customerorder.list'), rows(3));
    await waitFor(() => failedCells(cells), 'the cells to fail');
    const state = cells[0]?.state;
    expect(state).to.deep.include({ status: 'error', retryable: true });
    expect(state?.status === 'error' && state.message).to.equal(
      `App tracker's connector could not be loaded. Nothing answered at ${vendor.url}. Check that the vendor's server is running and that the manifest's URL is right.`,
    );
    const retry = cells[0]?.querySelector('button');
    expect(retry?.getAttribute('aria-label')).to.match(/^Could not load: .* Retry$/);
    // New rows meanwhile get the same answer at once, with no new page load.
    const frame = connectorFrames()[0];
    const more = cellsFor(root, lists.columns('customerorder.list'), [{ id: 'r9', version: 1 }]);
    await waitFor(() => failedCells(more), 'a new row to fail');
    expect(connectorFrames()[0]).to.equal(frame);

    await vendor.up();
    retry?.focus();
    retry?.click();
    expect(cells.every((cell) => cell.state?.status === 'loading')).to.equal(true);
    await waitFor(() => readyCells([...cells, ...more]), 'the cells after Retry');
    expect(textOf(cells[2] as HostListCellElement)).to.equal('r3 v1 r1');
    expect(host.store.getState().widgets['connector:tracker']?.status).to.equal('ready');
    expect(connectorFrames()).to.have.length(1);
    expect(connectorFrames()[0]).to.not.equal(frame);
  });

  it('starts the connector again by itself after a backoff, and a remounted list gets its cells', async () => {
    const vendor = outage();
    await vendor.down();
    const { root, lists } = outageHost(vendor.url, { retry: { firstMs: 50, maxMs: 200 } });
    const columns = lists.columns('customerorder.list');
    const cells = cellsFor(root, columns, rows(2));
    await waitFor(() => failedCells(cells), 'the cells to fail');
    await vendor.up();
    await waitFor(() => readyCells(cells), 'the cells, retried after the backoff');
    for (const cell of cells) cell.remove();
    const again = cellsFor(root, columns, rows(4));
    await waitFor(() => readyCells(again), 'a remounted list’s cells');
  });

  it('starts an out connector again at once when the app invalidates its cells', async () => {
    const vendor = outage();
    await vendor.down();
    const { root, lists } = outageHost(vendor.url, { retry: { firstMs: 60_000 } });
    const cells = cellsFor(root, lists.columns('customerorder.list'), rows(2));
    await waitFor(() => failedCells(cells), 'the cells to fail');
    await vendor.up();
    lists.invalidate('tracker', {});
    await waitFor(() => readyCells(cells), 'the cells after invalidate()');
  });

  it('shows a slow answer as a plain error, with no Retry, and keeps the connector', async () => {
    const { host, root } = listHost(listApp('tracker', ['status']));
    const lists = listsOf(host, { cellTimeoutMs: 1 });
    const cells = cellsFor(root, lists.columns('customerorder.list'), rows(1));
    await waitFor(() => failedCells(cells), 'the cell to time out');
    expect(cells[0]?.state).to.not.have.property('retryable');
    expect(cells[0]?.querySelector('button')).to.equal(null);
    expect(lists.connectors.isOut('tracker')).to.equal(false);
  });
});

const TOOLBAR = 'customerorder.list.actions';

function actionApp(): HostManifest {
  return listApp('shipper', ['status'], {
    actions: [
      { id: 'ship', point: TOOLBAR, title: 'Ship', run: 'connector', state: 'connector' },
      { id: 'ponder', point: TOOLBAR, title: 'Ponder', run: 'connector', state: 'connector' },
      { id: 'crash', point: TOOLBAR, title: 'Crash', run: 'connector', selection: 'one' },
    ],
  });
}

const bar = (root: HTMLElement, selection: Selection) => actionBar(root, TOOLBAR, selection);

/** A list host whose navigate records where it went. */
function navigatingHost() {
  const went: string[] = [];
  const made = setup({
    extensionPoints: POINTS,
    navigate: (path) => {
      went.push(path);
      return true;
    },
  });
  cleanups.push(() => {
    listsOf(made.host).close();
  });
  return { made, went };
}
const button = actionButton;

describe('lists: actions', () => {
  afterEach(() => {
    for (const region of document.querySelectorAll('pb-toast-region')) region.remove();
    cleanUp();
  });

  it('enables an action by its selection, and by what its connector says of it', async () => {
    const { root } = listHost(actionApp());
    const two = await bar(root, { kind: 'ids', ids: ['r1', 'r2'] });
    await waitFor(
      () => button(two, 'shipper/ship')?.getAttribute('aria-disabled') === 'false',
      'Ship to be enabled for two rows',
    );
    expect(button(two, 'shipper/crash')?.getAttribute('aria-disabled')).to.equal('true');
    expect(button(two, 'shipper/crash')?.title).to.equal('Select one row.');
    two.selection = { kind: 'query', query: { status: 'new' }, excluded: ['r9'], count: 5_000 };
    await waitFor(() => button(two, 'shipper/ship')?.title === 'At most 2 at once', 'the reason');
    expect(button(two, 'shipper/ship')?.getAttribute('aria-disabled')).to.equal('true');
    const [frame] = connectorFrames();
    const calls = await driveFixture(frame as HTMLIFrameElement).value<
      { method: string; params: unknown }[]
    >('recorded');
    expect(calls.filter((call) => call.method === 'state:ship').at(-1)?.params).to.deep.equal({
      kind: 'query',
      query: { status: 'new' },
      excluded: ['r9'],
      count: 5_000,
    });
  });

  it('shows an action disabled, saying so, while its connector is slower than the budget', async () => {
    const { root } = listHost(actionApp());
    const element = await bar(root, { kind: 'ids', ids: ['r1'] });
    const ponder = () => button(element, 'shipper/ponder');
    await waitFor(
      () => ponder()?.title === 'App shipper is still checking whether this applies.',
      () => `the pending reason (title: ${ponder()?.title ?? ''})`,
    );
    expect(ponder()?.getAttribute('aria-disabled')).to.equal('true');
    expect(ponder()?.getAttribute('aria-busy')).to.equal('true');
    await waitFor(() => ponder()?.getAttribute('aria-disabled') === 'false', 'the late answer');
  });

  it("runs an action and shows its result: a toast, its rows' cells refreshed, failures", async () => {
    const { host, root } = listHost(actionApp());
    const cells = cellsFor(root, listsOf(host).columns('customerorder.list'), rows(3));
    await waitFor(() => shown(cells), 'the cells');
    const element = await bar(root, { kind: 'ids', ids: ['r1', 'r2'] });
    await waitFor(
      () => button(element, 'shipper/ship')?.getAttribute('aria-disabled') === 'false',
      'Ship enabled',
    );
    const done = new Promise<HostActionDoneEvent>((resolve) => {
      element.addEventListener('pb-action-done', resolve, { once: true });
    });
    button(element, 'shipper/ship')?.click();
    const event = await done;
    expect(event.outcome.status).to.equal('done');
    await waitFor(() => textOf(cells[1] as HostListCellElement) === 'r2 v2 r1', 'r2 refreshed');
    expect(textOf(cells[2] as HostListCellElement)).to.equal('r3 v1 r1');
    const region = () => document.querySelector('pb-toast-region');
    await waitFor(() => (region()?.toasts.length ?? 0) === 2, 'two toasts');
    expect(region()?.toasts).to.deep.equal([
      { message: 'Shipped 1', tone: 'success', appName: 'App shipper' },
      {
        message: 'Ship failed for 1 of 2: r2: No address',
        tone: 'warning',
        appName: 'App shipper',
      },
    ]);
  });

  it("opens a dialog action's app dialog with the selection, and shows its result", async () => {
    const app: HostManifest = {
      ...listApp('booker', ['status']),
      dialogs: [{ id: 'book', url: `${FIXTURE_PAGE}?dialog=book`, title: 'Book pickup' }],
      actions: [{ id: 'book', point: TOOLBAR, title: 'Book', run: { dialog: 'book' } }],
    };
    const { host, root } = listHost(app);
    const cells = cellsFor(root, listsOf(host).columns('customerorder.list'), rows(3));
    await waitFor(() => shown(cells), 'the cells');
    const element = await bar(root, { kind: 'ids', ids: ['r1', 'r3'] });
    const done = new Promise<HostActionDoneEvent>((resolve) => {
      element.addEventListener('pb-action-done', resolve, { once: true });
    });
    const dialog = await fixtureInNewDialog(async () => {
      button(element, 'booker/book')?.click();
      await dialogsOpen(1);
    });
    const context = await dialog.value<{ dialog: { id: string; params: unknown } }>('context');
    expect(context.dialog).to.deep.equal({
      id: 'book',
      params: { action: 'book', selection: { kind: 'ids', ids: ['r1', 'r3'] } },
    });
    const [frame] = connectorFrames();
    await driveFixture(frame as HTMLIFrameElement).value('setLabel', { to: 'v5' });
    await dialog.value('call', {
      method: 'dialogs.close',
      params: { result: { refresh: ['r3'], toast: { message: 'Booked 2' } } },
    });
    const { outcome } = await done;
    expect(outcome).to.deep.equal({
      status: 'done',
      result: { refresh: ['r3'], toast: { message: 'Booked 2' } },
    });
    await waitFor(() => textOf(cells[2] as HostListCellElement) === 'r3 v5 r1', 'r3 refreshed');
    expect(textOf(cells[0] as HostListCellElement)).to.equal('r1 v1 r1');
    const region = () => document.querySelector('pb-toast-region');
    await waitFor(() => region()?.toasts[0]?.message === 'Booked 2', 'the toast');
  });

  it('navigates and opens the next dialog when a result asks for them', async () => {
    const { made, went } = navigatingHost();
    made.host.install({
      ...listApp('guide', []),
      dialogs: [{ id: 'book', url: `${FIXTURE_PAGE}?dialog=book`, title: 'Book pickup' }],
      actions: [{ id: 'onward', point: TOOLBAR, title: 'Onward', run: 'connector' }],
    });
    const element = await bar(made.root, { kind: 'ids', ids: ['r1'] });
    await waitFor(
      () => button(element, 'guide/onward')?.getAttribute('aria-disabled') === 'false',
      'Onward enabled',
    );
    const dialog = await fixtureInNewDialog(async () => {
      button(element, 'guide/onward')?.click();
      await dialogsOpen(1);
    });
    expect(went).to.deep.equal(['/orders/9']);
    const context = await dialog.value<{ dialog: unknown }>('context');
    expect(context.dialog).to.deep.equal({ id: 'book', params: { step: 2 } });
  });

  it('never navigates to a result path that resolves to another host', async () => {
    const { made, went } = navigatingHost();
    made.host.install(
      listApp('guide', [], {
        actions: [{ id: 'escape', point: TOOLBAR, title: 'Escape', run: 'connector' }],
      }),
    );
    for (const [i, to] of ESCAPING_PATHS.entries()) {
      const element = await bar(made.root, { kind: 'ids', ids: [`e${i}`] });
      const outcome = await pressAction(element, 'guide/escape');
      expect(outcome.status, to).to.equal('error');
      element.remove();
    }
    expect(went).to.deep.equal([]);
  });

  it('reports an action that failed, as a toast and an error outcome', async () => {
    const { root } = listHost(actionApp());
    const element = await bar(root, { kind: 'ids', ids: ['r1'] });
    const done = new Promise<HostActionDoneEvent>((resolve) => {
      element.addEventListener('pb-action-done', resolve, { once: true });
    });
    await waitFor(
      () => button(element, 'shipper/crash')?.getAttribute('aria-disabled') === 'false',
      'Crash enabled',
    );
    button(element, 'shipper/crash')?.click();
    const { outcome } = await done;
    expect(outcome.status).to.equal('error');
    const region = () => document.querySelector('pb-toast-region');
    await waitFor(() => (region()?.toasts.length ?? 0) === 1, 'the error toast');
    expect(region()?.toasts[0]?.message).to.match(/^Crash failed: .*Label printer jammed/);
  });

  it("runs a server action through the installation's server grant, and only with one", async () => {
    const app: HostManifest = {
      ...manifest('backed'),
      widgets: [],
      permissions: [],
      actions: [
        { id: 'sync', point: TOOLBAR, title: 'Sync', run: 'server' },
        { id: 'garble', point: TOOLBAR, title: 'Garble', run: 'server', selection: 'none' },
      ],
    };
    const made = setup({ extensionPoints: POINTS });
    let refused: unknown;
    try {
      made.host.install(app);
    } catch (error) {
      refused = error;
    }
    expect((refused as Error).name).to.equal('HostManifestError');
    expect((refused as { issues: { path: string }[] }).issues.map((i) => i.path)).to.deep.equal([
      'actions[0].run',
      'actions[1].run',
    ]);
    const calls: unknown[] = [];
    made.host.install(app, {
      server: (call, signal) => {
        calls.push({ ...call, aborted: signal.aborted });
        return Promise.resolve(
          call.action === 'sync'
            ? { toast: { message: `Synced ${String(selectionSize(call.selection))}` } }
            : ({ toast: 'not a toast' } as never),
        );
      },
    });
    const element = await bar(made.root, { kind: 'ids', ids: ['r1', 'r2'] });
    expect((await pressAction(element, 'backed/sync')).status).to.equal('done');
    expect(calls).to.deep.equal([
      {
        action: 'sync',
        point: TOOLBAR,
        selection: { kind: 'ids', ids: ['r1', 'r2'] },
        aborted: false,
      },
    ]);
    const region = () => document.querySelector('pb-toast-region');
    await waitFor(() => region()?.toasts[0]?.message === 'Synced 2', 'the toast');
    // What the server answered must be an action result.
    const garbled = await pressAction(element, 'backed/garble');
    expect(garbled.status).to.equal('error');
    await waitFor(() => (region()?.toasts.length ?? 0) === 2, 'the error toast');
    expect(region()?.toasts[1]?.message).to.equal(
      'Garble failed: The app\'s server answered something that is not an action result (toast: Invalid type: Expected Object but received "not a toast").',
    );
  });
});
