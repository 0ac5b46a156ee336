import type { WidgetClient } from './client.js';

/**
 * In an app dialog: Escape pressed inside the widget's page dismisses the
 * dialog as the host's own Escape would (the host asks first when the
 * dialog holds unsaved changes). The host cannot hear keys pressed in the
 * iframe, so the widget tells it. A page that handles Escape itself (to
 * close a menu, say) calls `preventDefault()`, and the dialog stays.
 * Returns a function that stops it.
 */
export function dismissOnEscape(client: WidgetClient): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
    client.dialogs.dismiss({ by: 'escape' }).catch(() => undefined);
  };
  window.addEventListener('keydown', onKey);
  return () => {
    window.removeEventListener('keydown', onKey);
  };
}
