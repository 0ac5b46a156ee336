import type { PlugboardErrorCode } from './errors.js';

/**
 * One call seen by the opt-in debug log: the bridge's network panel.
 */
export interface TrafficEntry {
  /** Who made the call: the widget calling the host, or the host calling the widget. */
  readonly direction: 'widget→host' | 'host→widget';
  /** The method called, for instance `entity.get`. */
  readonly method: string;
  /** From the call to its answer, in milliseconds. */
  readonly durationMs: number;
  /** `ok`, or the error code the call failed with. */
  readonly outcome: 'ok' | PlugboardErrorCode;
  /** The widget instance, when known. */
  readonly instanceId: string | undefined;
  /** What the call carried, where the log knows it (the host's log does). */
  readonly params?: unknown;
  /** What came back, for `ok`. */
  readonly result?: unknown;
  /** Why it failed, for any other outcome. */
  readonly message?: string;
}

/** Where debug entries go: `true` for the console, or a function of your own. */
export type TrafficLog = boolean | ((entry: TrafficEntry) => void);

/** The logging function for an option value, or `undefined` when logging is off. */
export function trafficLogger(
  option: TrafficLog | undefined,
): ((entry: TrafficEntry) => void) | undefined {
  if (typeof option === 'function') return option;
  if (!option) return undefined;
  return (entry) => {
    console.debug(
      `[plugboard] ${entry.direction} ${entry.method} ${entry.outcome} ${entry.durationMs.toFixed(1)} ms` +
        (entry.instanceId ? ` (${entry.instanceId})` : ''),
    );
  };
}
