import {
  formatDuration,
  PlugboardError,
  type EntityRef,
  type WidgetContext,
  type WidgetMethodName,
} from '@plugboard/widget-sdk/protocol';
import {
  connectWidget,
  type HostConnection,
  type HostConnectionOptions,
  type HostConnectionEnd,
  type HostHandshake,
} from '../bridge/connection.js';
import type { DraftMember, MountDraft } from './mount-host.js';
import { serviceFor } from '../services/host-services.js';
import {
  patchWidget,
  removeWidget,
  type HostWidgetInstance,
  type HostWidgetStatus,
} from '../store/host-store.js';
import type { Failure, PageSignals } from './diagnosis.js';
import { watchPage } from './page-watch.js';
import { sandboxFor } from './sandbox.js';
import { DEV, issueWarning } from './warnings.js';
import { widgetContext } from './widget-context.js';
import type { WidgetMountOptions } from './mount-options.js';

export type { WidgetMountOptions } from './mount-options.js';

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * The life of one widget instance: a store entry from the start; on
 * `start()`, a place in the load queue, a sandboxed iframe and a bridge
 * connection, with the status kept in the store throughout. Switching the
 * entity sends `open` to the live widget instead of reloading it.
 *
 * The page in the iframe may go away while the widget is mounted: it
 * navigates, reloads, or closes its connection. The mount notices (the SDK's
 * DESTROY on `pagehide`, a new page's handshake, or a `load` event that a
 * ping then finds nobody behind), shows `reconnecting`, and takes the next
 * handshake from a page on the app's origin, handing it the current context.
 * A page of any other origin gets nothing.
 *
 * `destroy()` leaves nothing behind: no iframe, connection, listener, queue
 * place or store entry.
 */
/**
 * The height each widget of an installed app last had on this page (by its
 * manifest entry): a card that shows it again (the next order, the card
 * reopened) starts there, so the content around it does not shift when it
 * connects.
 */
const lastHeights = new WeakMap<object, number>();

export class WidgetMount {
  readonly #options: WidgetMountOptions;
  #run: AbortController | undefined;
  #iframe: HTMLIFrameElement | undefined;
  #connection: HostConnection | undefined;
  #release: (() => void) | undefined;
  #stopListening: (() => void) | undefined;
  #signals: PageSignals = freshSignals();
  /** Waiting for the next connection (a draft's call to a widget not yet loaded). */
  #waiters: ((connection: HostConnection) => void)[] = [];
  #draft: MountDraft | undefined;
  #member: DraftMember | undefined;
  #leaveDraft: (() => void) | undefined;

  constructor(options: WidgetMountOptions) {
    this.#options = options;
    const { host, app, widget, point, instanceId } = options;
    host.mounts.add(this);
    host.store.setState({
      widgets: {
        ...host.store.getState().widgets,
        [instanceId]: {
          instanceId,
          appId: app.manifest.id,
          widgetId: widget.id,
          pointId: point.id,
          entity: options.entity,
          status: 'queued',
          error: undefined,
          height: lastHeights.get(widget) ?? widget.height.initial,
          dirty: false,
        },
      },
    });
    this.#draft = options.draft;
    if (options.draft) this.#joinDraft(options.draft);
  }

  /** Moves the widget to another draft (the card now shows another entity), or none. */
  setDraft(draft: MountDraft | undefined): void {
    if (draft === this.#draft) return;
    this.#leaveDraft?.();
    this.#leaveDraft = undefined;
    this.#member = undefined;
    this.#draft = draft;
    if (draft) this.#joinDraft(draft);
  }

  #joinDraft(draft: MountDraft): void {
    const { app, widget, point, instanceId } = this.#options;
    const member: DraftMember = {
      instanceId,
      appId: app.manifest.id,
      appName: app.manifest.name,
      app,
      protocols: new Set(widget.protocols ?? []),
      writable: new Set(app.writes[draft.type] ?? []),
      validation: point.validation,
      dirty: () => this.#instance()?.dirty ?? false,
      state: () => this.#instance(),
      clean: () => {
        this.#setState({ dirty: false });
        draft.notify();
      },
      call: (method, params, timeoutMs) => this.call(method, params, timeoutMs),
      moveTo: (entity) => this.setEntity(entity),
    };
    this.#member = member;
    this.#leaveDraft = draft.join(member);
  }

