import {
  DATA_METHODS,
  PlugboardError,
  type ActionResult,
  type DiagnosticKind,
  type JsonValue,
  type Selection,
  type Theme,
  type TrafficLog,
} from '@plugboard/widget-sdk/protocol';
import type { HostConnection, HostConnectionOptions } from './bridge/connection.js';
import type { HostBridgeLimits } from './bridge/limits.js';
import { hostRoots } from './host-roots.js';
import { dialogServices } from './dialogs/dialog-services.js';
import { HostDialogs } from './dialogs/host-dialogs.js';
import type { HostSelector, HostStandardDialogRenderer } from './dialogs/types.js';
import { HostDraft, type HostDraftOptions } from './drafts/draft.js';
import { LoadQueue } from './frames/load-queue.js';
import type { HostManifest } from './manifest/schema.js';
import {
  HostManifestError,
  validateManifest,
  type HostManifestIssue,
} from './manifest/validate.js';
import type { HostToast, HostToastRegionElement } from './elements/toast-region.js';
import type { HostIdentityOptions } from './identity/identity-service.js';
import type { HostMessagesOptions, MessageBroker } from './messages/broker.js';
import type { DataServices } from './services/data-services.js';
import type { HostCallInfo, HostServiceHandler, HostServices } from './services/host-services.js';
import type { HostStorageOptions } from './storage/types.js';
import {
  createHostStore,
  type HostExtensionPoint,
  type HostInstalledApp,
  type HostStore,
} from './store/host-store.js';

/** Options of {@link createHost}. */
export interface HostOptions {
  /** The places in the host UI where apps can plug in. Ids must be unique. */
  readonly extensionPoints: readonly HostExtensionPoint[];
  /** The host services widgets can reach (each behind its permission). */
  readonly services?: HostServices;
  /** The signed-in user, as widgets see it. */
  readonly user: { readonly id: string; readonly name: string };
  /** The user's locale, a BCP 47 tag. Default `en`. */
  readonly locale?: string;
  /** The host's theme. Default: light, no tokens. */
  readonly theme?: Theme;
  /** Bridge limits for every widget. */
  readonly limits?: Partial<HostBridgeLimits>;
  /**
   * How many widget iframes may load at once. Default 6: what a browser
   * fetches in parallel from one host over HTTP/1.1, and enough for a card's
   * panels to load together; past it, loads wait their turn.
   */
  readonly loadConcurrency?: number;
  /** How near the viewport a widget must come before its iframe is created (a CSS margin). Default `200px`. */
  readonly lazyMargin?: string;
  /** Logs every bridge call, for every widget. */
  readonly debug?: TrafficLog;
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

/** A host configuration that cannot work, for instance two points with one id. */
export class HostConfigError extends Error {
  override readonly name = 'HostConfigError';
}

/** Which point kinds each part of a manifest may target. */
const KINDS_FOR = {
  widgets: ['panel', 'page', 'dialog'],
  columns: ['column'],
  actions: ['action'],
} as const;

/** The runtime of one host page: its extension points, installed apps and mounted widgets. */
export class Host {
  /** The state of everything; elements read it. */
  readonly store: HostStore;
  /** The queue every widget iframe of this host loads through. */
  readonly loadQueue: LoadQueue;
  readonly options: Readonly<HostOptions>;
  /**
   * What widgets reach: the host's `services`, over the runtime's defaults:
   * `toasts.show` shows a toast in the host's toast region, `navigation.go`
   * calls `navigate`, `dialogs.*` and `selectors.open` use the dialog layer,
   * `messages.*` the page's broker, `storage.*` the `storage` adapter, and
   * `identity.getToken` the `identity` signer.
   */
  readonly services: HostServices;
  /** The dialog layer: app dialogs, standard dialogs and pickers, for widgets and for the host itself. */
  readonly dialogs: HostDialogs;
  readonly #roots = new Set<Node>();
  /** The toast region the runtime added, when no attached root had one. */
  #ownRegion: HostToastRegionElement | undefined;
  readonly #drafts = new Set<HostDraft>();
  #unloadGuarded = false;
  /** Widgets with no draft that hold unsaved data: instance id to app id. */
  readonly #dirtyWidgets = new Map<string, string>();
  #toastModule: Promise<typeof import('./elements/toast-region.js')> | undefined;
  #data: Promise<DataServices> | undefined;

