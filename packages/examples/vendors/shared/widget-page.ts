// What both example vendor apps share: connecting, rendering for the current
// entity on every open, theme tokens as CSS custom properties, and a clear
// message when the page is opened outside a host.
import {
  connect,
  PlugboardError,
  type WidgetClient,
  type WidgetContext,
} from '@plugboard/widget-sdk';

/** Renders the widget for the client's current context. */
export type Render = (client: WidgetClient, root: HTMLElement) => Promise<void>;

function applyTheme(context: WidgetContext): void {
  const { style, dataset } = document.documentElement;
  dataset['theme'] = context.theme.mode;
  for (const [token, value] of Object.entries(context.theme.tokens))
    style.setProperty(`--${token}`, value);
}

export async function startWidget(render: Render): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  let client: WidgetClient;
  try {
    // Example apps trust the page that embeds them; a production widget
    // passes its hosts' origins: connect({ hostOrigins: ['https://…'] }).
    client = await connect();
  } catch (error) {
    root.textContent =
      error instanceof PlugboardError && error.code === 'unsupported'
        ? 'This page is a Plugboard widget: open it inside the Order desk demo.'
        : `Could not connect to the host: ${(error as Error).message}`;
    return;
  }
  const show = async () => {
    applyTheme(client.context);
    root.setAttribute('aria-busy', 'true');
    try {
      await render(client, root);
    } catch (error) {
      root.textContent = `Something went wrong: ${(error as Error).message}`;
    } finally {
      root.removeAttribute('aria-busy');
    }
  };
  client.handle('open', show);
  client.handle('contextChanged', show);
  await show();
}

export { actionButton } from './action-button.js';
export { hashOf } from './hash.js';
