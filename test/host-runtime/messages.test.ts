// Messages between widgets, through the host's broker, cross-origin: order,
// the sender's own exclusion, direct messages, kept last values, nothing
// posted to a widget that does not listen, back-pressure, and shared topics
// across apps only when both declare them and both are granted them.
import { expect } from 'chai';
import type { TrafficEntry } from '@plugboard/host-runtime';
import { commandedApp as app, mountCard as card } from '../support/commanded-apps.js';
import { waitFor } from '../support/fixture-events.js';
import type { FixtureResult, FixtureWidget } from '../support/fixture-widget.js';
import { fixtureInNewDialog, openDialogs, openerPanel } from '../support/dialogs.js';
import { cleanUp } from '../support/host-page.js';
import { neighbourOrigin } from '../support/origins.js';

interface Received {
  topic: string;
  payload: { n?: number } | string;
  from: { appId: string; instanceId: string };
  shared: boolean;
  retained: boolean;
}

const received = (widget: FixtureWidget) => widget.value<Received[]>('received');

async function receivedCount(widget: FixtureWidget, count: number): Promise<Received[]> {
  let got: Received[] = [];
  await waitFor(
    async () => (got = await received(widget)).length >= count,
    () => `${count} messages (got ${got.length})`,
  );
  return got;
}

const codeOf = (result: FixtureResult<unknown>) => (result.ok ? 'ok' : result.error.code);

