// Order desk's Plugboard host: its extension points, the services it lends to
// widgets, and the vendor apps it installs. Widgets' toasts go to the
// runtime's own toast region (<pb-toast-region>), which Order desk keeps;
// their dialogs, standard dialogs and pickers to the runtime's dialog layer,
// over Order desk's selectors; their messages through the runtime's broker;
// their storage to IndexedDB; their identity tokens to Order desk's signer.
import {
  createHost,
  HostManifestError,
  type HostInstalledApp,
  type TrafficEntry,
} from '@plugboard/host-runtime';
import { browserStorage } from '@plugboard/host-runtime/storage';
import { HostTelemetry } from '@plugboard/host-runtime/telemetry';
import { savedAppearance } from './appearance.js';
import { findCounterparty, findGood } from './data.js';
import { EXTENSION_POINTS, GRANTS, identity, services, VENDOR_APPS } from './host-backend.js';
import { loyaltyPointsOptions } from './loyalty-points.js';
import { getOrder } from './orders-store.js';
import { navigate } from './router.js';
import { selectors } from './selectors.js';

/**
 * What the runtime measures of each app, from the page's start: a product
 * would send `telemetry.report()` to its backend; the bridge inspector
 * shows it per app.
 */
export const telemetry = new HostTelemetry();

/** Where the host's bridge traffic goes while the inspector is on (see main.ts). */
let traffic: ((entry: TrafficEntry) => void) | undefined;

/** Sends the host's bridge traffic to `log`, or nowhere (`undefined`). */
export function recordTraffic(log: ((entry: TrafficEntry) => void) | undefined): void {
  traffic = log;
}

export const host = createHost({
  debug: (entry) => {
    telemetry.log(entry);
    traffic?.(entry);
  },
  extensionPoints: EXTENSION_POINTS,
  user: { id: 'u-1', name: 'Demo user' },
  // Widgets may take the user to any page Order desk has; anything else is
  // not_found for them.
  navigate: (path, { newTab }) => {
    if (!hasPage(path)) return false;
    if (newTab) window.open(path, '_blank', 'noopener');
    else void navigate(path);
    return true;
  },
  selectors,
  // The last theme and language chosen in the header (appearance.ts).
  ...savedAppearance(),
  // Apps' storage survives reloads, in this browser's IndexedDB (a product
  // would keep it in its backend).
  storage: { adapter: browserStorage({ name: 'order-desk' }) },
  // Identity tokens are signed by Order desk's server (servers/identity.js),
  // which publishes its public key at /.well-known/jwks.json.
  identity,
  services,
});
telemetry.watch(host);

/** Whether Order desk has a page at `path` (a path without query or hash counts). */
function hasPage(path: string): boolean {
  const pathname = new URL(path, location.origin).pathname;
  if (['/', '/orders', '/counterparties', '/goods'].includes(pathname)) return true;
  const good = /^\/goods\/([^/]+)$/.exec(pathname)?.[1];
  if (good !== undefined) return findGood(good) !== undefined;
  const order = /^\/orders\/([^/]+)$/.exec(pathname)?.[1];
  if (order !== undefined) return order === 'new' || getOrder(order) !== undefined;
  const counterparty = /^\/counterparties\/([^/]+)$/.exec(pathname)?.[1];
  return counterparty !== undefined && findCounterparty(counterparty) !== undefined;
}

/**
 * Fetches and installs each vendor app's manifest. A manifest that cannot be
 * fetched or installed is reported, and the other apps still install.
 */
export async function installVendorApps(vendorOrigin: string): Promise<string[]> {
  const problems: string[] = [];
  await Promise.all(
    VENDOR_APPS.map(async (app): Promise<HostInstalledApp | undefined> => {
      const url = `${vendorOrigin}/${app}/manifest.json`;
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return host.install(await response.json(), GRANTS[app]);
      } catch (error) {
        problems.push(
          error instanceof HostManifestError
            ? error.message
            : `Could not fetch ${url}: ${(error as Error).message}`,
        );
        return undefined;
      }
    }),
  );
  problems.push(...(await installMoySkladApps(vendorOrigin)));
  return problems;
}

/** A key or token Order desk's backend mints for Loyalty points and the signed-in user. */
async function minted(url: string, field: 'key' | 'token'): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ app: 'loyalty-points' }),
  });
  if (!response.ok) throw new Error(`Order desk's backend answered ${response.status}.`);
  return ((await response.json()) as Record<string, string>)[field] ?? '';
}

/**
 * Loyalty points, an app written for MoySklad's widget protocol, installed
 * unchanged from its XML descriptor (the MoySklad adapter loads with it).
 */
async function installMoySkladApps(vendorOrigin: string): Promise<string[]> {
  const url = `${vendorOrigin}/loyalty-points/descriptor.xml`;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { installMoySkladApp } = await import('@plugboard/host-runtime/moysklad');
    installMoySkladApp(host, await response.text(), {
      ...loyaltyPointsOptions(vendorOrigin),
      route: (path) =>
        path === '#customerorder' ? '/orders' : path === '#company' ? '/counterparties' : undefined,
      // Order desk's backend (servers/moysklad-context.js) mints a context key
      // for each fresh load of one of its pages, and a user-context token for
      // each UserContextRequest; the vendor's server exchanges them there.
      contextKey: () => minted('/api/moysklad/context-key', 'key'),
      userContext: () => minted('/api/moysklad/user-context', 'token'),
      // Order desk's backend (servers/moysklad-buttons.js) signs the click and calls the vendor.
      button: (request, signal) =>
        fetch('/api/moysklad/button', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ app: 'loyalty-points', request }),
          signal,
        }),
    });
    return [];
  } catch (error) {
    return [`Could not install Loyalty points from ${url}: ${(error as Error).message}`];
  }
}
