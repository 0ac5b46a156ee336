// End-to-end: Order desk for React (packages/examples/react/), the second
// host product, built with @plugboard/react in StrictMode, as `npm start`
// serves it beside Order desk, driven in headless Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDemo } from '../../packages/examples/start.js';
import { launchChrome } from '../../scripts/launch-chrome.js';

describe('Order desk for React', () => {
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
    await page.setViewport({ width: 1280, height: 1100 });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  const at = (/** @type {string} */ hash) => new URL(`/react/#${hash}`, demo.hostUrl).href;

  /** The card's widget frames, each `app: status`. */
  const frames = () =>
    page.evaluate(() =>
      [
        ...(document
          .querySelector('pb-panel-slot')
          ?.shadowRoot?.querySelectorAll('pb-widget-frame') ?? []),
      ].map((frame) => `${frame.getAttribute('app-id')}: ${frame.getAttribute('status')}`),
    );

  /** Waits until the card shows `count` widget frames, all ready. */
  const ready = async (/** @type {number} */ count) => {
    await page
      .waitForFunction(
        (n) => {
          const all = [
            ...(document
              .querySelector('pb-panel-slot')
              ?.shadowRoot?.querySelectorAll('pb-widget-frame') ?? []),
          ];
          return all.length === n && all.every((frame) => frame.getAttribute('status') === 'ready');
        },
        { timeout: 15_000, polling: 100 },
        count,
      )
      .catch(async (/** @type {unknown} */ error) => {
        throw new Error(`the card's frames: ${(await frames()).join(', ')}`, { cause: error });
      });
  };

  /** How many widget pages the page has loaded into iframes (resource timing names each). */
  const iframeLoads = () =>
    page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .filter(
            (entry) => /** @type {PerformanceResourceTiming} */ (entry).initiatorType === 'iframe',
          ).length,
    );

  it("shows an order's widgets once each in StrictMode, and removes them all when the card goes", async () => {
    await page.goto(at('/orders/7'));
    // Delivery tracker (its panel and its label), Quick add, Credit check.
    await ready(4);
    assert.equal(await page.$('[data-testid="install-problems"]'), null);
    assert.equal(await iframeLoads(), 4, 'each widget page loaded once');
    assert.match(await page.$eval('h1', (h1) => h1.textContent ?? ''), /^Order SO-/);

    // To its counterparty: the order card and its iframes go; Credit check comes.
    await page.click('a[href^="#/counterparties/"]');
    await ready(1);
    assert.deepEqual(
      (await frames()).map((frame) => frame.split(':')[0]),
      ['credit-check'],
    );
    // One slot on the page now, with one widget's iframe in it.
    assert.deepEqual(
      await page.$$eval('pb-panel-slot', (slots) =>
        slots.map((slot) => slot.shadowRoot?.querySelectorAll('pb-widget-frame iframe').length),
      ),
      [1],
    );
    assert.equal(await iframeLoads(), 5);
  });

  it('keeps an edit behind the leave guard, discards it, and saves', async () => {
    await page.goto(at('/orders/12'));
    await ready(4);
    await page.type('[data-testid="comment"]', ' Ring twice.');
    await page.waitForSelector('[data-testid="dirty"]');
    // Leaving asks first; Stay keeps the card and the edit.
    await page.evaluate(() => {
      location.hash = '/orders';
    });
    const stay = await page.waitForFunction(
      () =>
        [...document.querySelectorAll('pb-dialog-layer, body *')]
          .flatMap((element) => [...(element.shadowRoot?.querySelectorAll('button') ?? [])])
          .find((button) => button.textContent?.trim() === 'Stay') ?? null,
      { timeout: 10_000, polling: 100 },
    );
    await /** @type {import('puppeteer-core').ElementHandle<HTMLButtonElement>} */ (stay).click();
    await page.waitForFunction(() => location.hash === '#/orders/12', { timeout: 10_000 });
    assert.match(
      await page.$eval(
        '[data-testid="comment"]',
        (input) => /** @type {HTMLInputElement} */ (input).value,
      ),
      /Ring twice\.$/,
    );
    await page.click('[data-testid="discard"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="dirty"]'), {
      timeout: 10_000,
    });
    await page.type('[data-testid="comment"]', ' Call first.');
    await page.click('[data-testid="save"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="dirty"]'), {
      timeout: 15_000,
    });
  });

  it("shows the apps' columns for the rows on screen of 10,000, virtualised, and fills new rows on scroll", async () => {
    await page.goto(at('/orders'));
    const cellsReady = () =>
      page.waitForFunction(
        () => {
          const cells = [...document.querySelectorAll('pb-list-cell')];
          return (
            cells.length > 0 &&
            cells.every(
              (cell) =>
                /** @type {{ state?: { status: string } }} */ (cell).state?.status === 'ready',
            )
          );
        },
        { timeout: 15_000, polling: 100 },
      );
    await cellsReady();
    const rows = await page.$$eval('[data-testid="orders"] [role="row"]', (all) => all.length);
    assert.ok(rows > 5 && rows < 60, `only the rows on screen exist (${rows})`);
    await page.$eval('[data-testid="orders"]', (list) => {
      list.scrollTop = 180_000;
    });
    await page.waitForFunction(() => document.querySelector('[aria-rowindex="5002"]') !== null, {
      timeout: 10_000,
      polling: 100,
    });
    await cellsReady();
    // One connector per app with columns, never an iframe per cell.
    const connectors = await page.$$eval(
      '[data-plugboard="connectors"] iframe',
      (all) => all.length,
    );
    assert.ok(connectors >= 1 && connectors <= 3, `connectors: ${connectors}`);
  });

  it('logged no error on the host page', () => {
    assert.deepEqual(problems, []);
  });
});
