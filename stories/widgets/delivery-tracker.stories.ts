import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@plugboard/host-runtime';
import { orders } from '../../packages/examples/src/data.js';
import {
  renderWithMockHost,
  widgetArgTypes,
  type WidgetStoryArgs,
} from '../support/mock-host-story.js';
import { vendorManifest } from '../support/vendor-apps.js';

/**
 * Delivery tracker, an example vendor app, at the customer order card: the
 * order's shipment status and timeline, and its delivery method and address,
 * edited in the card's draft; below it, its second widget, the Parcel label.
 * Served from another origin and connected to a mock host with the demo's
 * orders. Pick a courier without an address and press Save: Delivery tracker
 * blocks it. Change the carrier: the label follows, by a message between the
 * two widgets through the host's broker.
 */
const meta: Meta<WidgetStoryArgs> = {
  title: 'Widgets/Delivery tracker/Customer order card',
  argTypes: widgetArgTypes(
    orders.slice(0, 50).map((order) => order.id),
    (id) => orders.find((order) => order.id === id)?.number ?? id,
  ),
  args: { entityId: '7', theme: 'light', locale: 'en-GB', width: 420, latency: 0, failure: 'none' },
  render: (args) =>
    renderWithMockHost([vendorManifest('delivery-tracker')], 'customerorder.card', args, {
      draft: true,
    }),
};
export default meta;

type Story = StoryObj<WidgetStoryArgs>;

export const Default: Story = { tags: ['expect-ready', 'theme-light', 'theme-live'] };
export const Dark: Story = { args: { theme: 'dark' }, tags: ['expect-ready', 'theme-dark'] };
export const Narrow: Story = { args: { width: 280 }, tags: ['expect-ready'] };
export const SlowHost: Story = {
  name: 'Slow host',
  args: { latency: 1500 },
  tags: ['expect-ready'],
};
/** With the bridge inspector below: every call between the widgets and the host, live. */
export const WithInspector: Story = {
  name: 'With the bridge inspector',
  render: (args) =>
    renderWithMockHost([vendorManifest('delivery-tracker')], 'customerorder.card', args, {
      draft: true,
      inspect: true,
    }),
  tags: ['expect-ready', 'expect-traffic'],
};
export const HandshakeTimeout: Story = {
  name: 'Handshake timeout',
  args: { failure: 'handshake-timeout' },
  tags: ['expect-timeout'],
};
export const CourierWithoutAddress: Story = {
  name: 'Courier without an address',
  render: (args) =>
    renderWithMockHost([vendorManifest('delivery-tracker')], 'customerorder.card', args, {
      draft: true,
      data: { deliveryMethod: 'courier', deliveryAddress: '' },
    }),
  tags: ['expect-ready'],
};
export const ServiceError: Story = {
  name: 'Service error',
  args: { failure: 'service-error' },
  tags: ['expect-ready'],
};
