import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@plugboard/host-runtime';
import { counterparties, goods, orders } from '../../packages/examples/src/data.js';
import {
  renderWithMockHost,
  widgetArgTypes,
  type WidgetStoryArgs,
} from '../support/mock-host-story.js';
import { installLoyaltyPoints as install, vendorManifest } from '../support/vendor-apps.js';

/**
 * Loyalty points, an example app written for MoySklad's widget protocol
 * (raw postMessage, no Plugboard SDK), installed unchanged from its XML
 * descriptor with a mock host. On the order card, edit the comment to
 * `#LP-12` in the host (the story's Save runs the save flow): the widget's
 * verdict blocks it. "Redeem points…" opens its popup; so does the card's
 * "Redeem bonus" button, which the vendor's server answers (here, its
 * replies without the server). The Lists stories have its list buttons.
 * On the counterparty card, "Programme terms" opens a popup with null
 * parameters. On the goods card (MoySklad's entity.product.edit), its
 * widget sits under Delivery tracker's native one. Storybook has no
 * backend to mint context keys, so the order page loads without one.
 */
const meta: Meta<WidgetStoryArgs> = {
  title: 'Widgets/Loyalty points (MoySklad)',
  args: { entityId: '7', theme: 'light', locale: 'en-GB', width: 420, latency: 0, failure: 'none' },
};
export default meta;

type Story = StoryObj<WidgetStoryArgs>;

export const OrderCard: Story = {
  name: 'Order card',
  argTypes: widgetArgTypes(
    orders.slice(0, 50).map((order) => order.id),
    (id) => orders.find((order) => order.id === id)?.number ?? id,
  ),
  render: (args) =>
    renderWithMockHost([], 'customerorder.card', args, {
      draft: true,
      install,
      actions: 'customerorder.card.actions',
    }),
  tags: ['expect-ready', 'expect-actions'],
};

export const CounterpartyCard: Story = {
  name: 'Counterparty card',
  argTypes: widgetArgTypes(
    counterparties.map((counterparty) => counterparty.id),
    (id) => counterparties.find((counterparty) => counterparty.id === id)?.name ?? id,
  ),
  args: { entityId: 'c1' },
  render: (args) => renderWithMockHost([], 'counterparty.card', args, { install }),
  tags: ['expect-ready'],
};

export const GoodsCard: Story = {
  name: 'Goods card',
  argTypes: widgetArgTypes(
    goods.slice(0, 30).map((good) => good.id),
    (id) => goods.find((good) => good.id === id)?.name ?? id,
  ),
  args: { entityId: 'g1' },
  render: (args) =>
    renderWithMockHost([vendorManifest('delivery-tracker')], 'product.card', args, { install }),
  tags: ['expect-ready'],
};
