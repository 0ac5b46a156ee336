// list_cells, list_scroll and list_jump: apps' columns in a 10,000-row list
// that the host page renders as a virtualised list does (only the rows in
// view exist, each with the host's own cells), against an iframe per cell
// and against the same list without columns.
import { createHost, type Host, type HostManifest } from '@plugboard/host-runtime';
import { listsOf, type HostListCellElement } from '@plugboard/host-runtime/lists';

const vendor = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
const POINT = 'customerorder.list';
const ROWS = 10_000;
/** Rows in view: a 1,200-pixel window of 36-pixel rows. */
const VISIBLE = 34;
const APPS = 3;

function listApp(i: number): HostManifest {
  return {
    manifestVersion: 1,
    id: `list-${i}`,
    name: `List ${i}`,
    version: '1.0.0',
    vendor: { name: 'Bench', url: 'https://bench.example', email: 'bench@bench.example' },
    origin: vendor,
    widgets: [],
    permissions: [],
    connector: { url: `${vendor}/connector.html?app=${i}` },
    columns: [{ id: 'state', point: POINT, title: `State ${i}` }],
  };
}

const STATUSES = ['new', 'confirmed', 'shipped', 'delivered'];
const amount = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });

/**
 * One row of the host's own list, as Order desk draws it: a checkbox, the
 * order's number as a link, its date, counterparty, status, positions and
 * total. The apps' cells go after it.
 */
