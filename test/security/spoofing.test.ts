// Spoofing: every message a widget can send, sent by someone who is not the
// widget: a sibling frame, a frame nested inside the widget (on the widget's
// origin and on another), and the host page itself. Not one call may reach a
// host service, and the real widget keeps working. (A widget frame that
// navigated to another origin is in faults.test.ts.)
import { expect } from 'chai';
import type { HostServices } from '@plugboard/host-runtime';
import { closeBridges, openConnectedBridge, type Bridge } from '../support/bridge.js';
import { recordFixtureEvents, waitFor } from '../support/fixture-events.js';
import { loadFixtureWidget } from '../support/fixture-widget.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';
import { spoofMessages } from '../fixtures/spoof-messages.js';

/** Host services that note every call that reaches them. */
function countingServices(calls: string[]): HostServices {
  return {
    'storage.set': ({ key }) => {
      calls.push(`storage.set ${key}`);
      return { version: 1 };
    },
    'storage.get': ({ key }) => {
      calls.push(`storage.get ${key}`);
      return null;
    },
  };
}

describe('spoofing', () => {
  let calls: string[];
  let bridge: Bridge;
  let recorder: ReturnType<typeof recordFixtureEvents>;
  const extra: { remove(): void }[] = [];

  beforeEach(async () => {
    calls = [];
    recorder = recordFixtureEvents();
    bridge = await openConnectedBridge({
      services: countingServices(calls),
      permissions: ['storage'],
    });
  });
  afterEach(() => {
    recorder.stop();
    closeBridges();
    for (const item of extra.splice(0)) item.remove();
  });

  /** The real widget still gets through, and nothing else did. */
  async function onlyTheWidgetGotThrough() {
    await bridge.widget.value('call', { method: 'storage.get', params: { key: 'mine' } });
    expect(calls).to.deep.equal(['storage.get mine']);
  }

  function spoofed(count = 1) {
    return waitFor(
      () => recorder.events.filter((e) => e.type === 'spoofed').length >= count,
      'the spoofing frame to finish',
    );
  }

  it('from a sibling frame on the app origin: 0 calls accepted, and no answer reaches it', async () => {
    const sibling = document.createElement('iframe');
    sibling.src = `${fixtureOrigin}/test/fixtures/spoof.html?target=parent`;
    document.body.append(sibling);
    extra.push(sibling);
    await spoofed();
    const answers = recorder.events.find((e) => e.type === 'spoofed')?.data;
    expect(answers).to.equal(0);
    await onlyTheWidgetGotThrough();
  });

  for (const [name, origin] of [
    ['the app origin', fixtureOrigin],
    ['another origin', hostOrigin],
  ] as const) {
    it(`from a frame nested inside the widget, on ${name}: 0 calls accepted`, async () => {
      await bridge.widget.value('nest', { origin, target: 'grandparent' });
      await bridge.widget.value('nest', { origin, target: 'top' });
      await spoofed(2);
      await onlyTheWidgetGotThrough();
    });
  }

  it('from the host page itself: 0 calls accepted', async () => {
    for (const message of spoofMessages()) window.postMessage(message, '*');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await onlyTheWidgetGotThrough();
  });

  it("from another widget's window on the same origin, speaking as this one: 0 calls accepted", async () => {
    const other = await loadFixtureWidget();
    extra.push(other);
    await other.value('spoofParent');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await onlyTheWidgetGotThrough();
  });
});
