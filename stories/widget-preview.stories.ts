import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@plugboard/host-runtime'; // <pb-panel-slot>
import { HostManifestError, validateManifest } from '@plugboard/host-runtime/manifest';
import type { HostManifest } from '@plugboard/host-runtime';
import { MOCK_EXTENSION_POINTS } from '@plugboard/host-runtime/testing';
import { mountWithMockHost, type WidgetStoryArgs } from './support/mock-host-story.js';
import { vendorManifest, vendorOrigin } from './support/vendor-apps.js';

interface PreviewArgs extends WidgetStoryArgs {
  /**
   * Your app's manifest: its URL, or its JSON pasted here. Its permissions
   * and height bounds hold, as on a host.
   */
  manifest: string;
  /** The manifest's widget to show (its id); empty: its first. */
  widget: string;
  /** With no manifest: a widget page's URL alone, at `point`, with every permission. */
  url: string;
  point: string;
}

/** Every permission, for a page previewed with no manifest. */
const EVERY_PERMISSION = [
  'entity:read',
  'entity:write',
  'toasts',
  'navigation',
  'messages',
  'storage',
  'identity',
  'dialogs',
  'selectors:goods',
  'selectors:counterparty',
  'selectors:goodFolder',
];

function pageManifest(url: string, point: string): HostManifest {
  return {
    manifestVersion: 1,
    id: 'preview',
    name: 'Widget preview',
    version: '0.0.0',
    vendor: { name: 'You', url: 'https://example.com', email: 'you@example.com' },
    origin: new URL(url).origin,
    widgets: [{ id: 'preview', point, url, height: { min: 40, max: 2000, initial: 200 } }],
    permissions: EVERY_PERMISSION,
  };
}

function message(text: string): HTMLElement {
  const element = document.createElement('p');
  element.setAttribute('role', 'alert');
  element.style.cssText = 'color:#b42318;white-space:pre-wrap;font:14px sans-serif';
  element.textContent = text;
  return element;
}

