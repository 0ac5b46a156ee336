// The bridge inspector: a cross-origin widget's calls, and the host's calls
// to it, recorded from the host's debug log and shown by <pb-inspector>,
// each with its app, direction, method, outcome and sizes; refusals marked;
// filters, pause and clear.
import { expect } from 'chai';
import { HostInspectorElement, TrafficRecorder } from '@plugboard/host-runtime/inspector';
import { waitFor } from '../support/fixture-events.js';
import type { FixtureWidget } from '../support/fixture-widget.js';
import { addSlot, cleanUp, commandedFixture, manifest, setup } from '../support/host-page.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

async function inspected() {
  const traffic = new TrafficRecorder();
  const { host, root } = setup({
    debug: traffic.log,
    services: {
      'entity.get': () => ({ type: 'customerorder', id: '42', data: { total: 5 } }),
    },
  });
  traffic.attach(host);
  host.install({
    ...manifest('watched', { url: `${fixtureOrigin}/test/fixtures/widget.html` }),
    permissions: ['entity:read'],
  });
  const slot = addSlot(root);
  const widget = await commandedFixture(slot);
  await widget.value('connect', { hostOrigins: [hostOrigin] });
  const inspector = document.createElement('pb-inspector');
  inspector.traffic = traffic;
  root.append(inspector);
  return { traffic, inspector, widget, slot };
}

/** Has the widget show a toast, which its app may not: the refusal's message. */
const refusal = (widget: FixtureWidget) =>
  widget.value('call', { method: 'toasts.show', params: { message: 'Hi' } }).then(
    () => 'shown',
    (error: unknown) => (error as Error).message,
  );

const rows = (inspector: HostInspectorElement) => [
  ...(inspector.shadowRoot?.querySelectorAll('tbody tr') ?? []),
];
const cellsOf = (row: Element) =>
  [...row.querySelectorAll('td')].map((td) => td.textContent.trim());

describe('<pb-inspector>', () => {
  afterEach(cleanUp);

  it("shows a widget's call with its app, outcome and sizes, and a refused one, marked", async () => {
    const { inspector, widget, slot } = await inspected();
    await widget.value('call', { method: 'entity.get' });
    // No toasts permission: the host refuses.
    expect(await refusal(widget)).to.contain('needs the "toasts" permission');
    await waitFor(
      () => rows(inspector).some((row) => row.getAttribute('data-method') === 'toasts.show'),
      'the refused call in the inspector',
    );
    await inspector.updateComplete;
    const get = rows(inspector).find((row) => row.getAttribute('data-method') === 'entity.get');
    expect(get, 'entity.get listed').to.not.equal(undefined);
    const [, app, widgetId, direction, method, , outcome, sent, answer] = cellsOf(get as Element);
    expect([app, widgetId, direction, method, outcome]).to.deep.equal([
      'App watched',
      'panel',
      'widget→host',
      'entity.get',
      'ok',
    ]);
    expect(sent).to.equal('0 B');
    expect(answer).to.match(/^\d+ B$/);
    const refused = rows(inspector).find(
      (row) => row.getAttribute('data-method') === 'toasts.show',
    );
    expect(cellsOf(refused as Element)[6]).to.equal('permission_denied (refused)');
    // Its details: what was sent and why it failed.
    (refused?.querySelector('button') as HTMLButtonElement).click();
    await inspector.updateComplete;
    const details = inspector.shadowRoot?.querySelector('pre')?.textContent ?? '';
    expect(details).to.contain('"message": "Hi"');
    expect(details).to.match(/error permission_denied: .*toasts/);
    // The host's own calls to the widget are there too: another order, `open`.
    slot.entityId = '43';
    await waitFor(
      () =>
        inspector.shownCalls.some(
          (call) => call.direction === 'host→widget' && call.method === 'open',
        ),
      "the host's open",
    );
  });

  it('filters by text, app, direction and outcome; pauses the view and clears the recording', async () => {
    const { inspector, widget, traffic } = await inspected();
    await widget.value('call', { method: 'entity.get' });
    await refusal(widget);
    await waitFor(() => traffic.calls.length >= 2, 'the calls recorded');
    inspector.outcome = 'refused';
    await inspector.updateComplete;
    expect(inspector.shownCalls.map((call) => call.method)).to.deep.equal(['toasts.show']);
    inspector.outcome = 'all';
    inspector.direction = 'widget→host';
    inspector.query = 'entity';
    await inspector.updateComplete;
    expect(inspector.shownCalls.map((call) => call.method)).to.deep.equal(['entity.get']);
    inspector.app = 'another-app';
    await inspector.updateComplete;
    expect(rows(inspector)).to.have.length(0);
    expect(inspector.shadowRoot?.querySelector('.empty')?.textContent.trim()).to.equal(
      'No calls yet.',
    );
    inspector.app = '';
    inspector.query = '';
    inspector.paused = true;
    await inspector.updateComplete;
    const held = inspector.shownCalls.length;
    await widget.value('call', { method: 'entity.get' });
    await waitFor(
      () => traffic.calls.filter((c) => c.method === 'entity.get').length === 2,
      'a call',
    );
    await inspector.updateComplete;
    expect(inspector.shownCalls).to.have.length(held);
    inspector.paused = false;
    await inspector.updateComplete;
    expect(inspector.shownCalls).to.have.length(held + 1);
    const clear = [...(inspector.shadowRoot?.querySelectorAll('button') ?? [])].find(
      (button) => button.textContent.trim() === 'Clear',
    );
    clear?.click();
    await inspector.updateComplete;
    expect(traffic.calls).to.have.length(0);
    expect(rows(inspector)).to.have.length(0);
  });
});
