import { PlugboardError, type EntityRef, type WidgetContext } from '@plugboard/widget-sdk/protocol';
import { connectWidget, type HostConnection } from '../bridge/connection.js';
import type { Host } from '../host.js';
import type { HostManifestWidget } from '../manifest/schema.js';
import {
  patchWidget,
  removeWidget,
  type HostExtensionPoint,
  type HostInstalledApp,
  type HostWidgetInstance,
  type HostWidgetStatus,
} from '../store/host-store.js';
import { sandboxFor } from './sandbox.js';

/** What a mount needs to know. */
export interface WidgetMountOptions {
  readonly host: Host;
  readonly app: HostInstalledApp;
  readonly widget: HostManifestWidget;
  readonly point: HostExtensionPoint;
  readonly instanceId: string;
  readonly entity: EntityRef | null;
  /** The element the iframe goes into. */
  readonly container: HTMLElement;
}

/** How long after its load event a silent page is probed. */
const PROBE_DELAY_MS = 1_000;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * The life of one widget instance: a store entry from the start; on
 * `start()`, a place in the load queue, a sandboxed iframe and a bridge
 * connection, with the status kept in the store throughout. Switching the
 * entity sends `open` to the live widget instead of reloading it.
 * `destroy()` leaves nothing behind: no iframe, connection, listener, queue
 * place or store entry.
 */
export class WidgetMount {
  readonly #options: WidgetMountOptions;
  #run: AbortController | undefined;
  #iframe: HTMLIFrameElement | undefined;
  #connection: HostConnection | undefined;
  #release: (() => void) | undefined;
  #stopListening: (() => void) | undefined;

  constructor(options: WidgetMountOptions) {
    this.#options = options;
    const { host, app, widget, point, instanceId } = options;
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
          height: widget.height.initial,
          dirty: false,
        },
      },
    });
  }

  /** The context the widget gets now. */
  context(): WidgetContext {
    const { host, app, point, instanceId } = this.#options;
    return {
      instanceId,
      extensionPoint: { id: point.id, kind: point.kind },
      entity: this.#instance()?.entity ?? null,
      user: host.options.user,
      locale: host.options.locale ?? 'en',
      theme: host.options.theme ?? { mode: 'light', tokens: {} },
      app: { id: app.manifest.id, version: app.manifest.version, settings: app.settings },
    };
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
    this.#load(run.signal);
  }

  /** Shows another entity in the live widget: sends `open`, no reload. */
  async setEntity(entity: EntityRef | null): Promise<void> {
    this.#setState({ entity });
    const connection = this.#connection;
    if (!connection || this.#status() !== 'ready') return; // the handshake will carry it
    try {
      await connection.call('open', this.context());
    } catch (error) {
      if ((error as PlugboardError).code !== 'cancelled') {
        console.warn(
          `[plugboard] ${this.#options.app.manifest.name} did not take the new entity:`,
          error,
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

  #load(signal: AbortSignal): void {
    const { host, app, widget, instanceId, container } = this.#options;
    const { manifest } = app;
    const iframe = document.createElement('iframe');
    iframe.title = `${manifest.name}: ${widget.id}`;
    iframe.setAttribute('sandbox', sandboxFor(manifest.origin, window.origin));
    // The widget may learn the host's origin from the referrer, never a path.
    iframe.referrerPolicy = 'origin';
    iframe.style.cssText = `display:block;width:100%;border:0;height:${widget.height.initial}px`;
    iframe.src = widget.url;
    this.#iframe = iframe;
    this.#setState({ status: 'loading', error: undefined });
    container.append(iframe);

    // Whether the page has said anything: a page still silent a while after
    // it loaded may have failed to load at all (see #probe). Its first
    // message can arrive just after the load event, hence the wait.
    let contact = false;
    let probeTimer: ReturnType<typeof setTimeout> | undefined;
    const onMessage = (event: MessageEvent) => {
      if (event.source === iframe.contentWindow) contact = true;
    };
    const onLoad = () => {
      if (this.#status() === 'loading') this.#setState({ status: 'connecting' });
      clearTimeout(probeTimer);
      probeTimer = setTimeout(() => {
        if (!contact) void this.#probe(signal);
      }, PROBE_DELAY_MS);
    };
    window.addEventListener('message', onMessage);
    iframe.addEventListener('load', onLoad);
    this.#stopListening = () => {
      clearTimeout(probeTimer);
      window.removeEventListener('message', onMessage);
      iframe.removeEventListener('load', onLoad);
    };

    const connection = connectWidget({
      iframe,
      origin: manifest.origin,
      appId: manifest.id,
      appName: manifest.name,
      instanceId,
      permissions: app.permissions,
      context: () => this.context(),
      services: {
        ...host.options.services,
        'widget.resize': ({ height }) => {
          const clamped = Math.round(clamp(height, widget.height.min, widget.height.max));
          iframe.style.height = `${clamped}px`;
          this.#setState({ height: clamped });
        },
        'widget.setDirty': ({ dirty }) => {
          this.#setState({ dirty });
        },
      },
      ...(host.options.limits ? { limits: host.options.limits } : {}),
      ...(host.options.debug !== undefined ? { debug: host.options.debug } : {}),
    });
    this.#connection = connection;
    connection.ready.then(
      () => {
        if (signal.aborted) return;
        this.#setState({ status: 'ready', error: undefined });
        this.#settle();
      },
      (error: unknown) => {
        const { code, message } = error as PlugboardError;
        if (signal.aborted || code === 'cancelled') return;
        this.#fail(code === 'timeout' ? 'timeout' : 'error', message);
      },
    );
  }

  /**
   * A page that failed to load (connection refused, DNS failure) still fires
   * `load` with an error page the host cannot see into. A no-cors request to
   * the same URL tells a network failure apart; an HTTP error page cannot be
   * told apart across origins and ends in `timeout`.
   */
  async #probe(signal: AbortSignal): Promise<void> {
    const { url } = this.#options.widget;
    try {
      await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal });
    } catch {
      if (signal.aborted) return;
      this.#fail('error', `Could not load ${url}.`);
    }
  }

  #fail(status: 'error' | 'timeout', message: string): void {
    this.#setState({ status, error: message });
    this.#connection?.destroy();
    this.#settle();
  }

  /** Gives the load queue place back, and stops watching the page's first words. */
  #settle(): void {
    this.#release?.();
    this.#release = undefined;
    this.#stopListening?.();
    this.#stopListening = undefined;
  }

  #teardown(): void {
    this.#run?.abort(new PlugboardError('cancelled', 'The widget was unmounted.'));
    this.#run = undefined;
    this.#connection?.destroy();
    this.#connection = undefined;
    this.#settle();
    this.#iframe?.remove();
    this.#iframe = undefined;
  }
}
