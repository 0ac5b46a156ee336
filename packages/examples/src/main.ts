import { html, render } from 'lit';
import { host, installVendorApps, recordTraffic } from './host.js';
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
