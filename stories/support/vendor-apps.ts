import type { HostManifest } from '@plugboard/host-runtime';
import creditCheck from '../../packages/examples/vendors/credit-check/manifest.json';
import deliveryTracker from '../../packages/examples/vendors/delivery-tracker/manifest.json';
import quickAdd from '../../packages/examples/vendors/quick-add/manifest.json';

/**
 * Where the example vendor apps' pages are served from: Storybook's own
 * server under its other loopback name (localhost ↔ 127.0.0.1), which the
 * browser treats as another site. A widget on the host's own origin could
 * not run sandboxed, so a same-origin preview would not be a real one.
 */
export function vendorOrigin(): string {
  const other = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return `${location.protocol}//${other}${location.port ? `:${location.port}` : ''}`;
}

const MANIFESTS = {
  'delivery-tracker': deliveryTracker,
  'credit-check': creditCheck,
  'quick-add': quickAdd,
};

/** An example vendor app's manifest, as its vendor publishes it, on {@link vendorOrigin}. */
export function vendorManifest(
  app: keyof typeof MANIFESTS,
  overrides: Partial<HostManifest> = {},
): HostManifest {
  const filled = JSON.parse(
    JSON.stringify(MANIFESTS[app]).replaceAll('{{origin}}', vendorOrigin()),
  ) as HostManifest;
  return { ...filled, ...overrides };
}
