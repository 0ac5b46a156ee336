import type { ActionResult, JsonValue, Selection } from '@plugboard/widget-sdk/protocol';
import type { HostConnection, HostConnectionOptions } from '../bridge/connection.js';

// What an installation grants an app beyond its manifest: the facade's
// `host.install(manifest, grants)` takes them, the store keeps them with
// the app, and the mounts and lists read them.

/** What a host installation grants an app, beyond its manifest. */
export interface HostInstallGrants {
  /** Narrows the manifest's permissions to these; it cannot widen them. */
  readonly permissions?: readonly string[];
  /** Installs the app without showing its widgets. */
  readonly disabled?: boolean;
  /** The app's settings, handed to its widgets in their context. */
  readonly settings?: Readonly<Record<string, JsonValue>>;
  /** Narrows the fields the manifest's `writes` lets the app write (by entity type); it cannot widen them. */
  readonly writes?: Readonly<Record<string, readonly string[]>>;
  /**
   * The shared topics of the manifest's `topics` this installation allows.
   * Default none: an app talks across apps only when the host says so.
   */
  readonly topics?: readonly string[];
  /** The installation's id, in the app's identity tokens. Default: the app's id. */
  readonly installationId?: string;
  /**
   * How the host talks to the app's pages, when not over Plugboard's own
   * bridge: `installMoySkladApp` (`@plugboard/host-runtime/moysklad`) sets
   * it for widgets written for MoySklad's protocol.
   */
  readonly transport?: HostTransport;
  /** How the app's iframes are built, beyond the defaults (`installMoySkladApp` sets it). */
  readonly frame?: HostFrameGrants;
  /**
   * Runs the app's `server` actions: the host's backend calls the app's
   * server and hands back its action result (`null`: nothing to show).
   * Required by a manifest with such actions; `installMoySkladApp` sets it
   * for a MoySklad app's buttons.
   */
  readonly server?: HostServerActions;
  /**
   * Whether a save needs this app's verdict. `required` (the default): when
   * its validating widget does not answer (its vendor is down, it is late
   * or it failed), the save is refused. `optional`: the save is refused too,
   * naming the app, but the user may save anyway
   * (`draft.save({ skip: [appId] })`), and the report says who did not
   * check. An `invalid` verdict blocks either way.
   */
  readonly validation?: 'required' | 'optional';
}

/**
 * Runs one `server` action of an installed app. Abort `signal` ends the
 * call: the user left, or it ran past the host's time limit.
 */
export type HostServerActions = (
  call: HostServerActionCall,
  signal: AbortSignal,
) => Promise<ActionResult | null>;

/** What a `server` action runs on. */
export interface HostServerActionCall {
  /** The action's id in the app's manifest. */
  readonly action: string;
  /** The `action` extension point its button is at. */
  readonly point: string;
  readonly selection: Selection;
}

/** How an app's iframes differ from the defaults; see {@link HostInstallGrants.frame}. */
export interface HostFrameGrants {
  /** Adds `allow-modals` to the sandbox: the page may call `alert`, `confirm` and `print`. */
  readonly modals?: boolean;
  /** The iframes' permissions policy, for instance `clipboard-read; clipboard-write`. */
  readonly allow?: string;
  /**
   * The URL each new iframe loads, from the manifest's, for the widget (or
   * dialog) `widgetId`: called before every fresh load (a reused widget is
   * not loaded again). A rejection fails the load with its message.
   */
  readonly url?: (url: string, widgetId: string) => string | Promise<string>;
}

/** Opens the host's end of one widget's page, for the widget `widgetId` of the app's manifest. */
export type HostTransport = (options: HostConnectionOptions, widgetId: string) => HostConnection;
