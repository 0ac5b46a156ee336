import { expect } from 'chai';
import { connect, PROTOCOL_VERSION } from '@plugboard/widget-sdk';
import { closeBridges, openBridge, openConnectedBridge } from '../support/bridge.js';
import { testContext } from '../support/context.js';
import { expectFixtureError, rejection } from '../support/errors.js';
import { hostOrigin } from '../support/origins.js';

describe('bridge handshake', () => {
  afterEach(closeBridges);

  it('hands the widget its context and agrees a protocol version', async () => {
    const context = testContext({ entity: { type: 'customerorder', id: '7' } });
    const bridge = await openBridge({ context });
    const connected = await bridge.widget.value<{ context: unknown; protocolVersion: number }>(
      'connect',
      { hostOrigins: [hostOrigin] },
    );
    expect(connected.context).to.deep.equal(context);
    expect(connected.protocolVersion).to.equal(PROTOCOL_VERSION);
    expect(await bridge.connection.ready).to.deep.equal({ protocolVersion: PROTOCOL_VERSION });
  });

  it("hands host services the calling widget's current context", async () => {
    const context = testContext({ entity: { type: 'customerorder', id: '11' } });
    const seen: unknown[] = [];
    const bridge = await openBridge({
      context,
      permissions: ['storage'],
      services: {
        'storage.get': (_params, call) => {
          seen.push(call.context);
          return null;
        },
      },
    });
    await bridge.widget.value('connect', { hostOrigins: [hostOrigin] });
    await bridge.widget.value('call', { method: 'storage.get', params: { key: 'k' } });
    expect(seen).to.deep.equal([context]);
  });

  it('round-trips ping both ways', async () => {
    const bridge = await openConnectedBridge();
    expect(await bridge.widget.value('call', { method: 'ping' })).to.equal('pong');
    expect(await bridge.connection.call('ping', undefined)).to.equal('pong');
  });

  it('sends open with a new context to the live widget, which updates client.context', async () => {
    const bridge = await openConnectedBridge();
    await bridge.widget.value('handle', { method: 'open' });
    const next = testContext({ entity: { type: 'customerorder', id: '43' } });
    await bridge.connection.call('open', next);
    expect(await bridge.widget.value('context')).to.deep.equal(next);
    expect(await bridge.widget.value('recorded')).to.deep.equal([{ method: 'open', params: next }]);
  });

  it('updates client.context on contextChanged even without a handler', async () => {
    const bridge = await openConnectedBridge();
    const dark = testContext({ theme: { mode: 'dark', tokens: { 'color-text': '#f2f4f7' } } });
    await bridge.connection.call('contextChanged', dark);
    expect(await bridge.widget.value('context')).to.deep.equal(dark);
  });

  it('rejects ready with timeout when the widget never answers the handshake', async () => {
    const bridge = await openBridge({ limits: { handshakeTimeoutMs: 300 } });
    const error = await rejection(bridge.connection.ready);
    expect(error.code).to.equal('timeout');
    expect(error.message).to.contain(
      'Delivery tracker did not complete the handshake within 300 ms',
    );
  });

  it('refuses a widget that speaks protocol 999 with version_mismatch naming both versions', async () => {
    const bridge = await openBridge();
    const reply = await bridge.widget.value<{
      ok: boolean;
      error: { code: string; message: string };
    }>('helloWithProtocol', { hostOrigin, min: 999, max: 999 });
    expect(reply.ok).to.equal(false);
    expect(reply.error.code).to.equal('version_mismatch');
    expect(reply.error.message).to.contain('999').and.to.contain(`host speaks ${PROTOCOL_VERSION}`);
    const error = await rejection(bridge.connection.ready);
    expect(error.code).to.equal('version_mismatch');
    expect(error.message).to.contain('999');
  });

  it('refuses a widget of protocol 2, whose storage and messages read otherwise', async () => {
    const bridge = await openBridge();
    const reply = await bridge.widget.value<{ ok: boolean; error: { code: string } }>(
      'helloWithProtocol',
      { hostOrigin, min: 2, max: 2 },
    );
    expect(reply.ok).to.equal(false);
    expect(reply.error.code).to.equal('version_mismatch');
  });

  it('agrees the newest common version with a widget that speaks a range', async () => {
    const bridge = await openBridge();
    const reply = await bridge.widget.value<{ ok: boolean; value: { protocolVersion: number } }>(
      'helloWithProtocol',
      { hostOrigin, min: 1, max: 999 },
    );
    expect(reply.ok).to.equal(true);
    expect(reply.value.protocolVersion).to.equal(PROTOCOL_VERSION);
  });

  it('refuses connect() outside an iframe', async () => {
    expect(window.parent).to.equal(window);
    const error = await rejection(connect());
    expect(error.code).to.equal('unsupported');
    expect(error.message).to.contain('not in an iframe');
  });

  it('refuses a second connect() with busy', async () => {
    const bridge = await openConnectedBridge();
    const second = await bridge.widget.run('connectAgain', { hostOrigins: [hostOrigin] });
    expect(expectFixtureError(second, 'busy')).to.contain('already called');
  });

  it('times out connect() when no host answers', async () => {
    const bridge = await openBridge({ manifestOrigin: 'https://not-this.example' });
    const result = await bridge.widget.run('connect', {
      hostOrigins: [hostOrigin],
      handshakeTimeoutMs: 300,
    });
    expect(expectFixtureError(result, 'timeout')).to.contain(
      'No Plugboard host answered within 300 ms',
    );
  });
});
