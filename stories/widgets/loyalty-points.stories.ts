import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@plugboard/host-runtime';
import { counterparties, orders } from '../../packages/examples/src/data.js';
import {
  renderWithMockHost,
  widgetArgTypes,
  type WidgetStoryArgs,
} from '../support/mock-host-story.js';
import { installLoyaltyPoints as install } from '../support/vendor-apps.js';

/**
 * Loyalty points, an example app written for MoySklad's widget protocol
 * (raw postMessage, no Plugboard SDK), installed unchanged from its XML
 * descriptor with a mock host. On the order card, edit the comment to
 * `#LP-12` in the host (the story's Save runs the save flow): the widget's
 * verdict blocks it. "Redeem points…" opens its popup; so does the card's
 * "Redeem bonus" button, which the vendor's server answers (here, its
 * replies without the server). The Lists stories have its list buttons.
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
