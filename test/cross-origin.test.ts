import { expect } from 'chai';
import { fixtureOrigin, fixtureUrl, hostOrigin } from './support/origins.js';

function loadFixture(name: string): { frame: HTMLIFrameElement; reported: Promise<MessageEvent> } {
  const frame = document.createElement('iframe');
  const reported = new Promise<MessageEvent>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      window.removeEventListener('message', onMessage);
      resolve(event);
    };
    window.addEventListener('message', onMessage);
  });
  frame.src = fixtureUrl(name);
  document.body.append(frame);
  return { frame, reported };
}

describe('test fixtures', () => {
  it('are served from an origin other than the test page', () => {
    expect(fixtureOrigin).to.not.equal(hostOrigin);
    expect(new URL(fixtureOrigin).hostname).to.not.equal(location.hostname);
  });

  it('load in an iframe that is really cross-origin', async () => {
    const { frame, reported } = loadFixture('report-origin.html');
    try {
      const event = await reported;
      expect(event.origin).to.equal(fixtureOrigin);
      expect(event.origin).to.not.equal(hostOrigin);
      expect((event.data as { origin: string }).origin).to.equal(fixtureOrigin);
      // The browser, not only the URL, treats the frame as another origin.
      expect(() => frame.contentWindow?.document).to.throw(DOMException);
    } finally {
      frame.remove();
    }
  });

  it('are denied their own web storage, as Safari denies a cross-site frame its', async () => {
    const { frame, reported } = loadFixture('report-origin.html');
    try {
      const { storage } = (await reported).data as { storage: Record<string, string> };
      expect(storage['localStorage']).to.match(/^denied: .*Access is denied/);
      expect(storage['sessionStorage']).to.match(/^denied: .*Access is denied/);
      // The test page itself, first-party, keeps its own.
      expect(() => localStorage.getItem('x')).to.not.throw();
    } finally {
      frame.remove();
    }
  });
});
