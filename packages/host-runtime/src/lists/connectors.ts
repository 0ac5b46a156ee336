import {
  LIST_WIDGET_METHODS,
  PlugboardError,
  type WidgetMethodName,
} from '@plugboard/widget-sdk/protocol';
import { WidgetMount } from '../frames/widget-mount.js';
import type { MountHost } from '../frames/mount-host.js';
import type { HostServices } from '../services/host-services.js';
import type { HostInstalledApp } from '../store/host-store.js';

/** How a host retries a connector that failed to start. */
export interface HostConnectorRetry {
  /** The wait before the first new start. Default 1 000 ms; each failure in a row doubles it. */
  readonly firstMs?: number;
  /** The longest wait. Default 30 000 ms. */
  readonly maxMs?: number;
}

/** A connector that failed to start: why, and when it may start again. */
interface Outage {
  readonly mount: WidgetMount;
  readonly error: PlugboardError;
  /** When a call may start it afresh (`performance.now()` time). */
  retryAt: number;
  readonly timer: ReturnType<typeof setTimeout>;
}

const failed = (status: string | undefined) => status === 'error' || status === 'timeout';

/**
 * The connectors of one host page: one hidden, sandboxed iframe per app,
 * started at the app's first list or action call, through the host's load
 * queue, with the same bridge, permissions and limits as its widgets. It
 * gets no UI: its iframe is out of sight, out of the tab order and hidden
 * from assistive technology.
 *
 * A connector that fails to start (the vendor is down, its page never
 * connects) is an outage, not a verdict: calls meanwhile reject at once
 * with why ("Nothing answered at <url>", as a panel says it), and after a
 * backoff (1 s, doubling to 30 s while it keeps failing) the next call
 * starts it afresh in a new frame; `onRetry` hears when that time comes,
 * so the lists can ask again for the cells on screen. `retry(appId)` skips
 * the wait.
 */
export class HostConnectors {
  readonly #host: MountHost;
  readonly #services: (appId: string) => HostServices;
  readonly #mounts = new Map<string, WidgetMount>();
  /** Each connector's own element in the container. */
  readonly #frames = new WeakMap<WidgetMount, HTMLElement>();
  /** Failed starts in a row, by app: reset by a connector that becomes ready. */
  readonly #failures = new Map<string, number>();
  readonly #outages = new Map<string, Outage>();
  readonly #retry: Required<HostConnectorRetry>;
  readonly #onRetry: (appId: string) => void;
  #container: HTMLElement | undefined;

  constructor(
    host: MountHost,
    services: (appId: string) => HostServices,
    options: {
      readonly retry?: HostConnectorRetry;
      readonly onRetry?: (appId: string) => void;
    } = {},
  ) {
    this.#host = host;
    this.#services = services;
    this.#retry = { firstMs: 1_000, maxMs: 30_000, ...options.retry };
    this.#onRetry = options.onRetry ?? (() => undefined);
    host.store.subscribe((state) => {
      for (const [appId, mount] of this.#mounts) {
        const instance = state.widgets[HostConnectors.instanceId(appId)];
        if (instance?.status === 'ready') this.#failures.delete(appId);
        else if (
          failed(instance?.status) &&
          instance.error !== undefined &&
          this.#outages.get(appId)?.mount !== mount
        ) {
          this.#outage(appId, mount, instance.status, instance.error);
        }
      }
    });
  }

  /** The instance id of an app's connector, as the store and the bridge know it. */
  static instanceId(appId: string): string {
    return `connector:${appId}`;
  }

