import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@plugboard/host-runtime';
import type { HostWidgetStatus } from '@plugboard/host-runtime';

interface WidgetFrameArgs {
  status: HostWidgetStatus;
  appName: string;
  errorMessage: string;
}

const meta: Meta<WidgetFrameArgs> = {
  title: 'Host elements/Widget frame',
  component: 'pb-widget-frame',
  argTypes: {
    status: {
      control: 'select',
      options: ['queued', 'loading', 'connecting', 'ready', 'error', 'timeout'],
    },
  },
  args: { appName: 'Delivery tracker', errorMessage: '' },
  render: ({ status, appName, errorMessage }) => html`
    <pb-widget-frame
      status=${status}
      app-id="delivery-tracker"
      app-name=${appName}
      error-message=${errorMessage}
      style="max-width: 420px"
    >
      <div style="padding: 12px">Shipment 4 of 5 delivered.</div>
    </pb-widget-frame>
  `,
};
export default meta;

type Story = StoryObj<WidgetFrameArgs>;

export const Loading: Story = { args: { status: 'loading' } };
export const Ready: Story = { args: { status: 'ready' } };
export const LoadError: Story = {
  name: 'Error',
  args: { status: 'error', errorMessage: 'HTTP 500' },
};
export const Timeout: Story = { args: { status: 'timeout' } };
