import type { EntityRef, JsonValue } from '@plugboard/widget-sdk/protocol';
import type { HostConnectionOptions } from '../bridge/connection-types.js';
import type { HostManifestWidget } from '../manifest/schema.js';
import type { HostServices } from '../services/host-services.js';
import type { HostExtensionPoint, HostInstalledApp } from '../store/host-store.js';
import type { MountDraft, MountHost } from './mount-host.js';

/** What a mount needs to know. */
export interface WidgetMountOptions {
  readonly host: MountHost;
  readonly app: HostInstalledApp;
  readonly widget: HostManifestWidget;
  /** Where it is mounted; an app's connector has a point of its own, of kind `connector`. */
  readonly point:
    | HostExtensionPoint
    | { readonly id: string; readonly kind: 'connector'; readonly validation?: undefined };
  readonly instanceId: string;
  readonly entity: EntityRef | null;
  /** The element the iframe goes into. */
  readonly container: HTMLElement;
  /** Services for this widget only, over the host's (an app dialog's `dialogs.close`). */
  readonly services?: HostServices;
  /** For an app dialog's widget: which dialog, and its params, handed over in its context. */
  readonly dialog?: { readonly id: string; readonly params: JsonValue };
  /** The iframe fills its container's height instead of following the page's (fullscreen dialogs). */
  readonly fill?: boolean;
  /**
   * The card's draft: the widget reads and updates it, hears its changes,
   * validates and saves with it (as its manifest's protocols say).
   */
  readonly draft?: MountDraft;
  /** Widget methods the mount calls beyond the common ones (a connector's). */
  readonly methods?: HostConnectionOptions['methods'];
}