  constructor(options: HostOptions) {
    const seen = new Set<string>();
    for (const point of options.extensionPoints) {
      if (seen.has(point.id)) {
        throw new HostConfigError(
          `Two extension points have the id "${point.id}"; ids must be unique.`,
        );
      }
      seen.add(point.id);
    }
    const lifetime = options.identity?.lifetimeSeconds ?? 120;
    if (!Number.isInteger(lifetime) || lifetime < 60 || lifetime > 300) {
      throw new HostConfigError(
        `identity.lifetimeSeconds is ${lifetime}; an identity token lives 60 to 300 seconds.`,
      );
    }
    this.options = options;
    this.dialogs = new HostDialogs(this);
    this.services = {
      ...dialogServices(this),
      'toasts.show': async ({ message, tone }, call) => {
        const { appId } = call;
        await this.showToast({
          message,
          tone: tone ?? 'info',
          appName: this.appName(appId),
          appId,
        });
      },
      ...(options.navigate ? { 'navigation.go': this.#navigationService(options.navigate) } : {}),
      // The data services load with their first call (services/data-services.ts).
      ...Object.fromEntries(
        DATA_METHODS.map((method) => [
          method,
          async (params: unknown, call: HostCallInfo): Promise<unknown> =>
            (
              (await this.#dataServices()).services[method] as (
                params: unknown,
                call: HostCallInfo,
              ) => unknown
            )(params, call),
        ]),
      ),
      ...options.services,
    };
    this.store = createHostStore(options.extensionPoints);
    this.loadQueue = new LoadQueue(options.loadConcurrency ?? 6);
  }

  /**
   * Validates and installs an app manifest. Throws {@link HostManifestError}
   * listing every problem, including widgets that name a point this host does
   * not have, or an app that is already installed.
   */
  install(manifest: unknown, grants: HostInstallGrants = {}): HostInstalledApp {
    const valid = validateManifest(manifest);
    const issues = this.#installIssues(valid, grants);
    if (issues.length > 0) throw new HostManifestError(valid.id, issues);
    const permissions = grants.permissions
      ? valid.permissions.filter((permission) => grants.permissions?.includes(permission))
      : valid.permissions;
    const app: HostInstalledApp = {
      manifest: valid,
      permissions,
      disabled: grants.disabled ?? false,
      settings: grants.settings ?? {},
      writes: Object.fromEntries(
        Object.entries(valid.writes ?? {}).map(([type, fields]) => [
          type,
          grants.writes ? fields.filter((field) => grants.writes?.[type]?.includes(field)) : fields,
        ]),
      ),
      topics: (valid.topics ?? []).filter((topic) => grants.topics?.includes(topic)),
      installationId: grants.installationId ?? valid.id,
      transport: grants.transport,
      frame: grants.frame,
      server: grants.server,
    };
    this.store.setState({ apps: [...this.store.getState().apps, app] });
    return app;
  }

  /** Removes an app; its widgets leave the page, and its topics' kept values go. Unknown ids are ignored. */
  uninstall(appId: string): void {
    this.store.setState({
      apps: this.store.getState().apps.filter((app) => app.manifest.id !== appId),
    });
    void this.#data?.then(({ broker }) => {
      broker.forgetApp(appId);
    });
  }

  /**
   * Makes this host the one for every Plugboard element inside `root` (a
   * document, a shadow root or an element). Returns a function that undoes it.
   * Two hosts can serve one page through different roots.
   */
  attach(root: Node): () => void {
    const owner = hostRoots.get(root);
    if (owner && owner !== this) {
      throw new HostConfigError('This root is already attached to another Plugboard host.');
    }
    hostRoots.set(root, this);
    this.#roots.add(root);
    return () => {
      if (hostRoots.get(root) === this) hostRoots.delete(root);
      this.#roots.delete(root);
    };
  }

  /**
   * Shows a toast in this host's `<pb-toast-region>`: the first one in an
   * attached root, or else one the runtime adds to the document. Widgets'
   * `toasts.show` comes here unless the host lends its own. The region's
   * element loads with the first toast (a page may place
   * `<pb-toast-region>` before: it comes alive then); resolves, once the
   * toast shows, with the function that dismisses it.
   */
  async showToast(toast: HostToast): Promise<() => void> {
    const { HostToastRegionElement } = await this.#toastRegion();
    let region: HostToastRegionElement | null = null;
    for (const root of this.#roots) {
      if ('querySelector' in root) {
        region = (root as ParentNode).querySelector('pb-toast-region');
        if (region) break;
      }
    }
    region ??= this.#ownRegion ??= document.body.appendChild(new HostToastRegionElement());
    return region.show(toast);
  }

  /** Loads and defines `<pb-toast-region>` ahead of the first toast (when the page is idle, say). */
  async loadToasts(): Promise<void> {
    await this.#toastRegion();
  }

  // One promise for every toast, so they show in the order they were asked for.
  #toastRegion() {
    return (this.#toastModule ??= import('./elements/toast-region.js'));
  }

