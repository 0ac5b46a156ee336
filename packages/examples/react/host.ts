// Order desk for React's Plugboard host: the same extension points, data,
// pickers and vendor apps as Order desk, on a host of its own (a second
// product embedding the same vendors), its storage apart from Order desk's.
import { createHost, HostManifestError } from '@plugboard/host-runtime';
import { browserStorage } from '@plugboard/host-runtime/storage';
import { EXTENSION_POINTS, GRANTS, identity, services, VENDOR_APPS } from '../src/host-backend.js';
import { selectors } from '../src/selectors.js';
import { go } from './router.js';

export const host = createHost({
  extensionPoints: EXTENSION_POINTS,
  user: { id: 'u-1', name: 'Demo user' },
  navigate: (path, { newTab }) => {
    if (!/^\/(orders|counterparties)(\/[\w-]+)?$/.test(path)) return false;
    if (newTab) window.open(`/react/#${path}`, '_blank', 'noopener');
    else go(path);
    return true;
  },
  selectors,
  storage: { adapter: browserStorage({ name: 'order-desk-react' }) },
  identity,
  services,
});

/** Installs the example vendors' apps from their manifests, in turn; returns what failed. */
export async function installApps(vendorOrigin: string): Promise<string[]> {
  const problems: string[] = [];
  const fetched = await Promise.all(
    VENDOR_APPS.map(async (app) => {
      const url = `${vendorOrigin}/${app}/manifest.json`;
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return { app, manifest: (await response.json()) as unknown };
      } catch (error) {
        problems.push(`Could not fetch ${url}: ${(error as Error).message}`);
        return undefined;
      }
    }),
  );
  for (const found of fetched) {
    if (!found) continue;
    try {
      host.install(found.manifest, GRANTS[found.app]);
    } catch (error) {
      problems.push(error instanceof HostManifestError ? error.message : String(error));
    }
  }
  return problems;
}
