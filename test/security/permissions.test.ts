// The permission matrix: every host method, refused without its permission,
// refused when the host's grants narrow it away from a manifest that asks for
// it, and served when granted.
import { expect } from 'chai';
import { createHost } from '@plugboard/host-runtime';
import {
  ALL_HOST_METHODS,
  permissionFor,
  type HostMethodName,
} from '@plugboard/widget-sdk/protocol';
import { closeBridges, openConnectedBridge, type Bridge } from '../support/bridge.js';
import { expectFixtureError } from '../support/errors.js';
import { manifest, ORDER_CARD } from '../support/host-page.js';
import { SAMPLE_CALLS, sampleServices } from '../support/samples.js';

const METHODS = Object.keys(ALL_HOST_METHODS) as HostMethodName[];
const ALL_PERMISSIONS = METHODS.map((m) => permissionFor(m, SAMPLE_CALLS[m].params)).filter(
  (p): p is NonNullable<typeof p> => typeof p === 'string',
);

/** The permissions an app holds after install: all it asks for, narrowed by the host to `granted`. */
function installedPermissions(granted: readonly string[]): readonly string[] {
  const host = createHost({ extensionPoints: [ORDER_CARD], user: { id: 'u', name: 'U' } });
  return host.install(
    { ...manifest('asks-for-all'), permissions: ALL_PERMISSIONS },
    {
      permissions: granted,
    },
  ).permissions;
}

describe('permission matrix, over every host method', () => {
  let none: Bridge;
  let all: Bridge;
  before(async () => {
    none = await openConnectedBridge({ services: sampleServices(), permissions: [] });
    all = await openConnectedBridge({ services: sampleServices(), permissions: ALL_PERMISSIONS });
  });
  after(closeBridges);

  for (const method of METHODS) {
    const { params, result } = SAMPLE_CALLS[method];
    const permission = permissionFor(method, params);
    if (permission) {
      it(`${method} without "${permission}" gets permission_denied naming it`, async () => {
        const message = expectFixtureError(
          await none.widget.run('call', { method, params }),
          'permission_denied',
        );
        expect(message).to.contain(`"${permission}"`).and.to.contain(method);
      });
      it(`${method} is refused when the host's grants narrow "${permission}" away`, async () => {
        const narrowed = installedPermissions(ALL_PERMISSIONS.filter((p) => p !== permission));
        expect(narrowed).to.not.include(permission);
        const bridge = await openConnectedBridge({
          services: sampleServices(),
          permissions: narrowed,
        });
        expectFixtureError(
          await bridge.widget.run('call', { method, params }),
          'permission_denied',
        );
      });
    } else {
      it(`${method} needs no permission`, async () => {
        const answer = await none.widget.run('call', { method, params });
        expect(answer).to.deep.equal({ ok: true, value: result });
      });
    }
    it(`${method} with its permission reaches the service and returns its result`, async () => {
      expect(await all.widget.run('call', { method, params })).to.deep.equal({
        ok: true,
        value: result,
      });
    });
  }

  it('grants never widen what the manifest asks for', () => {
    const host = createHost({ extensionPoints: [ORDER_CARD], user: { id: 'u', name: 'U' } });
    const app = host.install(manifest('asks-for-little'), { permissions: ALL_PERMISSIONS });
    expect(app.permissions).to.deep.equal(['entity:read']);
  });

  it('checks selector permissions per selector', async () => {
    const goodsOnly = await openConnectedBridge({
      services: sampleServices(),
      permissions: ['selectors:goods'],
    });
    const ok = await goodsOnly.widget.run('call', {
      method: 'selectors.open',
      params: { selector: 'goods' },
    });
    expect(ok.ok).to.equal(true);
    const denied = await goodsOnly.widget.run('call', {
      method: 'selectors.open',
      params: { selector: 'counterparties' },
    });
    expect(expectFixtureError(denied, 'permission_denied')).to.contain(
      '"selectors:counterparties"',
    );
  });
});
