import type {
  DurationStats,
  PlugboardErrorCode,
  TelemetryReport,
  TrafficEntry,
} from '@plugboard/widget-sdk/protocol';
import type { HostState, HostStore } from '../store/host-store.js';

/** The host, as telemetry watches it (`Host` is one). */
type WatchedHost = { readonly store: HostStore };

/** Codes the host gives a call it refuses before any service runs. */
const REFUSED = new Set<string>(['permission_denied', 'invalid_params', 'busy']);

/** How long after a widget's resize a layout shift counts as its own. */
const SHIFT_WINDOW_MS = 250;

/** A bounded sample of durations. */
class Samples {
  #values: number[] = [];
  #count = 0;
  constructor(readonly limit: number) {}
  add(value: number): void {
    this.#count++;
    if (this.#values.length >= this.limit) this.#values.shift();
    this.#values.push(value);
  }
  stats(): DurationStats {
    const sorted = [...this.#values].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted.length === 0
        ? 0
        : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    return {
      count: this.#count,
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      max: sorted.at(-1) ?? 0,
    };
  }
}

interface WidgetRecord {
  loads: number;
  readonly ready: Samples;
  reconnects: number;
  failures: number;
  readonly diagnoses: string[];
}

interface MethodRecord {
  readonly direction: TrafficEntry['direction'];
  readonly method: string;
  calls: number;
  readonly failures: Partial<Record<PlugboardErrorCode, number>>;
  readonly latency: Samples;
}

interface AppRecord {
  appName: string;
  readonly widgets: Map<string, WidgetRecord>;
  readonly methods: Map<string, MethodRecord>;
  readonly refusals: Partial<Record<PlugboardErrorCode, number>>;
  layoutShift: number;
  longTasks: number;
  longTaskMs: number;
  /** When its widgets last resized. */
  lastResize: number;
  /** Its recent calls: [start, end] (performance time), for long tasks that come later. */
  readonly recent: [number, number][];
  /** Long tasks already counted for it, by start time. */
  readonly counted: Set<number>;
}

/**
 * What a vendor needs when its widget misbehaves in someone else's
 * product, recorded per app and widget: time to ready (iframe created to
 * hello), reconnects, diagnoses, each method's calls, failures by code and
 * latency percentiles, refusals by code, the layout shift its resizes
 * caused, and the host page's long tasks while its calls ran. The host
 * reads it (`report()`, or `subscribe()`) to send to its backend;
 * `<pb-inspector .telemetry=${telemetry}>` shows it per app.
 *
 * It reads the host's debug log and store, off the bridge's path: give
 * `log` to `createHost({ debug })` (beside the inspector's recorder, if
 * any) and `watch(host)`.
 *
 * ```ts
 * const telemetry = new HostTelemetry();
 * const host = createHost({ extensionPoints, debug: telemetry.log });
 * telemetry.watch(host);
 * setInterval(() => void send(telemetry.report()), 60_000);
 * ```
 */
export class HostTelemetry {
  readonly #samples: number;
  readonly #apps = new Map<string, AppRecord>();
  readonly #listeners = new Set<() => void>();
  /** When each instance's current load began (its iframe created). */
  readonly #loading = new Map<string, number>();
  #host: WatchedHost | undefined;
  #long: { start: number; duration: number }[] = [];
  #notifying = false;

  /** `samples`: how many durations each figure keeps for its percentiles (default 500). */
  constructor(options: { readonly samples?: number } = {}) {
    this.#samples = Math.max(1, options.samples ?? 500);
  }

  /** The host's traffic log: pass it as `createHost({ debug })`. */
  readonly log = (entry: TrafficEntry): void => {
    const instance =
      entry.instanceId === undefined
        ? undefined
        : this.#host?.store.getState().widgets[entry.instanceId];
    if (!instance) return;
    const app = this.#app(instance.appId);
    const key = `${entry.direction} ${entry.method}`;
    let method = app.methods.get(key);
    if (!method) {
      method = {
        direction: entry.direction,
        method: entry.method,
        calls: 0,
        failures: {},
        latency: new Samples(this.#samples),
      };
      app.methods.set(key, method);
    }
    method.calls++;
    method.latency.add(entry.durationMs);
    if (entry.outcome !== 'ok') {
      method.failures[entry.outcome] = (method.failures[entry.outcome] ?? 0) + 1;
      if (entry.direction === 'widget→host' && REFUSED.has(entry.outcome)) {
        app.refusals[entry.outcome] = (app.refusals[entry.outcome] ?? 0) + 1;
      }
    }
    const end = performance.now();
    if (entry.method === 'widget.resize' && entry.outcome === 'ok') app.lastResize = end;
    app.recent.push([end - entry.durationMs, end]);
    if (app.recent.length > 200) app.recent.shift();
    for (const task of this.#long) this.#countTask(app, task);
    this.#changed();
  };

  /**
   * Follows `host`'s widgets (their loads, readiness, reconnects and
   * diagnoses) and the page's layout shifts and long tasks. Returns the
   * function that stops it.
   */
  watch(host: WatchedHost): () => void {
    this.#host = host;
    const stop = host.store.subscribe((state, previous) => {
      if (state.widgets !== previous.widgets) this.#widgetsChanged(state, previous);
    });
    const observers: PerformanceObserver[] = [];
    const observe = (type: string, handle: (entries: PerformanceEntryList) => void) => {
      if (!PerformanceObserver.supportedEntryTypes.includes(type)) return;
      const observer = new PerformanceObserver((list) => {
        handle(list.getEntries());
      });
      observer.observe({ type });
      observers.push(observer);
    };
    observe('layout-shift', (entries) => {
      for (const entry of entries as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (entry.hadRecentInput) continue;
        // The app whose widget resized last, just before the shift.
        let blamed: AppRecord | undefined;
        for (const app of this.#apps.values()) {
          const since = entry.startTime - app.lastResize;
          if (
            since >= 0 &&
            since <= SHIFT_WINDOW_MS &&
            (!blamed || app.lastResize > blamed.lastResize)
          )
            blamed = app;
        }
        if (blamed) blamed.layoutShift += entry.value;
      }
      this.#changed();
    });
    observe('longtask', (entries) => {
      for (const entry of entries) {
        const task = { start: entry.startTime, duration: entry.duration };
        this.#long.push(task);
        if (this.#long.length > 50) this.#long.shift();
        for (const app of this.#apps.values()) this.#countTask(app, task);
      }
      this.#changed();
    });
    return () => {
      stop();
      for (const observer of observers) observer.disconnect();
      if (this.#host === host) this.#host = undefined;
    };
  }

  /** What was recorded, per app, in install order of first sight. */
  report(): TelemetryReport {
    return {
      at: Date.now(),
      apps: [...this.#apps].map(([appId, app]) => ({
        appId,
        appName: app.appName,
        widgets: [...app.widgets].map(([widgetId, widget]) => ({
          widgetId,
          loads: widget.loads,
          timeToReady: widget.ready.stats(),
          reconnects: widget.reconnects,
          failures: widget.failures,
          diagnoses: [...widget.diagnoses],
        })),
        methods: [...app.methods.values()].map((method) => ({
          direction: method.direction,
          method: method.method,
          calls: method.calls,
          failures: { ...method.failures },
          latency: method.latency.stats(),
        })),
        refusals: { ...app.refusals },
        layoutShift: Math.round(app.layoutShift * 10_000) / 10_000,
        longTasks: { count: app.longTasks, totalMs: Math.round(app.longTaskMs) },
      })),
    };
  }

  /** Calls `listener` when something was recorded (at most once a frame); returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Forgets everything recorded (after the host sent a report, say). */
  reset(): void {
    this.#apps.clear();
    this.#long = [];
    this.#changed();
  }

  #app(appId: string): AppRecord {
    let app = this.#apps.get(appId);
    if (!app) {
      app = {
        appName: appId,
        widgets: new Map(),
        methods: new Map(),
        refusals: {},
        layoutShift: 0,
        longTasks: 0,
        longTaskMs: 0,
        lastResize: -Infinity,
        recent: [],
        counted: new Set(),
      };
      this.#apps.set(appId, app);
    }
    const installed = this.#host?.store
      .getState()
      .apps.find((candidate) => candidate.manifest.id === appId);
    if (installed) app.appName = installed.manifest.name;
    return app;
  }

  #widget(app: AppRecord, widgetId: string): WidgetRecord {
    let widget = app.widgets.get(widgetId);
    if (!widget) {
      widget = {
        loads: 0,
        ready: new Samples(this.#samples),
        reconnects: 0,
        failures: 0,
        diagnoses: [],
      };
      app.widgets.set(widgetId, widget);
    }
    return widget;
  }

  #widgetsChanged(state: HostState, previous: HostState): void {
    for (const [instanceId, instance] of Object.entries(state.widgets)) {
      const before = previous.widgets[instanceId];
      if (before?.status === instance.status) continue;
      const widget = this.#widget(this.#app(instance.appId), instance.widgetId);
      const now = performance.now();
      switch (instance.status) {
        case 'loading':
          widget.loads++;
          this.#loading.set(instanceId, now);
          break;
        case 'ready': {
          const began = this.#loading.get(instanceId);
          if (began !== undefined && before?.status !== 'reconnecting')
            widget.ready.add(now - began);
          this.#loading.delete(instanceId);
          break;
        }
        case 'reconnecting':
          widget.reconnects++;
          break;
        case 'error':
        case 'timeout':
          this.#loading.delete(instanceId);
          break;
        default:
          break;
      }
      // A diagnosis comes with its failure, or a moment after it.
      if (
        (instance.status === 'error' || instance.status === 'timeout') &&
        instance.error !== undefined &&
        before?.error !== instance.error
      ) {
        widget.failures++;
        widget.diagnoses.push(instance.error);
        if (widget.diagnoses.length > 5) widget.diagnoses.shift();
      }
    }
    for (const instanceId of Object.keys(previous.widgets)) {
      if (!(instanceId in state.widgets)) this.#loading.delete(instanceId);
    }
    this.#changed();
  }

  #countTask(app: AppRecord, task: { start: number; duration: number }): void {
    if (app.counted.has(task.start)) return;
    const end = task.start + task.duration;
    if (!app.recent.some(([from, to]) => from < end && to > task.start)) return;
    app.counted.add(task.start);
    app.longTasks++;
    app.longTaskMs += task.duration;
  }

  #changed(): void {
    if (this.#notifying || this.#listeners.size === 0) return;
    this.#notifying = true;
    requestAnimationFrame(() => {
      this.#notifying = false;
      for (const listener of this.#listeners) listener();
    });
  }
}
