// A host page for browser tests: a host with the demo's points, manifests of
// the auto-widget fixture (served from the fixture origin), slots, and waits
// on frame statuses. Everything a test sets up is undone after it.
import {
  createHost,
  type Host,
  type HostExtensionPoint,
  type HostManifest,
  type HostOptions,
  type HostPanelSlotElement,
  type HostWidgetFrameElement,
} from '@plugboard/host-runtime';
import { waitFor } from './fixture-events.js';
import { driveFixture, fixtureReady, type FixtureWidget } from './fixture-widget.js';
import { fixtureOrigin, hostOrigin } from './origins.js';

export const ORDER_CARD: HostExtensionPoint = {
  id: 'customerorder.card',
  kind: 'panel',
  entity: 'customerorder',
  title: 'Order card',
};
const POINTS: HostExtensionPoint[] = [
  ORDER_CARD,
  { id: 'counterparty.card', kind: 'panel', entity: 'counterparty', title: 'Counterparty card' },
  { id: 'customerorder.list', kind: 'column', entity: 'customerorder', title: 'Orders' },
];

let keys = 0;

/** A key no other test uses, for the fixture's once-per-key modes. */
export const uniqueKey = (name: string) => `${name}-${++keys}-${Date.now()}`;

export interface ManifestOptions {
  readonly query?: Record<string, string>;
  readonly height?: { min: number; max: number; initial: number };
  readonly point?: string;
  readonly origin?: string;
  readonly url?: string;
}

/** A manifest of one auto-widget fixture; `query` configures the fixture (see auto-widget.ts). */
export function manifest(id: string, options: ManifestOptions = {}): HostManifest {
  const origin = options.origin ?? fixtureOrigin;
  const query = new URLSearchParams({ host: hostOrigin, ...options.query });
  return {
    manifestVersion: 1,
    id,
    name: `App ${id}`,
    version: '1.0.0',
    vendor: { name: 'Test vendor', url: 'https://vendor.example', email: 'dev@vendor.example' },
    origin,
    widgets: [
      {
        id: 'panel',
        point: options.point ?? 'customerorder.card',
        url: options.url ?? `${origin}/test/fixtures/auto-widget.html?${query.toString()}`,
        height: options.height ?? { min: 40, max: 400, initial: 120 },
      },
    ],
    permissions: ['entity:read'],
  };
}

/** What the running test must undo; `afterEach` in a suite runs {@link cleanUp}. */
export const cleanups: (() => void)[] = [];

export function cleanUp(): void {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
}

/** A host attached to a fresh root in the page. */
export function setup(options: Partial<HostOptions> = {}): { host: Host; root: HTMLElement } {
  const host = createHost({
    extensionPoints: POINTS,
    user: { id: 'u-1', name: 'Ada' },
    limits: { handshakeTimeoutMs: 3_000 },
    ...options,
  });
  const root = document.createElement('div');
  document.body.append(root);
  const detach = host.attach(root);
  cleanups.push(() => {
    root.remove();
    detach();
  });
  return { host, root };
}

export function addSlot(
  root: HTMLElement,
  point = 'customerorder.card',
  entityId = '42',
): HostPanelSlotElement {
  const slot = document.createElement('pb-panel-slot');
  slot.point = point;
  slot.entityId = entityId;
  root.append(slot);
  return slot;
}

export function framesOf(slot: HostPanelSlotElement): HostWidgetFrameElement[] {
  return [...(slot.shadowRoot?.querySelectorAll('pb-widget-frame') ?? [])];
}

export async function frameWithStatus(
  slot: HostPanelSlotElement,
  status: string,
  index = 0,
): Promise<HostWidgetFrameElement> {
  let frame: HostWidgetFrameElement | undefined;
  await waitFor(
    () => {
      frame = framesOf(slot)[index];
      return frame?.getAttribute('status') === status;
    },
    () => `frame ${index} to be ${status} (is ${frame?.getAttribute('status') ?? 'absent'})`,
  );
  return frame as HostWidgetFrameElement;
}

/** Every iframe in the document, shadow roots included. */
export function allIframes(root: Node = document): HTMLIFrameElement[] {
  const found: HTMLIFrameElement[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLIFrameElement) found.push(node);
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return found;
}

/**
 * The command-driven fixture page (test/fixtures/widget.html) that a slot
 * mounts as its `index`th widget, once it listens for commands. Call it
 * right after adding the slot, before the page can load.
 */
export async function commandedFixture(
  slot: HostPanelSlotElement,
  index = 0,
): Promise<FixtureWidget> {
  let iframe: HTMLIFrameElement | null = null;
  const ready = fixtureReady(() => iframe?.contentWindow ?? null);
  await waitFor(
    () => (iframe = framesOf(slot)[index]?.querySelector('iframe') ?? null) !== null,
    `the iframe of widget ${index}`,
  );
  await ready;
  const found = iframe as unknown as HTMLIFrameElement;
  return driveFixture(found, new URL(found.src).origin);
}
