import type { EntityRef, WidgetContext } from '@plugboard/widget-sdk/protocol';
import type { WidgetMountOptions } from './mount-options.js';

/**
 * The context a mounted widget gets, in its handshake and with each `open`:
 * where it is, the entity it shows, the user, locale and theme as they are
 * now (the store's live context), its app's
 * settings, and for an app dialog's widget the dialog and its params.
 */
export function widgetContext(
  { host, app, point, instanceId, dialog }: WidgetMountOptions,
  entity: EntityRef | null,
): WidgetContext {
  return {
    instanceId,
    extensionPoint: { id: point.id, kind: point.kind },
    entity,
    ...host.store.getState().context,
    app: { id: app.manifest.id, version: app.manifest.version, settings: app.settings },
    ...(dialog ? { dialog } : {}),
  };
}
