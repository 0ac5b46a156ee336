// Storage, through the runtime's service, cross-origin: scopes, isolation
// between apps, versions and conflicts, quotas, getMany and list; on both
// adapters the runtime ships (memory, IndexedDB).
import { expect } from 'chai';
import type { PlugboardError } from '@plugboard/widget-sdk';
import {
  browserStorage,
  memoryStorage,
  type HostStorageAdapter,
} from '@plugboard/host-runtime/storage';
import { commandedApp, mountCard } from '../support/commanded-apps.js';
import type { FixtureResult, FixtureWidget } from '../support/fixture-widget.js';
import { cleanUp } from '../support/host-page.js';

type Stored = { value: unknown; version: number } | null;

const call = <T>(widget: FixtureWidget, method: string, params?: unknown) =>
  widget.run<T>('call', { method, params });
const value = async <T>(widget: FixtureWidget, method: string, params?: unknown) => {
  const result = await call<T>(widget, method, params);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
};
const errorOf = (result: FixtureResult<unknown>) =>
  result.ok ? undefined : { code: result.error.code, message: result.error.message };

let databases = 0;
const adapters: [string, () => HostStorageAdapter][] = [
  ['memory', () => memoryStorage()],
  ['IndexedDB', () => browserStorage({ name: `plugboard-test-${Date.now()}-${++databases}` })],
];

for (const [name, makeAdapter] of adapters) {
  describe(`storage (${name} adapter)`, () => {
    afterEach(cleanUp);

    async function twoApps(quota = {}) {
      const storage = { adapter: makeAdapter(), quota };
      const { widgets } = await mountCard(
        [
          { manifest: commandedApp('notes', 1, { permissions: ['storage'] }) },
          { manifest: commandedApp('other', 1, { permissions: ['storage'] }) },
        ],
        { storage },
      );
      return widgets as [FixtureWidget, FixtureWidget];
    }

    it('keeps user, account and entity scopes apart, and each app to its own keys', async () => {
      const [notes, other] = await twoApps();
      await value(notes, 'storage.set', { key: 'note', value: 'mine' });
      await value(notes, 'storage.set', { key: 'note', value: 'everyone', scope: 'account' });
      await value(notes, 'storage.set', { key: 'note', value: 'order 42', scope: 'entity' });
      await value(notes, 'storage.set', {
        key: 'note',
        value: 'order 7',
        scope: 'entity',
        entity: { type: 'customerorder', id: '7' },
      });
      const read = (params: object) =>
        value<Stored>(notes, 'storage.get', { key: 'note', ...params });
      expect(await read({})).to.deep.equal({ value: 'mine', version: 1 });
      expect((await read({ scope: 'user' }))?.value).to.equal('mine');
      expect((await read({ scope: 'account' }))?.value).to.equal('everyone');
      expect((await read({ scope: 'entity' }))?.value).to.equal('order 42');
      expect(
        (await read({ scope: 'entity', entity: { type: 'customerorder', id: '7' } }))?.value,
      ).to.equal('order 7');
      for (const scope of ['user', 'account', 'entity']) {
        expect(await value(other, 'storage.get', { key: 'note', scope })).to.equal(null);
      }
      expect(
        await value(notes, 'storage.getMany', {
          items: [
            { key: 'note', scope: 'entity', entity: { type: 'customerorder', id: '42' } },
            { key: 'note', scope: 'entity', entity: { type: 'customerorder', id: '8' } },
            { key: 'note', scope: 'entity', entity: { type: 'customerorder', id: '7' } },
          ],
        }),
      ).to.deep.equal([{ value: 'order 42', version: 1 }, null, { value: 'order 7', version: 1 }]);
    });

    it('versions every write and refuses a stale one with conflict', async () => {
      const [notes] = await twoApps();
      expect(
        await value(notes, 'storage.set', { key: 'k', value: 1, expectedVersion: 0 }),
      ).to.deep.equal({
        version: 1,
      });
      expect(
        await value(notes, 'storage.set', { key: 'k', value: 2, expectedVersion: 1 }),
      ).to.deep.equal({
        version: 2,
      });
      const stale = await call(notes, 'storage.set', { key: 'k', value: 3, expectedVersion: 1 });
      expect(errorOf(stale)?.code).to.equal('conflict');
      expect(errorOf(stale)?.message).to.contain('version 2, not 1');
      expect(
        errorOf(await call(notes, 'storage.set', { key: 'k', value: 0, expectedVersion: 0 }))?.code,
      ).to.equal('conflict');
      expect(await value(notes, 'storage.get', { key: 'k' })).to.deep.equal({
        value: 2,
        version: 2,
      });
      expect(
        errorOf(await call(notes, 'storage.remove', { key: 'k', expectedVersion: 1 }))?.code,
      ).to.equal('conflict');
      await value(notes, 'storage.remove', { key: 'k', expectedVersion: 2 });
      expect(await value(notes, 'storage.get', { key: 'k' })).to.equal(null);
      expect(await value(notes, 'storage.set', { key: 'k', value: 'again' })).to.deep.equal({
        version: 1,
      });
    });

    it('refuses writes over a quota with quota_exceeded, keeping what was stored, and says what is left', async () => {
      const [notes, other] = await twoApps({ valueBytes: 100, appBytes: 150, appKeys: 3 });
      await value(notes, 'storage.set', { key: 'a', value: 'x'.repeat(50) });
      const tooBig = await call(notes, 'storage.set', { key: 'a', value: 'y'.repeat(200) });
      expect(errorOf(tooBig)?.code).to.equal('quota_exceeded');
      expect(errorOf(tooBig)?.message).to.contain('at most 100');
      expect((await value<Stored>(notes, 'storage.get', { key: 'a' }))?.value).to.equal(
        'x'.repeat(50),
      );
      await value(notes, 'storage.set', { key: 'b', value: 'x'.repeat(80) });
      const overApp = await call(notes, 'storage.set', { key: 'c', value: 'x'.repeat(40) });
      expect(errorOf(overApp)?.code).to.equal('quota_exceeded');
      expect(errorOf(overApp)?.message).to.contain('over its quota of 150');
      await value(notes, 'storage.set', { key: 'c', value: 1 });
      expect(errorOf(await call(notes, 'storage.set', { key: 'd', value: 1 }))?.message).to.contain(
        'over its quota of 3',
      );
      expect(await value(notes, 'storage.quota')).to.deep.equal({
        bytes: { used: 52 + 82 + 1, limit: 150 },
        keys: { used: 3, limit: 3 },
        valueBytes: 100,
      });
      // Another app's quota is its own.
      expect(await value(other, 'storage.set', { key: 'a', value: 'x'.repeat(90) })).to.deep.equal({
        version: 1,
      });
    });

    it('lists a scope’s keys in order, by prefix, a page at a time', async () => {
      const [notes] = await twoApps();
      for (const key of ['row:3', 'row:1', 'other', 'row:2']) {
        await value(notes, 'storage.set', { key, value: key, scope: 'account' });
      }
      const first = await value<{ items: { key: string }[]; next?: string }>(
        notes,
        'storage.list',
        {
          scope: 'account',
          prefix: 'row:',
          limit: 2,
        },
      );
      expect(first.items.map((item) => item.key)).to.deep.equal(['row:1', 'row:2']);
      expect(first.next).to.equal('row:2');
      const second = await value<{
        items: { key: string; version: number; bytes: number }[];
        next?: string;
      }>(notes, 'storage.list', { scope: 'account', prefix: 'row:', limit: 2, after: first.next });
      expect(second).to.deep.equal({ items: [{ key: 'row:3', version: 1, bytes: 7 }] });
      expect((await value<{ items: unknown[] }>(notes, 'storage.list', {})).items).to.deep.equal(
        [],
      );
    });
  });
}