describe('messages between widgets', () => {
  afterEach(() => {
    cleanUp();
    for (const dialog of openDialogs()) dialog.remove();
  });

  it('reaches the app’s dialog, and the dialog’s answer reaches its panel', async () => {
    const { opener } = await openerPanel('tracker', {}, ['dialogs', 'messages']);
    await opener.value('subscribe', { topic: 'from-dialog' });
    const dialog = await fixtureInNewDialog(() =>
      opener.value('start', { key: 'open', method: 'dialogs.open', params: { dialog: 'pick' } }),
    );
    await dialog.value('subscribe', { topic: 'to-dialog' });
    await opener.value('publish', { topic: 'to-dialog', payload: 'hello dialog' });
    await dialog.value('publish', { topic: 'from-dialog', payload: 'hello panel' });
    expect((await receivedCount(dialog, 1))[0]?.payload).to.equal('hello dialog');
    expect((await receivedCount(opener, 1))[0]?.payload).to.equal('hello panel');
  });

  it('delivers to every subscriber in the order sent, never to the sender', async () => {
    const { widgets, ids } = await card([{ manifest: app('tracker', 3) }]);
    const [a, b, sender] = widgets as [FixtureWidget, FixtureWidget, FixtureWidget];
    for (const widget of widgets) await widget.value('subscribe', { topic: 'carrier' });
    expect(await sender.value('publishMany', { topic: 'carrier', count: 1_200 })).to.deep.equal({
      ok: 1_200,
    });
    for (const widget of [a, b]) {
      const got = await receivedCount(widget, 1_200);
      expect(got.map((m) => (m.payload as { n: number }).n)).to.deep.equal(
        Array.from({ length: 1_200 }, (_, n) => n),
      );
      expect(got[0]?.from).to.deep.equal({ appId: 'tracker', instanceId: ids[2] });
      expect(got.every((m) => !m.retained && !m.shared)).to.equal(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await received(sender)).to.deep.equal([]);
  });

  it('sends to one instance with `to`, and says not_found for one that does not listen', async () => {
    const { widgets, ids } = await card([{ manifest: app('tracker', 3) }]);
    const [a, b, sender] = widgets as [FixtureWidget, FixtureWidget, FixtureWidget];
    await a.value('subscribe', { topic: 'label' });
    await b.value('subscribe', { topic: 'label' });
    await sender.value('publish', { topic: 'label', payload: 'just b', options: { to: ids[1] } });
    expect((await receivedCount(b, 1))[0]?.payload).to.equal('just b');
    const missing = await sender.run('publish', {
      topic: 'label',
      payload: 'nobody',
      options: { to: ids[2] },
    });
    expect(codeOf(missing)).to.equal('not_found');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await received(a)).to.deep.equal([]);
  });

  it('keeps a retained last value for a late subscriber, and posts nothing to a widget that does not listen', async () => {
    const traffic: TrafficEntry[] = [];
    const { widgets, ids } = await card([{ manifest: app('tracker', 3) }], {
      debug: (entry) => traffic.push(entry),
    });
    const [sender, late, deaf] = widgets as [FixtureWidget, FixtureWidget, FixtureWidget];
    await sender.value('publish', { topic: 'carrier', payload: 'DHL', options: { retain: true } });
    await sender.value('publish', { topic: 'carrier', payload: 'UPS', options: { retain: true } });
    await sender.value('publish', { topic: 'carrier', payload: 'not kept' });
    await late.value('subscribe', { topic: 'carrier' });
    const [kept] = await receivedCount(late, 1);
    expect(kept).to.include({ payload: 'UPS', retained: true });
    await sender.value('publish', { topic: 'carrier', payload: 'DPD' });
    const after = await receivedCount(late, 2);
    expect(after.map((m) => m.payload)).to.deep.equal(['UPS', 'DPD']);
    expect(await received(deaf)).to.deep.equal([]);
    const toDeaf = traffic.filter(
      (entry) => entry.method === 'messages' && entry.instanceId === ids[2],
    );
    expect(toDeaf).to.deep.equal([]);
  });

  it('refuses a send with busy, whole, when a receiver’s queue is full, and loses nothing it accepted', async () => {
    const { widgets } = await card([{ manifest: app('tracker', 2) }], {
      messages: { queueLength: 100 },
    });
    const [slow, sender] = widgets as [FixtureWidget, FixtureWidget];
    await slow.value('subscribe', { topic: 'carrier' });
    // The receiver takes half a second for each batch.
    await slow.value('handle', { method: 'messages', behavior: 'answer', delayMs: 500 });
    expect(await sender.value('publishMany', { topic: 'carrier', count: 80 })).to.deep.equal({
      ok: 80,
    }); // in flight
    expect(await sender.value('publishMany', { topic: 'carrier', count: 90 })).to.deep.equal({
      ok: 90,
    }); // waiting
    expect(await sender.value('publishMany', { topic: 'carrier', count: 20 })).to.deep.equal({
      busy: 20,
    });
    let batches: { params: { messages: { payload: { n: number } }[] } }[] = [];
    await waitFor(
      async () =>
        (batches = (
          await slow.value<((typeof batches)[number] & { method: string })[]>('recorded')
        ).filter((r) => r.method === 'messages')).flatMap((r) => r.params.messages).length >= 170,
      'the 170 accepted messages',
    );
    const ns = batches.flatMap((batch) => batch.params.messages.map((m) => m.payload.n));
    expect(ns).to.deep.equal([
      ...Array.from({ length: 80 }, (_, n) => n),
      ...Array.from({ length: 90 }, (_, n) => n),
    ]);
  });

  it('crosses apps only on a shared topic both declare and both are granted', async () => {
    const shared = { topics: ['carrier.chosen'] };
    const { widgets } = await card([
      { manifest: app('tracker', 1, shared), grants: { topics: ['carrier.chosen'] } },
      {
        manifest: app('labels', 1, { ...shared, origin: neighbourOrigin }),
        grants: { topics: ['carrier.chosen'] },
      },
      { manifest: app('ungranted', 1, shared) },
      { manifest: app('undeclared', 1) },
    ]);
    const [tracker, labels, ungranted, undeclared] = widgets as [
      FixtureWidget,
      FixtureWidget,
      FixtureWidget,
      FixtureWidget,
    ];
    await labels.value('subscribe', { topic: 'carrier.chosen', shared: true });
    // The same name as an app's own topic stays within the app.
    await labels.value('subscribe', { topic: 'carrier.chosen' });
    for (const outsider of [ungranted, undeclared]) {
      expect(
        codeOf(await outsider.run('subscribe', { topic: 'carrier.chosen', shared: true })),
      ).to.equal('permission_denied');
      const sent = await outsider.run('publish', {
        topic: 'carrier.chosen',
        payload: 'x',
        options: { shared: true },
      });
      expect(codeOf(sent)).to.equal('permission_denied');
    }
    await tracker.value('publish', {
      topic: 'carrier.chosen',
      payload: 'DHL',
      options: { shared: true },
    });
    await tracker.value('publish', { topic: 'carrier.chosen', payload: 'own topic' });
    const [message] = await receivedCount(labels, 1);
    expect(message).to.deep.include({ payload: 'DHL', shared: true });
    expect(message?.from.appId).to.equal('tracker');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await received(labels)).length).to.equal(1);
  });

  it('forgets what an uninstalled app kept on a shared topic', async () => {
    const shared = { topics: ['carrier.chosen'] };
    const { host, widgets } = await card([
      { manifest: app('tracker', 1, shared), grants: { topics: ['carrier.chosen'] } },
      {
        manifest: app('labels', 2, { ...shared, origin: neighbourOrigin }),
        grants: { topics: ['carrier.chosen'] },
      },
    ]);
    const [tracker, early, late] = widgets as [FixtureWidget, FixtureWidget, FixtureWidget];
    const topic = { topic: 'carrier.chosen', shared: true };
    await tracker.value('publish', {
      ...topic,
      payload: 'DHL',
      options: { retain: true, shared: true },
    });
    await early.value('subscribe', topic);
    expect((await receivedCount(early, 1))[0]).to.deep.include({ payload: 'DHL', retained: true });
    host.uninstall('tracker');
    await late.value('subscribe', topic);
    // What `late` gets after subscribing: no kept value from the app that is gone, only this.
    await early.value('publish', { ...topic, payload: 'after', options: { shared: true } });
    const [first] = await receivedCount(late, 1);
    expect(first).to.deep.include({ payload: 'after', retained: false });
  });

  it('forgets a widget’s subscriptions when it leaves, and stops on unsubscribe', async () => {
    const { host, widgets, ids } = await card([{ manifest: app('tracker', 2) }]);
    const [a, sender] = widgets as [FixtureWidget, FixtureWidget];
    await a.value('subscribe', { topic: 'carrier' });
    await sender.value('publish', { topic: 'carrier', payload: 1 });
    await receivedCount(a, 1);
    await a.value('unsubscribe', { topic: 'carrier' });
    await sender.value('publish', { topic: 'carrier', payload: 2 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await received(a)).length).to.equal(1);
    await a.value('subscribe', { topic: 'carrier' });
    expect(Object.keys((await host.broker()).queued())).to.include(ids[0]);
    await a.value('destroy');
    await waitFor(
      async () => !Object.keys((await host.broker()).queued()).includes(ids[0] ?? ''),
      'the broker to forget the widget',
    );
  });
});
