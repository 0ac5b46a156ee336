import { expect } from 'chai';
import { createHost, HostConfigError, HostManifestError } from '@plugboard/host-runtime';
import { recordFixtureEvents, waitFor } from '../support/fixture-events.js';
import {
  addSlot,
  allIframes,
  cleanUp,
  cleanups,
  commandedFixture,
  frameWithStatus,
  framesOf,
  manifest,
  ORDER_CARD,
  setup,
  uniqueKey,
} from '../support/host-page.js';
import { FIXTURE_PAGE } from '../support/dialogs.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

afterEach(cleanUp);

describe('createHost and install', () => {
  it('refuses two extension points with one id', () => {
    expect(() =>
      createHost({ extensionPoints: [ORDER_CARD, ORDER_CARD], user: { id: 'u', name: 'U' } }),
    )
      .to.throw(HostConfigError)
      .with.property('message')
      .that.contains('"customerorder.card"');
  });

  it('refuses a widget for an unknown point, naming the point', () => {
    const { host } = setup();
    const error = (() => {
      try {
        host.install(manifest('lost', { point: 'invoice.card' }));
      } catch (caught) {
        return caught as HostManifestError;
      }
      throw new Error('expected install to fail');
    })();
    expect(error).to.be.instanceOf(HostManifestError);
    expect(error.issues).to.deep.equal([
      { path: 'widgets[0].point', message: 'no extension point "invoice.card" on this host' },
    ]);
  });

  it('refuses a widget at a column point, and an app installed twice', () => {
    const { host } = setup();
    expect(() => host.install(manifest('columnar', { point: 'customerorder.list' }))).to.throw(
      /widgets\[0\]\.point: "customerorder\.list" is a column point/,
    );
    host.install(manifest('once'));
    expect(() => host.install(manifest('once'))).to.throw(/id: "once" is already installed/);
  });

  it('narrows permissions by grants and never widens them', () => {
    const { host } = setup();
    const app = host.install(manifest('narrow'), { permissions: ['toasts'] });
    expect(app.permissions).to.deep.equal([]);
    const kept = host.install(manifest('kept'), { permissions: ['entity:read', 'toasts'] });
    expect(kept.permissions).to.deep.equal(['entity:read']);
  });
});