/** The manifest the args name: fetched, parsed and validated, or why not. */
async function manifestOf(args: PreviewArgs): Promise<HostManifest> {
  const source = args.manifest.trim();
  if (source === '') {
    if (!URL.canParse(args.url)) throw new Error(`"${args.url}" is not a URL.`);
    return pageManifest(args.url, args.point);
  }
  let text = source;
  if (!source.startsWith('{')) {
    if (!URL.canParse(source)) {
      throw new Error('manifest: give the manifest’s URL, or paste its JSON (starting with {).');
    }
    const response = await fetch(source).catch((error: unknown) => {
      throw new Error(
        `Could not fetch ${source} (${(error as Error).message}): is it served, and does its server allow other origins (CORS)?`,
        { cause: error },
      );
    });
    if (!response.ok) throw new Error(`${source} answered HTTP ${response.status}.`);
    text = await response.text();
  }
  try {
    return validateManifest(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new Error(`The manifest is not JSON: ${error.message}`, { cause: error });
    throw error;
  }
}

/**
 * What a link may set over the args, from the preview's own URL, for a
 * preview anyone can open: `iframe.html?id=tools-widget-preview--widget-preview&manifest=<url>&widget=<id>&entity=<id>`.
 * (Storybook's own URL args take no URLs.)
 */
function linked(args: PreviewArgs): PreviewArgs {
  const query = new URLSearchParams(location.search);
  return {
    ...args,
    manifest: query.get('manifest') ?? args.manifest,
    widget: query.get('widget') ?? args.widget,
    entityId: query.get('entity') ?? args.entityId,
  };
}

/**
 * The live preview, kept while only the entity (or the width) changes. It
 * lives beside Storybook's canvas, not in it: Storybook may empty the canvas
 * and put the story's element back on any args change, and an iframe taken
 * out of the page reloads. The story's element is a marker; when it leaves
 * the page for good (another story), the preview goes with it.
 */
let live:
  | {
      key: string;
      marker: HTMLElement;
      element: HTMLElement;
      show?: (entityId: string) => void;
      entityId: string;
      watch: ReturnType<typeof setInterval>;
    }
  | undefined;

function dispose(): void {
  if (!live) return;
  clearInterval(live.watch);
  live.element.remove();
  live = undefined;
}

function preview(given: PreviewArgs): HTMLElement {
  const args = linked(given);
  const { entityId, width, ...rest } = args;
  const key = JSON.stringify(rest);
  if (live?.key === key) {
    live.element.style.width = `${width}px`;
    if (live.entityId !== entityId) live.show?.(entityId);
    live.entityId = entityId;
    return live.marker;
  }
  dispose();
  const marker = document.createElement('div');
  marker.style.cssText = 'font:12px system-ui,sans-serif;color:#667085;margin:0 0 8px';
  marker.textContent = 'Loading the manifest…';
  const element = document.createElement('div');
  element.dataset['preview'] = '';
  element.style.cssText = `width:${width}px;padding:0 1rem 1rem`;
  (document.getElementById('storybook-root') ?? document.body).after(element);
  const current: NonNullable<typeof live> = {
    key,
    marker,
    element,
    entityId,
    watch: setInterval(() => {
      if (!marker.isConnected && live === current) dispose();
    }, 500),
  };
  live = current;
  void manifestOf(args)
    .then(
      (manifest) => {
        if (live !== current) return;
        const widget =
          manifest.widgets.find((item) => item.id === args.widget) ?? manifest.widgets[0];
        if (!widget) throw new Error('The manifest has no widget to show.');
        if (new URL(widget.url).origin === location.origin) {
          throw new Error(
            `Serve the widget from another origin than Storybook's (${location.origin}): a widget on the host's origin cannot run sandboxed.`,
          );
        }
        const mounted = mountWithMockHost(
          [manifest],
          widget.point,
          { ...args, entityId: current.entityId },
          {
            draft: widget.point === 'customerorder.card',
            inspect: true,
          },
        );
        current.show = mounted.show;
        mounted.stage.style.width = '100%';
        marker.textContent =
          args.manifest.trim() === ''
            ? 'No manifest: the page has every permission. Give your manifest to preview what it allows.'
            : `${manifest.name}: ${widget.id} at ${widget.point}, with ${manifest.permissions.join(', ') || 'no permissions'}.`;
        element.replaceChildren(mounted.stage);
      },
      (error: unknown) => {
        if (live !== current) return;
        marker.textContent = '';
        marker.append(
          message(error instanceof HostManifestError ? error.message : (error as Error).message),
        );
      },
    )
    .catch((error: unknown) => {
      marker.textContent = '';
      marker.append(message((error as Error).message));
    });
  return marker;
}

/**
 * Preview your widget with a mock host: give your manifest (its URL, or its
 * JSON pasted), pick its widget and an entity. The manifest's permissions
 * and height bounds hold, as on a real host; toasts, dialogs, standard
 * dialogs and pickers (Order desk's `goods`, `counterparty` and
 * `goodFolder` selectors) show for real, and the bridge inspector lists
 * every call. Another entity keeps the live widget, which gets `open`.
 * Serve your pages from another origin than Storybook's. A link to the
 * preview alone: `iframe.html?id=tools-widget-preview--widget-preview&manifest=<url>&entity=<id>`.
 */
const meta: Meta<PreviewArgs> = {
  title: 'Tools/Widget preview',
  argTypes: {
    manifest: { control: 'text' },
    widget: { control: 'text' },
    url: { control: 'text' },
    point: { control: 'select', options: MOCK_EXTENSION_POINTS.map((p) => p.id) },
    entityId: { name: 'entity id', control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 240, max: 960, step: 20 } },
    latency: { control: { type: 'range', min: 0, max: 3000, step: 100 } },
    failure: { control: 'select', options: ['none', 'handshake-timeout', 'service-error'] },
  },
  args: {
    manifest: JSON.stringify(vendorManifest('delivery-tracker')),
    widget: '',
    url: '',
    point: 'customerorder.card',
    entityId: '1',
    theme: 'light',
    locale: 'en-GB',
    width: 480,
    latency: 0,
    failure: 'none',
  },
  render: preview,
};
export default meta;

export const WidgetPreview: StoryObj<PreviewArgs> = {
  name: 'Widget preview',
  tags: ['expect-ready', 'expect-traffic'],
};

/** A manifest that asks for little: the widget's calls past it are refused, and the inspector says so. */
export const FewPermissions: StoryObj<PreviewArgs> = {
  name: 'A manifest with few permissions',
  args: {
    manifest: JSON.stringify(vendorManifest('credit-check', { permissions: ['entity:read'] })),
    point: 'counterparty.card',
    entityId: 'c1',
  },
  tags: ['expect-ready'],
};

/** A page alone, with no manifest: every permission. */
export const PageOnly: StoryObj<PreviewArgs> = {
  name: 'A page with no manifest',
  args: { manifest: '', url: `${vendorOrigin()}/delivery-tracker/index.html` },
  tags: ['expect-ready'],
};
