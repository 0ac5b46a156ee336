// The benchmarks' host page. bench/run.js calls these functions in headless
// Chromium; every Plugboard figure has its baseline measured here too, in
// the same page, against iframes on the same other origin.
import {
  connectWidget,
  createHost,
  type Host,
  type HostManifest,
  type HostPanelSlotElement,
  type HostServices,
} from '@plugboard/host-runtime';
import { connect as connectPenpal, WindowMessenger } from 'penpal';
import { listBench } from './lists.js';

/** Widgets live on the other loopback name: another site, another process. */
const vendor = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
/** A second vendor's site (bench/run.js resolves it to loopback): its widgets get a process of their own. */
const neighbourVendor = `${location.protocol}//neighbour.test:${location.port}`;
const POINT = 'customerorder.card';
const WIDGETS = 5;

const context = (id: string) => ({
  instanceId: 'bench',
  extensionPoint: { id: POINT, kind: 'panel' as const },
  entity: { type: 'customerorder', id },
  user: { id: 'u', name: 'Bench' },
  locale: 'en',
  theme: { mode: 'light' as const, tokens: {} },
  app: { id: 'bench', version: '1.0.0', settings: {} },
});

function manifest(i: number, validateMs?: number): HostManifest {
  return {
    manifestVersion: 1,
    id: `bench-${i}`,
    name: `Bench ${i}`,
    version: '1.0.0',
    vendor: { name: 'Bench', url: 'https://bench.example', email: 'bench@bench.example' },
    origin: vendor,
    widgets: [
      {
        id: 'panel',
        point: POINT,
        url: `${vendor}/widget.html?app=${i}${validateMs === undefined ? '' : `&validateMs=${validateMs}`}`,
        height: { min: 40, max: 400, initial: 80 },
        ...(validateMs === undefined ? {} : { protocols: ['validation' as const] }),
      },
    ],
    permissions: ['storage'],
  };
}

/** Milliseconds: median, 99th percentile, and how many samples. */
export interface Stats {
  p50: number;
  p99: number;
  n: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), n: sorted.length };
}

/** How many calls of one method run back to back before the next method's turn. */
const BLOCK = 20;

/**
 * Times the methods round-robin in blocks of {@link BLOCK} calls: each runs
 * warm, as in a widget making a series of calls, while a pause of the
 * machine (they last milliseconds, many calls) meets every method alike, so
 * the tails compare fairly. `warmup` calls of each come first, untimed.
 */
async function timeInterleaved(
  calls: Record<string, () => Promise<unknown>>,
  n: number,
  warmup: number,
): Promise<Record<string, Stats>> {
  const entries = Object.entries(calls);
  for (const [, call] of entries) for (let i = 0; i < warmup; i++) await call();
  const samples = Object.fromEntries(entries.map(([name]) => [name, [] as number[]]));
  for (let done = 0; done < n; done += BLOCK) {
    for (const [name, call] of entries) {
      const into = samples[name] ?? [];
      for (let i = 0; i < Math.min(BLOCK, n - done); i++) {
        const started = performance.now();
        await call();
        into.push(performance.now() - started);
      }
    }
  }
  return Object.fromEntries(entries.map(([name]) => [name, stats(samples[name] ?? [])]));
}

/** bridge_rtt: round trips to a cross-origin iframe, Plugboard and three baselines. */
async function bridgeRtt(n: number, warmup: number): Promise<Record<string, Stats>> {
  // One page answers every method, so they all cross to the same process.
  const echo = document.createElement('iframe');
  echo.src = `${vendor}/echo.html?plugboard`;
  document.body.append(echo);
  const connection = connectWidget({
    iframe: echo,
    origin: vendor,
    appId: 'bench',
    instanceId: 'bench',
    permissions: [],
    context: () => context('1'),
  });
  await connection.ready;
  const target = echo.contentWindow as Window;

  const { port1, port2 } = new MessageChannel();
  const portReady = new Promise((resolve) => (port1.onmessage = resolve));
  target.postMessage({ bench: 'port' }, vendor, [port2]);
  await portReady;

  const penpalConnection = connectPenpal<{ echo: (value: number) => number }>({
    messenger: new WindowMessenger({ remoteWindow: target, allowedOrigins: [vendor] }),
    channel: 'bench-penpal',
  });
  const remote = await penpalConnection.promise;

  const results = await timeInterleaved(
    {
      plugboard: () => connection.call('ping', undefined),
      messagePort: () =>
        new Promise((resolve) => {
          port1.onmessage = resolve;
          port1.postMessage(1);
        }),
      penpal: () => remote.echo(1),
      windowPostMessage: () =>
        new Promise<void>((resolve) => {
          const onMessage = (event: MessageEvent<{ bench?: string }>) => {
            if (event.source !== target || event.data.bench !== 'echoed') return;
            window.removeEventListener('message', onMessage);
            resolve();
          };
          window.addEventListener('message', onMessage);
          target.postMessage({ bench: 'echo' }, vendor);
        }),
    },
    n,
    warmup,
  );
  connection.destroy();
  port1.close();
  penpalConnection.destroy();
  echo.remove();
  return results;
}

