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
 * Quick add, an example vendor app, at the customer order card: "Add
 * goods…" opens the host's goods selector (Order desk's, over its 100
 * goods) and adds what was picked to the order's positions, in the card's
 * draft.
 */
const meta: Meta<WidgetStoryArgs> = {
  title: 'Widgets/Quick add/Customer order card',
  argTypes: widgetArgTypes(
    orders.slice(0, 50).map((order) => order.id),
    (id) => orders.find((order) => order.id === id)?.number ?? id,
  ),
  args: { entityId: '7', theme: 'light', locale: 'en-GB', width: 420, latency: 0, failure: 'none' },
  render: (args) =>
    renderWithMockHost([vendorManifest('quick-add')], 'customerorder.card', args, {
      draft: true,
    }),
};
export default meta;

type Story = StoryObj<WidgetStoryArgs>;

export const Default: Story = { tags: ['expect-ready', 'theme-light'] };
export const Dark: Story = { args: { theme: 'dark' }, tags: ['expect-ready', 'theme-dark'] };