describe('<pb-panel-slot> and widget frames', () => {
  it('mounts an installed widget from the vendor origin up to status="ready"', async () => {
    const { host, root } = setup();
    host.install(manifest('tracker'));
    const slot = addSlot(root);
    const frame = await frameWithStatus(slot, 'ready');
    expect(frame.getAttribute('app-id')).to.equal('tracker');
    const iframe = frame.querySelector('iframe');
    expect(new URL(iframe?.src ?? '').origin).to.equal(fixtureOrigin);
    const sandbox = iframe?.getAttribute('sandbox')?.split(' ') ?? [];
    expect(sandbox).to.include.members([
      'allow-scripts',
      'allow-same-origin',
      'allow-forms',
      'allow-popups',
    ]);
    expect(sandbox.some((token) => token.includes('top-navigation'))).to.equal(false);
    expect(host.store.getState().widgets[frame.instanceId]?.status).to.equal('ready');
  });

  it("refuses to install an app on the host page's own origin, saying why", () => {
    const { host } = setup();
    expect(() => host.install(manifest('local', { origin: hostOrigin }))).to.throw(
      HostManifestError,
      new RegExp(`origin: must not be this host page's own origin \\(${hostOrigin}\\)`),
    );
    expect(host.store.getState().apps).to.deep.equal([]);
  });

  it('shows the widgets of a point in install order, each with its app name', async () => {
    const { host, root } = setup();
    host.install(manifest('first'));
    host.install(manifest('other-point', { point: 'counterparty.card' }));
    host.install(manifest('second'));
    const slot = addSlot(root);
    await frameWithStatus(slot, 'ready', 1);
    expect(framesOf(slot).map((f) => f.getAttribute('app-id'))).to.deep.equal(['first', 'second']);
    expect(framesOf(slot)[0]?.shadowRoot?.querySelector('header')?.textContent).to.equal(
      'App first',
    );
  });

  it('renders nothing for a point without widgets', async () => {
    const { host, root } = setup();
    host.install(manifest('elsewhere', { point: 'counterparty.card' }));
    const slot = addSlot(root);
    await slot.updateComplete;
    expect(slot.hasAttribute('empty')).to.equal(true);
    expect(slot.getBoundingClientRect().height).to.equal(0);
    expect(framesOf(slot)).to.have.length(0);
  });

  it('hides a disabled app, and removes an uninstalled app from the page', async () => {
    const { host, root } = setup();
    host.install(manifest('hidden'), { disabled: true });
    host.install(manifest('shown'));
    const slot = addSlot(root);
    await frameWithStatus(slot, 'ready');
    expect(framesOf(slot).map((f) => f.getAttribute('app-id'))).to.deep.equal(['shown']);
    host.uninstall('shown');
    await waitFor(() => framesOf(slot).length === 0, 'the frame to go');
    expect(allIframes(root)).to.have.length(0);
    expect(host.store.getState().widgets).to.deep.equal({});
  });

  it('ends in timeout when the widget never handshakes, and Retry brings it to ready', async () => {
    const { host, root } = setup({ limits: { handshakeTimeoutMs: 800 } });
    host.install(manifest('shy', { query: { mode: 'silent-once', key: uniqueKey('shy') } }));
    const slot = addSlot(root);
    const frame = await frameWithStatus(slot, 'timeout');
    const alert = frame.shadowRoot?.querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain('did not respond in time');
    const firstIframe = frame.querySelector('iframe');
    alert?.querySelector('button')?.click();
    await frameWithStatus(slot, 'ready');
    expect(frame.querySelectorAll('iframe')).to.have.length(1);
    expect(frame.querySelector('iframe')).to.not.equal(firstIframe);
  });

  it('ends in error when the widget page cannot be loaded', async () => {
    const { host, root } = setup();
    const origin = 'http://127.0.0.1:59999';
    host.install(manifest('gone', { origin, url: `${origin}/widget.html` }));
    const slot = addSlot(root);
    const frame = await frameWithStatus(slot, 'error');
    expect(frame.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.contain(
      `Nothing answered at ${origin}/widget.html`,
    );
  });

  it('creates the iframe only when the slot comes near the viewport', async () => {
    const { host, root } = setup();
    host.install(manifest('lazy'));
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    root.append(spacer);
    const slot = addSlot(root);
    await waitFor(() => framesOf(slot).length === 1, 'the frame');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const frame = framesOf(slot)[0];
    expect(frame?.getAttribute('status')).to.equal('queued');
    expect(frame?.querySelector('iframe')).to.equal(null);
    slot.scrollIntoView();
    await frameWithStatus(slot, 'ready');
    window.scrollTo(0, 0);
  });

  it('never loads more iframes at once than the load queue allows', async () => {
    const { host, root } = setup({ loadConcurrency: 2 });
    for (let i = 1; i <= 5; i++) host.install(manifest(`queued-${i}`, { query: { delay: '300' } }));
    let most = 0;
    const unsubscribe = host.store.subscribe((state) => {
      const loading = Object.values(state.widgets).filter(
        (w) => w.status === 'loading' || w.status === 'connecting',
      );
      most = Math.max(most, loading.length);
    });
    cleanups.push(unsubscribe);
    const slot = addSlot(root);
    await waitFor(
      () =>
        framesOf(slot).length === 5 &&
        framesOf(slot).every((f) => f.getAttribute('status') === 'ready'),
      'all five widgets to be ready',
      15_000,
    );
    expect(most).to.equal(2);
  });

  it('reuses the live iframe when the entity changes, sending open instead of reloading', async () => {
    const recorder = recordFixtureEvents();
    cleanups.push(() => {
      recorder.stop();
    });
    const { host, root } = setup();
    host.install(manifest('reused'));
    const slot = addSlot(root, 'customerorder.card', '42');
    const frame = await frameWithStatus(slot, 'ready');
    const iframe = frame.querySelector('iframe');
    const fromIt = () => recorder.events.filter((e) => e.source === iframe?.contentWindow);
    await waitFor(() => fromIt().some((e) => e.type === 'connected'), 'the widget to connect');

    slot.entityId = '43';
    await waitFor(() => fromIt().some((e) => e.type === 'open'), 'open to reach the widget');

    expect(framesOf(slot)[0]).to.equal(frame);
    expect(frame.querySelector('iframe')).to.equal(iframe);
    expect(fromIt().filter((e) => e.type === 'loaded')).to.have.length(1);
    const opened = fromIt().find((e) => e.type === 'open')?.data as {
      entity: unknown;
      instanceId: string;
    };
    expect(opened.entity).to.deep.equal({ type: 'customerorder', id: '43' });
    expect(host.store.getState().widgets[frame.instanceId]?.entity).to.deep.equal({
      type: 'customerorder',
      id: '43',
    });
  });

  it('leaves no iframe, message listener or store entry after unmount', async () => {
    const listeners = new Set<unknown>();
    const add = window.addEventListener.bind(window);
    const remove = window.removeEventListener.bind(window);
    window.addEventListener = ((
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: unknown,
    ) => {
      if (type === 'message') listeners.add(listener);
      add(type, listener, options as AddEventListenerOptions);
    }) as typeof window.addEventListener;
    window.removeEventListener = ((
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: unknown,
    ) => {
      if (type === 'message') listeners.delete(listener);
      remove(type, listener, options as EventListenerOptions);
    }) as typeof window.removeEventListener;
    cleanups.push(() => {
      window.addEventListener = add;
      window.removeEventListener = remove;
    });

    const { host, root } = setup();
    host.install(manifest('unmounted'));
    host.install(manifest('unmounted-too'));
    const slot = addSlot(root);
    await frameWithStatus(slot, 'ready', 1);
    expect(listeners.size).to.be.greaterThan(0);
    expect(allIframes(root)).to.have.length(2);

    slot.remove();

    expect(allIframes()).to.have.length(0);
    expect(host.store.getState().widgets).to.deep.equal({});
    expect(listeners.size).to.equal(0);
    expect(host.loadQueue.active).to.equal(0);
  });

  for (const [reported, min, max, expected] of [
    [2000, 40, 400, 400],
    [10, 100, 400, 100],
    [250, 40, 400, 250],
  ] as const) {
    it(`sizes the iframe to a reported ${reported}px within ${min}–${max}px: ${expected}px`, async () => {
      const { host, root } = setup();
      host.install(
        manifest(`sized-${reported}`, {
          query: { height: String(reported) },
          height: { min, max, initial: Math.max(min, Math.min(max, 120)) },
        }),
      );
      const slot = addSlot(root);
      const frame = await frameWithStatus(slot, 'ready');
      await waitFor(
        () => frame.querySelector('iframe')?.getBoundingClientRect().height === expected,
        () =>
          `the iframe to be ${expected}px (is ${frame.querySelector('iframe')?.getBoundingClientRect().height})`,
      );
      expect(host.store.getState().widgets[frame.instanceId]?.height).to.equal(expected);
    });
  }

  it('serves two hosts on one page, each in its own root', async () => {
    const a = setup();
    const b = setup();
    a.host.install(manifest('app-a'));
    b.host.install(manifest('app-b'));
    const slotA = addSlot(a.root);
    const slotB = addSlot(b.root);
    await frameWithStatus(slotA, 'ready');
    await frameWithStatus(slotB, 'ready');
    expect(framesOf(slotA).map((f) => f.getAttribute('app-id'))).to.deep.equal(['app-a']);
    expect(framesOf(slotB).map((f) => f.getAttribute('app-id'))).to.deep.equal(['app-b']);
  });

  it('starts a widget shown again at the height it last had, so the card does not shift', async () => {
    const { host, root } = setup();
    host.install(manifest('tracker', { url: FIXTURE_PAGE }));
    const first = addSlot(root);
    const widget = await commandedFixture(first);
    await widget.value('connect', { hostOrigins: [hostOrigin], autoResize: false });
    await frameWithStatus(first, 'ready');
    await widget.value('call', { method: 'widget.resize', params: { height: 210 } });
    first.remove();
    // The same card on the next order: its iframe is made at 210 px, before the page speaks.
    const again = addSlot(root, 'customerorder.card', '43');
    await waitFor(() => framesOf(again)[0]?.querySelector('iframe') != null, 'the new iframe');
    const iframe = framesOf(again)[0]?.querySelector('iframe');
    expect(iframe?.style.height).to.equal('210px');
    expect(Object.values(host.store.getState().widgets).map((w) => w.height)).to.deep.equal([210]);
    // Another host's install is another app: it starts at the manifest's initial height.
    cleanUp();
    const other = setup();
    other.host.install(manifest('tracker', { url: FIXTURE_PAGE }));
    const fresh = addSlot(other.root);
    await waitFor(() => framesOf(fresh)[0]?.querySelector('iframe') != null, 'a fresh iframe');
    expect(framesOf(fresh)[0]?.querySelector('iframe')?.style.height).to.equal('120px');
  });
});
