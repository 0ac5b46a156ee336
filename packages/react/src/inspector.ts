/**
 * `@plugboard/react/inspector`: `<pb-inspector>` in a React host, for
 * development. Imports `@plugboard/host-runtime/inspector`: a page that
 * does not import it never loads it.
 *
 * @module @plugboard/react/inspector
 */
import '@plugboard/host-runtime/inspector';
import type { InspectorOutcomeFilter, TrafficRecorder } from '@plugboard/host-runtime/inspector';
import type { ReactNode } from 'react';
import { useCustomElement, type ElementProps } from './element.js';

export { TrafficRecorder } from '@plugboard/host-runtime/inspector';

/** Props of {@link Inspector}. */
export interface InspectorProps extends ElementProps {
  /** The recorder the host's `debug` log feeds (`createHost({ debug: recorder.log })`). */
  readonly traffic: TrafficRecorder;
  /** Filters, as the inspector's own fields set them. */
  readonly query?: string;
  readonly app?: string;
  readonly outcome?: InspectorOutcomeFilter;
}

/** `<pb-inspector>`: the host's bridge traffic, live. */
export function Inspector({ traffic, query, app, outcome, ...element }: InspectorProps): ReactNode {
  return useCustomElement('pb-inspector', element, {
    traffic,
    ...(query === undefined ? {} : { query }),
    ...(app === undefined ? {} : { app }),
    ...(outcome === undefined ? {} : { outcome }),
  });
}
