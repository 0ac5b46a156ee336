import type { Host, HostDraft } from '@plugboard/host-runtime';
import { createElement, useEffect, useRef, type ReactNode } from 'react';
import { useCustomElement, type ElementProps } from './element.js';
import { useHost } from './host-context.js';

/** Props of {@link PanelSlot}. */
export interface PanelSlotProps extends ElementProps {
  /** The panel extension point, for instance `customerorder.card`. */
  readonly point: string;
  /** The entity the card shows; `null` or absent on a create page before its first save. */
  readonly entity?: { readonly type: string; readonly id: string } | null;
  /** The card's draft (`useOpenDraft`), when widgets edit the entity. */
  readonly draft?: HostDraft;
  /** Default: the {@link HostProvider}'s. */
  readonly host?: Host;
}

/**
 * `<pb-panel-slot>`: the installed apps' panels at `point`, for `entity`.
 * A new entity or draft moves the live widgets (no reload); unmounting
 * removes their iframes, connections and listeners.
 */
export function PanelSlot({ point, entity, draft, host, ...element }: PanelSlotProps): ReactNode {
  const found = useHost(host, 'PanelSlot');
  return useCustomElement('pb-panel-slot', element, {
    host: found,
    point,
    entityType: entity?.type ?? '',
    entityId: entity?.id ?? '',
    draft,
  });
}

/**
 * `<pb-toast-region>` where the host shows its toasts (widgets' and your
 * own `host.showToast()`), in place of the one the host would add to the
 * page's body. Render one per host.
 */
export function ToastRegion({ host, ...element }: ElementProps & { readonly host?: Host }) {
  const found = useHost(host, 'ToastRegion');
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const wrapper = root.current;
    if (!wrapper) return;
    void found.loadToasts();
    return found.attach(wrapper);
  }, [found]);
  return createElement(
    'div',
    { ref: root, style: { display: 'contents' } },
    useCustomElement('pb-toast-region', element, {}),
  );
}
