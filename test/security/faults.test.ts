// Fault states: a widget page that never connects, throws on load, hangs,
// refuses the host, navigates away, reloads or closes its connection. Each
// must show a visible state within the handshake timeout + 10%, and recover:
// by Retry, or by reconnecting when the page comes back.
import { expect } from 'chai';
import {
  PROTOCOL_VERSION,
  type Host,
  type HostWidgetFrameElement,
  type HostWidgetStatus,
} from '@plugboard/host-runtime';
import { recordFixtureEvents, waitFor } from '../support/fixture-events.js';
import { driveFixture, fixtureReady } from '../support/fixture-widget.js';
import {
  addSlot,
  cleanUp,
  cleanups,
  commandedFixture,
  frameWithStatus,
  manifest,
  setup,
  uniqueKey,
} from '../support/host-page.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

const TIMEOUT_MS = 1_500;
/** The timeout + 10%, the longest a fault may take to show. */
const SHOWN_WITHIN_MS = TIMEOUT_MS * 1.1;

/** When each widget entered each status, from the store. */
function statusTimes(host: Host): (status: HostWidgetStatus) => number | undefined {
  const seen = new Map<HostWidgetStatus, number>();
  let previous: HostWidgetStatus | undefined;
  const unsubscribe = host.store.subscribe((state) => {
    const [widget] = Object.values(state.widgets);
    if (widget && widget.status !== previous) {
      previous = widget.status;
      seen.set(widget.status, performance.now());
    }
  });
  cleanups.push(unsubscribe);
  return (status) => seen.get(status);
}

function alertOf(frame: HostWidgetFrameElement): string {
  return frame.shadowRoot?.querySelector('[role="alert"]')?.textContent.replace(/\s+/g, ' ') ?? '';
}

function retry(frame: HostWidgetFrameElement): void {
  frame.shadowRoot?.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
}

function mountFault(query: Record<string, string>) {
  const { host, root } = setup({ limits: { handshakeTimeoutMs: TIMEOUT_MS } });
  const at = statusTimes(host);
  host.install(manifest('faulty', { query }));
  const slot = addSlot(root);
  return { host, slot, at };
}

/** How long from `from` to `to` (status entry times). */
function elapsed(
  at: (s: HostWidgetStatus) => number | undefined,
  from: HostWidgetStatus,
  to: HostWidgetStatus,
) {
  const start = at(from);
  const end = at(to);
  if (start === undefined || end === undefined) throw new Error(`no ${from} → ${to} in the store`);
  return end - start;
}

