/**
 * `@plugboard/host-runtime/telemetry`: what the runtime saw of each app, for
 * the host to send to its backend and for vendors: time to ready,
 * reconnects, diagnoses, calls, failures and latency by method, refusals,
 * layout shift and long tasks. A page that does not import it never loads
 * it.
 *
 * @module @plugboard/host-runtime/telemetry
 */
export { HostTelemetry } from './telemetry/host-telemetry.js';
export type {
  AppTelemetry,
  DurationStats,
  MethodTelemetry,
  TelemetryReport,
  WidgetTelemetry,
} from '@plugboard/widget-sdk/protocol';
