import { expect } from 'chai';
import type { HostServices } from '@plugboard/host-runtime';
import { closeBridges, openBridge } from '../support/bridge.js';
import { expectFixtureError, rejection } from '../support/errors.js';
import { loadFixtureWidget, type FixtureWidget } from '../support/fixture-widget.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

/** Host services that count every call that reaches them. */
function countingServices(): { services: HostServices; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    services: {
      'storage.get': ({ key }) => {
        calls.push(`storage.get ${key}`);
        return null;
      },
    },
  };
}

describe('bridge security', () => {
  const extra: FixtureWidget[] = [];
  afterEach(() => {
    closeBridges();
    for (const widget of extra.splice(0)) widget.remove();
  });

  it('ignores the right window speaking from an origin other than the manifest', async () => {
    const { services, calls } = countingServices();
    // The page really loads from the host's own origin; the manifest says the fixture origin.
    const bridge = await openBridge({
      services,
      permissions: ['storage'],
      widgetOrigin: hostOrigin,
      limits: { handshakeTimeoutMs: 600 },
    });
    const result = await bridge.widget.run('connect', {
      hostOrigins: [hostOrigin],
      handshakeTimeoutMs: 500,
    });
    expectFixtureError(result, 'timeout');
    expect(
      (await bridge.widget.run('call', { method: 'storage.get', params: { key: 'k' } })).ok,
    ).to.equal(false);
    expect((await rejection(bridge.connection.ready)).code).to.equal('timeout');
    expect(calls).to.deep.equal([]);
  });

  it('ignores another window on the manifest origin', async () => {
    const { services, calls } = countingServices();
    const bridge = await openBridge({ services, permissions: ['storage'] });
    const intruder = await loadFixtureWidget(fixtureOrigin);
    extra.push(intruder);
    const result = await intruder.run('connect', {
      hostOrigins: [hostOrigin],
      handshakeTimeoutMs: 500,
    });
    expectFixtureError(result, 'timeout');
    expect(calls).to.deep.equal([]);
    // The connection is still waiting for its own widget, which can connect.
    await bridge.widget.value('connect', { hostOrigins: [hostOrigin] });
    await bridge.connection.ready;
    await bridge.widget.value('call', { method: 'storage.get', params: { key: 'mine' } });
    expect(calls).to.deep.equal(['storage.get mine']);
  });

  it('lets a widget refuse a host that is not in its hostOrigins, and say why in the console', async () => {
    const bridge = await openBridge({ limits: { handshakeTimeoutMs: 600 } });
    const result = await bridge.widget.run('connect', { hostOrigins: ['https://orders.example'] });
    expect(expectFixtureError(result, 'permission_denied'))
      .to.contain(hostOrigin)
      .and.to.contain('https://orders.example');
    const logged = await bridge.widget.value<string[]>('consoleErrors');
    expect(
      logged.some((line) => line.includes('Refusing to connect') && line.includes(hostOrigin)),
    ).to.equal(true);
    expect((await rejection(bridge.connection.ready)).code).to.equal('timeout');
  });

  for (const bad of ['*', 'https://*.example', 'https://orders.example/path', 'null']) {
    it(`refuses hostOrigins entry ${JSON.stringify(bad)} with invalid_params`, async () => {
      const bridge = await openBridge();
      const result = await bridge.widget.run('connect', { hostOrigins: [hostOrigin, bad] });
      expect(expectFixtureError(result, 'invalid_params')).to.contain(JSON.stringify(bad));
    });
  }
});
