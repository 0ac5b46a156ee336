import { expect } from 'chai';
import { createHost, type HostToastRegionElement } from '@plugboard/host-runtime';

/** What <pb-toast-region> allows one app: on screen at once, and within 10 s. */
const MAX_TOASTS_PER_APP = 3;
const MAX_TOASTS_PER_WINDOW = 10;
import { waitFor } from '../support/fixture-events.js';
import {
  addSlot,
  cleanUp,
  commandedFixture,
  frameWithStatus,
  manifest,
  setup,
} from '../support/host-page.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function shadow(region: HostToastRegionElement): ShadowRoot {
  if (!region.shadowRoot) throw new Error('pb-toast-region has no shadow root');
  return region.shadowRoot;
}

async function newRegion(): Promise<HostToastRegionElement> {
  // The element loads with a host's first toast, or ahead with loadToasts().
  await createHost({ extensionPoints: [], user: { id: 'u-1', name: 'Ada' } }).loadToasts();
  const region = document.createElement('pb-toast-region');
  document.body.append(region);
  await region.updateComplete;
  return region;
}

describe('<pb-toast-region>', () => {
  afterEach(() => {
    for (const region of document.querySelectorAll('pb-toast-region')) region.remove();
    cleanUp();
  });

  it('announces toasts politely and errors assertively, naming the app', async () => {
    const region = await newRegion();
    region.show({ message: 'Saved', tone: 'success', appName: 'Delivery tracker' });
    region.show({ message: 'Carrier unreachable', tone: 'error', appName: 'Delivery tracker' });
    await region.updateComplete;
    const polite = shadow(region).querySelector('[role="status"][aria-live="polite"]');
    const urgent = shadow(region).querySelector('[role="alert"][aria-live="assertive"]');
    expect(polite?.textContent.replace(/\s+/g, ' '))
      .to.contain('Delivery tracker')
      .and.to.contain('Saved');
    expect(urgent?.textContent).to.contain('Carrier unreachable');
    expect(polite?.textContent).to.not.contain('Carrier unreachable');
  });

  it('shows text as text, never as HTML', async () => {
    const region = await newRegion();
    region.show({ message: '<b>bold</b><img src=x onerror=alert(1)>' });
    await region.updateComplete;
    const toast = shadow(region).querySelector('.toast');
    expect(toast?.querySelector('b, img')).to.equal(null);
    expect(toast?.textContent).to.contain('<b>bold</b><img src=x onerror=alert(1)>');
  });

  it('leaves after its duration, and its dismiss button removes it at once', async () => {
    const region = await newRegion();
    region.show({ message: 'Short', durationMs: 100 });
    region.show({ message: 'Long', durationMs: 60_000 });
    await waitFor(() => region.toasts.length === 1, 'the short toast to leave');
    await region.updateComplete;
    shadow(region).querySelector<HTMLButtonElement>('button[aria-label="Dismiss"]')?.click();
    await region.updateComplete;
    expect(region.toasts).to.deep.equal([]);
  });

  it('stops its clock while hovered or focused, and restarts it after', async () => {
    const region = await newRegion();
    region.show({ message: 'Read me', durationMs: 200 });
    await region.updateComplete;
    const toast = shadow(region).querySelector('.toast') as HTMLElement;
    toast.dispatchEvent(new PointerEvent('pointerenter'));
    await sleep(400);
    expect(region.toasts).to.have.length(1);
    toast.dispatchEvent(new PointerEvent('pointerleave'));
    await waitFor(() => region.toasts.length === 0, 'the toast to leave after the pointer left');

    region.show({ message: 'Focus me', durationMs: 200 });
    await region.updateComplete;
    const button = shadow(region).querySelector<HTMLButtonElement>('button');
    button?.focus();
    await sleep(400);
    expect(region.toasts).to.have.length(1);
    button?.blur();
    await waitFor(() => region.toasts.length === 0, 'the toast to leave after focus left');
  });

  it("shows a widget's toasts.show in the host's region, naming its app, when the host lends none", async () => {
    const { host, root } = setup();
    host.install({
      ...manifest('toaster', { url: `${fixtureOrigin}/test/fixtures/widget.html` }),
      name: 'Toaster',
      permissions: ['toasts'],
    });
    const placed = document.createElement('pb-toast-region');
    root.append(placed);
    const slot = addSlot(root);
    const widget = await commandedFixture(slot);
    await widget.value('connect', { hostOrigins: [hostOrigin] });
    await frameWithStatus(slot, 'ready');
    await widget.value('call', {
      method: 'toasts.show',
      params: { message: 'Shipped', tone: 'success' },
    });
    expect(placed.toasts).to.deep.equal([
      { message: 'Shipped', tone: 'success', appName: 'Toaster', appId: 'toaster' },
    ]);
    expect(document.querySelectorAll('pb-toast-region')).to.have.length(1);
  });

  it("keeps one app's flood of toasts to a few on screen, counts its repeats, refuses it past a rate, and keeps another app's toast in view", async () => {
    const { host, root } = setup();
    for (const id of ['flooder', 'quiet']) {
      host.install({
        ...manifest(id, { url: `${fixtureOrigin}/test/fixtures/widget.html?app=${id}` }),
        permissions: ['toasts'],
      });
    }
    const region = document.createElement('pb-toast-region');
    root.append(region);
    const flooderSlot = addSlot(root);
    // Both pages' readiness is awaited from the start: they load side by side.
    const [flooder, quiet] = await Promise.all([
      commandedFixture(flooderSlot, 0),
      commandedFixture(flooderSlot, 1),
    ]);
    for (const widget of [flooder, quiet]) {
      await widget.value('connect', { hostOrigins: [hostOrigin] });
    }
    await quiet.value('call', { method: 'toasts.show', params: { message: 'Quiet one' } });
    const { codes, messages } = await flooder.value<{ codes: string[]; messages: string[] }>(
      'callEach',
      {
        method: 'toasts.show',
        params: [
          ...Array.from({ length: 4 }, () => ({ message: 'Same again' })),
          ...Array.from({ length: 16 }, (_, i) => ({ message: `Flood ${i}` })),
        ],
      },
    );
    // Ten within the window, then busy, saying why.
    expect(codes.filter((code) => code === 'ok')).to.have.length(MAX_TOASTS_PER_WINDOW);
    expect(codes.slice(MAX_TOASTS_PER_WINDOW).every((code) => code === 'busy')).to.equal(true);
    expect(messages[0]).to.equal(
      'App flooder showed 10 toasts within 10 s; this one was refused. Show fewer, or try again shortly.',
    );
    await region.updateComplete;
    const mine = region.toasts.filter((toast) => toast.appId === 'flooder');
    expect(mine.map((toast) => toast.message)).to.deep.equal(['Flood 3', 'Flood 4', 'Flood 5']);
    expect(mine).to.have.length(MAX_TOASTS_PER_APP);
    // The other app's toast is still there, and on screen.
    expect(region.toasts.map((toast) => toast.message)).to.include('Quiet one');
    const quietToast = [...shadow(region).querySelectorAll('.toast')].find((toast) =>
      toast.textContent.includes('Quiet one'),
    );
    const box = quietToast?.getBoundingClientRect();
    expect(box && box.top >= 0 && box.bottom <= window.innerHeight).to.equal(true);
  });

  it('counts a repeat of a toast on screen instead of showing it again', async () => {
    const region = await newRegion();
    for (let i = 0; i < 4; i++) region.show({ message: 'Saved', appName: 'A', appId: 'a' });
    await region.updateComplete;
    expect(region.toasts).to.have.length(1);
    expect(shadow(region).querySelector('.count')?.textContent).to.equal('×4');
  });
});