  /**
   * Calls `method` on the app's connector within `timeoutMs`, starting it
   * first if it has not started (or starting it afresh once an outage's
   * wait is over). Rejects at once while the connector is out (with why,
   * and `timeout` or `host_error` as its code), and with `not_found` for an
   * app without one.
   */
  call(
    app: HostInstalledApp,
    method: WidgetMethodName,
    params: unknown,
    timeoutMs: number,
  ): Promise<unknown> {
    const { manifest } = app;
    // A page that replaced its body took the connectors with it: start afresh.
    if (this.#container && !this.#container.isConnected) this.close();
    if (!manifest.connector) {
      return Promise.reject(
        new PlugboardError('not_found', `${manifest.name} has no connector in its manifest.`),
      );
    }
    const appId = manifest.id;
    const outage = this.#outages.get(appId);
    if (outage && this.#mounts.get(appId) === outage.mount) {
      if (performance.now() < outage.retryAt) return Promise.reject(outage.error);
      // Its wait is over: a fresh page in a fresh frame.
      this.#drop(appId);
    }
    const mount = this.#mounts.get(appId) ?? this.#mount(app);
    return new Promise((resolve, reject) => {
      const instanceId = HostConnectors.instanceId(appId);
      const done = () => {
        stop();
        clearTimeout(timer);
      };
      // A start that fails rejects the call at once, with the failure's diagnosis.
      const stop = this.#host.store.subscribe(() => {
        const outage = this.#outages.get(appId);
        if (outage?.mount === mount) {
          done();
          reject(outage.error);
        }
      });
      // The failure's teardown cancels the calls it interrupts: their
      // answer is the diagnosis, which comes a moment later.
      const timer = setTimeout(() => {
        done();
        reject(
          new PlugboardError('timeout', `${manifest.name}'s connector did not answer ${method}.`),
        );
      }, timeoutMs);
      mount.call(method, params, timeoutMs).then(
        (answer) => {
          done();
          resolve(answer);
        },
        (error: unknown) => {
          const failure = error as PlugboardError;
          const status = this.#host.store.getState().widgets[instanceId]?.status;
          const interrupted = failure.code === 'cancelled' && this.#mounts.get(appId) === mount;
          if (interrupted && status !== 'ready') return;
          done();
          reject(failure);
        },
      );
    });
  }

  /**
   * Starts the app's connector again now, when it is out (a Retry): the
   * backoff's wait is skipped and `onRetry` is told.
   */
  retry(appId: string): void {
    const outage = this.#outages.get(appId);
    if (!outage) return;
    outage.retryAt = 0;
    clearTimeout(outage.timer);
    this.#onRetry(appId);
  }

  /** Whether the app's connector is out: it failed to start, and has not started since. */
  isOut(appId: string): boolean {
    return this.#outages.has(appId);
  }

  /** Tears down one app's connector (it was uninstalled), or all of them. */
  close(appId?: string): void {
    for (const id of [...this.#mounts.keys()]) {
      if (appId !== undefined && id !== appId) continue;
      this.#drop(id);
      this.#failures.delete(id);
    }
    if (this.#mounts.size === 0) {
      this.#container?.remove();
      this.#container = undefined;
    }
  }

  #outage(appId: string, mount: WidgetMount, status: string, message: string): void {
    const failures = (this.#failures.get(appId) ?? 0) + 1;
    this.#failures.set(appId, failures);
    const wait = Math.min(this.#retry.firstMs * 2 ** (failures - 1), this.#retry.maxMs);
    const name = this.#host.store.getState().apps.find((app) => app.manifest.id === appId)
      ?.manifest.name;
    clearTimeout(this.#outages.get(appId)?.timer);
    this.#outages.set(appId, {
      mount,
      error: new PlugboardError(
        status === 'timeout' ? 'timeout' : 'host_error',
        `${name ?? appId}'s connector could not be loaded. ${message}`,
      ),
      retryAt: performance.now() + wait,
      timer: setTimeout(() => {
        this.#onRetry(appId);
      }, wait),
    });
  }

  #mount(app: HostInstalledApp): WidgetMount {
    const { manifest } = app;
    const frame = document.createElement('div');
    this.#containerElement().append(frame);
    const mount = new WidgetMount({
      host: this.#host,
      app,
      widget: {
        id: 'connector',
        point: 'connector',
        url: manifest.connector?.url ?? '',
        height: { min: 0, max: 0, initial: 0 },
      },
      point: { id: `${manifest.id}.connector`, kind: 'connector' },
      instanceId: HostConnectors.instanceId(manifest.id),
      entity: null,
      container: frame,
      services: this.#services(manifest.id),
      methods: LIST_WIDGET_METHODS,
    });
    this.#mounts.set(manifest.id, mount);
    this.#frames.set(mount, frame);
    return mount;
  }

  /** Destroys the app's connector (its frame, connection and store entry) and its outage. */
  #drop(appId: string): void {
    const mount = this.#mounts.get(appId);
    const outage = this.#outages.get(appId);
    clearTimeout(outage?.timer);
    this.#outages.delete(appId);
    if (!mount) return;
    this.#mounts.delete(appId);
    mount.destroy();
    this.#frames.get(mount)?.remove();
  }

  #containerElement(): HTMLElement {
    if (!this.#container) {
      const container = document.createElement('div');
      container.dataset['plugboard'] = 'connectors';
      container.setAttribute('aria-hidden', 'true');
      container.inert = true;
      // Out of sight but not display:none, so the pages run as they would on screen.
      container.style.cssText =
        'position:fixed;left:-10000px;top:0;width:1px;height:1px;overflow:hidden;pointer-events:none';
      document.body.append(container);
      this.#container = container;
    }
    return this.#container;
  }
}
