import { expect } from 'chai';
import { connectWidget, PlugboardError } from '@plugboard/host-runtime';
import {
  ALL_HOST_METHODS,
  permissionFor,
  type HostMethodName,
} from '@plugboard/widget-sdk/protocol';
import { closeBridges, openConnectedBridge, type Bridge } from '../support/bridge.js';
import { testContext } from '../support/context.js';
import { expectFixtureError } from '../support/errors.js';
import { SAMPLE_CALLS, sampleServices } from '../support/samples.js';

const METHODS = Object.keys(ALL_HOST_METHODS) as HostMethodName[];
const ALL_PERMISSIONS = METHODS.map((m) => permissionFor(m, SAMPLE_CALLS[m].params)).filter(
  (p): p is NonNullable<typeof p> => typeof p === 'string',
);

describe('bridge guards', () => {
  describe('parameters, payloads and services', () => {
    let bridge: Bridge;
    const hostErrors: unknown[][] = [];
    const originalError = console.error;
    before(async () => {
      console.error = (...args: unknown[]) => hostErrors.push(args);
      bridge = await openConnectedBridge({
        permissions: ALL_PERMISSIONS,
        limits: { serviceTimeoutMs: 200, maxPayloadBytes: 64 * 1024 },
        services: {
          ...sampleServices(),
          'storage.get': ({ key }) => {
            if (key === 'throws') throw new Error('db password is hunter2');
            if (key === 'hangs') return new Promise(() => undefined);
            if (key === 'missing') throw new PlugboardError('not_found', 'No value at "missing".');
            if (key === 'bad-result') return (() => 'a function') as unknown as null;
            return { value: 'value', version: 1 };
          },
        },
      });
    });
    after(() => {
      console.error = originalError;
      closeBridges();
    });

    const badParams: [HostMethodName, unknown, string][] = [
      ['toasts.show', { message: 42 }, 'message'],
      ['toasts.show', { message: 'Saved', tone: 'loud' }, 'tone'],
      ['storage.set', { key: 'k' }, 'value'],
      ['navigation.go', { to: 'https://elsewhere.example' }, 'to'],
      ['selectors.open', { selector: 'goods', multiple: 'yes' }, 'multiple'],
      ['selectors.open', { selector: 5 }, 'selector'],
      ['entity.update', { changes: {}, extra: 1 }, 'extra'],
      ['widget.resize', { height: -1 }, 'height'],
      ['entity.get', { unexpected: true }, ''],
    ];
    for (const [method, params, path] of badParams) {
      it(`${method}(${JSON.stringify(params)}) gets invalid_params at "${path || '(params)'}"`, async () => {
        const message = expectFixtureError(
          await bridge.widget.run('call', { method, params }),
          'invalid_params',
        );
        expect(message).to.contain(`${method}: ${path ? `params.${path}` : 'params'}:`);
      });
    }

    it('refuses an oversized payload unread, naming its size and the limit', async () => {
      const params = { key: 'big', value: 'x'.repeat(100 * 1024) };
      const message = expectFixtureError(
        await bridge.widget.run('call', { method: 'storage.set', params }),
        'invalid_params',
      );
      expect(message).to.match(
        /storage\.set: the call is at least 1024\d\d bytes, over the 65536-byte limit; it was not read/,
      );
    });

    it('counts the limit in UTF-8 bytes, not characters', async () => {
      // 30,000 characters, 90,000 bytes: under the limit in characters, over it in bytes.
      const params = { key: 'wide', value: '€'.repeat(30_000) };
      const message = expectFixtureError(
        await bridge.widget.run('call', { method: 'storage.set', params }),
        'invalid_params',
      );
      expect(message).to.match(/the call is at least 900\d\d bytes, over the 65536-byte limit/);
    });

    it('answers an unknown method with unsupported', async () => {
      const message = expectFixtureError(
        await bridge.widget.run('call', { method: 'files.delete' }),
        'unsupported',
      );
      expect(message).to.contain('"files.delete"');
    });

    it('answers a method the host lends no service for with unsupported', async () => {
      const bare = await openConnectedBridge({ permissions: ALL_PERMISSIONS });
      const message = expectFixtureError(
        await bare.widget.run('call', { method: 'entity.get' }),
        'unsupported',
      );
      expect(message).to.contain('no entity.get service');
    });

    it('turns a throwing service into host_error without leaking its message', async () => {
      const message = expectFixtureError(
        await bridge.widget.run('call', { method: 'storage.get', params: { key: 'throws' } }),
        'host_error',
      );
      expect(message).to.equal("The host's storage.get service failed.");
      expect(
        hostErrors.flat().some((e) => e instanceof Error && e.message.includes('hunter2')),
      ).to.equal(true);
    });

    it("passes a service's own PlugboardError through", async () => {
      const message = expectFixtureError(
        await bridge.widget.run('call', { method: 'storage.get', params: { key: 'missing' } }),
        'not_found',
      );
      expect(message).to.equal('No value at "missing".');
    });

    it('times out a service that never answers', async () => {
      const message = expectFixtureError(
        await bridge.widget.run('call', { method: 'storage.get', params: { key: 'hangs' } }),
        'timeout',
      );
      expect(message).to.contain('within 200 ms');
    });

    it('turns a result that cannot be sent into an error reply', async () => {
      expectFixtureError(
        await bridge.widget.run('call', { method: 'storage.get', params: { key: 'bad-result' } }),
        'host_error',
      );
    });

    it('rejects a function passed as an argument with a clear error', async () => {
      const message = expectFixtureError(
        await bridge.widget.run('callWithFunction', { method: 'messages.send' }),
        'invalid_params',
      );
      expect(message).to.contain('messages.send could not be sent').and.to.contain('no functions');
    });

    it('rejects a function passed to a widget method on the host side too', async () => {
      let error: unknown;
      try {
        await bridge.connection.call('open', { instanceId: () => 'x' } as never);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(PlugboardError);
      expect((error as PlugboardError).code).to.equal('invalid_params');
    });
  });

  describe('rate limit and pending cap', () => {
    afterEach(closeBridges);

    it('refuses calls past the byte budget with busy, unread, and takes them again once it refills', async () => {
      const stored: string[] = [];
      const bridge = await openConnectedBridge({
        permissions: ['storage'],
        limits: { maxPayloadBytes: 40_000, maxBytesPerWindow: 100_000, rateWindowMs: 1_000 },
        services: {
          'storage.set': ({ key }) => {
            stored.push(key);
            return { version: 1 };
          },
        },
      });
      const value = 'x'.repeat(30_000);
      const outcomes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const result = await bridge.widget.run('call', {
          method: 'storage.set',
          params: { key: `k${i}`, value },
        });
        outcomes.push(result.ok ? 'ok' : (result.error.code ?? ''));
        if (!result.ok)
          expect(result.error.message).to.contain('more than 100000 bytes within 1000 ms');
      }
      expect(outcomes).to.deep.equal(['ok', 'ok', 'ok', 'busy', 'busy']);
      expect(stored).to.deep.equal(['k0', 'k1', 'k2']);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(
        (
          await bridge.widget.run('call', {
            method: 'storage.set',
            params: { key: 'later', value },
          })
        ).ok,
      ).to.equal(true);
    });

    it('refuses a byte budget smaller than the largest call', () => {
      const iframe = document.body.appendChild(document.createElement('iframe'));
      after(() => {
        iframe.remove();
      });
      expect(() =>
        connectWidget({
          iframe,
          origin: 'https://vendor.example',
          appId: 'a',
          instanceId: 'i',
          permissions: [],
          context: () => testContext(),
          limits: { maxPayloadBytes: 200_000, maxBytesPerWindow: 100_000 },
        }),
      ).to.throw(
        RangeError,
        /maxBytesPerWindow \(100000\) is below limits.maxPayloadBytes \(200000\): the largest call could never be read/,
      );
    });

    it('answers a burst of 1,000 calls past the limits with busy, and the host page keeps running', async () => {
      const bridge = await openConnectedBridge({
        permissions: ['entity:read'],
        limits: { maxCallsPerWindow: 100, maxPendingCalls: 10 },
        services: {
          'entity.get': () =>
            new Promise((resolve) =>
              setTimeout(() => {
                resolve(null);
              }, 50),
            ),
        },
      });
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 5);
      try {
        const burst = await bridge.widget.value<{
          settled: number;
          codes: Record<string, number>;
          messages: Record<string, string>;
        }>('burst', { count: 1000, method: 'entity.get' });
        expect(burst.settled).to.equal(1000);
        expect(Object.keys(burst.codes).sort()).to.deep.equal(['busy', 'ok']);
        expect(burst.codes['ok']).to.be.within(1, 999);
        expect((burst.codes['ok'] ?? 0) + (burst.codes['busy'] ?? 0)).to.equal(1000);
        expect(burst.messages['busy']).to.match(
          /Delivery tracker (made more than 100 calls|already has 10 calls waiting)/,
        );
        // Accepted calls take 50 ms each, so the burst lasted at least that
        // long; a blocked host page would not have run its timer meanwhile.
        expect(ticks).to.be.greaterThan(0);
      } finally {
        clearInterval(timer);
      }
    });

    it('reports the pending cap and the rate limit in their own words', async () => {
      const bridge = await openConnectedBridge({
        permissions: ['entity:read'],
        limits: { maxCallsPerWindow: 8, rateWindowMs: 60_000, maxPendingCalls: 5 },
        services: { 'entity.get': () => new Promise(() => undefined) },
      });
      // Five calls that never settle fill the pending cap; with the hello,
      // they use 6 of the 8 calls.
      await bridge.widget.value('fire', { count: 5, method: 'entity.get' });
      for (let i = 0; i < 2; i++) {
        const refused = await bridge.widget.run('call', { method: 'entity.get' });
        expect(expectFixtureError(refused, 'busy')).to.contain('already has 5 calls waiting');
      }
      const overRate = await bridge.widget.run('call', { method: 'entity.get' });
      expect(expectFixtureError(overRate, 'busy')).to.contain(
        'made more than 8 calls within 60000 ms',
      );
    });
  });
});
