// End-to-end: Order desk, the demo host product, as `npm start` serves it
// (host and vendor apps on two origins), driven in headless Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDemo } from '../../packages/examples/start.js';
import { launchChrome } from '../../scripts/launch-chrome.js';

describe('Order desk demo', () => {
  /** @type {Awaited<ReturnType<typeof startDemo>>} */
  let demo;
  /** @type {import('puppeteer-core').Browser} */
  let browser;
  /** @type {import('puppeteer-core').Page} */
  let page;
  /** @type {string[]} */
  const problems = [];

  before(async () => {
    demo = await startDemo({ hostPort: 0, vendorPort: 0, logLevel: 'silent' });
    browser = await launchChrome();
    page = await browser.newPage();
    page.on('console', (message) => {
      const text = message.text();
      // Lit's dev-mode notice: the demo must run lit as a host ships it.
      if (message.type() === 'error' || text.includes('postMessage') || text.includes('dev mode'))
        problems.push(text);
    });
    page.on('pageerror', (error) => problems.push(String(error)));
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  /**
   * Waits for an app's widget frame to reach status="ready". Polls: the status
   * changes inside a shadow root, which waitForSelector's mutation watch misses.
   * @param {string} appId
   */
  const widgetReady = (appId) =>
    page.waitForFunction(
      (id) =>
        [...document.querySelectorAll('pb-panel-slot')].some((slot) =>
          slot.shadowRoot?.querySelector(`pb-widget-frame[app-id="${id}"][status="ready"]`),
        ),
      { timeout: 15_000, polling: 100 },
      appId,
    );

  /** The vendor widget's frame (an out-of-process frame on the vendor origin). */
  const vendorFrame = (/** @type {string} */ app) => {
    const frame = page.frames().find((f) => f.url().startsWith(`${demo.vendorOrigin}/${app}/`));
    assert.ok(frame, `no ${app} frame from ${demo.vendorOrigin}`);
    return frame;
  };

  /** @param {import('puppeteer-core').Frame} frame @param {string} testId @param {string} text */
  const waitForText = (frame, testId, text) =>
    frame.waitForFunction(
      (id, expected) => document.querySelector(`[data-testid="${id}"]`)?.textContent === expected,
      { timeout: 15_000 },
      testId,
      text,
    );

  it('shows the delivery widget, from the vendor origin, with the order it was opened for', async () => {
    await page.goto(new URL('/orders/7', demo.hostUrl).href);
    assert.match(await page.title(), /Plugboard demo/);
    await widgetReady('delivery-tracker');
    const frame = vendorFrame('delivery-tracker');
    assert.notEqual(new URL(frame.url()).origin, new URL(demo.hostUrl).origin);
    await waitForText(frame, 'order-number', 'SO-00007');
  });

  it('follows a move to another order without reloading the widget iframe', async () => {
    const frame = vendorFrame('delivery-tracker');
    await frame.evaluate(() => {
      Object.assign(window, { loadedOnce: true });
    });
    await page.$eval('pb-panel-slot >>> iframe', (iframe) => {
      iframe.dataset['marker'] = 'first';
    });

    await page.click('[data-testid="next-order"]');

    await waitForText(frame, 'order-number', 'SO-00008');
    assert.equal(new URL(page.url()).pathname, '/orders/8');
    assert.equal(
      await frame.evaluate(() => 'loadedOnce' in window),
      true,
      'the widget page was reloaded',
    );
    assert.equal(
      await page.$eval('pb-panel-slot >>> iframe', (iframe) => iframe.dataset['marker']),
      'first',
    );
    assert.equal((await page.$$('pb-panel-slot >>> iframe')).length, 1);
  });

  it("shows a shipment status that agrees with the order's own status", async () => {
    /** @type {Record<string, string>} */
    const shipment = {
      new: 'Awaiting shipment',
      confirmed: 'Label created',
      shipped: 'In transit',
      delivered: 'Delivered',
    };
    const seen = new Set();
    for (const id of ['1', '2', '3', '4', '5', '6']) {
      await page.goto(new URL(`/orders/${id}`, demo.hostUrl).href);
      await widgetReady('delivery-tracker');
      const status = await page.$eval('main dd .status', (badge) => badge.textContent ?? '');
      seen.add(status);
      await waitForText(
        vendorFrame('delivery-tracker'),
        'shipment-status',
        shipment[status] ?? '?',
      );
    }
    assert.ok(seen.size >= 2, `orders 1 to 6 should not all be ${[...seen].join('')}`);
  });

  it("shows a widget's toast on the host page, naming the app, from the keyboard", async () => {
    // An order that has shipped something, so that there is someone to notify.
    for (const id of ['1', '2', '3', '4', '5', '6']) {
      await page.goto(new URL(`/orders/${id}`, demo.hostUrl).href);
      const status = await page.$eval('main dd .status', (badge) => badge.textContent ?? '');
      if (status !== 'new') break;
    }
    await widgetReady('delivery-tracker');
    const frame = vendorFrame('delivery-tracker');
    const number = await frame.$eval('[data-testid="order-number"]', (h2) => h2.textContent ?? '');
    await frame.focus('[data-testid="notify-customer"]');
    await page.keyboard.press('Enter');
    const toast = await page.waitForFunction(
      () =>
        document
          .querySelector('pb-toast-region')
          ?.shadowRoot?.querySelector('[role="status"] .toast')?.textContent,
      { timeout: 10_000, polling: 100 },
    );
    const text = String(await toast.jsonValue()).replace(/\s+/g, ' ');
    assert.match(text, /Delivery tracker/);
    assert.match(text, new RegExp(`Customer notified about ${number}\\.`));
  });

  it('shows the credit widget on a counterparty card with that counterparty', async () => {
    await page.goto(new URL('/counterparties/c3', demo.hostUrl).href);
    await widgetReady('credit-check');
    const name = await page.$eval('main h1', (h1) => h1.textContent);
    assert.ok(name);
    await waitForText(vendorFrame('credit-check'), 'counterparty-name', name);
  });

  it("takes the user to a host page from a widget's button, from the keyboard", async () => {
    await page.goto(new URL('/counterparties/c3', demo.hostUrl).href);
    await widgetReady('credit-check');
    const frame = vendorFrame('credit-check');
    await frame.waitForSelector('[data-testid="see-orders"]');
    await frame.focus('[data-testid="see-orders"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.pathname === '/orders', { timeout: 10_000 });
    assert.equal(await page.$eval('main h1', (h1) => h1.textContent), 'Customer orders');
  });

  it('logged no error, failed message or dev-mode notice on the host page', () => {
    assert.deepEqual(problems, []);
  });
});
