import { html, LitElement, render } from 'lit';
import { applyAppearance, LOCALES, THEMES } from './appearance.js';
import { host, installVendorApps, recordTraffic, telemetry } from './host.js';
import { onRoute, setLeaveGuard } from './router.js';
import {
  counterpartiesPage,
  counterpartyCard,
  goodsCard,
  goodsPage,
  notFound,
  orderCard,
  ordersPage,
} from './views.js';

const app = document.getElementById('app');
const problems = document.getElementById('problems');
if (!app || !problems) throw new Error('index.html lacks #app or #problems');
host.attach(app);
// A card with unsaved work asks before the user leaves it.
setLeaveGuard(() => host.confirmLeave());

function page(path: string) {
  const order = /^\/orders\/([^/]+)$/.exec(path);
  if (order?.[1]) return orderCard(order[1]);
  const counterparty = /^\/counterparties\/([^/]+)$/.exec(path);
  if (counterparty?.[1]) return counterpartyCard(counterparty[1]);
  if (path === '/' || path === '/orders') return ordersPage();
  if (path === '/counterparties') return counterpartiesPage();
  const good = /^\/goods\/([^/]+)$/.exec(path);
  if (good?.[1]) return goodsCard(good[1]);
  if (path === '/goods') return goodsPage();
  return notFound();
}

// The header's theme and language: the page, Plugboard's elements and every
// live widget follow at once, with no reload (a card's unsaved edits stay).
const { theme, locale } = host.store.getState().context;
applyAppearance(theme, locale);
render(
  html`<label
      >Theme
      <select
        id="theme"
        @change=${(event: Event) => {
          const mode = (event.target as HTMLSelectElement).value === 'dark' ? 'dark' : 'light';
          void switchTo({ theme: THEMES[mode] });
        }}
      >
        ${Object.keys(THEMES).map(
          (mode) => html`<option value=${mode} ?selected=${mode === theme.mode}>${mode}</option>`,
        )}
      </select></label
    >
    <label
      >Language
      <select
        id="locale"
        @change=${(event: Event) => void switchTo({ locale: (event.target as HTMLSelectElement).value })}
      >
        ${Object.entries(LOCALES).map(
          ([tag, name]) => html`<option value=${tag} ?selected=${tag === locale}>${name}</option>`,
        )}
      </select></label
    >`,
  document.getElementById('appearance') as HTMLElement,
);

async function switchTo(changes: Parameters<typeof host.setContext>[0]): Promise<void> {
  await host.setContext(changes);
  const now = host.store.getState().context;
  applyAppearance(now.theme, now.locale);
  // Order desk's own amounts are in the page's language: its elements render again.
  render(page(path), app as HTMLElement);
  for (const element of (app as HTMLElement).querySelectorAll('*')) {
    if (element instanceof LitElement) element.requestUpdate();
  }
}

let path = location.pathname;
onRoute((to) => {
  path = to;
  render(page(path), app);
  document.title = `${path.startsWith('/orders/') ? 'Order' : 'Order desk'} · Plugboard demo`;
});

// The bridge inspector (Plugboard's <pb-inspector>), on the header's button
// or with ?inspect in the URL: it loads when first switched on, and records
// from then on.
const inspect = document.getElementById('inspect');
const dock = document.getElementById('inspector');
async function showInspector(on: boolean): Promise<void> {
  if (!inspect || !dock) return;
  inspect.setAttribute('aria-pressed', String(on));
  dock.hidden = !on;
  if (!on) {
    recordTraffic(undefined);
    dock.replaceChildren();
    return;
  }
  const { TrafficRecorder } = await import('@plugboard/host-runtime/inspector');
  const traffic = new TrafficRecorder();
  traffic.attach(host);
  recordTraffic(traffic.log);
  const inspector = document.createElement('pb-inspector');
  inspector.traffic = traffic;
  inspector.telemetry = telemetry;
  dock.replaceChildren(inspector);
}
inspect?.addEventListener('click', () => {
  void showInspector(inspect.getAttribute('aria-pressed') !== 'true');
});
if (new URLSearchParams(location.search).has('inspect')) void showInspector(true);

const found = await installVendorApps(import.meta.env.VITE_VENDOR_ORIGIN);
render(
  found.map((problem) => html`<pre role="alert">${problem}</pre>`),
  problems,
);
// The apps are in: render the page again with their columns and actions.
render(page(path), app);

// The dialog layer loads at the first dialog; fetch it while the page is
// idle, so the first "Change carrier…" opens at once.
requestIdleCallback(() => void host.dialogs.load());
