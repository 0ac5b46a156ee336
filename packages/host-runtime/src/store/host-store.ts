import type { HostFrameGrants, HostServerActions, HostTransport } from './installation.js';
import type {
  EntityRef,
  ExtensionPointKind,
  JsonValue,
  Theme,
} from '@plugboard/widget-sdk/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HostManifest } from '../manifest/schema.js';

/**
 * Where one widget is in its life: waiting for a place in the load queue,
 * its page loading, the bridge handshake under way, usable, its page gone
 * and a new one awaited (it navigated, reloaded or closed its connection),
 * failed, or silent past its time limit.
 */
export type HostWidgetStatus =
  'queued' | 'loading' | 'connecting' | 'ready' | 'reconnecting' | 'error' | 'timeout';

/** A named place in the host UI where apps can plug in. */
export interface HostExtensionPoint {
  /** Unique on the host, for instance `customerorder.card`. */
  readonly id: string;
  readonly kind: ExtensionPointKind;
  /** The entity type the point shows, for instance `customerorder`. */
  readonly entity: string;
  /** A human name, for docs and Storybook. */
  readonly title: string;
  /**
   * How a save waits for this point's validating widgets: at most
   * `deadlineMs` (default 3 000), then a widget that has not answered blocks
   * the save (`block`, the default) or is skipped (`skip`).
   */
  readonly validation?: { readonly deadlineMs?: number; readonly onTimeout?: 'block' | 'skip' };
}

/** An installed app, with what this host granted it. */
export interface HostInstalledApp {
  readonly manifest: HostManifest;
  /** The permissions the app holds here: its manifest's, narrowed by the grants. */
  readonly permissions: readonly string[];
  /** A disabled app's widgets are not shown. */
  readonly disabled: boolean;
  /** The app's settings in this installation, handed to its widgets. */
  readonly settings: Readonly<Record<string, JsonValue>>;
  /** The fields it may write, by entity type: its manifest's `writes`, narrowed by the grants. */
  readonly writes: Readonly<Record<string, readonly string[]>>;
  /** The shared topics it may use: its manifest's `topics` that the installation granted. */
  readonly topics: readonly string[];
  /** Its installation's id on this host, in its identity tokens. */
  readonly installationId: string;
  /** How the host talks to its pages, when not over Plugboard's bridge (a MoySklad app's). */
  readonly transport?: HostTransport | undefined;
  /** How its iframes differ from the defaults (the installation's `frame` grant). */
  readonly frame?: HostFrameGrants | undefined;
  /** How its `server` actions run (the installation's `server` grant). */
  readonly server?: HostServerActions | undefined;
  /** Whether a save needs its verdict (the installation's `validation` grant); absent: required. */
  readonly validation?: 'required' | 'optional' | undefined;
}

/** One mounted widget. */
export interface HostWidgetInstance {
  readonly instanceId: string;
  readonly appId: string;
  readonly widgetId: string;
  readonly pointId: string;
  readonly entity: EntityRef | null;
  readonly status: HostWidgetStatus;
  /** What went wrong and the likely fix, for `error` and `timeout`, without the app's name. */
  readonly error: string | undefined;
  /** The iframe's height in CSS pixels, within the manifest's bounds. */
  readonly height: number;
  /** Whether the widget says it holds unsaved changes. */
  readonly dirty: boolean;
  /**
   * A ready widget getting ready for a new entity, out of sight meanwhile
   * (a MoySklad widget between `Open` and its `OpenFeedback`).
   */
  readonly busy?: boolean;
}

/**
 * Who the page is for and how it looks, now: what every widget's context
 * carries. `host.setContext()` changes it while the page runs.
 */
export interface HostContext {
  /** The signed-in user. */
  readonly user: { readonly id: string; readonly name: string };
  /** The user's locale, a BCP 47 tag. */
  readonly locale: string;
  /** The host's theme. */
  readonly theme: Theme;
}

/** Everything the host runtime knows; elements read it, nothing copies it. */
export interface HostState {
  /** The live context (user, locale, theme). */
  readonly context: HostContext;
  readonly points: Readonly<Record<string, HostExtensionPoint>>;
  /** Installed apps, in install order. */
  readonly apps: readonly HostInstalledApp[];
  readonly widgets: Readonly<Record<string, HostWidgetInstance>>;
}

export type HostStore = StoreApi<HostState>;

export function createHostStore(
  points: readonly HostExtensionPoint[],
  context: HostContext,
): HostStore {
  return createStore<HostState>()(() => ({
    context,
    points: Object.fromEntries(points.map((point) => [point.id, point])),
    apps: [],
    widgets: {},
  }));
}

/** Changes one widget instance; does nothing if it is gone. */
export function patchWidget(
  store: HostStore,
  instanceId: string,
  patch: Partial<Omit<HostWidgetInstance, 'instanceId'>>,
): void {
  const current = store.getState().widgets[instanceId];
  if (!current) return;
  store.setState({
    widgets: { ...store.getState().widgets, [instanceId]: { ...current, ...patch } },
  });
}

export function removeWidget(store: HostStore, instanceId: string): void {
  const widgets = Object.entries(store.getState().widgets).filter(([id]) => id !== instanceId);
  store.setState({ widgets: Object.fromEntries(widgets) });
}

/** The parts of a manifest that go to extension points. */
type PointPart = 'widgets' | 'columns' | 'actions';

/**
 * What goes to an extension point, of one part of the manifests (widgets,
 * columns or actions): enabled apps, in install order, each item with its app.
 */
export function atPoint<P extends PointPart>(
  state: HostState,
  part: P,
  pointId: string,
): { readonly app: HostInstalledApp; readonly item: NonNullable<HostManifest[P]>[number] }[] {
  return state.apps
    .filter((app) => !app.disabled)
    .flatMap((app) =>
      ((app.manifest[part] ?? []) as NonNullable<HostManifest[P]>[number][])
        .filter((item) => item.point === pointId)
        .map((item) => ({ app, item })),
    );
}

/** The widgets that go to an extension point: enabled apps in install order. */
export function widgetsForPoint(
  state: HostState,
  pointId: string,
): { readonly app: HostInstalledApp; readonly widgetId: string }[] {
  return atPoint(state, 'widgets', pointId).map(({ app, item }) => ({ app, widgetId: item.id }));
}