/** A cross-origin widget page, connected with connectWidget. */
async function openWidget(
  page: string,
  options: { settings?: Record<string, number>; services?: HostServices; origin?: string } = {},
) {
  const origin = options.origin ?? vendor;
  const iframe = document.createElement('iframe');
  iframe.src = `${origin}/${page}`;
  document.body.append(iframe);
  const widgetContext = () => ({
    ...context('1'),
    app: { id: 'bench', version: '1.0.0', settings: options.settings ?? {} },
  });
  const connection = connectWidget({
    iframe,
    origin,
    appId: page,
    instanceId: page,
    permissions: ['storage'],
    context: widgetContext,
    ...(options.services ? { services: options.services } : {}),
  });
  await connection.ready;
  return {
    connection,
    context: widgetContext,
    close() {
      connection.destroy();
      iframe.remove();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * flood: one widget calls storage.set at the rate limit with payloads of the
 * largest size accepted (arrays of zeros) for `ms`, while the host pings a
 * neighbour widget every 10 ms. Reports the host page's longest task (Long
 * Tasks API: 0 when none passed 50 ms) and the neighbour's round trips, idle
 * (before the flood, same page) and during it.
 */
async function flood(ms: number) {
  const neighbour = await openWidget('echo.html?plugboard', { origin: neighbourVendor });
  let counts: unknown = {};
  const flooder = await openWidget('flood.html', {
    settings: { floodMs: ms },
    services: {
      'storage.set': ({ key, value }) => {
        if (key === 'counts') counts = value;
        return { version: 1 };
      },
    },
  });
  const pingFor = async (duration: number) => {
    const samples: number[] = [];
    const started = performance.now();
    while (performance.now() - started < duration) {
      const sent = performance.now();
      await neighbour.connection.call('ping', undefined);
      samples.push(performance.now() - sent);
      await sleep(10);
    }
    return stats(samples);
  };
  const idle = await pingFor(2_000);
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const flooding = flooder.connection.call('open', flooder.context(), { timeoutMs: ms + 30_000 });
  const during = await pingFor(ms);
  await flooding;
  observer.disconnect();
  await flooder.connection.call('contextChanged', flooder.context());
  await sleep(50);
  neighbour.close();
  flooder.close();
  return { longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, idle, during, counts };
}

interface Card {
  host: Host;
  root: HTMLElement;
  /** Resolves when every widget has shown `entityId` (they say so through storage.set). */
  shown(entityId: string, instances?: number): Promise<void>;
}

function card(loadConcurrency?: number): Card {
  const shownBy = new Map<string, unknown>();
  let check: () => void = () => undefined;
  const host = createHost({
    extensionPoints: [{ id: POINT, kind: 'panel', entity: 'customerorder', title: 'Order card' }],
    user: { id: 'u', name: 'Bench' },
    ...(loadConcurrency === undefined ? {} : { loadConcurrency }),
    services: {
      'storage.set': ({ value }, call) => {
        shownBy.set(call.instanceId, value);
        check();
        return { version: 1 };
      },
    },
  });
  for (let i = 1; i <= WIDGETS; i++) host.install(manifest(i));
  const root = document.createElement('div');
  document.body.append(root);
  host.attach(root);
  return {
    host,
    root,
    shown: (entityId, instances = WIDGETS) =>
      new Promise<void>((resolve) => {
        check = () => {
          const live = Object.keys(host.store.getState().widgets);
          const done = live.filter((id) => shownBy.get(id) === entityId);
          if (live.length === instances && done.length === instances) resolve();
        };
        check();
      }),
  };
}

function addSlot(root: HTMLElement, entityId: string): HostPanelSlotElement {
  const slot = document.createElement('pb-panel-slot');
  slot.point = POINT;
  slot.entityId = entityId;
  root.append(slot);
  return slot;
}

function allReady(host: Host): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const widgets = Object.values(host.store.getState().widgets);
      if (widgets.length === WIDGETS && widgets.every((w) => w.status === 'ready')) {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = host.store.subscribe(check);
    check();
  });
}

