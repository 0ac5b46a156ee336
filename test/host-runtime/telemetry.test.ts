// HostTelemetry over real cross-origin widgets: time to ready, calls and
// their failures by method, refusals by code, reconnects, a vendor that is
// down, and the inspector's per-app table.
import { expect } from 'chai';
import '@plugboard/host-runtime/inspector';
import type { Host } from '@plugboard/host-runtime';
import { HostTelemetry, type AppTelemetry } from '@plugboard/host-runtime/telemetry';
import { FIXTURE_PAGE } from '../support/dialogs.js';
import { waitFor } from '../support/fixture-events.js';
import {
  addSlot,
  cleanUp,
  cleanups,
  commandedFixture,
  frameWithStatus,
  manifest,
  setup,
  uniqueKey,
} from '../support/host-page.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

function watched() {
  const telemetry = new HostTelemetry();
  const made = setup({ debug: telemetry.log });
  cleanups.push(telemetry.watch(made.host));
  return { telemetry, ...made };
}

/** App `tracker`'s panel, connected and ready. */
async function readyPanel(host: Host, root: HTMLElement) {
  host.install(manifest('tracker', { url: FIXTURE_PAGE }));
  const slot = addSlot(root);
  const widget = await commandedFixture(slot);
  await widget.value('connect', { hostOrigins: [hostOrigin] });
  await frameWithStatus(slot, 'ready');
  return { slot, widget };
}

const appOf = (telemetry: HostTelemetry, appId: string): AppTelemetry | undefined =>
  telemetry.report().apps.find((app) => app.appId === appId);

describe('telemetry', () => {
  afterEach(cleanUp);

  it("records a widget's time to ready, its calls by method, failures and refusals by code", async () => {
    const { telemetry, host, root } = watched();
    const { widget } = await readyPanel(host, root);
    for (let i = 0; i < 3; i++) await widget.value('call', { method: 'ping' });
    // Not in its permissions: refused before any service runs (the fixture's call rejects).
    const refused = (method: string, params: unknown) =>
      widget.value('call', { method, params }).then(
        () => 'answered',
        () => 'refused',
      );
    expect(await refused('storage.set', { key: 'k', value: 1 })).to.equal('refused');
    expect(await refused('toasts.show', { message: 7 })).to.equal('refused');

    const app = appOf(telemetry, 'tracker');
    expect(app?.appName).to.equal('App tracker');
    const [panel] = app?.widgets ?? [];
    expect(panel).to.include({ widgetId: 'panel', loads: 1, reconnects: 0, failures: 0 });
    expect(panel?.timeToReady.count).to.equal(1);
    expect(panel?.timeToReady.p50).to.be.greaterThan(0);
    const method = (name: string) =>
      app?.methods.find((m) => m.method === name && m.direction === 'widget→host');
    expect(method('ping')?.calls).to.equal(3);
    expect(method('ping')?.latency.count).to.equal(3);
    expect(method('ping')?.failures).to.deep.equal({});
    expect(method('storage.set')?.failures).to.deep.equal({ permission_denied: 1 });
    expect(app?.refusals).to.deep.equal({ permission_denied: 2 });
    expect(method('toasts.show')?.failures).to.deep.equal({ permission_denied: 1 });
    // The host's own calls to the widget count too.
    await host.setContext({ locale: 'de-DE' });
    const told = appOf(telemetry, 'tracker')?.methods.find(
      (m) => m.method === 'contextChanged' && m.direction === 'host→widget',
    );
    expect(told).to.deep.include({ calls: 1, failures: {} });
  });

  it('counts a page that went away and came back as a reconnect, and its load once', async () => {
    const { telemetry, host, root } = watched();
    const { slot, widget } = await readyPanel(host, root);
    // The SDK says goodbye on pagehide, and a new page connects.
    await widget.value('destroy');
    await frameWithStatus(slot, 'reconnecting');
    const [panel] = appOf(telemetry, 'tracker')?.widgets ?? [];
    expect(panel).to.include({ reconnects: 1, loads: 1 });
  });

  it("keeps a vendor outage's diagnosis with its app", async () => {
    const key = uniqueKey('vendor');
    await fetch(`/test/outage?key=${key}&down=1`);
    cleanups.push(() => void fetch(`/test/outage?key=${key}&down=0`));
    const { telemetry, host, root } = watched();
    const url = `${fixtureOrigin}/test/vendor/${key}/widget.html`;
    host.install(manifest('down', { url }));
    const slot = addSlot(root);
    await frameWithStatus(slot, 'error');
    await waitFor(() => (appOf(telemetry, 'down')?.widgets[0]?.failures ?? 0) === 1, 'a failure');
    const [panel] = appOf(telemetry, 'down')?.widgets ?? [];
    expect(panel?.diagnoses[0]).to.contain(`Nothing answered at ${url}`);
    expect(panel?.timeToReady.count).to.equal(0);
  });

  it('blames the layout shift after a widget resized, and long tasks while its calls ran, on its app', async () => {
    const telemetry = new HostTelemetry();
    const { host, root } = setup({
      debug: telemetry.log,
      services: {
        // A host service that holds the page's main thread for 120 ms.
        'toasts.show': () => {
          const end = performance.now() + 120;
          while (performance.now() < end);
        },
      },
    });
    cleanups.push(telemetry.watch(host));
    const app = manifest('tracker', { url: FIXTURE_PAGE });
    host.install({ ...app, permissions: [...app.permissions, 'toasts'] });
    const slot = addSlot(root);
    const below = document.createElement('p');
    below.textContent = 'Below the card';
    root.append(below);
    const widget = await commandedFixture(slot);
    await widget.value('connect', { hostOrigins: [hostOrigin], autoResize: false });
    await frameWithStatus(slot, 'ready');
    await new Promise(requestAnimationFrame);
    await widget.value('call', { method: 'widget.resize', params: { height: 360 } });
    await widget.value('call', { method: 'toasts.show', params: { message: 'Busy' } });
    await waitFor(
      () => {
        const seen = appOf(telemetry, 'tracker');
        return (seen?.layoutShift ?? 0) > 0 && (seen?.longTasks.count ?? 0) > 0;
      },
      () => `a shift and a long task (${JSON.stringify(appOf(telemetry, 'tracker'))})`,
    );
    expect(appOf(telemetry, 'tracker')?.longTasks.totalMs).to.be.at.least(100);
  });

  it('shows a row per app in the inspector, and forgets on reset', async () => {
    const { telemetry, host, root } = watched();
    const { widget } = await readyPanel(host, root);
    const inspector = document.createElement('pb-inspector');
    inspector.telemetry = telemetry;
    root.append(inspector);
    await widget.value('call', { method: 'ping' });
    let row: HTMLTableRowElement | null | undefined;
    await waitFor(() => {
      row = inspector.shadowRoot?.querySelector<HTMLTableRowElement>('[data-app="tracker"]');
      return (row?.cells[4]?.textContent.trim() ?? '0') !== '0';
    }, 'the app row with its calls');
    expect(row?.querySelector('th')?.textContent.trim()).to.equal('App tracker');
    telemetry.reset();
    expect(telemetry.report().apps).to.deep.equal([]);
  });
});
