import type { DiagnosticKind } from '@plugboard/widget-sdk/protocol';
import type { MountHostOptions } from './frames/mount-host.js';
import type { HostSelector, HostStandardDialogRenderer } from './dialogs/types.js';
import type { HostIdentityOptions } from './identity/identity-service.js';
import type { HostMessagesOptions } from './messages/broker.js';
import type { HostServices } from './services/host-services.js';
import type { HostStorageOptions } from './storage/types.js';
import type { HostExtensionPoint } from './store/host-store.js';

// What `createHost` takes: the whole host page's configuration, over every
// feature. The facade's alone: features read the parts they need through
// their own narrow host types.

/** Options of {@link createHost}. */
export interface HostOptions extends MountHostOptions {
  /** The places in the host UI where apps can plug in. Ids must be unique. */
  readonly extensionPoints: readonly HostExtensionPoint[];
  /** The host services widgets can reach (each behind its permission). */
  readonly services?: HostServices;
  /**
   * How many widget iframes may load at once. Default 6: what a browser
   * fetches in parallel from one host over HTTP/1.1, and enough for a card's
   * panels to load together; past it, loads wait their turn.
   */
  readonly loadConcurrency?: number;
  /**
   * Hears the errors widgets' pages did not catch (the SDK reports them,
   * at most 10 a page): `kind` is `storage-denied` when the browser denied
   * the widget its own web storage or cookies, as Safari and Brave deny a
   * cross-site frame. Default: a console warning naming the app.
   */
  readonly onWidgetError?: (report: HostWidgetError) => void;
  /**
   * Where a widget's `navigation.go` goes: a path on this host's own origin,
   * already normalised (`/orders/42`), and whether to open it in a new tab.
   * Return `false` when the host has no page there: the widget gets
   * `not_found`; anything else counts as gone there. Without it (and
   * without a `navigation.go` service), widgets get `unsupported`.
   */
  readonly navigate?: (
    path: string,
    options: { readonly newTab: boolean },
  ) => boolean | undefined | Promise<boolean | undefined>;
  /**
   * The host's selectors (pickers), by name: widgets open them with
   * `selectors.open({ selector })`, given the `selectors:<name>` permission.
   * Each is a data source (`title`, `search`, optional `resolve`) that the
   * runtime's picker shows, or an `open` function that shows the host's own.
   */
  readonly selectors?: Readonly<Record<string, HostSelector>>;
  /**
   * Renders alert, confirm, prompt and choose in the host's own design.
   * Default: the runtime's accessible `<pb-standard-dialog>` in its dialog layer.
   */
  readonly standardDialogs?: HostStandardDialogRenderer;
  /** The message broker's limits (the queue of each receiver). */
  readonly messages?: HostMessagesOptions;
  /**
   * Where apps' `storage` goes (an adapter over the host's backend), with
   * quotas. Default: in memory, for this page's life, with the default
   * quotas (`@plugboard/host-runtime/storage` has the adapters).
   */
  readonly storage?: HostStorageOptions;
  /**
   * The signer of apps' identity tokens (`identity.getToken`): normally a
   * call to the host's backend. Without it, widgets get `unsupported`.
   */
  readonly identity?: HostIdentityOptions;
}

/** An error a widget's page did not catch, as its SDK reported it. */
export interface HostWidgetError {
  readonly appId: string;
  readonly appName: string;
  readonly instanceId: string;
  readonly kind: DiagnosticKind;
  /** The error, as the page had it (`SecurityError: Failed to read …`), at most 500 characters. */
  readonly message: string;
}
