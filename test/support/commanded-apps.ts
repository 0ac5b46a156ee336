// Apps of command-driven fixture widgets (test/fixtures/widget.ts) on one
// order card, for tests of services between widgets and apps.
import type { Host, HostInstallGrants, HostManifest } from '@plugboard/host-runtime';
import type { FixtureWidget } from './fixture-widget.js';
import { addSlot, commandedFixture, manifest, setup } from './host-page.js';
import { fixtureOrigin, hostOrigin } from './origins.js';

/** An app of `count` command-driven widgets on the order card. */
export function commandedApp(
  id: string,
  count: number,
  extra: Partial<HostManifest> = {},
): HostManifest {
  const origin = extra.origin ?? fixtureOrigin;
  return {
    ...manifest(id, { origin }),
    widgets: Array.from({ length: count }, (_, i) => ({
      id: `w${i}`,
      point: 'customerorder.card',
      url: `${origin}/test/fixtures/widget.html`,
      height: { min: 40, max: 200, initial: 60 },
    })),
    permissions: ['messages'],
    ...extra,
  };
}

/**
 * Installs the apps, mounts an order card (entity 42), and connects every
 * widget, in manifest order; `ids` are their instance ids.
 */
export async function mountCard(
  apps: { manifest: HostManifest; grants?: HostInstallGrants }[],
  options: Parameters<typeof setup>[0] = {},
): Promise<{ host: Host; widgets: FixtureWidget[]; ids: string[] }> {
  const { host, root } = setup(options);
  for (const { manifest, grants } of apps) host.install(manifest, grants);
  const slot = addSlot(root);
  const total = apps.reduce((sum, { manifest }) => sum + manifest.widgets.length, 0);
  // Every page listens for commands once; wait for them all together.
  const widgets = await Promise.all(
    Array.from({ length: total }, (_, i) => commandedFixture(slot, i)),
  );
  const ids: string[] = [];
  for (const widget of widgets) {
    const { context } = await widget.value<{ context: { instanceId: string } }>('connect', {
      hostOrigins: [hostOrigin],
    });
    ids.push(context.instanceId);
  }
  return { host, widgets, ids };
}
