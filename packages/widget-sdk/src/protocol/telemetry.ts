import type { PlugboardErrorCode } from './errors.js';
import type { TrafficEntry } from './traffic.js';

// What a host's runtime measures of each app (`HostTelemetry` in
// @plugboard/host-runtime/telemetry makes it), as the host sends it to its
// backend and a vendor reads its own app's: plain JSON.

/** Durations in milliseconds: how many, and their percentiles. */
export interface DurationStats {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** One widget of an app (by its manifest id; `connector` for the app's connector). */
export interface WidgetTelemetry {
  readonly widgetId: string;
  /** Loads begun (a retry is another). */
  readonly loads: number;
  /** From its iframe's creation to its hello (ready), over its loads. */
  readonly timeToReady: DurationStats;
  /** Times its page went away and came back (or did not). */
  readonly reconnects: number;
  /** How many loads ended in a diagnosis, and the last few diagnoses. */
  readonly failures: number;
  readonly diagnoses: readonly string[];
}

/** One method's calls, either way. */
export interface MethodTelemetry {
  readonly direction: TrafficEntry['direction'];
  readonly method: string;
  readonly calls: number;
  /** Calls that did not end `ok`, by their error code. */
  readonly failures: Readonly<Partial<Record<PlugboardErrorCode, number>>>;
  readonly latency: DurationStats;
}

/** What the runtime saw of one app. */
export interface AppTelemetry {
  readonly appId: string;
  readonly appName: string;
  readonly widgets: readonly WidgetTelemetry[];
  readonly methods: readonly MethodTelemetry[];
  /**
   * Its widgets' calls the host refused before any service ran, by code:
   * `permission_denied`, `invalid_params`, `busy` (over its limits).
   */
  readonly refusals: Readonly<Partial<Record<PlugboardErrorCode, number>>>;
  /** Cumulative layout shift of the host page in the frames after its widgets resized. */
  readonly layoutShift: number;
  /** The host page's long tasks (over 50 ms) while one of its calls ran: how many, and their total. */
  readonly longTasks: { readonly count: number; readonly totalMs: number };
}

/** A report: per app, since the telemetry began or was reset. */
export interface TelemetryReport {
  /** When it was made (`Date.now()`). */
  readonly at: number;
  readonly apps: readonly AppTelemetry[];
}