describe('storage (browser adapter)', () => {
  afterEach(cleanUp);

  it('keeps values across a new page (a new adapter on the same database)', async () => {
    const name = `plugboard-test-persist-${Date.now()}`;
    const first = await mountCard(
      [{ manifest: commandedApp('notes', 1, { permissions: ['storage'] }) }],
      {
        storage: { adapter: browserStorage({ name }) },
      },
    );
    await value(first.widgets[0] as FixtureWidget, 'storage.set', { key: 'note', value: 'kept' });
    cleanUp();
    const second = await mountCard(
      [{ manifest: commandedApp('notes', 1, { permissions: ['storage'] }) }],
      {
        storage: { adapter: browserStorage({ name }) },
      },
    );
    expect(
      await value(second.widgets[0] as FixtureWidget, 'storage.get', { key: 'note' }),
    ).to.deep.equal({
      value: 'kept',
      version: 1,
    });
  });

  it('asks for an entity where the widget shows none, and refuses without the permission', async () => {
    const { host, widgets } = await mountCard([
      { manifest: commandedApp('notes', 1, { permissions: ['storage'] }) },
      { manifest: commandedApp('nosy', 1, { permissions: [] }) },
    ]);
    // A connector shows no entity: entity scope needs one named.
    const context = { entity: null } as never;
    const noEntity = await Promise.resolve(
      host.services['storage.get']?.(
        { key: 'note', scope: 'entity' },
        {
          appId: 'notes',
          instanceId: 'connector:notes',
          context,
          signal: new AbortController().signal,
        },
      ),
    ).catch((error: unknown) => error);
    expect((noEntity as PlugboardError).code).to.equal('invalid_params');
    expect((noEntity as PlugboardError).message).to.contain('name one in "entity"');
    const [notes, nosy] = widgets as [FixtureWidget, FixtureWidget];
    expect(errorOf(await call(nosy, 'storage.get', { key: 'note' }))?.code).to.equal(
      'permission_denied',
    );
    const bad = await call(notes, 'storage.set', { key: 'note', value: 1, scope: 'team' });
    expect(errorOf(bad)?.code).to.equal('invalid_params');
    expect(errorOf(bad)?.message).to.contain('scope');
  });
});