/**
 * panel_mount: a card with 5 widgets of 5 apps, from slot render until all
 * are ready; with the default load queue, or one of `loadConcurrency`.
 */
async function panelMount(loadConcurrency?: number): Promise<number> {
  const { host, root } = card(loadConcurrency);
  const started = performance.now();
  addSlot(root, '1');
  await allReady(host);
  const elapsed = performance.now() - started;
  root.remove();
  return elapsed;
}

/**
 * panel_mount's baseline: the same number of bare iframes, connected with
 * penpal directly. `page` is the echo page (penpal only) or the Plugboard
 * widget page (whose handshake starts the same way).
 */
async function panelMountBaseline(page: 'echo' | 'widget' = 'echo'): Promise<number> {
  const started = performance.now();
  const frames = Array.from({ length: WIDGETS }, (_, i) => {
    const iframe = document.createElement('iframe');
    iframe.src = `${vendor}/${page}.html?frame=${i}`;
    document.body.append(iframe);
    return iframe;
  });
  const connections = frames.map((iframe) =>
    connectPenpal({
      messenger: new WindowMessenger({
        remoteWindow: iframe.contentWindow as Window,
        allowedOrigins: [vendor],
      }),
      // The echo page answers penpal on a channel of its own; the Plugboard
      // widget page speaks penpal's handshake on the default one.
      ...(page === 'echo' ? { channel: 'bench-penpal' } : {}),
    }),
  );
  await Promise.all(connections.map((c) => c.promise));
  const elapsed = performance.now() - started;
  for (const c of connections) c.destroy();
  for (const iframe of frames) iframe.remove();
  return elapsed;
}

/** entity_switch: 5 live widgets moved to another entity (open), and the same by remounting. */
async function entitySwitch(rounds: number): Promise<{ reuse: number[]; remount: number[] }> {
  const bench = card();
  let slot = addSlot(bench.root, '0');
  await bench.shown('0');
  const reuse: number[] = [];
  const remount: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    let started = performance.now();
    slot.entityId = `r${round}`;
    await bench.shown(`r${round}`);
    reuse.push(performance.now() - started);

    started = performance.now();
    slot.remove();
    slot = addSlot(bench.root, `m${round}`);
    await bench.shown(`m${round}`);
    remount.push(performance.now() - started);
  }
  bench.root.remove();
  return { reuse, remount };
}

/**
 * context_change: 5 ready widgets told a new locale: the time of
 * `host.setContext()`, which resolves once every widget has answered its
 * contextChanged; and, interleaved, its baselines: one ping to each of 5
 * widget pages connected with connectWidget, in parallel, and the same
 * contextChanged message sent over those bare connections. Then, outside
 * the timing, a last change the widgets report back (each got it), and
 * fails if an iframe was replaced or reloaded.
 */
