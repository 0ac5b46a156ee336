import type { TrafficEntry } from '@plugboard/widget-sdk/protocol';
import type { HostStore } from '../store/host-store.js';

/** The host, as the recorder names calls by it (`Host` is one). */
type RecordedHost = { readonly store: HostStore };

/** One bridge call as the inspector keeps it: the log's entry, who made it, and its sizes. */
export interface InspectedCall extends TrafficEntry {
  /** Its place in the recording, from 1. */
  readonly seq: number;
  /** When it ended (`Date.now()`). */
  readonly at: number;
  readonly appId: string | undefined;
  readonly appName: string | undefined;
  /** The manifest's widget id (`connector` for the app's connector). */
  readonly widgetId: string | undefined;
  readonly pointId: string | undefined;
  /** The size of `params` and of `result` as JSON, in UTF-8 bytes. */
  readonly paramsBytes: number;
  readonly resultBytes: number;
}

const encoder = new TextEncoder();
const sizeOf = (value: unknown): number => {
  if (value === undefined) return 0;
  try {
    return encoder.encode(JSON.stringify(value)).byteLength;
  } catch {
    return 0;
  }
};

/**
 * Records a host's bridge traffic for `<pb-inspector>`: give its `log` to
 * `createHost({ debug })` and `attach` the host, so each call is named by
 * its app and widget. Keeps the last `limit` calls (default 500).
 *
 * ```ts
 * const traffic = new TrafficRecorder();
 * const host = createHost({ extensionPoints, debug: traffic.log });
 * traffic.attach(host);
 * inspector.traffic = traffic;
 * ```
 */
export class TrafficRecorder {
  readonly #limit: number;
  readonly #listeners = new Set<() => void>();
  #calls: InspectedCall[] = [];
  #seq = 0;
  #host: RecordedHost | undefined;

  constructor(options: { readonly limit?: number } = {}) {
    this.#limit = Math.max(1, options.limit ?? 500);
  }

  /** The host's traffic log: pass it as `createHost({ debug })`. */
  readonly log = (entry: TrafficEntry): void => {
    const state = this.#host?.store.getState();
    const instance = entry.instanceId === undefined ? undefined : state?.widgets[entry.instanceId];
    const app = state?.apps.find(({ manifest }) => manifest.id === instance?.appId);
    const call: InspectedCall = {
      ...entry,
      seq: ++this.#seq,
      at: Date.now(),
      appId: instance?.appId,
      appName: app?.manifest.name ?? instance?.appId,
      widgetId: instance?.widgetId,
      pointId: instance?.pointId,
      paramsBytes: sizeOf(entry.params),
      resultBytes: sizeOf(entry.result),
    };
    this.#calls =
      this.#calls.length < this.#limit
        ? [...this.#calls, call]
        : [...this.#calls.slice(1 - this.#limit), call];
    for (const listener of this.#listeners) listener();
  };

  /** Names calls by the host's apps and widgets from now on. */
  attach(host: RecordedHost): void {
    this.#host = host;
  }

  /** The calls recorded, oldest first. */
  get calls(): readonly InspectedCall[] {
    return this.#calls;
  }

  /** Calls `listener` after each call recorded and on `clear()`; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Forgets every call recorded. */
  clear(): void {
    this.#calls = [];
    for (const listener of this.#listeners) listener();
  }
}
