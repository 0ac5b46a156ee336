import { expect } from 'chai';
import type { HostOptions } from '@plugboard/host-runtime';
import { expectFixtureError } from '../support/errors.js';
import {
  addSlot,
  cleanUp,
  commandedFixture,
  frameWithStatus,
  manifest,
  setup,
} from '../support/host-page.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

/** A mounted, connected widget of an app with the navigation permission. */
async function navigatingWidget(options: Partial<HostOptions>) {
  const { host, root } = setup(options);
  host.install({
    ...manifest('navigator', { url: `${fixtureOrigin}/test/fixtures/widget.html` }),
    permissions: ['navigation'],
  });
  const slot = addSlot(root);
  const widget = await commandedFixture(slot);
  await widget.value('connect', { hostOrigins: [hostOrigin] });
  await frameWithStatus(slot, 'ready');
  return widget;
}

describe("createHost's navigate", () => {
  afterEach(cleanUp);

  it('gets the normalised path and whether to open a new tab', async () => {
    const went: [string, boolean][] = [];
    const widget = await navigatingWidget({
      navigate: (path, { newTab }) => {
        went.push([path, newTab]);
        return true;
      },
    });
    await widget.value('call', { method: 'navigation.go', params: { to: '/orders/../orders/7' } });
    await widget.value('call', {
      method: 'navigation.go',
      params: { to: '/counterparties/c1', newTab: true },
    });
    expect(went).to.deep.equal([
      ['/orders/7', false],
      ['/counterparties/c1', true],
    ]);
  });

  it('answers not_found for a path the host has no page for', async () => {
    const widget = await navigatingWidget({ navigate: (path) => path.startsWith('/orders') });
    const message = expectFixtureError(
      await widget.run('call', { method: 'navigation.go', params: { to: '/nowhere' } }),
      'not_found',
    );
    expect(message).to.equal('This host has no page at /nowhere.');
  });

  it('yields to a navigation.go service the host lends itself', async () => {
    const went: string[] = [];
    const widget = await navigatingWidget({
      navigate: () => false,
      services: {
        'navigation.go': ({ to }) => {
          went.push(to);
        },
      },
    });
    await widget.value('call', { method: 'navigation.go', params: { to: '/orders' } });
    expect(went).to.deep.equal(['/orders']);
  });

  it('is unsupported when the host has neither', async () => {
    const widget = await navigatingWidget({});
    expectFixtureError(
      await widget.run('call', { method: 'navigation.go', params: { to: '/orders' } }),
      'unsupported',
    );
  });
});
