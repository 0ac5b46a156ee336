/**
 * `@plugboard/host-runtime/inspector`: `<pb-inspector>`, a host's bridge
 * traffic live, and the `TrafficRecorder` that feeds it from the host's
 * `debug` log. For development: a page that does not import it never loads
 * it.
 *
 * @module @plugboard/host-runtime/inspector
 */
export {
  HostInspectorElement,
  type InspectedTelemetry,
  type InspectorOutcomeFilter,
} from './inspector/inspector.js';
export { TrafficRecorder, type InspectedCall } from './inspector/traffic-recorder.js';