function hostRow(n: number): HTMLElement {
  const row = document.createElement('div');
  row.className = 'row';
  row.style.cssText = 'display:flex;gap:12px;height:36px;align-items:center';
  const check = document.createElement('input');
  check.type = 'checkbox';
  check.setAttribute('aria-label', `Select order ${n}`);
  const link = document.createElement('a');
  link.href = `/orders/${n}`;
  link.textContent = `SO-${String(n).padStart(5, '0')}`;
  const texts = [
    `2026-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
    `Counterparty ${(n % 20) + 1}`,
    STATUSES[n % 4] ?? '',
    `${(n % 7) + 1} positions`,
    amount.format((n * 137) % 100_000),
  ].map((text) => {
    const span = document.createElement('span');
    span.textContent = text;
    return span;
  });
  row.append(check, link, ...texts);
  return row;
}

interface List {
  readonly host: Host;
  readonly root: HTMLElement;
  /** Shows rows `start`… in view; resolves when every app cell of them is shown. */
  show(start: number): Promise<void>;
  remove(): void;
}

function list(apps: number): List {
  const host = createHost({
    extensionPoints: [{ id: POINT, kind: 'column', entity: 'customerorder', title: 'Orders' }],
    user: { id: 'u', name: 'Bench' },
  });
  for (let i = 1; i <= apps; i++) host.install(listApp(i));
  const root = document.createElement('div');
  document.body.append(root);
  host.attach(root);
  const columns = listsOf(host).columns(POINT);
  let shown = 0;
  const show = (start: number) => {
    const generation = ++shown;
    const cells: HostListCellElement[] = [];
    const rows = Array.from({ length: VISIBLE }, (_, i) => {
      const id = String(((start + i) % ROWS) + 1);
      const row = hostRow(Number(id));
      for (const column of columns) {
        const cell = document.createElement('pb-list-cell');
        cell.column = column;
        cell.row = { id, version: 1 };
        row.append(cell);
        cells.push(cell);
      }
      return row;
    });
    root.replaceChildren(...rows);
    return new Promise<void>((resolve) => {
      // Resolves when its rows' cells all show, or when other rows replaced them.
      const check = () => {
        if (generation !== shown || cells.every((cell) => cell.state?.status === 'ready'))
          resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
  };
  return {
    host,
    root,
    show,
    remove() {
      listsOf(host).close();
      root.remove();
    },
  };
}

/**
 * list_cells: a list with 3 apps' columns. `jumps`: from a scroll jump to
 * new rows until all their cells show, with the connectors ready.
 * `firstWarm`: from the first render of a list whose connectors were
 * started ahead (lists.prepare) until all its cells show; `firstCold`: the
 * same with the connectors starting with the list.
 */
async function listCells(
  jumps: number,
): Promise<{ jumps: number[]; firstWarm: number; firstCold: number }> {
  const cold = list(APPS);
  let started = performance.now();
  await cold.show(0);
  const firstCold = performance.now() - started;
  cold.remove();

  const warm = list(APPS);
  await listsOf(warm.host).prepare(POINT);
  started = performance.now();
  await warm.show(0);
  const firstWarm = performance.now() - started;
  const times: number[] = [];
  for (let i = 1; i <= jumps; i++) {
    started = performance.now();
    await warm.show(i * 977);
    times.push(performance.now() - started);
  }
  warm.remove();
  return { jumps: times, firstWarm, firstCold };
}

/** list_cells' baseline: `count` cells, each in an iframe of its own, until all have shown. */
async function iframePerCell(count: number): Promise<number> {
  const root = document.createElement('div');
  document.body.append(root);
  const started = performance.now();
  const shown = new Promise<void>((resolve) => {
    let seen = 0;
    const onMessage = (event: MessageEvent<{ bench?: string }>) => {
      if (event.data.bench !== 'cell') return;
      if (++seen === count) {
        window.removeEventListener('message', onMessage);
        resolve();
      }
    };
    window.addEventListener('message', onMessage);
  });
  for (let i = 0; i < count; i++) {
    const iframe = document.createElement('iframe');
    iframe.style.cssText = 'width:120px;height:30px;border:0';
    iframe.src = `${vendor}/cell.html?row=${i}`;
    root.append(iframe);
  }
  await shown;
  const elapsed = performance.now() - started;
  root.remove();
  return elapsed;
}

/**
 * list_scroll: scrolls through the whole list in `ms` (a new window of
 * rows every frame), with `apps` apps' columns. Leaves the list on the page
 * for run.js to weigh the heap; returns the longest task and the page's
 * iframes.
 */
let scrolledList: List | undefined;

/** Removes the list listScroll left, with its connectors, so later figures start clean. */
function listScrollDone(): void {
  scrolledList?.remove();
  scrolledList = undefined;
}

async function listScroll(
  apps: number,
  ms: number,
): Promise<{ longestTaskMs: number; iframes: number; windows: number }> {
  listScrollDone();
  document.body.replaceChildren();
  const scrolled = (scrolledList = list(apps));
  if (apps > 0) await listsOf(scrolled.host).prepare(POINT);
  const tasks: number[] = [];
  const observer = new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  let windows = 0;
  await new Promise<void>((resolve) => {
    const step = () => {
      const elapsed = performance.now() - started;
      if (elapsed >= ms) {
        resolve();
        return;
      }
      windows++;
      void scrolled.show(Math.floor((elapsed / ms) * ROWS));
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  // The last window's cells, then the tasks they caused.
  await scrolled.show(ROWS - VISIBLE);
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return {
    longestTaskMs: Math.max(0, ...tasks),
    iframes: document.querySelectorAll('iframe').length,
    windows,
  };
}

/**
 * list_jump: the main thread's work for one frame of a scroll jump, with
 * `apps` apps' columns (0: the same list without columns): from the jump
 * (new rows in view) until their elements have rendered and the page's
 * style and layout are done (the cells show their placeholders; their
 * answers come in later frames). The connectors are ready, and each jump
 * waits for the last one's cells. Durations of `jumps` jumps.
 */
async function listJump(apps: number, jumps: number): Promise<number[]> {
  document.body.replaceChildren();
  const jumped = list(apps);
  if (apps > 0) await listsOf(jumped.host).prepare(POINT);
  await jumped.show(0);
  const times: number[] = [];
  for (let i = 1; i <= jumps; i++) {
    const started = performance.now();
    const shown = jumped.show(i * 613);
    const cells = [...jumped.root.querySelectorAll('pb-list-cell')];
    await Promise.all(cells.map((cell) => cell.updateComplete));
    void jumped.root.getBoundingClientRect(); // style and layout, as the frame does them
    times.push(performance.now() - started);
    await shown;
  }
  jumped.remove();
  return times;
}

export const listBench = { listCells, iframePerCell, listScroll, listScrollDone, listJump };
