import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@plugboard/host-runtime';
import { counterparties } from '../../packages/examples/src/data.js';
import {
  renderWithMockHost,
  widgetArgTypes,
  type WidgetStoryArgs,
} from '../support/mock-host-story.js';
import { vendorManifest } from '../support/vendor-apps.js';

/**
 * Credit check, an example vendor app, at the counterparty card: a credit
 * score and limit. Served from another origin and connected to a mock host
 * with the demo's counterparties. The limit is formatted in the locale.
 */
const meta: Meta<WidgetStoryArgs> = {
  title: 'Widgets/Credit check/Counterparty card',
  argTypes: widgetArgTypes(
    counterparties.map((c) => c.id),
    (id) => counterparties.find((c) => c.id === id)?.name ?? id,
  ),
  args: {
    entityId: 'c3',
    theme: 'light',
    locale: 'en-GB',
    width: 420,
    latency: 0,
    failure: 'none',
  },
  render: (args) => renderWithMockHost([vendorManifest('credit-check')], 'counterparty.card', args),
};
export default meta;

type Story = StoryObj<WidgetStoryArgs>;

export const Default: Story = { tags: ['expect-ready', 'theme-light'] };
export const Dark: Story = { args: { theme: 'dark' }, tags: ['expect-ready', 'theme-dark'] };
export const German: Story = { args: { locale: 'de-DE' }, tags: ['expect-ready'] };
export const HandshakeTimeout: Story = {
  name: 'Handshake timeout',
  args: { failure: 'handshake-timeout' },
  tags: ['expect-timeout'],
};

/** Credit check's order-card widget: the order's total against the counterparty's limit. */
export const OrderWithinLimit: Story = {
  name: 'Order card: within the limit',
  args: { entityId: '7' },
  render: (args) =>
    renderWithMockHost([vendorManifest('credit-check')], 'customerorder.card', args, {
      draft: true,
    }),
  tags: ['expect-ready'],
};

/** Over the limit: Save is blocked with a message naming the limit. */
export const OrderOverLimit: Story = {
  name: 'Order card: over the limit',
  args: { entityId: '7' },
  render: (args) =>
    renderWithMockHost([vendorManifest('credit-check')], 'customerorder.card', args, {
      draft: true,
      data: { total: 99_000_000 },
    }),
  tags: ['expect-ready'],
};