  /**
   * The page's message broker, loaded with the first message or
   * subscription. Widget mounts subscribe through it and leave it.
   * @internal
   */
  async broker(): Promise<MessageBroker> {
    return (await this.#dataServices()).broker;
  }

  /**
   * A widget with no draft says whether it holds unsaved data of its own:
   * the leave guard counts it as it counts a draft's. @internal
   */
  widgetDirty(instanceId: string, appId: string, dirty: boolean): void {
    if (dirty) this.#dirtyWidgets.set(instanceId, appId);
    else this.#dirtyWidgets.delete(instanceId);
    this.#guardUnload();
  }

  /** A widget's page went away: forgets its dirt and its subscriptions. @internal */
  widgetGone(instanceId: string): void {
    this.widgetDirty(instanceId, '', false);
    void this.#data?.then(({ broker }) => {
      broker.leave(instanceId);
    });
  }

  #dataServices(): Promise<DataServices> {
    return (this.#data ??= import('./services/data-services.js').then(({ dataServices }) =>
      dataServices(this),
    ));
  }

  #navigationService(
    navigate: NonNullable<HostOptions['navigate']>,
  ): HostServiceHandler<'navigation.go'> {
    return async ({ to, newTab }) => {
      if ((await navigate(to, { newTab: newTab ?? false })) === false) {
        throw new PlugboardError('not_found', `This host has no page at ${to}.`);
      }
    };
  }

  /**
   * Opens a draft of the entity a card shows, for its slots (`slot.draft`):
   * widgets read it, hear its changes, propose updates, validate it and
   * save their own data after the host's `persist`. While it holds unsaved
   * work, closing or reloading the tab asks first; call `confirmLeave()`
   * from the host's router. `draft.close()` when the card goes.
   */
  openDraft(options: HostDraftOptions): HostDraft {
    const draft: HostDraft = new HostDraft(options, () => {
      this.#drafts.delete(draft);
      this.#guardUnload();
    });
    this.#drafts.add(draft);
    draft.subscribe(() => {
      this.#guardUnload();
    });
    return draft;
  }

  /**
   * For the host's router, before it leaves a card: resolves `true` at once
   * when no open draft holds unsaved work, else asks the user (naming what
   * would be lost) and resolves with their answer.
   */
  async confirmLeave(): Promise<boolean> {
    const dirty = [...this.#drafts].filter((draft) => draft.dirty);
    const widgets = [...this.#dirtyWidgets.values()];
    if (dirty.length === 0 && widgets.length === 0) return true;
    return (await import('./drafts/unsaved-work.js')).askToLeave(this, dirty, widgets);
  }

  /** Asks before the tab closes or reloads while a draft holds unsaved work. */
  #guardUnload(): void {
    const wanted = this.#dirtyWidgets.size > 0 || [...this.#drafts].some((draft) => draft.dirty);
    if (wanted === this.#unloadGuarded) return;
    this.#unloadGuarded = wanted;
    if (wanted) window.addEventListener('beforeunload', this.#onBeforeUnload);
    else window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  readonly #onBeforeUnload = (event: BeforeUnloadEvent) => {
    event.preventDefault();
  };

  /** An installed app's display name, or `appId` for an app that is not installed. */
  appName(appId: string): string {
    return (
      this.store.getState().apps.find((app) => app.manifest.id === appId)?.manifest.name ?? appId
    );
  }

  #installIssues(manifest: HostManifest, grants: HostInstallGrants): HostManifestIssue[] {
    const issues: HostManifestIssue[] = [];
    if (this.store.getState().apps.some((app) => app.manifest.id === manifest.id)) {
      issues.push({ path: 'id', message: `"${manifest.id}" is already installed on this host` });
    }
    if (manifest.origin === window.origin) {
      issues.push({
        path: 'origin',
        message: `must not be this host page's own origin (${window.origin}): a widget there cannot be sandboxed safely; serve the app from an origin of its own`,
      });
    }
    const { points } = this.store.getState();
    for (const part of ['widgets', 'columns', 'actions'] as const) {
      (manifest[part] ?? []).forEach((item, i) => {
        const point = points[item.point];
        const kinds: readonly string[] = KINDS_FOR[part];
        if (!point) {
          issues.push({
            path: `${part}[${i}].point`,
            message: `no extension point "${item.point}" on this host`,
          });
        } else if (!kinds.includes(point.kind)) {
          issues.push({
            path: `${part}[${i}].point`,
            message: `"${item.point}" is a ${point.kind} point; ${part} go to ${kinds.join(' or ')} points`,
          });
        }
        if ('run' in item && item.run === 'server' && !grants.server) {
          issues.push({
            path: `${part}[${i}].run`,
            message: "runs on the app's server, so it needs a `server` grant",
          });
        }
      });
    }
    return issues;
  }
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

/** Creates the runtime of one host page. Throws {@link HostConfigError} for a bad configuration. */
export function createHost(options: HostOptions): Host {
  return new Host(options);
}
