// Helpers for dialog-layer tests: an app whose panel and dialogs are the
// command-driven fixture page, the open dialogs, and the fixture in the top
// one.
import type { HostDialogElement, HostManifest, HostSelectorItem } from '@plugboard/host-runtime';
import { waitFor } from './fixture-events.js';
import { driveFixture, fixtureReady, type FixtureWidget } from './fixture-widget.js';
import { addSlot, commandedFixture, manifest, setup } from './host-page.js';
import { fixtureOrigin, hostOrigin } from './origins.js';

export const FIXTURE_PAGE = `${fixtureOrigin}/test/fixtures/widget.html`;

export const GOODS: HostSelectorItem[] = [
  { id: 'g-1', name: 'Oak desk', description: 'DESK-01' },
  { id: 'g-2', name: 'Oak chair', description: 'CHAIR-02' },
  { id: 'g-3', name: 'Pine shelf', description: 'SHELF-03' },
];

/** A manifest whose panel and two dialogs are the command-driven fixture page. */
export function dialogApp(
  id: string,
  permissions: string[] = ['entity:read', 'dialogs', 'selectors:goods', 'toasts'],
): HostManifest {
  return {
    ...manifest(id, { url: FIXTURE_PAGE }),
    permissions,
    dialogs: [
      { id: 'pick', url: `${FIXTURE_PAGE}?dialog=pick`, title: 'Pick a carrier', size: 'small' },
      {
        id: 'more',
        url: `${FIXTURE_PAGE}?dialog=more`,
        title: 'More details',
        size: { width: { min: 300, max: 500 }, height: { min: 100, max: 300 } },
      },
    ],
  };
}

/** A host with a goods selector, an installed dialog app, and its panel connected. */
export async function openerPanel(
  id: string,
  options: Parameters<typeof setup>[0] = {},
  permissions?: string[],
) {
  const { host, root } = setup({
    selectors: {
      goods: {
        title: 'Goods',
        search: (query) =>
          GOODS.filter((good) => good.name.toLowerCase().includes(query.toLowerCase())),
        resolve: (ids) => GOODS.filter((good) => ids.includes(good.id)),
      },
    },
    ...options,
  });
  host.install(dialogApp(id, permissions));
  const slot = addSlot(root);
  const opener = await commandedFixture(slot);
  await opener.value('connect', { hostOrigins: [hostOrigin] });
  return { host, root, slot, opener };
}

/** The open dialogs, bottom first. */
export function openDialogs(): HostDialogElement[] {
  return [...document.querySelectorAll('pb-dialog')];
}

/** Waits until `count` dialogs are open, and returns the top one. */
export async function dialogsOpen(count: number): Promise<HostDialogElement | undefined> {
  await waitFor(
    () => openDialogs().length === count && (openDialogs().at(-1)?.dialog?.open ?? count === 0),
    () => `${count} open dialogs (there are ${openDialogs().length})`,
  );
  return openDialogs().at(-1);
}

/**
 * Runs `open` (which makes a widget open an app dialog) and returns the
 * fixture in the new top dialog, connected.
 */
export async function fixtureInNewDialog(open: () => Promise<unknown>): Promise<FixtureWidget> {
  const iframe = () => openDialogs().at(-1)?.querySelector('iframe') ?? null;
  const ready = fixtureReady(() => iframe()?.contentWindow ?? null);
  await open();
  await ready;
  const widget = driveFixture(iframe() as HTMLIFrameElement);
  await widget.value('connect', { hostOrigins: [hostOrigin] });
  return widget;
}

/** The element with focus, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A button of a dialog's body (a standard dialog or a picker), by its text. */
export function buttonIn(dialog: HostDialogElement | undefined, text: string): HTMLButtonElement {
  const body = dialog?.firstElementChild;
  const buttons = [...(body?.shadowRoot?.querySelectorAll('button') ?? [])];
  const button = buttons.find((b) => b.textContent.trim() === text);
  if (!button) throw new Error(`no button "${text}" in the dialog`);
  return button;
}
