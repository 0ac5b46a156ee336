import {
  connectWidget,
  type HostBridgeLimits,
  type HostConnection,
  type HostServices,
  type TrafficLog,
} from '@plugboard/host-runtime';
import type { WidgetContext } from '@plugboard/widget-sdk';
import { testContext } from './context.js';
import { loadFixtureWidget, type FixtureWidget } from './fixture-widget.js';
import { fixtureOrigin, hostOrigin } from './origins.js';

export interface BridgeOptions {
  readonly services?: HostServices;
  readonly permissions?: Iterable<string>;
  readonly limits?: Partial<HostBridgeLimits>;
  readonly debug?: TrafficLog;
  /** The manifest's origin. Default: the fixture origin. */
  readonly manifestOrigin?: string;
  /** Where the fixture page really loads from. Default: the fixture origin. */
  readonly widgetOrigin?: string;
  readonly context?: WidgetContext;
}

export interface Bridge {
  readonly widget: FixtureWidget;
  readonly connection: HostConnection;
  /** Destroys the connection and removes the iframe. */
  close(): void;
}

const open: Bridge[] = [];

/** A fixture widget iframe with a host connection to it; not yet connected from the widget. */
export async function openBridge(options: BridgeOptions = {}): Promise<Bridge> {
  const widget = await loadFixtureWidget(options.widgetOrigin);
  const context = options.context ?? testContext();
  const connection = connectWidget({
    iframe: widget.iframe,
    origin: options.manifestOrigin ?? fixtureOrigin,
    appId: 'delivery-tracker',
    appName: 'Delivery tracker',
    instanceId: 'w-1',
    permissions: options.permissions ?? [],
    context: () => context,
    ...(options.services ? { services: options.services } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.debug !== undefined ? { debug: options.debug } : {}),
  });
  const bridge: Bridge = {
    widget,
    connection,
    close() {
      connection.destroy();
      widget.remove();
    },
  };
  open.push(bridge);
  return bridge;
}

/** Opens a bridge and connects the fixture widget through the SDK. */
export async function openConnectedBridge(options: BridgeOptions = {}): Promise<Bridge> {
  const bridge = await openBridge(options);
  await bridge.widget.value('connect', { hostOrigins: [hostOrigin] });
  await bridge.connection.ready;
  return bridge;
}

/** Closes every bridge the test opened; call from afterEach. */
export function closeBridges(): void {
  for (const bridge of open.splice(0)) bridge.close();
}
