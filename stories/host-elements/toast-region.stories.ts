import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  createHost,
  type HostToastRegionElement,
  type HostToastTone,
} from '@plugboard/host-runtime';

interface ToastArgs {
  message: string;
  appName: string;
  tone: HostToastTone;
}

/**
 * `<pb-toast-region>`: where widgets' `toasts.show` appear, unless the host
 * shows toasts its own way. Each names its app; errors are announced
 * assertively, the rest politely; hovering or focusing a toast stops its
 * clock. Press the button to show another.
 */
const meta: Meta<ToastArgs> = {
  title: 'Host elements/Toast region',
  component: 'pb-toast-region',
  // The element loads with a host's first toast, or ahead with loadToasts().
  loaders: [
    () => createHost({ extensionPoints: [], user: { id: 'u', name: 'Designer' } }).loadToasts(),
  ],
  argTypes: {
    tone: { control: 'select', options: ['info', 'success', 'warning', 'error'] },
  },
  args: {
    message: 'Customer notified about SO-00007.',
    appName: 'Delivery tracker',
    tone: 'success',
  },
  render: ({ message, appName, tone }) => {
    const show = (event: Event) => {
      const story = (event.target as HTMLElement).closest('.toast-story');
      story
        ?.querySelector<HostToastRegionElement>('pb-toast-region')
        ?.show({ message, appName, tone });
    };
    // One of each tone at first, long-lived, so that every state is on screen.
    const region = document.createElement('pb-toast-region');
    for (const shown of ['info', 'success', 'warning', 'error'] as const) {
      region.show({ message: `${shown}: ${message}`, appName, tone: shown, durationMs: 600_000 });
    }
    return html`<div class="toast-story" style="min-height: 320px">
      <button type="button" @click=${show}>Show a toast</button>
      ${region}
    </div>`;
  },
};
export default meta;

export const Tones: StoryObj<ToastArgs> = {};
