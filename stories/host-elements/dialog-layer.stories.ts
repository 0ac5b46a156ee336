import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@plugboard/host-runtime';
import type { MockHost } from '@plugboard/host-runtime/testing';
import { dialogStage } from '../support/dialog-story.js';
import { vendorManifest } from '../support/vendor-apps.js';

interface LayerArgs {
  order: string;
  carrier: string;
}

/** Opens Delivery tracker's own "Choose carrier" dialog, as its panel does. */
const chooseCarrier = (host: MockHost, args: LayerArgs, signal: AbortSignal) =>
  host.dialogs.openApp(
    {
      appId: 'delivery-tracker',
      dialog: 'choose-carrier',
      params: { order: args.order, carrier: args.carrier },
      entity: { type: 'customerorder', id: '7' },
    },
    { signal },
  );

/** Resolves once the top dialog's page is ready. */
async function dialogReady(host: MockHost): Promise<string> {
  for (;;) {
    const ready = Object.values(host.store.getState().widgets).find(
      (widget) => widget.pointId === 'dialog' && widget.status === 'ready',
    );
    if (ready) return ready.instanceId;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The host's dialog layer: modal dialogs above the page, in the browser's
 * top layer. An app dialog shows the app's own page (here Delivery
 * tracker's "Choose carrier", from its vendor's origin) with the params its
 * opener passed; the layer stacks dialogs, keeps the focus in the top one
 * and gives it back on the way down. Escape, ✕ and the backdrop dismiss,
 * but a dialog holding unsaved changes asks first.
 */
const meta: Meta<LayerArgs> = {
  title: 'Host elements/Dialog layer',
  component: 'pb-dialog',
  args: { order: 'SO-00007', carrier: 'DPD' },
  render: (args) =>
    dialogStage((host, signal) => chooseCarrier(host, args, signal), {
      manifests: [vendorManifest('delivery-tracker')],
    }),
};
export default meta;

type Story = StoryObj<LayerArgs>;

/** One app dialog: pick a carrier and save, or dismiss it. */
export const AppDialog: Story = { name: 'App dialog', tags: ['expect-ready'] };

/** A standard dialog stacked on an app dialog: the one below is inert until the top one ends. */
export const Stacked: Story = {
  tags: ['expect-ready'],
  render: (args) =>
    dialogStage(
      async (host, signal) => {
        const carrier = chooseCarrier(host, args, signal);
        await dialogReady(host);
        const alert = await host.dialogs.alert(
          { title: 'Carrier cut-off', message: 'Orders after 15:00 ship tomorrow.' },
          { signal },
        );
        return { alert, carrier: await carrier };
      },
      { manifests: [vendorManifest('delivery-tracker')] },
    ),
};

/**
 * The dialog's page said it holds unsaved changes (a carrier picked, not
 * saved), and the user pressed ✕: the host asks before discarding them.
 */
export const UnsavedChanges: Story = {
  name: 'Dismiss with unsaved changes',
  tags: ['expect-ready'],
  render: (args) =>
    dialogStage(
      async (host, signal) => {
        const carrier = chooseCarrier(host, args, signal);
        const instanceId = await dialogReady(host);
        const { widgets } = host.store.getState();
        const widget = widgets[instanceId];
        if (widget) {
          host.store.setState({
            widgets: { ...widgets, [instanceId]: { ...widget, dirty: true } },
          });
        }
        document
          .querySelector('pb-dialog')
          ?.shadowRoot?.querySelector<HTMLElement>('.close')
          ?.click();
        return carrier;
      },
      { manifests: [vendorManifest('delivery-tracker')] },
    ),
};
