import { DATA_METHODS, PlugboardError } from '@plugboard/widget-sdk/protocol';
import { HostConfigError } from './config-error.js';
import { hostRoots } from './host-roots.js';
import { dialogServices } from './dialogs/dialog-services.js';
import { HostDialogs } from './dialogs/host-dialogs.js';
import { HostDraft, type HostDraftOptions } from './drafts/draft.js';
import { LoadQueue } from './frames/load-queue.js';
import type { HostManifest } from './manifest/schema.js';
import {
  HostManifestError,
  validateManifest,
  type HostManifestIssue,
} from './manifest/validate.js';
import type { HostToast, HostToastRegionElement } from './elements/toast-region.js';
import type { MessageBroker } from './messages/broker.js';
import type { DataServices } from './host-data.js';
import type { HostCallInfo, HostServiceHandler, HostServices } from './services/host-services.js';
import { createHostStore, type HostInstalledApp, type HostStore } from './store/host-store.js';
import type { HostInstallGrants } from './store/installation.js';
import type { HostOptions } from './host-options.js';
import type { HostContextChanges } from './store/live-context.js';

export type {
  HostFrameGrants,
  HostInstallGrants,
  HostServerActionCall,
  HostServerActions,
  HostTransport,
} from './store/installation.js';

export { HostConfigError } from './config-error.js';
export type { HostOptions, HostWidgetError } from './host-options.js';
export type { HostContextChanges } from './store/live-context.js';

/** Which point kinds each part of a manifest may target. */
const KINDS_FOR = {
  widgets: ['panel', 'page', 'dialog'],
  columns: ['column'],
  actions: ['action'],
} as const;

/** The runtime of one host page: its extension points, installed apps and mounted widgets. */
/** The live-context check, once loaded. */
let liveContext: typeof import('./store/live-context.js') | undefined;

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
  /** Every live widget, dialog and connector mount. @internal */
  readonly mounts = new Set<{ tellContext(): Promise<unknown> | undefined }>();
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
      // The data services load with their first call (host-data.ts).
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
    this.store = createHostStore(options.extensionPoints, {
      user: options.user,
      locale: options.locale ?? 'en',
      theme: options.theme ?? { mode: 'light', tokens: {} },
    });
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
      validation: grants.validation,
    };
    this.store.setState({ apps: [...this.store.getState().apps, app] });
    return app;
  }

  /**
   * Changes the theme, the locale or the user's name while the page runs:
   * every live widget, app dialog and connector gets `contextChanged` with
   * the new context (no reload; its drafts and state stay), widgets that
   * load later get it in their handshake, and the runtime's elements
   * follow. Resolves once every live widget has answered (or failed to;
   * the checks load with the first call); rejects with {@link HostConfigError} naming a value
   * widgets could not take, and nothing changes then. The user's id cannot
   * change: another user is another host (their storage and identity are
   * theirs).
   */
  async setContext(changes: HostContextChanges): Promise<void> {
    // Loaded at the first change, then kept: an import() of a loaded module
    // still costs a fifth of a millisecond, as much as telling a widget.
    await (liveContext ??= await import('./store/live-context.js')).setContext(this, changes);
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
    return (this.#data ??= import('./host-data.js').then(({ dataServices }) => dataServices(this)));
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

  /**
   * Whether leaving now would lose work: an open draft with unsaved changes,
   * or a widget that says it holds unsaved data. What a router's blocker
   * asks before it calls `confirmLeave()`.
   */
  get unsaved(): boolean {
    return this.#dirtyWidgets.size > 0 || [...this.#drafts].some((draft) => draft.dirty);
  }

  /** Asks before the tab closes or reloads while a draft holds unsaved work. */
  #guardUnload(): void {
    const wanted = this.unsaved;
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

/** Creates the runtime of one host page. Throws {@link HostConfigError} for a bad configuration. */
export function createHost(options: HostOptions): Host {
  return new Host(options);
}
