// The four problems found by trying the bridge as a hostile widget, each as
// it was reported, so that none comes back. (The widget that navigates or
// reloads is in faults.test.ts.)
import { expect } from 'chai';
import { closeBridges, openBridge, openConnectedBridge } from '../support/bridge.js';
import { expectFixtureError } from '../support/errors.js';
import { ESCAPING_PATHS } from '../support/escapes.js';
import { hostOrigin } from '../support/origins.js';

describe('reported problems', () => {
  afterEach(closeBridges);

  it('a connected widget posting a SYN and then CALLs to window.parent raises no exception in the host', async () => {
    const rejections: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
    const onError = (event: ErrorEvent) => rejections.push(event.error);
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    try {
      const bridge = await openConnectedBridge();
      const call = {
        namespace: 'penpal',
        type: 'CALL',
        id: 'x',
        methodPath: ['call'],
        args: ['ping'],
      };
      await bridge.widget.value('postRaw', {
        targetOrigin: hostOrigin,
        messages: [
          {
            namespace: 'penpal',
            type: 'SYN',
            participantId: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
          },
          call,
          call,
          call,
        ],
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(rejections).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    }
  });

  for (const [method, length] of [
    ['messages.send', 1_000_000],
    ['storage.set', 300_000],
  ] as const) {
    it(`${method} with a ${length.toLocaleString('en')}-element payload is refused unread`, async () => {
      const bridge = await openConnectedBridge({
        permissions: ['messages', 'storage'],
        services: { 'messages.send': () => undefined, 'storage.set': () => ({ version: 1 }) },
      });
      const message = expectFixtureError(
        await bridge.widget.run('callWithArray', { method, length }),
        'invalid_params',
      );
      expect(message)
        .to.contain(`${method}: the call is at least`)
        .and.to.contain('it was not read');
    });
  }

  describe('navigation.go takes only paths on the host origin', () => {
    for (const to of [
      '//evil.example/phish',
      '/\\evil.example/phish',
      '/\t/evil.example',
      '/\n/evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '\\\\evil.example',
      ' /orders',
      `/${'x'.repeat(3000)}`,
      ...ESCAPING_PATHS,
    ]) {
      it(`refuses ${JSON.stringify(to.slice(0, 40))}`, async () => {
        const went: string[] = [];
        const bridge = await openConnectedBridge({
          permissions: ['navigation'],
          services: { 'navigation.go': ({ to: path }) => void went.push(path) },
        });
        const message = expectFixtureError(
          await bridge.widget.run('call', { method: 'navigation.go', params: { to } }),
          'invalid_params',
        );
        expect(message).to.contain('navigation.go: params.to:');
        expect(went).to.deep.equal([]);
      });
    }

    it('hands the service the path normalised', async () => {
      const went: string[] = [];
      const bridge = await openConnectedBridge({
        permissions: ['navigation'],
        services: { 'navigation.go': ({ to }) => void went.push(to) },
      });
      for (const to of ['/orders/42', '/orders/../counterparties/c1?tab=2#top', '/a/./b']) {
        await bridge.widget.value('call', { method: 'navigation.go', params: { to } });
      }
      expect(went).to.deep.equal(['/orders/42', '/counterparties/c1?tab=2#top', '/a/b']);
    });
  });

  it('invalid_params lists every problem of the parameters, not only the first', async () => {
    const bridge = await openConnectedBridge({
      permissions: ['toasts'],
      services: { 'toasts.show': () => undefined },
    });
    const message = expectFixtureError(
      await bridge.widget.run('call', {
        method: 'toasts.show',
        params: { message: 42, tone: 'loud', extra: true },
      }),
      'invalid_params',
    );
    expect(message)
      .to.contain('params.message:')
      .and.to.contain('params.tone:')
      .and.to.contain('params.extra:');
  });

  describe('keys that reach a prototype never reach a host service', () => {
    const polluted = [
      ['storage.set', '{"key":"k","value":{"__proto__":{"isAdmin":true}}}'],
      ['storage.set', '{"key":"k","value":{"a":[{"constructor":{"prototype":{"isAdmin":true}}}]}}'],
      ['entity.update', '{"changes":{"__proto__":{"isAdmin":true}}}'],
      ['entity.update', '{"changes":{"constructor":{"prototype":{"isAdmin":true}}}}'],
      ['messages.send', '{"messages":[{"topic":"t","payload":{"__proto__":{"isAdmin":true}}}]}'],
    ] as const;
    const serving = () => {
      const reached: unknown[] = [];
      const record = (params: unknown) => {
        reached.push(params);
        return undefined;
      };
      return {
        reached,
        services: {
          'storage.set': (params: unknown) => (record(params), { version: 1 }),
          'entity.update': (params: unknown) => (
            record(params),
            { version: 1, applied: [], refused: [] }
          ),
          'messages.send': record,
        },
      };
    };

    for (const [method, json] of polluted) {
      it(`refuses ${method} ${json} sent as raw frames, naming why`, async () => {
        const { reached, services } = serving();
        const bridge = await openBridge({
          permissions: ['storage', 'entity:write', 'messages'],
          services,
        });
        const answer = await bridge.widget.value<
          [number, number, boolean, { code: string; message: string }]
        >('rawCall', { hostOrigin, method, json });
        expect(answer[2]).to.equal(false);
        expect(answer[3].code).to.equal('invalid_params');
        expect(answer[3].message).to.contain('"__proto__"');
        expect(reached).to.deep.equal([]);
        expect(Object.prototype).to.not.have.property('isAdmin');
      });
    }

    it('refuses it from the SDK too, before it is sent', async () => {
      const { reached, services } = serving();
      const bridge = await openConnectedBridge({ permissions: ['storage'], services });
      const message = expectFixtureError(
        await bridge.widget.run('callParsed', {
          method: 'storage.set',
          json: '{"key":"k","value":{"__proto__":{"isAdmin":true}}}',
        }),
        'invalid_params',
      );
      expect(message).to.contain('__proto__');
      expect(reached).to.deep.equal([]);
    });
  });

  it('refuses an array where parameters are an object, and the service never sees it', async () => {
    const reached: string[] = [];
    const bridge = await openConnectedBridge({
      permissions: ['storage', 'dialogs'],
      services: {
        'storage.list': () => (reached.push('storage.list'), { items: [], cursor: null }),
        'dialogs.close': () => void reached.push('dialogs.close'),
        'dialogs.dismiss': () => (reached.push('dialogs.dismiss'), { dismissed: true }),
        'cells.invalidate': () => void reached.push('cells.invalidate'),
      },
    });
    for (const method of ['storage.list', 'dialogs.close', 'dialogs.dismiss', 'cells.invalidate']) {
      const message = expectFixtureError(
        await bridge.widget.run('call', { method, params: [] }),
        'invalid_params',
      );
      expect(message).to.equal(`${method}: params: must be an object or left out, not an array`);
    }
    expect(reached).to.deep.equal([]);
  });
});
