import { expect } from 'chai';
import {
  PlugboardError,
  type HostSelectorSource,
  type HostServices,
} from '@plugboard/host-runtime';
import { createMockHost, MOCK_THEMES, type MockHost } from '@plugboard/host-runtime/testing';
import { testContext } from '../support/context.js';
import { waitFor } from '../support/fixture-events.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

type Entity = { type: string; id: string } | null;

/** Calls a mock host service as the bridge would for a widget showing `entity`. */
function service<M extends keyof HostServices>(host: MockHost, method: M, entity: Entity) {
  const handler = host.options.services?.[method];
  if (!handler) throw new Error(`no ${method} service`);
  return (params: Parameters<NonNullable<HostServices[M]>>[0]) =>
    (handler as (p: unknown, c: unknown) => Promise<unknown>)(params, {
      appId: 'app',
      instanceId: 'w',
      context: testContext({ entity }),
      signal: new AbortController().signal,
    });
}

describe('createMockHost', () => {
  it('answers entity.get from its entities, and records the call', async () => {
    const host = createMockHost({ entities: { customerorder: { '7': { number: 'SO-7' } } } });
    expect(
      await service(host, 'entity.get', { type: 'customerorder', id: '7' })(undefined),
    ).to.deep.equal({
      type: 'customerorder',
      id: '7',
      data: { number: 'SO-7' },
    });
    expect(host.calls).to.deep.equal([{ method: 'entity.get', params: undefined, appId: 'app' }]);
  });

  it('answers not_found for an entity it does not have', async () => {
    const host = createMockHost();
    let error: unknown;
    await service(host, 'entity.get', { type: 'customerorder', id: 'nope' })(undefined).catch(
      (caught: unknown) => (error = caught),
    );
    expect((error as PlugboardError).code).to.equal('not_found');
  });

  it('has a selector per entity type over its entities, for the default picker', async () => {
    const host = createMockHost({
      entities: {
        counterparty: { c1: { name: 'Northwind', city: 'Lisbon' }, c2: { name: 'Kestrel' } },
      },
    });
    const source = host.options.selectors?.['counterparty'] as HostSelectorSource;
    const signal = new AbortController().signal;
    expect(await source.search('lisbon', { filter: {}, signal })).to.deep.equal([
      { id: 'c1', name: 'Northwind' },
    ]);
    expect(await source.resolve?.(['c2', 'gone'], { signal })).to.deep.equal([
      { id: 'c2', name: 'Kestrel' },
    ]);
    expect(Object.keys(host.options.selectors ?? {})).to.include.members([
      'counterparty',
      'customerorder',
    ]);
  });

  it('keeps storage between calls, after its latency', async () => {
    const host = createMockHost({ latencyMs: 50 });
    expect(await service(host, 'storage.set', null)({ key: 'k', value: [1, 2] })).to.deep.equal({
      version: 1,
    });
    expect(await service(host, 'storage.get', null)({ key: 'k' })).to.deep.equal({
      value: [1, 2],
      version: 1,
    });
  });

  it('fails every service with host_error when asked to', async () => {
    const host = createMockHost({ failure: 'service-error' });
    let error: unknown;
    await service(host, 'entity.get', { type: 'customerorder', id: '1' })(undefined).catch(
      (caught: unknown) => (error = caught),
    );
    expect(error).to.be.instanceOf(PlugboardError);
    expect((error as PlugboardError).code).to.equal('host_error');
  });

  it('gives the theme it was given, with the tokens widgets receive', () => {
    const host = createMockHost({ theme: MOCK_THEMES.dark });
    expect(host.options.theme?.tokens['color-surface']).to.equal('#101828');
  });

  it('times out every widget handshake when asked to', async () => {
    const host = createMockHost({ failure: 'handshake-timeout' });
    host.install({
      manifestVersion: 1,
      id: 'late',
      name: 'Late',
      version: '1.0.0',
      vendor: { name: 'V', url: 'https://v.example', email: 'v@v.example' },
      origin: fixtureOrigin,
      widgets: [
        {
          id: 'panel',
          point: 'customerorder.card',
          url: `${fixtureOrigin}/test/fixtures/auto-widget.html?host=${encodeURIComponent(hostOrigin)}`,
          height: { min: 40, max: 200, initial: 80 },
        },
      ],
      permissions: [],
    });
    const root = document.createElement('div');
    document.body.append(root);
    host.attach(root);
    const slot = document.createElement('pb-panel-slot');
    slot.point = 'customerorder.card';
    slot.entityId = '1';
    root.append(slot);
    try {
      await waitFor(
        () =>
          slot.shadowRoot?.querySelector('pb-widget-frame')?.getAttribute('status') === 'timeout',
        'the widget to time out',
      );
    } finally {
      root.remove();
    }
  });
});
