import { expect } from 'chai';
import {
  HostWidgetFrameElement,
  HostWidgetRetryEvent,
  type HostWidgetStatus,
} from '@plugboard/host-runtime';

async function mountFrame(status: HostWidgetStatus): Promise<HostWidgetFrameElement> {
  const frame = document.createElement('pb-widget-frame');
  frame.appId = 'delivery-tracker';
  frame.appName = 'Delivery tracker';
  frame.status = status;
  const content = document.createElement('div');
  content.className = 'widget-content';
  content.style.height = '80px';
  content.textContent = 'widget';
  frame.append(content);
  document.body.append(frame);
  await frame.updateComplete;
  return frame;
}

function shadow(frame: HostWidgetFrameElement): ShadowRoot {
  if (!frame.shadowRoot) throw new Error('pb-widget-frame has no shadow root');
  return frame.shadowRoot;
}

describe('<pb-widget-frame>', () => {
  afterEach(() => {
    for (const frame of document.querySelectorAll('pb-widget-frame')) frame.remove();
  });

  it('is the registered pb-widget-frame element', () => {
    expect(customElements.get('pb-widget-frame')).to.equal(HostWidgetFrameElement);
  });

  it('reflects its status and app id to attributes', async () => {
    const frame = await mountFrame('loading');
    expect(frame.getAttribute('status')).to.equal('loading');
    expect(frame.getAttribute('app-id')).to.equal('delivery-tracker');
    frame.status = 'ready';
    await frame.updateComplete;
    expect(frame.getAttribute('status')).to.equal('ready');
  });

  for (const status of ['queued', 'loading', 'connecting'] as const) {
    it(`shows a loading skeleton over the widget's place, the widget hidden, while ${status}`, async () => {
      const frame = await mountFrame(status);
      const skeleton = shadow(frame).querySelector('[role="status"]');
      expect(skeleton?.textContent).to.contain('Loading Delivery tracker');
      // The widget keeps its height (the card does not move at ready), unseen under the skeleton.
      const widget = frame.querySelector('.widget-content') as HTMLElement;
      expect(getComputedStyle(widget).opacity).to.equal('0');
      expect(getComputedStyle(widget).pointerEvents).to.equal('none');
      expect(shadow(frame).querySelector('.content')?.getBoundingClientRect().height).to.equal(80);
      const covered = skeleton?.getBoundingClientRect();
      const place = widget.getBoundingClientRect();
      expect(covered?.top).to.be.at.least(place.top);
      expect(covered?.bottom).to.be.at.most(place.bottom);
    });
  }

  it('shows the widget and no skeleton when ready', async () => {
    const frame = await mountFrame('ready');
    expect(shadow(frame).querySelector('[role="status"]')).to.equal(null);
    expect(shadow(frame).querySelector('[role="alert"]')).to.equal(null);
    const box = shadow(frame).querySelector('.content')?.getBoundingClientRect();
    expect(box?.height).to.equal(80);
  });

  it('names the app in the header', async () => {
    const frame = await mountFrame('ready');
    expect(shadow(frame).querySelector('header')?.textContent).to.equal('Delivery tracker');
  });

  it('explains an error with its detail and offers Retry', async () => {
    const frame = await mountFrame('error');
    frame.errorMessage = 'HTTP 500';
    await frame.updateComplete;
    const alert = shadow(frame).querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain('Delivery tracker could not be loaded.');
    expect(alert?.textContent).to.contain('HTTP 500');
    expect(alert?.querySelector('button')?.textContent).to.equal('Retry');
  });

  it('explains a timeout', async () => {
    const frame = await mountFrame('timeout');
    const alert = shadow(frame).querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain('Delivery tracker did not respond in time.');
  });

  it('fires a bubbling, composed pb-widget-retry event with the app id on Retry', async () => {
    const frame = await mountFrame('timeout');
    const events: HostWidgetRetryEvent[] = [];
    document.body.addEventListener('pb-widget-retry', (event) => events.push(event), {
      once: true,
    });
    const button = shadow(frame).querySelector('button');
    button?.focus();
    expect(shadow(frame).activeElement).to.equal(button);
    button?.click();
    expect(events).to.have.length(1);
    expect(events[0]).to.be.instanceOf(HostWidgetRetryEvent);
    expect(events[0]?.appId).to.equal('delivery-tracker');
    expect(events[0]?.composed).to.equal(true);
  });
});