describe('fault states', () => {
  afterEach(cleanUp);

  it('a page that never connects times out in time, says connect() is missing, and Retry recovers', async () => {
    const { slot, at } = mountFault({ mode: 'silent-once', key: uniqueKey('silent') });
    const frame = await frameWithStatus(slot, 'timeout');
    expect(elapsed(at, 'loading', 'timeout')).to.be.at.most(SHOWN_WITHIN_MS);
    expect(alertOf(frame))
      .to.contain('App faulty did not respond in time.')
      .and.to.contain('never started the handshake')
      .and.to.contain('connect()');
    // The app's name appears once in the alert (the header has it too).
    expect(alertOf(frame).split('App faulty')).to.have.length(2);
    retry(frame);
    await frameWithStatus(slot, 'ready');
  });

  it('a page that throws on load times out in time, and Retry recovers', async () => {
    const { slot, at } = mountFault({ mode: 'throw-once', key: uniqueKey('throw') });
    const frame = await frameWithStatus(slot, 'timeout');
    expect(elapsed(at, 'loading', 'timeout')).to.be.at.most(SHOWN_WITHIN_MS);
    expect(alertOf(frame)).to.contain('never started the handshake');
    retry(frame);
    await frameWithStatus(slot, 'ready');
  });

  it('a page that hangs past the handshake timeout times out in time, and Retry recovers', async () => {
    const { slot, at } = mountFault({
      mode: 'hang-once',
      key: uniqueKey('hang'),
      hangMs: String(TIMEOUT_MS * 1.5),
    });
    const frame = await frameWithStatus(slot, 'timeout');
    expect(elapsed(at, 'loading', 'timeout')).to.be.at.most(SHOWN_WITHIN_MS);
    retry(frame);
    await frameWithStatus(slot, 'ready');
  });

  it('a page that refuses this host shows an error at once, naming the refused origin', async () => {
    const { slot, at } = mountFault({ hosts: 'https://orders.example' });
    const frame = await frameWithStatus(slot, 'error');
    expect(elapsed(at, 'loading', 'error')).to.be.below(TIMEOUT_MS);
    expect(alertOf(frame))
      .to.contain('App faulty could not be loaded.')
      .and.to.contain(`does not include ${hostOrigin}`)
      .and.to.contain('hostOrigins');
  });

  for (const action of ['reload', 'navigate'] as const) {
    it(`a page that ${action === 'reload' ? 'reloads' : 'navigates to another page of its origin'} is reconnected in the same iframe, with the current context`, async () => {
      const recorder = recordFixtureEvents();
      cleanups.push(() => {
        recorder.stop();
      });
      const { slot, at, host } = mountFault({ action, key: uniqueKey(action) });
      const frame = await frameWithStatus(slot, 'ready');
      const iframe = frame.querySelector('iframe');
      await waitFor(
        () => at('reconnecting') !== undefined,
        'the host to notice the page went away',
      );
      await waitFor(
        () => recorder.events.filter((e) => e.type === 'connected').length === 2,
        'the new page to connect',
      );
      await frameWithStatus(slot, 'ready');
      expect(frame.querySelector('iframe')).to.equal(iframe);
      const [, second] = recorder.events.filter((e) => e.type === 'connected');
      expect((second?.data as { entity: unknown }).entity).to.deep.equal({
        type: 'customerorder',
        id: '42',
      });
      // The reconnected widget takes entity switches as before.
      slot.entityId = '43';
      await waitFor(
        () => recorder.events.some((e) => e.type === 'open'),
        'open after reconnecting',
      );
      expect(host.store.getState().widgets[frame.instanceId]?.status).to.equal('ready');
    });
  }

  it('a page that closes its connection leaves "ready" at once, times out in time, and Retry recovers', async () => {
    const { slot, at } = mountFault({ action: 'destroy', key: uniqueKey('destroy') });
    await frameWithStatus(slot, 'reconnecting');
    const frame = await frameWithStatus(slot, 'timeout');
    expect(elapsed(at, 'reconnecting', 'timeout')).to.be.at.most(SHOWN_WITHIN_MS);
    expect(alertOf(frame)).to.contain('went away');
    retry(frame);
    await frameWithStatus(slot, 'ready');
  });

  it('a page that navigates its frame to the host origin is emptied and shown as an error', async () => {
    const { slot } = mountFault({ action: 'leave-host', key: uniqueKey('leave-host') });
    const frame = await frameWithStatus(slot, 'error');
    expect(alertOf(frame)).to.contain(`to this host's own origin ${hostOrigin}`);
    const iframe = frame.querySelector('iframe');
    await waitFor(
      () => iframe?.contentWindow?.location.href === 'about:blank',
      'the frame to be emptied',
    );
    expect(iframe?.contentDocument?.body.innerHTML ?? '').to.equal('');
  });

  it('a page that navigates to another origin gets nothing, and the frame says where it went', async () => {
    const calls: string[] = [];
    const { host, root } = setup({
      limits: { handshakeTimeoutMs: TIMEOUT_MS },
      services: {
        'storage.set': ({ key }) => {
          calls.push(key);
          return { version: 1 };
        },
      },
    });
    host.install({
      ...manifest('wanderer', { query: { action: 'leave-null', key: uniqueKey('leave-null') } }),
      permissions: ['storage'],
    });
    const slot = addSlot(root);
    const frame = await frameWithStatus(slot, 'ready');
    await frameWithStatus(slot, 'error');
    expect(alertOf(frame)).to.contain('on an opaque origin (a data: or sandboxed page)');
    expect(calls).to.deep.equal([]);
    expect(new URL(frame.querySelector('iframe')?.src ?? '').origin).to.equal(fixtureOrigin);
  });

  /** A slot whose widget is the command-driven fixture page, connected through the SDK. */
  async function commandedWidget() {
    const { host, root } = setup({ limits: { handshakeTimeoutMs: TIMEOUT_MS } });
    const at = statusTimes(host);
    host.install(manifest('commanded', { url: `${fixtureOrigin}/test/fixtures/widget.html` }));
    const slot = addSlot(root);
    const widget = await commandedFixture(slot);
    await widget.value('connect', { hostOrigins: [hostOrigin] });
    const frame = await frameWithStatus(slot, 'ready');
    return { host, slot, frame, widget, at };
  }

  it('a new page that starts a handshake with no goodbye is answered: its handshake is replayed to a new connection', async () => {
    const { slot, widget, at } = await commandedWidget();
    const reply = await widget.value<{ ok: boolean }>('helloWithProtocol', {
      hostOrigin,
      min: PROTOCOL_VERSION,
      max: PROTOCOL_VERSION,
    });
    expect(reply.ok).to.equal(true);
    expect(at('reconnecting')).to.be.a('number');
    await frameWithStatus(slot, 'ready');
  });

  it('a page that vanishes without a word is found gone by a ping after its load event, and its successor connects', async () => {
    const { slot, frame, widget, at } = await commandedWidget();
    const iframe = frame.querySelector('iframe') as HTMLIFrameElement;
    const next = fixtureReady(() => iframe.contentWindow);
    await widget.value('vanish', { to: `${fixtureOrigin}/test/fixtures/widget.html?next` });
    await next;
    await frameWithStatus(slot, 'reconnecting');
    expect(elapsed(at, 'ready', 'reconnecting')).to.be.below(TIMEOUT_MS);
    await driveFixture(iframe).value('connect', { hostOrigins: [hostOrigin] });
    await frameWithStatus(slot, 'ready');
  });
});