async function contextChange(
  rounds: number,
): Promise<{ live: number[]; ping: number[]; bare: number[] }> {
  const bench = card();
  const slot = addSlot(bench.root, '1');
  await allReady(bench.host);
  await bench.shown('1');
  const iframes = () =>
    [...(slot.shadowRoot?.querySelectorAll('pb-widget-frame') ?? [])].map((f) =>
      f.querySelector('iframe'),
    );
  const before = iframes();

  const pingFrames: HTMLIFrameElement[] = [];
  const pages = Array.from({ length: WIDGETS }, (_, i) => {
    const iframe = document.createElement('iframe');
    iframe.src = `${vendor}/widget.html?ping=${i}`;
    document.body.append(iframe);
    pingFrames.push(iframe);
    return connectWidget({
      iframe,
      origin: vendor,
      appId: `ping-${i}`,
      instanceId: `ping-${i}`,
      permissions: [],
      context: () => context('1'),
      services: { 'storage.set': () => ({ version: 1 }) },
    });
  });
  await Promise.all(pages.map((page) => page.ready));

  const live: number[] = [];
  const ping: number[] = [];
  const bare: number[] = [];
  const time = async (into: number[], run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    into.push(performance.now() - started);
  };
  for (let round = 1; round <= rounds; round++) {
    const steps = [
      () => time(live, () => bench.host.setContext({ locale: `en-x-r${round}` })),
      () => time(ping, () => Promise.all(pages.map((page) => page.call('ping', undefined)))),
      // The same message over the bare connections: what any host sends.
      () =>
        time(bare, () =>
          Promise.all(
            pages.map((page) =>
              page.call('contextChanged', { ...context('1'), locale: `en-x-r${round}` }),
            ),
          ),
        ),
    ];
    // Each takes each turn alike: the first after a pause may wake the pages.
    for (let i = 0; i < steps.length; i++) await steps[(round + i) % steps.length]?.();
  }
  // Every widget got the changes: the last one, each reports.
  await bench.host.setContext({ locale: 'check-1' });
  await bench.shown('check-1');
  const after = iframes();
  if (after.length !== WIDGETS || after.some((iframe, i) => iframe !== before[i])) {
    throw new Error('context_change: a widget iframe was replaced');
  }
  for (const page of pages) page.destroy();
  for (const iframe of pingFrames) iframe.remove();
  bench.root.remove();
  return { live, ping, bare };
}

/**
 * card_cls: the cumulative layout shift (the Layout Instability API's
 * score, as Core Web Vitals count it) of a card page while its 5 widgets
 * load and size themselves: from the slot's mount until every widget is
 * ready and no height has changed for 500 ms. The card has the host's own
 * content below its panels, as a real one does. `first`: the card's first
 * view on the page (the frames start at the manifests' initial height);
 * `again`: the same card shown again, on another entity.
 */
async function cardCls(): Promise<{ first: number; again: number; heights: number[] }> {
  document.body.replaceChildren();
  const bench = card();
  const below = document.createElement('section');
  below.style.cssText = 'height:600px;background:#f2f4f7';
  below.textContent = "The card's own fields, below its panels";
  /** The layout shift while the card shows its widgets, until they are ready and still. */
  const shown = async (entityId: string): Promise<number> => {
    let cls = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) cls += entry.value;
      }
    });
    observer.observe({ type: 'layout-shift' });
    const slot = addSlot(bench.root, entityId);
    bench.root.append(below);
    await allReady(bench.host);
    let last = heights().join();
    let stableSince = performance.now();
    while (performance.now() - stableSince < 500) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = heights().join();
      if (now !== last) {
        last = now;
        stableSince = performance.now();
      }
    }
    // Entries of the last frame arrive with the next.
    await new Promise(requestAnimationFrame);
    observer.disconnect();
    slot.remove();
    return cls;
  };
  const heights = () =>
    Object.values(bench.host.store.getState().widgets).map((widget) => widget.height);
  const first = await shown('1');
  const after = heights();
  // The same card shown again (another order, or the card reopened).
  const again = await shown('2');
  bench.root.remove();
  return { first, again, heights: after };
}

/** host_memory: leaves a card on the page, with 5 ready widgets or none, for run.js to measure. */
async function memoryCard(widgets: 0 | 5): Promise<void> {
  document.body.replaceChildren();
  const { host, root } = card();
  if (widgets === 0) {
    host.uninstall('bench-1');
    for (let i = 2; i <= WIDGETS; i++) host.uninstall(`bench-${i}`);
  }
  addSlot(root, '1');
  if (widgets > 0) await allReady(host);
}

/**
 * save_gate: a card whose `widgets` widgets each take `validateMs` to
 * validate; the median time of `rounds` saves' validation gate (each save
 * ends when every answer is in, then a persist that costs nothing).
 */
