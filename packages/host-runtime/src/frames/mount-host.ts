import type {
  DraftEntity,
  EntityRef,
  HostMethodParams,
  HostMethodResult,
  IncomingMessage,
  Theme,
  TrafficLog,
} from '@plugboard/widget-sdk/protocol';
import type { HostConnectionOptions } from '../bridge/connection.js';
import type { HostBridgeLimits } from '../bridge/limits.js';
import type { HostCallInfo, HostServices } from '../services/host-services.js';
import type {
  HostExtensionPoint,
  HostInstalledApp,
  HostStore,
  HostWidgetInstance,
} from '../store/host-store.js';
import type { LoadQueue } from './load-queue.js';

// What a widget mount and its frame reach of the host page's runtime, and
// of a card's draft: the narrow interfaces the core is written against.
// The facade's `Host` and the drafts feature's `HostDraft` implement them;
// the core never imports either.

/** The host options a mount reads (part of `createHost`'s `HostOptions`). */
export interface MountHostOptions {
  /** The signed-in user, as widgets see it (`host.setContext()` may change the name). */
  readonly user: { readonly id: string; readonly name: string };
  /** The user's locale at the start, a BCP 47 tag. Default `en`. `host.setContext()` changes it. */
  readonly locale?: string;
  /** The host's theme at the start. Default: light, no tokens. `host.setContext()` changes it. */
  readonly theme?: Theme;
  /** Bridge limits for every widget. */
  readonly limits?: Partial<HostBridgeLimits>;
  /** Logs every bridge call, for every widget. */
  readonly debug?: TrafficLog;
  /** How near the viewport a widget must come before its iframe is created (a CSS margin). Default `200px`. */
  readonly lazyMargin?: string;
}

/** The page's message broker, as a mount subscribes its widget through it. */
export interface MountBroker {
  /** The widget methods a subscribing widget answers (`messages`). */
  readonly widgetMethods: NonNullable<HostConnectionOptions['methods']>;
  subscribe(
    params: HostMethodParams<'messages.subscribe'>,
    call: HostCallInfo,
    deliver: (messages: IncomingMessage[]) => Promise<unknown>,
  ): void;
}

/** The host page's runtime, as a mount and its frame use it. */
export interface MountHost {
  /** The state of everything: the mount keeps its widget's entry. */
  readonly store: HostStore;
  /** The queue every widget iframe loads through. */
  readonly loadQueue: LoadQueue;
  readonly options: Readonly<MountHostOptions>;
  /** What widgets reach, behind their permissions. */
  readonly services: HostServices;
  /** Ends what a widget waits for from the user (its dialogs and pickers). */
  readonly dialogs: { cancelFor(instanceId: string, reason: unknown): void };
  /** The page's message broker, loaded with the first subscription. */
  broker(): Promise<MountBroker>;
  /** A widget with no draft says whether it holds unsaved data (the leave guard counts it). */
  widgetDirty(instanceId: string, appId: string, dirty: boolean): void;
  /** A widget's page went away: its dirt and subscriptions are forgotten. */
  widgetGone(instanceId: string): void;
  /** Every live mount (widgets, dialogs, connectors): `setContext()` tells each. */
  readonly mounts: Set<{ tellContext(): Promise<unknown> | undefined }>;
}

/** A widget taking part in a draft: its mount registers it (see widget-mount.ts). */
export interface DraftMember {
  readonly instanceId: string;
  readonly appId: string;
  readonly appName: string;
  /** The installed app: its vendor's email (named when it blocks a save), whether its verdict is required. */
  readonly app: HostInstalledApp;
  /** The protocols its manifest declares: `change`, `validation`, `save`, `dirty-state`. */
  readonly protocols: ReadonlySet<string>;
  /** The fields of this entity type the app may write. */
  readonly writable: ReadonlySet<string>;
  /** The validation deadline and what a late answer does, from its extension point (defaults in the save flow). */
  readonly validation: HostExtensionPoint['validation'];
  /** Whether the widget says it holds unsaved changes. */
  dirty(): boolean;
  /** Its entry in the store: its status, and why it failed. */
  state(): HostWidgetInstance | undefined;
  /** Clears its dirty flag, once it saved. */
  clean(): void;
  /** Calls the widget (waiting for its handshake, loading it first if it was not yet). */
  call(
    method: 'change' | 'validate' | 'save',
    params: unknown,
    timeoutMs: number,
  ): Promise<unknown>;
  /** Moves the live widget to the saved entity (a create page's first save). */
  moveTo(entity: EntityRef): Promise<void>;
}

/** A card's draft, as a mount joins its widget to it. */
export interface MountDraft {
  /** The entity type, for instance `customerorder`. */
  readonly type: string;
  /** Registers a widget; returns a function that removes it. */
  join(member: DraftMember): () => void;
  /** Tells the draft's listeners something changed (a widget's dirty flag). */
  notify(): void;
  /** The draft as `entity.get` answers it. */
  snapshot(): DraftEntity;
  /** A widget's `entity.update`. */
  propose(
    member: DraftMember,
    params: HostMethodParams<'entity.update'>,
  ): Promise<HostMethodResult<'entity.update'>>;
}
