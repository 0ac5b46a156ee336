// What a widget's page does not catch reaches the host (diagnostics.report,
// sent by the SDK): a browser that denies the frame its own storage, as the
// test browser does (third-party storage blocked, as in Safari), told apart.
import { expect } from 'chai';
import type { HostWidgetError } from '@plugboard/host-runtime';
import { waitFor } from '../support/fixture-events.js';
import { addSlot, cleanUp, commandedFixture, manifest, setup } from '../support/host-page.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

describe("widgets' uncaught errors", () => {
  afterEach(cleanUp);

  it('reach the host, a denied storage told apart, at most 10 a page', async () => {
    const reports: HostWidgetError[] = [];
    const { host, root } = setup({ onWidgetError: (report) => reports.push(report) });
    host.install({
      ...manifest('tripper', { url: `${fixtureOrigin}/test/fixtures/widget.html` }),
      name: 'Tripper',
    });
    const widget = await commandedFixture(addSlot(root));
    await widget.value('connect', { hostOrigins: [hostOrigin] });
    await widget.value('failLater', { what: 'storage' });
    await waitFor(() => reports.length === 1, 'the storage report');
    expect(reports[0]).to.deep.include({
      appId: 'tripper',
      appName: 'Tripper',
      kind: 'storage-denied',
    });
    expect(reports[0]?.message).to.match(/^SecurityError: .*sessionStorage.*Access is denied/);
    for (let i = 0; i < 12; i++) await widget.value('failLater', { what: 'bug' });
    await waitFor(
      () => reports.length === 10,
      () => `10 reports (got ${reports.length})`,
    );
    expect(reports[1]).to.deep.include({
      kind: 'error',
      message: 'Error: fixture: a bug in the widget',
    });
    // The page keeps failing; the host hears no more of it.
    await widget.value('call', { method: 'ping' });
    expect(reports).to.have.length(10);
  });
});
