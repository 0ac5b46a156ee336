import type { HostPanelSlotElement, HostToastRegionElement } from '@plugboard/host-runtime';
import type { HostInspectorElement } from '@plugboard/host-runtime/inspector';
import type { HostActionBarElement, HostListCellElement } from '@plugboard/host-runtime/lists';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type Element<E extends HTMLElement, P extends keyof E = never> = DetailedHTMLProps<
  HTMLAttributes<E>,
  E
> &
  Partial<Pick<E, P>>;

/**
 * The runtime's custom elements as JSX knows them, for writing
 * `<pb-panel-slot point="…" />` by hand. React 19 sets what an element
 * declares as a property (objects too: a draft, a column, a selection), so
 * each tag takes its element's own properties. The components
 * (`PanelSlot`, `ListCell`, `ActionBar`) also take the host from context.
 */
export interface PlugboardElements {
  'pb-panel-slot': Element<
    HostPanelSlotElement,
    'point' | 'entityType' | 'entityId' | 'host' | 'draft'
  >;
  'pb-toast-region': Element<HostToastRegionElement>;
  'pb-list-cell': Element<HostListCellElement, 'column' | 'row' | 'host' | 'preview'>;
  'pb-action-bar': Element<HostActionBarElement, 'point' | 'selection' | 'label' | 'host'>;
  'pb-inspector': Element<
    HostInspectorElement,
    'traffic' | 'query' | 'app' | 'direction' | 'outcome' | 'paused'
  >;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends PlugboardElements {}
  }
}