async function saveGate(widgets: number, validateMs: number, rounds: number): Promise<number> {
  const host = createHost({
    extensionPoints: [{ id: POINT, kind: 'panel', entity: 'customerorder', title: 'Order card' }],
    user: { id: 'u', name: 'Bench' },
    services: { 'storage.set': () => ({ version: 1 }) },
  });
  for (let i = 1; i <= widgets; i++) host.install(manifest(i, validateMs));
  const root = document.createElement('div');
  document.body.append(root);
  host.attach(root);
  const draft = host.openDraft({
    type: 'customerorder',
    id: '1',
    data: { total: 0 },
    persist: ({ id }) => Promise.resolve({ id: id ?? '1' }),
  });
  const slot = addSlot(root, '1');
  slot.draft = draft;
  await new Promise<void>((resolve) => {
    const unsubscribe = host.store.subscribe((state) => {
      const all = Object.values(state.widgets);
      if (all.length === widgets && all.every((w) => w.status === 'ready')) {
        unsubscribe();
        resolve();
      }
    });
  });
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    draft.change({ total: round + 1 });
    const started = performance.now();
    const report = await draft.save();
    times.push(performance.now() - started);
    if (!report.saved || report.validation.length !== widgets) {
      throw new Error(`save_gate: a save did not pass its ${widgets} validators`);
    }
  }
  draft.close();
  root.remove();
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
}

/**
 * fanout: one widget publishes `total` messages to `subscribers` widgets of
 * its app (all on one card, one vendor process), through the host's broker.
 * From the publisher's first message until every subscriber has heard them
 * all: deliveries a second, whether any was lost or out of order, the busy
 * answers the publisher got, and the host page's longest task.
 */
async function fanout(subscribers: number, total: number) {
  const host = createHost({
    extensionPoints: [{ id: POINT, kind: 'panel', entity: 'customerorder', title: 'Card' }],
    user: { id: 'u', name: 'Bench' },
    // Every widget mounts at once, in view or not.
    lazyMargin: '100000px',
    services: {
      'storage.set': ({ key, value }, call) => {
        reports.get(key)?.set(call.instanceId, value);
        check();
        return { version: 1 };
      },
    },
  });
  const widget = (id: string, query: string) => ({
    id,
    point: POINT,
    url: `${vendor}/fanout.html?total=${total}&${query}`,
    height: { min: 10, max: 40, initial: 20 },
  });
  host.install({
    manifestVersion: 1,
    id: 'fanout',
    name: 'Fanout',
    version: '1.0.0',
    vendor: { name: 'Bench', url: 'https://bench.example', email: 'bench@bench.example' },
    origin: vendor,
    widgets: [
      widget('pub', 'role=pub'),
      ...Array.from({ length: subscribers }, (_, i) => widget(`sub${i}`, 'role=sub')),
    ],
    permissions: ['messages', 'storage'],
  });
  const reports = new Map<string, Map<string, unknown>>([
    ['ready', new Map()],
    ['heard', new Map()],
    ['published', new Map()],
  ]);
  let check: () => void = () => undefined;
  const reported = (key: string, count: number) =>
    new Promise<void>((resolve) => {
      const previous = check;
      check = () => {
        previous();
        if ((reports.get(key)?.size ?? 0) >= count) resolve();
      };
      check();
    });
  const root = document.createElement('div');
  document.body.append(root);
  const detach = host.attach(root);
  const slot = addSlot(root, '1');
  await reported('ready', subscribers + 1);
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  slot.entityId = '2'; // `open` to the live widgets: the publisher starts
  // A lost message would leave a subscriber short of `total` for ever.
  await Promise.race([
    Promise.all([reported('heard', subscribers), reported('published', 1)]),
    sleep(60_000),
  ]);
  const seconds = (performance.now() - started) / 1000;
  observer.disconnect();
  const heard = [...(reports.get('heard')?.values() ?? [])] as {
    heard: number;
    inOrder: boolean;
  }[];
  const published = [...(reports.get('published')?.values() ?? [])][0] as { busy: number };
  slot.remove();
  detach();
  root.remove();
  return {
    deliveriesPerSecond: (subscribers * total) / seconds,
    seconds,
    lost: subscribers * total - heard.reduce((sum, r) => sum + r.heard, 0),
    outOfOrder: heard.filter((r) => !r.inOrder).length,
    busy: published.busy,
    longestTaskMs: Math.max(0, ...tasks),
  };
}

Object.assign(window, {
  bench: {
    fanout,
    bridgeRtt,
    flood,
    panelMount,
    panelMountBaseline,
    entitySwitch,
    contextChange,
    cardCls,
    memoryCard,
    saveGate,
    ...listBench,
  },
});
document.title = 'bench ready';
