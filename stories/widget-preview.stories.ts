import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { HostManifestError, type HostManifest } from '@plugboard/host-runtime';
import { MOCK_EXTENSION_POINTS } from '@plugboard/host-runtime/testing';
import { renderWithMockHost, type WidgetStoryArgs } from './support/mock-host-story.js';
import { vendorOrigin } from './support/vendor-apps.js';

interface PreviewArgs extends WidgetStoryArgs {
  /** The widget page to preview: any URL on another origin than Storybook's. */
  url: string;
  point: string;
}

function previewManifest(url: string, point: string): HostManifest {
  return {
    manifestVersion: 1,
    id: 'preview',
    name: 'Widget preview',
    version: '0.0.0',
    vendor: { name: 'You', url: 'https://example.com', email: 'you@example.com' },
    origin: new URL(url).origin,
    widgets: [{ id: 'preview', point, url, height: { min: 40, max: 2000, initial: 200 } }],
    permissions: [
      'entity:read',
      'entity:write',
      'toasts',
      'navigation',
      'messages',
      'storage',
      'identity',
      'dialogs',
      // Order desk's selectors.
      'selectors:goods',
      'selectors:counterparty',
      'selectors:goodFolder',
    ],
  };
}

function message(text: string): HTMLElement {
  const element = document.createElement('p');
  element.setAttribute('role', 'alert');
  element.style.cssText = 'color:#b42318;white-space:pre-wrap;font:14px sans-serif';
  element.textContent = text;
  return element;
}

/**
 * Paste the URL of a widget you are building, pick an extension point and an
 * entity, and see it run with a mock host. Serve your page from another
 * origin than Storybook's (another host name or port): widgets always run
 * cross-origin, sandboxed. Toasts, standard dialogs and pickers (Order
 * desk's `goods`, `counterparty` and `goodFolder` selectors) show for real.
 */
const meta: Meta<PreviewArgs> = {
  title: 'Tools/Widget preview',
  argTypes: {
    url: { control: 'text' },
    point: { control: 'select', options: MOCK_EXTENSION_POINTS.map((p) => p.id) },
    entityId: { name: 'entity id', control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 240, max: 960, step: 20 } },
    latency: { control: { type: 'range', min: 0, max: 3000, step: 100 } },
    failure: { control: 'select', options: ['none', 'handshake-timeout', 'service-error'] },
  },
  args: {
    url: `${vendorOrigin()}/delivery-tracker/index.html`,
    point: 'customerorder.card',
    entityId: '1',
    theme: 'light',
    locale: 'en-GB',
    width: 480,
    latency: 0,
    failure: 'none',
  },
  render: (args) => {
    if (!URL.canParse(args.url)) return message(`"${args.url}" is not a URL.`);
    if (new URL(args.url).origin === location.origin) {
      return message(
        `Serve the widget from another origin than Storybook's (${location.origin}): a widget on the host's origin cannot run sandboxed.`,
      );
    }
    try {
      return renderWithMockHost([previewManifest(args.url, args.point)], args.point, args);
    } catch (error) {
      return message(error instanceof HostManifestError ? error.message : String(error));
    }
  },
};
export default meta;

export const WidgetPreview: StoryObj<PreviewArgs> = {
  name: 'Widget preview',
  tags: ['expect-ready'],
};
