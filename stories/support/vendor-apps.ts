import type { Host, HostManifest } from '@plugboard/host-runtime';
import { installMoySkladApp } from '@plugboard/host-runtime/moysklad';
import creditCheck from '../../packages/examples/vendors/credit-check/manifest.json';
import deliveryTracker from '../../packages/examples/vendors/delivery-tracker/manifest.json';
import { loyaltyPointsOptions } from '../../packages/examples/src/loyalty-points.js';
import { replyTo } from '../../packages/examples/vendors/loyalty-points/button-replies.js';
import descriptor from '../../packages/examples/vendors/loyalty-points/descriptor.xml?raw';
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

/**
 * Installs Loyalty points, the example app written for MoySklad's protocol,
 * from its XML descriptor, as Order desk does. Its buttons' clicks are
 * answered as its vendor's server answers them (button-replies.ts), with no
 * server: Storybook has none.
 */
export function installLoyaltyPoints(host: Host): void {
  installMoySkladApp(host, descriptor.replaceAll('{{origin}}', vendorOrigin()), {
    ...loyaltyPointsOptions(vendorOrigin()),
    button: (request) => {
      const { status, body } = replyTo(request, vendorOrigin());
      return Promise.resolve(Response.json(body, { status }));
    },
  });
}
