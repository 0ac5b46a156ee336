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
      options: ['queued', 'loading', 'connecting', 'ready', 'reconnecting', 'error', 'timeout'],
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
/** The page went away (navigated, reloaded, closed its connection); the host waits for the next one. */
export const Reconnecting: Story = { args: { status: 'reconnecting' } };
export const LoadError: Story = {
  name: 'Error',
  args: {
    status: 'error',
    errorMessage:
      'It refused to connect to this host: its connect({ hostOrigins }) does not include https://orders.example. The vendor must add https://orders.example to hostOrigins.',
  },
};
export const Timeout: Story = {
  args: {
    status: 'timeout',
    errorMessage:
      'Its page loaded but never started the handshake within 10000 ms: it must call connect() from @plugboard/widget-sdk.',
  },
};
