import {
  LIST_WIDGET_METHODS,
  PlugboardError,
  type WidgetMethodName,
} from '@plugboard/widget-sdk/protocol';
import { WidgetMount } from '../frames/widget-mount.js';
import type { MountHost } from '../frames/mount-host.js';
import type { HostServices } from '../services/host-services.js';
import type { HostInstalledApp } from '../store/host-store.js';

/**
 * The connectors of one host page: one hidden, sandboxed iframe per app,
 * started at the app's first list or action call, through the host's load
 * queue, with the same bridge, permissions and limits as its widgets. It
 * gets no UI: its iframe is out of sight, out of the tab order and hidden
 * from assistive technology.
 */
export class HostConnectors {
  readonly #host: MountHost;
  readonly #services: (appId: string) => HostServices;
  readonly #mounts = new Map<string, WidgetMount>();
  #container: HTMLElement | undefined;

  constructor(host: MountHost, services: (appId: string) => HostServices) {
    this.#host = host;
    this.#services = services;
  }

  /** The instance id of an app's connector, as the store and the bridge know it. */
  static instanceId(appId: string): string {
    return `connector:${appId}`;
  }

  /**
   * Calls `method` on the app's connector within `timeoutMs`, starting it
   * first if it has not started. Rejects at once when the connector failed
   * to load (with why), and with `not_found` for an app without one.
   */
  call(app: HostInstalledApp, method: WidgetMethodName, params: unknown, timeoutMs: number) {
    const { manifest } = app;
    // A page that replaced its body took the connectors with it: start afresh.
    if (this.#container && !this.#container.isConnected) this.close();
    if (!manifest.connector) {
      return Promise.reject(
        new PlugboardError('not_found', `${manifest.name} has no connector in its manifest.`),
      );
    }
    const instanceId = HostConnectors.instanceId(manifest.id);
    const instance = this.#host.store.getState().widgets[instanceId];
    if (instance?.status === 'error' || instance?.status === 'timeout') {
      return Promise.reject(
        new PlugboardError(
          instance.status === 'timeout' ? 'timeout' : 'host_error',
          `${manifest.name}'s connector did not start: ${instance.error ?? 'it failed to load'}`,
        ),
      );
    }
    const container = this.#containerElement();
    let mount = this.#mounts.get(manifest.id);
    if (!mount) {
      const frame = document.createElement('div');
      container.append(frame);
      mount = new WidgetMount({
        host: this.#host,
        app,
        widget: {
          id: 'connector',
          point: 'connector',
          url: manifest.connector.url,
          height: { min: 0, max: 0, initial: 0 },
        },
        point: { id: `${manifest.id}.connector`, kind: 'connector' },
        instanceId,
        entity: null,
        container: frame,
        services: this.#services(manifest.id),
        methods: LIST_WIDGET_METHODS,
      });
      this.#mounts.set(manifest.id, mount);
    }
    return mount.call(method, params, timeoutMs);
  }

  /** Tears down one app's connector (it was uninstalled), or all of them. */
  close(appId?: string): void {
    for (const [id, mount] of this.#mounts) {
      if (appId !== undefined && id !== appId) continue;
      mount.destroy();
      this.#mounts.delete(id);
    }
    if (this.#mounts.size === 0) {
      this.#container?.remove();
      this.#container = undefined;
    }
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
