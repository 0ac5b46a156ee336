import { expect } from 'chai';
import type { TrafficEntry } from '@plugboard/host-runtime';
import { formatDuration } from '@plugboard/widget-sdk/protocol';
import { closeBridges, openConnectedBridge } from '../support/bridge.js';
import { testContext } from '../support/context.js';
import { expectFixtureError, rejection } from '../support/errors.js';

const nextTick = () => new Promise((resolve) => setTimeout(resolve, 20));
const waitForAbort = (signal: AbortSignal) =>
  signal.aborted
    ? Promise.resolve()
    : new Promise((resolve) => {
        signal.addEventListener('abort', resolve, { once: true });
      });

describe('bridge lifecycle', () => {
  afterEach(closeBridges);

  it('destroy() during calls rejects both sides with cancelled and aborts the service', async () => {
    let reached: (signal: AbortSignal) => void = () => undefined;
    const serviceSignal = new Promise<AbortSignal>((resolve) => (reached = resolve));
    const bridge = await openConnectedBridge({
      permissions: ['entity:read'],
      services: {
        'entity.get': (_params, call) => {
          reached(call.signal);
          return new Promise(() => undefined);
        },
      },
    });
    await bridge.widget.value('handle', { method: 'open', behavior: 'hang' });
    const widgetCall = bridge.widget.run('call', { method: 'entity.get' });
    const hostCall = bridge.connection.call('open', testContext());
    const signal = await serviceSignal;
    expect(signal.aborted).to.equal(false);

    bridge.connection.destroy();

    const hostError = await rejection(hostCall);
    expect(hostError.code).to.equal('cancelled');
    expectFixtureError(await widgetCall, 'cancelled');
    expect(signal.aborted).to.equal(true);
  });

  it("a widget's AbortSignal cancels its call on both sides; the host's service hears why", async () => {
    let reached: (signal: AbortSignal) => void = () => undefined;
    const serviceSignal = new Promise<AbortSignal>((resolve) => (reached = resolve));
    const bridge = await openConnectedBridge({
      permissions: ['storage'],
      services: {
        'storage.get': (_params, call) => {
          reached(call.signal);
          return new Promise(() => undefined);
        },
        'storage.set': () => ({ version: 1 }),
      },
    });
    await bridge.widget.value('start', {
      key: 'slow',
      method: 'storage.get',
      params: { key: 'k' },
    });
    const signal = await serviceSignal;
    await bridge.widget.value('abort', { key: 'slow' });
    expect(
      await bridge.widget.value<{ ok: boolean; code: string }>('outcome', { key: 'slow' }),
    ).to.include({ ok: false, code: 'cancelled' });
    await waitForAbort(signal);
    expect((signal.reason as { code?: string }).code).to.equal('cancelled');
    // The connection carries on.
    expect(
      await bridge.widget.value('call', {
        method: 'storage.set',
        params: { key: 'k', value: 1 },
      }),
    ).to.deep.equal({ version: 1 });
  });

  it('facades reach the host method of their service and name, and are never taken for promises', async () => {
    const seen: unknown[] = [];
    const bridge = await openConnectedBridge({
      permissions: ['toasts'],
      services: {
        'toasts.show': (params) => {
          seen.push(params);
        },
      },
    });
    const result = await bridge.widget.value<{ thenable: string; value: unknown }>('facade', {
      service: 'toasts',
      method: 'show',
      params: { message: 'Saved' },
    });
    expect(result.thenable).to.equal('undefined');
    expect(result.value).to.equal(undefined);
    expect(seen).to.deep.equal([{ message: 'Saved' }]);
    // A name the protocol does not have goes to the host as it is, and is refused there.
    const refused = await bridge.widget.run('facade', {
      service: 'toasts',
      method: 'explode',
      params: {},
    });
    expect(refused.ok ? 'ok' : refused.error.code).to.equal('unsupported');
  });

  it('processes no message after destroy()', async () => {
    const calls: string[] = [];
    const bridge = await openConnectedBridge({
      permissions: ['storage'],
      services: {
        'storage.get': ({ key }) => {
          calls.push(key);
          return null;
        },
      },
    });
    await bridge.widget.value('call', { method: 'storage.get', params: { key: 'before' } });
    bridge.connection.destroy();
    await nextTick();
    const after = await bridge.widget.run('call', {
      method: 'storage.get',
      params: { key: 'after' },
    });
    expectFixtureError(after, 'cancelled');
    const hostAfter = await rejection(bridge.connection.call('ping', undefined));
    expect(hostAfter.code).to.equal('cancelled');
    expect(calls).to.deep.equal(['before']);
  });

  it("the widget's destroy() cancels the host's pending calls", async () => {
    const bridge = await openConnectedBridge();
    await bridge.widget.value('handle', { method: 'open', behavior: 'hang' });
    const hostCall = bridge.connection.call('open', testContext());
    await nextTick();
    await bridge.widget.value('destroy');
    expect((await rejection(hostCall)).code).to.equal('cancelled');
  });

  it('times out a host-to-widget call the widget never answers', async () => {
    const bridge = await openConnectedBridge();
    await bridge.widget.value('handle', { method: 'open', behavior: 'hang' });
    const error = await rejection(
      bridge.connection.call('open', testContext(), { timeoutMs: 150 }),
    );
    expect(error.code).to.equal('timeout');
    expect(error.message).to.contain('open');
  });

  it('says a timeout as people read it: a deadline left at 149.87 ms is 150 ms, one of 9999.89 ms is 10 s', async () => {
    const bridge = await openConnectedBridge();
    await bridge.widget.value('handle', { method: 'open', behavior: 'hang' });
    const error = await rejection(
      bridge.connection.call('open', testContext(), { timeoutMs: 149.87 }),
    );
    expect(error.message).to.equal('open got no answer within 150 ms.');
    expect(formatDuration(9999.89)).to.equal('10 s');
    expect(formatDuration(2500)).to.equal('2.5 s');
    expect(formatDuration(0.2)).to.equal('1 ms');
  });

  it("reports a widget handler's exception as an error, not a hang", async () => {
    const bridge = await openConnectedBridge();
    await bridge.widget.value('handle', { method: 'open', behavior: 'throw' });
    const error = await rejection(bridge.connection.call('open', testContext()));
    expect(error.code).to.equal('host_error');
    expect(error.message).to.contain("widget's open handler failed: widget bug");
  });

  it('refuses a widget result that breaks the protocol', async () => {
    const bridge = await openConnectedBridge();
    await bridge.widget.value('handle', { method: 'open', behavior: 'bad-result' });
    const error = await rejection(bridge.connection.call('open', testContext()));
    expect(error.message).to.contain('answered open with a result that breaks the protocol');
  });

  it("does not read a widget's answer over the payload limit", async () => {
    const bridge = await openConnectedBridge({ limits: { maxPayloadBytes: 64 * 1024 } });
    await bridge.widget.value('handle', { method: 'open', behavior: 'huge' });
    const error = await rejection(bridge.connection.call('open', testContext()));
    expect(error.code).to.equal('invalid_params');
    expect(error.message).to.contain(
      'The answer to open is over 65536 characters; it was not read',
    );
  });

  it('checks the parameters of host-to-widget calls before sending', async () => {
    const bridge = await openConnectedBridge();
    const error = await rejection(
      bridge.connection.call('open', { ...testContext(), locale: 7 } as never),
    );
    expect(error.code).to.equal('invalid_params');
    expect(error.message).to.contain('open: params.locale:');
  });

  it('logs bridge traffic when debug is on: method, direction, duration, outcome', async () => {
    const entries: TrafficEntry[] = [];
    const bridge = await openConnectedBridge({ debug: (entry) => entries.push(entry) });
    await bridge.widget.value('call', { method: 'ping' });
    await bridge.widget.run('call', { method: 'storage.get', params: { key: 'k' } });
    await bridge.connection.call('ping', undefined);
    expect(
      entries.map(({ direction, method, outcome }) => ({ direction, method, outcome })),
    ).to.deep.equal([
      { direction: 'widget→host', method: 'ping', outcome: 'ok' },
      { direction: 'widget→host', method: 'storage.get', outcome: 'permission_denied' },
      { direction: 'host→widget', method: 'ping', outcome: 'ok' },
    ]);
    for (const entry of entries) {
      expect(entry.durationMs).to.be.a('number').and.to.be.at.least(0);
      expect(entry.instanceId).to.equal('w-1');
    }
  });
});
