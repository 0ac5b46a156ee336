// Sandbox escapes: a widget mounted by the host tries to navigate the top
// page, read the host's document, submit a form to _top, and reach the host
// through a popup. None of it may work.
import { expect } from 'chai';
import {
  addSlot,
  cleanUp,
  commandedFixture,
  frameWithStatus,
  manifest,
  setup,
} from '../support/host-page.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

describe('sandbox', () => {
  afterEach(cleanUp);

  it('keeps a mounted widget from navigating, reading or reaching the host page', async () => {
    const { host, root } = setup();
    host.install(manifest('escapist', { url: `${fixtureOrigin}/test/fixtures/widget.html` }));
    const slot = addSlot(root);
    const widget = await commandedFixture(slot);
    const iframe = widget.iframe;
    await widget.value('connect', { hostOrigins: [hostOrigin] });
    await frameWithStatus(slot, 'ready');
    const before = location.href;

    const tried = await widget.value<Record<string, string>>('escape', { hostOrigin });

    expect(tried['parent document']).to.equal('refused: SecurityError');
    expect(tried['top document']).to.equal('refused: SecurityError');
    expect(tried['top navigation']).to.match(/^refused/);
    // Either the popup was blocked, or it could not reach the host either.
    if (tried['popup'] === 'allowed: opened') {
      expect(tried['popup: host document']).to.equal('refused: SecurityError');
      expect(tried['popup: host navigation']).to.match(/^refused/);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(location.href).to.equal(before);
    expect(location.hash).to.not.contain('escaped');
    const sandbox = iframe.sandbox;
    expect([...sandbox].sort()).to.deep.equal([
      'allow-downloads',
      'allow-forms',
      'allow-popups',
      'allow-same-origin',
      'allow-scripts',
    ]);
  });
});
