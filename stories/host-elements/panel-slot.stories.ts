import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@plugboard/host-runtime';
import { renderWithMockHost, type WidgetStoryArgs } from '../support/mock-host-story.js';
import { vendorManifest } from '../support/vendor-apps.js';

/**
 * `<pb-panel-slot>`: every widget installed for an extension point, in
 * install order. The widget frame's own states are under Widget frame.
 */
const meta: Meta<WidgetStoryArgs> = {
  title: 'Host elements/Panel slot',
  args: { entityId: '7', theme: 'light', locale: 'en-GB', width: 480, latency: 0, failure: 'none' },
};
export default meta;

type Story = StoryObj<WidgetStoryArgs>;

/** No app has a widget here: the slot renders nothing and takes no space. */
export const EmptySlot: Story = {
  name: 'Empty slot',
  render: (args) => {
    const stage = renderWithMockHost([vendorManifest('credit-check')], 'customerorder.card', args);
    const note = document.createElement('p');
    note.textContent = 'The slot below has no widgets, so it takes no space:';
    stage.prepend(note);
    return stage;
  },
};

/** Four apps at one point: the slot stacks them in install order; two load at a time here. */
export const ManyWidgets: Story = {
  name: 'Many widgets',
  tags: ['expect-ready'],
  render: (args) =>
    renderWithMockHost(
      ['Parcel Pilot', 'Route Radar', 'Ship Shape', 'Track & Trace'].map((name, i) => {
        const tracker = vendorManifest('delivery-tracker');
        // Each app with its order panel only (not its Parcel label).
        const widgets = tracker.widgets.filter((widget) => widget.id === 'order-panel');
        return { ...tracker, id: `delivery-tracker-${i + 1}`, name, widgets };
      }),
      'customerorder.card',
      args,
    ),
};

/** Widgets still loading: the host answers slowly, so they show their skeleton first. */
export const Loading: Story = {
  tags: ['expect-ready'],
  args: { latency: 3000 },
  render: (args) =>
    renderWithMockHost([vendorManifest('delivery-tracker')], 'customerorder.card', args),
};