  /**
   * Calls the widget within `timeoutMs`, loading it first if it was not
   * (a widget below the fold still validates; a connector starts at its
   * first call).
   */
  call(method: WidgetMethodName, params: unknown, timeoutMs: number): Promise<unknown> {
    // A change can wait: a widget not loaded yet reads the draft as it connects.
    if (method === 'change' && !this.#connection) return Promise.resolve();
    const started = performance.now();
    const connection = this.#connection
      ? Promise.resolve(this.#connection)
      : new Promise<HostConnection>((resolve) => {
          this.#waiters.push(resolve);
          if (!this.#run) void this.start();
        });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          new PlugboardError(
            'timeout',
            `${this.#options.app.manifest.name} did not answer ${method} within ${formatDuration(timeoutMs)}.`,
          ),
        );
      }, timeoutMs);
    });
    const answer = connection.then((open) =>
      open.call(method, params as never, {
        timeoutMs: Math.max(1, timeoutMs - (performance.now() - started)),
      }),
    );
    return Promise.race([answer, deadline]).finally(() => {
      clearTimeout(timer);
    });
  }

  /**
   * Tells the page the live context (`host.setContext()`): a page still
   * connecting hears it once ready, since its handshake may have read the
   * old one. Resolves when it answered, or failed to; nothing for a
   * mount with no page yet (it reads the context as it connects).
   */
  tellContext(): Promise<unknown> | undefined {
    return this.#connection?.call('contextChanged', this.context()).catch(() => undefined);
  }

  /** The context the widget gets now. */
  context(): WidgetContext {
    return widgetContext(this.#options, this.#instance()?.entity ?? null);
  }

  /** Queues the widget's load. Safe to call once per run (see `retry`). */
  async start(): Promise<void> {
    const run = new AbortController();
    this.#run = run;
    try {
      this.#release = await this.#options.host.loadQueue.acquire(run.signal);
    } catch {
      return; // destroyed or retried while queued
    }
    void this.#load(run.signal);
  }

  /** Shows another entity in the live widget: sends `open`, no reload. */
  async setEntity(entity: EntityRef | null): Promise<void> {
    const current = this.#instance()?.entity ?? null;
    if (current?.type === entity?.type && current?.id === entity?.id) return;
    this.#setState({ entity });
    // What it was waiting for belonged to the other entity.
    this.#options.host.dialogs.cancelFor(
      this.#options.instanceId,
      new PlugboardError('cancelled', 'The card moved to another entity.'),
    );
    const connection = this.#connection;
    if (!connection || this.#status() !== 'ready') return; // the handshake will carry it
    try {
      await connection.call('open', this.context());
    } catch (error) {
      if (DEV && (error as PlugboardError).code !== 'cancelled') {
        issueWarning(
          'entity-not-taken',
          `${this.#options.app.manifest.name} did not take the new entity: ${(error as Error).message}`,
        );
      }
    }
  }

  /** Loads the widget again from scratch, in a new iframe. */
  retry(): void {
    this.#teardown();
    this.#setState({ status: 'queued', error: undefined });
    void this.start();
  }

  /** Removes everything the widget had: iframe, connection, listeners, queue place, store entry. */
  destroy(): void {
    this.#options.host.mounts.delete(this);
    this.#leaveDraft?.();
    this.#leaveDraft = undefined;
    this.#teardown();
    removeWidget(this.#options.host.store, this.#options.instanceId);
  }

  #instance(): HostWidgetInstance | undefined {
    return this.#options.host.store.getState().widgets[this.#options.instanceId];
  }

  #status(): HostWidgetStatus | undefined {
    return this.#instance()?.status;
  }

  #setState(patch: Parameters<typeof patchWidget>[2]): void {
    patchWidget(this.#options.host.store, this.#options.instanceId, patch);
  }

  async #load(signal: AbortSignal): Promise<void> {
    const { app, widget, container } = this.#options;
    const { manifest, frame } = app;
    this.#signals = freshSignals();
    this.#setState({ status: 'loading', error: undefined });
    let src: string;
    try {
      src = (await frame?.url?.(widget.url, widget.id)) ?? widget.url;
    } catch (error) {
      if (!signal.aborted) this.#fail('error', error as Error);
      return;
    }
    if (signal.aborted) return;
    const iframe = document.createElement('iframe');
    iframe.title = `${manifest.name}: ${widget.id}`;
    iframe.setAttribute('sandbox', sandboxFor(manifest.origin, window.origin, frame?.modals));
    iframe.allow = frame?.allow ?? '';
    // The widget may learn the host's origin from the referrer, never a path.
    iframe.referrerPolicy = 'origin';
    iframe.style.cssText = `display:block;width:100%;border:0;height:${this.#options.fill ? '100%' : `${this.#instance()?.height}px`}`;
    iframe.src = src;
    this.#iframe = iframe;
    container.append(iframe);

    this.#stopListening = watchPage(iframe, manifest.origin, {
      foreign: (origin) => {
        // A redirect, or the widget navigated away: whatever was there is
        // gone, and this page gets nothing. Say so at once.
        this.#signals.foreignOrigin = origin;
        const status = this.#status();
        if (status !== 'error' && status !== 'timeout') {
          this.#fail('error', 'foreign');
        }
      },
      refused: () => {
        this.#fail('error', 'refused');
      },
      spoke: () => {
        this.#signals.spoke = true;
      },
      loaded: () => {
        this.#signals.loaded = true;
        const status = this.#status();
        if (status === 'loading') this.#setState({ status: 'connecting' });
        if (status === 'ready') void this.#checkAlive(signal);
      },
      // A page still silent a while after it loaded may have failed to load.
      settled: () => {
        if (!this.#signals.spoke) void this.#probe(signal);
      },
      hostOrigin: () => {
        this.#stopListening = undefined;
        this.#fail('error', 'host-origin');
      },
    });
    this.#connect(iframe, signal, undefined);
  }

  /** Opens a connection to the page in the iframe; `handshake` when the page has already begun one. */
  #connect(iframe: HTMLIFrameElement, signal: AbortSignal, handshake: HostHandshake | undefined) {
    const { host, app, widget, instanceId } = this.#options;
    const { manifest } = app;
    // Read at each call: a subscription adds the broker's `messages`.
    const methods: NonNullable<HostConnectionOptions['methods']> = { ...this.#options.methods };
    const open = app.transport ?? connectWidget;
    const connection = open(
      {
        iframe,
        origin: manifest.origin,
        appId: manifest.id,
        appName: manifest.name,
        instanceId,
        permissions: app.permissions,
        context: () => this.context(),
        services: {
          ...host.services,
          'widget.resize': ({ height }) => {
            const clamped = Math.round(clamp(height, widget.height.min, widget.height.max));
            if (!this.#options.fill) iframe.style.height = `${clamped}px`;
            this.#setState({ height: clamped });
            lastHeights.set(widget, clamped);
          },
          'widget.setDirty': ({ dirty }) => {
            this.#setState({ dirty });
            // Without a draft, the host's leave guard holds it.
            if (this.#draft) this.#draft.notify();
            else host.widgetDirty(instanceId, manifest.id, dirty);
          },
          // Read at each call: the widget may move to another card's draft.
          // Without one, the host's own service answers (null included).
          'entity.get': (params, call) =>
            this.#draft
              ? this.#draft.snapshot()
              : serviceFor(host.services, 'entity.get')(params, call),
          'entity.update': (params, call) =>
            this.#draft && this.#member
              ? this.#draft.propose(this.#member, params)
              : serviceFor(host.services, 'entity.update')(params, call),
          // Messages go to this page's connection; a new page subscribes anew.
          'messages.subscribe': async (params, call) => {
            const broker = await host.broker();
            Object.assign(methods, broker.widgetMethods);
            broker.subscribe(params, call, (messages) => connection.call('messages', { messages }));
          },
          ...this.#options.services,
        },
        ...(host.options.limits ? { limits: host.options.limits } : {}),
        ...(host.options.debug !== undefined ? { debug: host.options.debug } : {}),
        ...(handshake ? { handshake } : {}),
        methods,
        onEnd: (end) => {
          this.#pageEnded(iframe, signal, end);
        },
        onBusy: (busy) => {
          this.#setState({ busy });
        },
      },
      widget.id,
    );
    this.#connection = connection;
    for (const waiter of this.#waiters.splice(0)) waiter(connection);
    connection.ready.then(
      () => {
        if (signal.aborted || this.#connection !== connection) return;
        this.#setState({ status: 'ready', error: undefined });
        this.#releaseQueue();
      },
      (error: unknown) => {
        const { code, message } = error as PlugboardError;
        if (signal.aborted || code === 'cancelled' || this.#connection !== connection) return;
        if (code === 'timeout') this.#fail('timeout', 'timeout');
        else this.#fail('error', { message });
      },
    );
  }

  /** The page behind the connection went away or started over: wait for the next one. */
  #pageEnded(iframe: HTMLIFrameElement, signal: AbortSignal, end: HostConnectionEnd): void {
    if (signal.aborted) return;
    // The iframe itself left the page (its container was removed without
    // unmounting it): no page will come back to it.
    if (!iframe.isConnected) {
      this.#fail('error', 'removed');
      return;
    }
    this.#options.host.widgetGone(this.#options.instanceId);
    const restarted = end.reason === 'restarted';
    this.#signals = { ...freshSignals(), loaded: true, ended: end.reason, spoke: restarted };
    this.#setState({ status: 'reconnecting', error: undefined, dirty: false });
    this.#connect(iframe, signal, restarted ? end.handshake : undefined);
  }

  /**
   * A `load` event while ready: a new document in the iframe, or the first
   * one finishing late. A page that no longer answers has gone away without
   * saying so (it crashed, or navigated past the SDK). The ping loads with
   * the diagnoses: a page whose widgets never reload never fetches it.
   */
  async #checkAlive(signal: AbortSignal): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    const { answers } = await import('./diagnosis.js');
    if ((await answers(connection)) || signal.aborted || this.#connection !== connection) return;
    connection.destroy();
    if (this.#iframe) this.#pageEnded(this.#iframe, signal, { reason: 'destroyed' });
  }

  /** A page still silent after it loaded: was it there at all? (diagnosis.js, loaded now.) */
  async #probe(signal: AbortSignal): Promise<void> {
    const { unreachable } = await import('./diagnosis.js');
    const gone = await unreachable(this.#options.widget.url, signal);
    // A page that spoke is there (another transport's may be ready without speaking).
    if (gone && !signal.aborted && !this.#signals.spoke) this.#fail('error', 'unreachable');
  }

  /**
   * Ends this run in `status`, with a message: given, or worked out from
   * what the mount saw (diagnosis.js, loaded at the first failure: a page
   * whose widgets all work never fetches it).
   */
  #fail(status: 'error' | 'timeout', why: Failure | { readonly message: string }): void {
    this.#connection?.destroy();
    this.#releaseQueue();
    if (typeof why === 'object') {
      this.#setState({ status, error: why.message });
      return;
    }
    const run = this.#run;
    const signals = { ...this.#signals };
    const { app, widget, host } = this.#options;
    void import('./diagnosis.js').then(({ diagnose }) => {
      if (this.#run !== run) return; // retried or destroyed meanwhile
      this.#setState({
        status,
        error: diagnose(why, signals, {
          url: widget.url,
          appOrigin: app.manifest.origin,
          hostOrigin: window.origin,
          handshakeTimeoutMs: host.options.limits?.handshakeTimeoutMs ?? 10_000,
        }),
      });
    });
  }

  /** Gives the load queue place back, once a first outcome is known. */
  #releaseQueue(): void {
    this.#release?.();
    this.#release = undefined;
  }

  #teardown(): void {
    this.#run?.abort(new PlugboardError('cancelled', 'The widget was unmounted.'));
    this.#run = undefined;
    this.#connection?.destroy();
    this.#connection = undefined;
    this.#options.host.widgetGone(this.#options.instanceId);
    this.#releaseQueue();
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#iframe?.remove();
    this.#iframe = undefined;
  }
}

function freshSignals(): PageSignals {
  return { loaded: false, spoke: false, foreignOrigin: undefined, ended: undefined };
}
