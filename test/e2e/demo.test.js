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
    // Tall enough for an order card's three panels, which load as they come into view.
    await page.setViewport({ width: 1280, height: 1100 });
    page.on('console', (message) => {
      const text = message.text();
      // Lit's dev-mode notice: the demo must run lit as a host ships it.
      if (message.type() === 'error' || text.includes('postMessage') || text.includes('dev mode'))
        problems.push(text);
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    // A test that leaves a card unsaved by a page load gets the browser's
    // "Leave site?" (the host's beforeunload): leave.
    page.on('dialog', (dialog) => void dialog.accept());
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  /**
   * Waits until the panels' widget frames are all status="ready": an app's
   * (`appId`; Delivery tracker has two on an order card) or every app's,
   * and, with `count`, exactly that many. Polls: the status changes inside
   * a shadow root, which waitForSelector's mutation watch misses.
   * @param {string | null} appId
   * @param {number | null} [count]
   */
  const framesReady = (appId, count = null) =>
    page.waitForFunction(
      (id, n) => {
        const frames = [...document.querySelectorAll('pb-panel-slot')].flatMap((slot) => [
          ...(slot.shadowRoot?.querySelectorAll(
            id === null ? 'pb-widget-frame' : `pb-widget-frame[app-id="${id}"]`,
          ) ?? []),
        ]);
        return (
          (n === null ? frames.length > 0 : frames.length === n) &&
          frames.every((frame) => frame.getAttribute('status') === 'ready')
        );
      },
      { timeout: 15_000, polling: 100 },
      appId,
      count,
    );
  const widgetReady = (/** @type {string} */ appId) => framesReady(appId);

  /** Presses the card's Save and returns what it says stopped the save. */
  const saveBlocked = async () => {
    await page.click('[data-testid="save"]');
    const blocked = await page.waitForFunction(
      () => document.querySelector('[data-testid="save-problems"]')?.textContent,
      { timeout: 10_000, polling: 100 },
    );
    return String(await blocked.jsonValue());
  };

  /**
   * The vendor widget's frame (an out-of-process frame on the vendor origin):
   * its page `name`, or else its panel.
   * @param {string} app
   * @param {string} [name]
   */
  const vendorFrame = (app, name) => {
    // The newest live one: frames of a page the test left may linger a moment, detached.
    const frame = page
      .frames()
      .filter(
        (f) =>
          !f.detached &&
          f.url().startsWith(`${demo.vendorOrigin}/${app}/${name ?? ''}`) &&
          // An app's connector serves lists, and lives on while the host page does;
          // Delivery tracker's Parcel label is a second widget on the order card.
          (name !== undefined || !/\/(connector|label)\.html/.test(f.url())),
      )
      .at(-1);
    assert.ok(frame, `no ${app} frame from ${demo.vendorOrigin}`);
    return frame;
  };

  /**
   * The app's widget frame once `selector` is in it: whichever of its live
   * frames has it (a frame of the page the test left may linger a moment,
   * not yet marked detached). Now and then puppeteer never gets an
   * out-of-process frame's execution context (the page runs and the host
   * has it ready, yet nothing can be evaluated in it); the page is then
   * loaded again, once, and `reloaded` redoes what the test had set up.
   * @param {string} app
   * @param {string} selector
   * @param {() => Promise<unknown>} [reloaded]
   */
  const frameWith = async (app, selector, reloaded = async () => undefined) => {
    for (let attempt = 0; ; attempt++) {
      vendorFrame(app); // there is one
      const frames = page
        .frames()
        .filter((f) => !f.detached && f.url().startsWith(`${demo.vendorOrigin}/${app}/`));
      try {
        return await Promise.any(
          frames.map((frame) =>
            frame.waitForSelector(selector, { timeout: 10_000 }).then(() => frame),
          ),
        );
      } catch {
        if (attempt > 0) {
          throw new Error(
            `no ${app} frame has ${selector}; its frames: ${frames.map((f) => `${f.url()}${f.detached ? ' (detached)' : ''}`).join(', ')}`,
          );
        }
        await page.reload();
        await widgetReady(app);
        await reloaded();
      }
    }
  };

  /**
   * Waits until the element `testId` in `frame` says `text`; a failure says what it said.
   * @param {import('puppeteer-core').Frame} frame @param {string} testId @param {string} text
   */
  const waitForText = (frame, testId, text) =>
    frame
      .waitForFunction(
        (id, expected) => document.querySelector(`[data-testid="${id}"]`)?.textContent === expected,
        { timeout: 15_000 },
        testId,
        text,
      )
      .catch(async (/** @type {unknown} */ error) => {
        const said = await frame
          .evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent, testId)
          .catch((/** @type {unknown} */ why) => `(unreadable: ${String(why)})`);
        throw new Error(
          `${frame.url()}: ${testId} says ${JSON.stringify(said)}, not ${JSON.stringify(text)} (${String(error)})`,
        );
      });

  /**
   * Waits until the element `testId` says `text` in whichever live frame of
   * the app's page `name` has it: a frame of a page the test left may linger,
   * not yet marked detached, and never answer. A failure says what each said.
   * @param {string} app @param {string} name @param {string} testId @param {string} text
   */
  const waitForTextIn = async (app, name, testId, text) => {
    vendorFrame(app, name); // there is one
    const frames = page
      .frames()
      .filter((f) => !f.detached && f.url().startsWith(`${demo.vendorOrigin}/${app}/${name}`));
    try {
      await Promise.any(frames.map((frame) => waitForText(frame, testId, text)));
    } catch (error) {
      const errors = error instanceof AggregateError ? error.errors : [error];
      throw new Error(errors.map(String).join('\n'), { cause: error });
    }
  };

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
    await page.$eval(
      'pb-panel-slot >>> pb-widget-frame[app-id="delivery-tracker"] iframe',
      (iframe) => {
        iframe.dataset['marker'] = 'first';
      },
    );

    await page.click('[data-testid="next-order"]');

    await waitForText(frame, 'order-number', 'SO-00008');
    assert.equal(new URL(page.url()).pathname, '/orders/8');
    assert.equal(
      await frame.evaluate(() => 'loadedOnce' in window),
      true,
      'the widget page was reloaded',
    );
    assert.equal(
      await page.$eval(
        'pb-panel-slot >>> pb-widget-frame[app-id="delivery-tracker"] iframe',
        (iframe) => iframe.dataset['marker'],
      ),
      'first',
    );
    // Delivery tracker's panel and Parcel label, Credit check's order limit,
    // Quick add and Loyalty points: one iframe each, once all are ready
    // (Loyalty points' iframe comes once Order desk's backend gave its page
    // a context key).
    await framesReady(null, 5);
    assert.equal((await page.$$('pb-panel-slot >>> iframe')).length, 5);
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
      const status = await page.$eval(
        '[data-testid="status"]',
        (select) => /** @type {HTMLSelectElement} */ (select).value,
      );
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
      const status = await page.$eval(
        '[data-testid="status"]',
        (select) => /** @type {HTMLSelectElement} */ (select).value,
      );
      if (status !== 'new') break;
    }
    await widgetReady('delivery-tracker');
    // Ready is the handshake; the button comes once the page has rendered its order.
    const frame = await frameWith('delivery-tracker', '[data-testid="notify-customer"]');
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

  it("keeps a counterparty's notes across a reload, per user or for everyone", async () => {
    await page.goto(new URL('/counterparties/c2', demo.hostUrl).href);
    await widgetReady('credit-check');
    const typeNote = async (/** @type {string} */ who, /** @type {string} */ text) => {
      const frame = await frameWith('credit-check', '[data-testid="notes-status"]');
      // The notes load from the host's storage (IndexedDB here): say what they said if they do not.
      await frame
        .waitForSelector('[data-testid="notes"]:not([disabled])', { timeout: 20_000 })
        .catch(async (/** @type {unknown} */ error) => {
          const said = await frame.$eval('[data-testid="notes-status"]', (p) => p.textContent);
          throw new Error(`The notes did not load: ${String(said)} (${String(error)})`);
        });
      await frame.click(`[data-testid="notes-${who}"]`);
      await frame.waitForSelector('[data-testid="notes"]:not([disabled])');
      await frame.$eval('[data-testid="notes"]', (el) => {
        /** @type {HTMLTextAreaElement} */ (el).value = '';
      });
      await frame.type('[data-testid="notes"]', text);
      await waitForText(frame, 'notes-status', 'Saved.');
    };
    const mine = `Mine ${Date.now()}`;
    const everyone = `Shared ${Date.now()}`;
    await typeNote('me', mine);
    await typeNote('everyone', everyone);
    await page.reload();
    await widgetReady('credit-check');
    const frame = await frameWith('credit-check', '[data-testid="notes"]:not([disabled])');
    assert.equal(
      await frame.$eval(
        '[data-testid="notes"]',
        (el) => /** @type {HTMLTextAreaElement} */ (el).value,
      ),
      mine,
    );
    await frame.click('[data-testid="notes-everyone"]');
    await frame.waitForFunction(
      (text) =>
        /** @type {HTMLTextAreaElement | null} */ (document.querySelector('[data-testid="notes"]'))
          ?.value === text,
      { timeout: 10_000 },
      everyone,
    );
  });

  it("gets the score from Credit check's backend only with a token it verified", async () => {
    await page.goto(new URL('/counterparties/c3', demo.hostUrl).href);
    await widgetReady('credit-check');
    const frame = await frameWith('credit-check', '[data-testid="verified-score"][data-verified]');
    assert.equal(
      await frame.$eval('[data-testid="verified-score"]', (el) => el.getAttribute('data-verified')),
      'true',
    );
    assert.match(
      await frame.$eval('[data-testid="verified-score"]', (el) => el.textContent ?? ''),
      /^Verified by Ledgerline: \d+ \(\w+\)\.$/,
    );
    // The backend itself: no token, a forged one, one for another entity.
    const score = new URL('/credit-check/api/score?counterparty=c3', demo.vendorOrigin);
    assert.equal((await fetch(score)).status, 401);
    const forged = ['{"alg":"ES256"}', '{"sub":"u-1","aud":"credit-check"}']
      .map((part) => Buffer.from(part).toString('base64url'))
      .join('.');
    const refused = await fetch(score, { headers: { authorization: `Bearer ${forged}.c2ln` } });
    assert.equal(refused.status, 401);
    assert.match(String((await refused.json()).error), /refused/);
    const jwks = await (await fetch(new URL('/.well-known/jwks.json', demo.hostUrl))).json();
    assert.equal(jwks.keys[0].alg, 'ES256');
    assert.equal(jwks.keys[0].d, undefined, 'the JWKS holds no private key');
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

  /** Waits for `count` open host dialogs; resolves with the top one's title. */
  const dialogsOpen = async (/** @type {number} */ count) => {
    const title = await page.waitForFunction(
      (n) => {
        const open = [...document.querySelectorAll('pb-dialog')].filter(
          (dialog) => dialog.shadowRoot?.querySelector('dialog')?.open,
        );
        const top = /** @type {HTMLElement & { heading?: string } | undefined} */ (open.at(-1));
        return open.length === n && (n === 0 || top?.heading);
      },
      { timeout: 10_000, polling: 100 },
      count,
    );
    return title.jsonValue();
  };

  /** The element with focus on the host page, through shadow roots: its tag and text. */
  const hostFocus = () =>
    page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return `${active?.tagName.toLowerCase()} ${active?.textContent?.trim() ?? ''}`.trim();
    });

  /** Waits until the open picker's search box has the focus on the host page. */
  const searchBoxFocused = () =>
    page.waitForFunction(
      () => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active?.getAttribute('role') === 'combobox';
      },
      { timeout: 10_000, polling: 50 },
    );

  /** An order whose shipment is on its way, so that it can be cancelled. */
  const shippedOrder = async () => {
    for (const id of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      await page.goto(new URL(`/orders/${id}`, demo.hostUrl).href);
      const status = await page.$eval(
        '[data-testid="status"]',
        (select) => /** @type {HTMLSelectElement} */ (select).value,
      );
      if (status === 'confirmed' || status === 'shipped') return;
    }
    throw new Error('no confirmed or shipped order among the first eight');
  };

  it("changes the carrier in the app's own dialog, with the keyboard alone", async () => {
    await shippedOrder();
    await widgetReady('delivery-tracker');
    const panel = vendorFrame('delivery-tracker');
    await panel.waitForSelector('[data-testid="change-carrier"]');
    const before = await panel.$eval('[data-testid="carrier"]', (el) => el.textContent ?? '');
    await panel.focus('[data-testid="change-carrier"]');
    await page.keyboard.press('Enter');
    assert.equal(await dialogsOpen(1), 'Choose carrier');
    const dialog = await page.waitForFrame(
      (frame) => frame.url().startsWith(`${demo.vendorOrigin}/delivery-tracker/carrier.html`),
      { timeout: 10_000 },
    );
    // The page has the focus, on the current carrier.
    await dialog.waitForFunction(
      (current) =>
        document.hasFocus() &&
        document.activeElement instanceof HTMLInputElement &&
        document.activeElement.value === current,
      { timeout: 10_000, polling: 100 },
      before,
    );
    // A pick not saved: Escape asks first, and the user keeps editing.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    assert.equal(await dialogsOpen(2), 'Discard changes?');
    assert.equal(await hostFocus(), 'button Keep editing');
    await page.keyboard.press('Enter');
    await dialogsOpen(1);
    const picked = await dialog.waitForFunction(
      () =>
        document.hasFocus() &&
        document.activeElement instanceof HTMLInputElement &&
        document.activeElement.checked &&
        document.activeElement.value,
      { timeout: 10_000, polling: 100 },
    );
    const carrier = String(await picked.jsonValue());
    assert.notEqual(carrier, before);
    // Enter on the radio group submits the dialog's form: Save carrier.
    await page.keyboard.press('Enter');
    await dialogsOpen(0);
    await waitForText(panel, 'carrier', carrier);
    // The Parcel label, the app's other widget on the card, heard it through
    // the host's broker, with no reload.
    await waitForTextIn('delivery-tracker', 'label.html', 'label-carrier', carrier);
    assert.equal(await hostFocus(), 'iframe', 'the focus went back to the panel');
    // …to the button the user pressed, so the keyboard carries on from there.
    await panel.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'change-carrier',
      { timeout: 10_000, polling: 100 },
    );
  });

  it('cancels a shipment behind a destructive host confirm, then says so, with the keyboard alone', async () => {
    await shippedOrder();
    await widgetReady('delivery-tracker');
    const panel = await frameWith('delivery-tracker', '[data-testid="cancel-shipment"]');
    const number = await panel.$eval('[data-testid="order-number"]', (h2) => h2.textContent ?? '');
    await panel.focus('[data-testid="cancel-shipment"]');
    await page.keyboard.press('Enter');
    assert.equal(await dialogsOpen(1), 'Cancel the shipment?');
    // Destructive: the focus starts on the safe answer.
    assert.equal(await hostFocus(), 'button Keep shipment');
    await page.keyboard.press('Tab');
    assert.equal(await hostFocus(), 'button Cancel shipment');
    await page.keyboard.press('Enter');
    await dialogsOpen(0);
    await waitForText(panel, 'shipment-status', 'Shipment cancelled');
    await page.waitForFunction(
      (expected) =>
        document
          .querySelector('pb-toast-region')
          ?.shadowRoot?.querySelector('[role="status"]')
          ?.textContent?.includes(expected),
      { timeout: 10_000, polling: 100 },
      `Shipment of ${number} cancelled.`,
    );
  });

  it("compares two counterparties through the host's selector, with the keyboard alone", async () => {
    await page.goto(new URL('/counterparties/c1', demo.hostUrl).href);
    await widgetReady('credit-check');
    const panel = vendorFrame('credit-check');
    await panel.waitForSelector('[data-testid="compare"]');
    await panel.focus('[data-testid="compare"]');
    await page.keyboard.press('Enter');
    assert.equal(await dialogsOpen(1), 'Counterparty');
    await searchBoxFocused();
    await page.keyboard.type('Kestrel');
    await page.waitForFunction(
      () => {
        const picker = document.querySelector('pb-picker')?.shadowRoot;
        const options = [...(picker?.querySelectorAll('[role="option"]') ?? [])];
        return options.length > 0 && options.every((o) => o.textContent?.includes('Kestrel'));
      },
      { timeout: 10_000, polling: 100 },
    );
    await page.keyboard.press('Enter');
    await dialogsOpen(0);
    const comparison = await panel.waitForFunction(
      () => {
        const text = document.querySelector('[data-testid="comparison"]');
        return text instanceof HTMLElement && !text.hidden && text.textContent;
      },
      { timeout: 10_000, polling: 100 },
    );
    const text = String(await comparison.jsonValue());
    assert.match(
      text,
      /^Northwind Trading: \d+ \(\w+\)\. Kestrel \w+: \d+ \(\w+\), (lower|higher|the same)\.$/,
    );
  });

  it("closes a widget's picker when the user goes Back, leaving nothing open", async () => {
    // In-app links: Back is the host's router (popstate), the page stays.
    await page.goto(new URL('/counterparties/c1', demo.hostUrl).href);
    await page.click('main .pager a');
    await page.waitForFunction(() => location.pathname === '/counterparties/c2');
    await page.evaluate(() => Object.assign(window, { samePage: true }));
    await widgetReady('credit-check');
    const panel = vendorFrame('credit-check');
    await panel.waitForSelector('[data-testid="compare"]');
    await panel.click('[data-testid="compare"]');
    await dialogsOpen(1);
    await page.goBack();
    await page.waitForFunction(() => location.pathname === '/counterparties/c1');
    assert.equal(await page.evaluate(() => 'samePage' in window), true, 'Back reloaded the page');
    await dialogsOpen(0);
    await page.waitForFunction(() => document.querySelectorAll('pb-dialog').length === 0, {
      timeout: 5_000,
    });
  });

  /** Picks goods matching `query` in the open goods picker: ticks the first `count`, then confirms. */
  const pickGoods = async (/** @type {string} */ query, /** @type {number} */ count) => {
    assert.equal(await dialogsOpen(1), 'Goods');
    // Type only once the search box has the focus (the picker takes it as it shows).
    await searchBoxFocused();
    await page.keyboard.type(query);
    await page.waitForFunction(
      (q) => {
        const options = [
          ...(document
            .querySelector('pb-picker')
            ?.shadowRoot?.querySelectorAll('[role="option"]') ?? []),
        ];
        return options.length > 0 && options.every((o) => o.textContent?.includes(q));
      },
      { timeout: 10_000, polling: 100 },
      query,
    );
    for (let i = 0; i < count; i++) {
      if (i > 0) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    }
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await dialogsOpen(0);
  };

  const cardValue = (/** @type {string} */ testId) =>
    page.$eval(
      `od-order-card [data-testid="${testId}"]`,
      (field) => /** @type {HTMLInputElement} */ (field).value,
    );

  it('walks the save flow: goods from Quick add, a save blocked naming Delivery tracker, a saved order that outlives a reload', async () => {
    // An order within its counterparty's credit limit, so that only the delivery can block.
    for (const id of ['3', '4', '5', '6', '7', '8']) {
      await page.goto(new URL(`/orders/${id}`, demo.hostUrl).href);
      await widgetReady('credit-check');
      const limit = await frameWith('credit-check', '[data-testid="credit-limit"]');
      const text = await limit.$eval('[data-testid="credit-limit"]', (p) => p.textContent ?? '');
      if (text.startsWith('Within')) break;
    }
    await widgetReady('quick-add');
    await widgetReady('delivery-tracker');
    const rows = await page.$$eval('[data-testid="positions"] tbody tr', (trs) => trs.length);

    const quick = await frameWith('quick-add', '[data-testid="add-goods"]');
    // From the keyboard, as the other scenarios: a mouse press in a widget's
    // frame moves the focus there across processes, and may land after the
    // picker took it.
    await quick.focus('[data-testid="add-goods"]');
    await page.keyboard.press('Enter');
    await pickGoods('Oak', 2);
    await waitForText(quick, 'quick-add-status', 'Added 2 goods to the order.');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="positions"] tbody tr').length === n,
      { timeout: 10_000, polling: 100 },
      rows + 2,
    );
    assert.match(
      await page.$eval('[data-testid="dirty"]', (p) => p.textContent ?? ''),
      /changes by Quick add/,
    );

    // Courier, without an address: the save is blocked, naming Delivery tracker.
    const tracker = vendorFrame('delivery-tracker');
    await tracker.waitForSelector('[data-testid="delivery-method"]');
    await tracker.select('[data-testid="delivery-method"]', 'courier');
    await page.waitForFunction(
      () =>
        /** @type {HTMLSelectElement | null} */ (
          document.querySelector('od-order-card [data-testid="delivery-method"]')
        )?.value === 'courier',
      { timeout: 10_000, polling: 100 },
    );
    assert.match(
      await saveBlocked(),
      /Not saved:\s*Delivery tracker: Courier delivery needs an address\./,
    );

    // A price edited in the card.
    const price = await page.$('[data-testid="positions"] tbody tr input.price');
    await price?.click({ clickCount: 3 });
    await price?.type('12.34');
    await page.keyboard.press('Tab');
    await page.waitForFunction(
      () =>
        /** @type {HTMLInputElement | null} */ (
          document.querySelector('[data-testid="positions"] tbody tr input.price')
        )?.value === '12.34',
    );

    // The address, typed in the widget, reaches the card's draft; now it saves.
    await tracker.type('[data-testid="delivery-address"]', '1 Harbour Street, Lisbon');
    await page.waitForFunction(
      () =>
        /** @type {HTMLInputElement | null} */ (
          document.querySelector('od-order-card [data-testid="delivery-address"]')
        )?.value === '1 Harbour Street, Lisbon',
      { timeout: 10_000, polling: 100 },
    );
    await page.click('[data-testid="save"]');
    // Done when the button is back from "Saving…" (the draft is clean as
    // soon as the order is persisted, before the widgets save their data).
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-testid="dirty"]') &&
        document.querySelector('[data-testid="save"]')?.textContent?.trim() === 'Save',
      { timeout: 10_000, polling: 100 },
    );
    assert.equal(
      await page.evaluate(
        () => document.querySelector('[data-testid="save-problems"]')?.textContent ?? null,
      ),
      null,
    );
    await tracker.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="booking"]')
          ?.textContent?.startsWith('Booked: courier to 1 Harbour Street, Lisbon'),
      { timeout: 10_000, polling: 100 },
    );

    // A reload: the order holds the changes.
    const path = new URL(page.url()).pathname;
    await page.reload();
    await page.waitForFunction((p) => location.pathname === p, {}, path);
    await page.waitForSelector('od-order-card [data-testid="delivery-method"]');
    assert.equal(await cardValue('delivery-method'), 'courier');
    assert.equal(await cardValue('delivery-address'), '1 Harbour Street, Lisbon');
    assert.equal(
      await page.$$eval('[data-testid="positions"] tbody tr', (trs) => trs.length),
      rows + 2,
    );
    assert.equal(
      await page.$eval(
        '[data-testid="positions"] tbody tr input.price',
        (input) => /** @type {HTMLInputElement} */ (input).value,
      ),
      '12.34',
    );
  });

  it('discards an edit: the card is back to the saved order, with nothing unsaved', async () => {
    await page.goto(new URL('/orders/11', demo.hostUrl).href);
    await widgetReady('delivery-tracker');
    const saved = await cardValue('comment');
    await page.type('od-order-card [data-testid="comment"]', ' and ring twice');
    await page.waitForSelector('[data-testid="dirty"]');
    await page.click('[data-testid="discard"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="dirty"]'), {
      timeout: 10_000,
      polling: 100,
    });
    assert.equal(await cardValue('comment'), saved);
    assert.equal(
      await page.$eval('[data-testid="discard"]', (button) => button.hasAttribute('disabled')),
      true,
    );
  });

  it('asks before a link or Back leaves a card with unsaved changes', async () => {
    // In-app links from /orders/9, so that Back is the router's (popstate).
    await page.goto(new URL('/orders/9', demo.hostUrl).href);
    await page.click('[data-testid="next-order"]');
    await page.waitForFunction(() => location.pathname === '/orders/10');
    await page.waitForSelector('od-order-card [data-testid="comment"]');
    await page.type('od-order-card [data-testid="comment"]', 'Call before delivery');
    await page.waitForSelector('[data-testid="dirty"]');

    // A link: the user stays (the focus starts on Stay).
    await page.click('[data-testid="next-order"]');
    assert.equal(await dialogsOpen(1), 'Leave without saving?');
    assert.equal(await hostFocus(), 'button Stay');
    await page.keyboard.press('Enter');
    await dialogsOpen(0);
    assert.equal(new URL(page.url()).pathname, '/orders/10');
    assert.equal(await cardValue('comment'), 'Call before delivery');

    // Back: the URL waits for the answer; the user leaves.
    await page.evaluate(() => {
      history.back();
    });
    assert.equal(await dialogsOpen(1), 'Leave without saving?');
    assert.equal(new URL(page.url()).pathname, '/orders/10');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.pathname === '/orders/9', { timeout: 10_000 });
    await page.waitForFunction(
      () => document.querySelector('od-order-card h1')?.textContent === 'Order SO-00009',
    );
  });

  it('creates an order on /orders/new, moving the same widget iframes to it', async () => {
    await page.goto(new URL('/orders/new', demo.hostUrl).href);
    // Every panel's frame, each in its iframe: they load as they come into
    // view. Four on the create page: Loyalty points, a MoySklad edit-page
    // widget, comes with the saved order.
    const allReady = (/** @type {number} */ count) => framesReady(null, count);
    await allReady(4);
    const mark = () =>
      page.$$eval('pb-panel-slot >>> iframe', (iframes) => {
        for (const iframe of iframes) iframe.dataset['marker'] = 'created-here';
      });
    await mark();
    const quick = await frameWith('quick-add', '[data-testid="add-goods"]', async () => {
      await allReady(4);
      await mark();
    });
    // From the keyboard, as the other scenarios: a mouse press in a widget's
    // frame moves the focus there across processes, and may land after the
    // picker took it.
    await quick.focus('[data-testid="add-goods"]');
    await page.keyboard.press('Enter');
    await pickGoods('Walnut', 1);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="positions"] tbody tr').length === 1,
      { timeout: 10_000, polling: 100 },
    );
    await page.click('[data-testid="save"]');
    await page.waitForFunction(() => /^\/orders\/\d+$/.test(location.pathname), {
      timeout: 10_000,
    });
    const number = await page.$eval('od-order-card h1', (h1) => h1.textContent ?? '');
    assert.match(number, /^Order SO-\d{5}$/);
    await waitForText(vendorFrame('delivery-tracker'), 'order-number', number.slice(6));
    await allReady(5);
    // The same four iframes, and Loyalty points' edit-page widget in a new one.
    assert.deepEqual(
      await page.$$eval('pb-panel-slot >>> iframe', (iframes) =>
        iframes.map((iframe) => iframe.dataset['marker'] ?? iframe.title),
      ),
      [
        'created-here',
        'created-here',
        'created-here',
        'created-here',
        'Loyalty points: document-customerorder-edit',
      ],
    );
  });

  /**
   * The texts of an app column's cells on the rows now rendered, by row id,
   * once every one of them has loaded.
   * @param {string} column `appId/columnId`
   */
  const shownCells = async (column) => {
    await page.waitForFunction(
      (key) => {
        const cells = [...document.querySelectorAll(`pb-list-cell[data-column="${key}"]`)];
        return (
          cells.length > 0 &&
          cells.every(
            (cell) =>
              /** @type {Element & { state?: { status: string } }} */ (cell).state?.status ===
              'ready',
          )
        );
      },
      { timeout: 15_000, polling: 100 },
      column,
    );
    return page.$$eval(`pb-list-cell[data-column="${column}"]`, (cells) =>
      Object.fromEntries(
        cells.map((cell) => [
          cell.closest('[data-order], [data-counterparty]')?.getAttribute('data-order') ??
            cell.closest('[data-counterparty]')?.getAttribute('data-counterparty'),
          cell.textContent?.trim(),
        ]),
      ),
    );
  };

  /**
   * The Book pickup dialog, once it is open and says `text` of the orders it got.
   * @param {string} text
   */
  const pickupDialog = async (text) => {
    assert.equal(await dialogsOpen(1), 'Book pickup');
    const dialog = await page.waitForFrame((frame) => frame.url().includes('/book-pickup.html'), {
      timeout: 10_000,
    });
    await waitForText(dialog, 'pickup-orders', text);
    return dialog;
  };

  it("shows apps' columns for the rows on screen of 10,000 orders, and fills new rows on scroll", async () => {
    await page.goto(new URL('/orders', demo.hostUrl).href);
    const first = await shownCells('delivery-tracker/delivery');
    const ids = Object.keys(first);
    assert.ok(ids.includes('1'), `row 1 among ${ids.join(', ')}`);
    assert.ok(ids.length < 100, `only the rows on screen are rendered (${ids.length})`);
    for (const text of Object.values(first)) {
      assert.match(String(text), /^(In transit|Delivered|Delayed|Pickup booked)$/);
    }
    const positions = await shownCells('quick-add/positions');
    assert.match(String(positions['1']), /^\d+$/);
    // One hidden connector per app with columns, none per cell.
    assert.equal(
      await page.$$eval('[data-plugboard="connectors"] iframe', (frames) => frames.length),
      2,
    );
    // Half way down, once the virtualiser has sized the list for all its
    // rows: the rows there render, and row 1 leaves the page.
    await page.waitForFunction(() => document.documentElement.scrollHeight > 100_000, {
      timeout: 10_000,
      polling: 100,
    });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-order="1"]') &&
        [...document.querySelectorAll('[data-order]')].some(
          (row) => Number(row.getAttribute('data-order')) > 4_000,
        ),
      { timeout: 10_000, polling: 100 },
    );
    const later = await shownCells('delivery-tracker/delivery');
    const far = Object.keys(later).filter((id) => Number(id) > 4_000);
    assert.ok(
      far.length > 0,
      `rows past 4,000 have their Delivery cells (${Object.keys(later).join(', ')})`,
    );
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('books a pickup for three selected orders: the dialog gets them, then their cells refresh', async () => {
    await page.goto(new URL('/orders', demo.hostUrl).href);
    await shownCells('delivery-tracker/delivery');
    for (const id of ['2', '3', '4']) {
      await page.click(`[data-order="${id}"] input[type="checkbox"]`);
    }
    await page.waitForFunction(
      () => document.querySelector('[data-testid="selected-count"]')?.textContent === '3 selected',
    );
    const book = 'pb-action-bar >>> button[data-action="delivery-tracker/book-pickup"]';
    await page.waitForFunction(
      (selector) =>
        document
          .querySelector('pb-action-bar')
          ?.shadowRoot?.querySelector(selector)
          ?.getAttribute('aria-disabled') === 'false',
      { timeout: 10_000 },
      'button[data-action="delivery-tracker/book-pickup"]',
    );
    await page.focus(book);
    await page.keyboard.press('Enter');
    const dialog = await pickupDialog('Book a pickup for 3 orders: 2, 3, 4');
    // From the keyboard, as the other dialogs here (see the save flow's picker).
    await dialog.focus('button[type="submit"]');
    await page.keyboard.press('Enter');
    await dialogsOpen(0);
    await page.waitForFunction(
      () =>
        ['2', '3', '4'].every(
          (id) =>
            document
              .querySelector(
                `[data-order="${id}"] pb-list-cell[data-column="delivery-tracker/delivery"]`,
              )
              ?.textContent?.trim() === 'Pickup booked',
        ),
      { timeout: 10_000, polling: 100 },
    );
    await toastShown(/^Booked 3 pickups for tomorrow morning\.$/);
  });

  /** Presses an action bar's button from the keyboard, once it is enabled. */
  const pressAction = async (/** @type {string} */ bar, /** @type {string} */ key) => {
    await page.waitForFunction(
      (barSelector, action) =>
        document
          .querySelector(barSelector)
          ?.shadowRoot?.querySelector(`button[data-action="${action}"]`)
          ?.getAttribute('aria-disabled') === 'false',
      { timeout: 10_000, polling: 100 },
      bar,
      key,
    );
    await page.focus(`${bar} >>> button[data-action="${key}"]`);
    await page.keyboard.press('Enter');
  };

  /** Waits for a toast whose message `matches`, and returns the message. */
  const toastShown = async (/** @type {RegExp} */ matches) => {
    const found = await page.waitForFunction(
      (source) =>
        /** @type {(Element & { toasts: { message: string }[] }) | null} */ (
          document.querySelector('pb-toast-region')
        )?.toasts.find(({ message }) => new RegExp(source).test(message))?.message,
      { timeout: 10_000, polling: 100 },
      matches.source,
    );
    return String(await found.jsonValue());
  };

  it('books a pickup from an order\'s card, and hands "select all" over as the list\'s query', async () => {
    await page.goto(new URL('/orders/5', demo.hostUrl).href);
    await widgetReady('delivery-tracker');
    await pressAction('od-order-card pb-action-bar', 'delivery-tracker/book-pickup-order');
    const dialog = await pickupDialog('Book a pickup for order: 5');
    await dialog.focus('button[type="submit"]');
    await page.keyboard.press('Enter');
    await dialogsOpen(0);

    await page.goto(new URL('/orders', demo.hostUrl).href);
    const cells = await shownCells('delivery-tracker/delivery');
    assert.equal(cells['5'], 'Pickup booked');
    // All the orders (10,000, and any an earlier test created), less one.
    const rows = await page.$eval('[role="table"]', (table) =>
      Number(table.getAttribute('aria-rowcount')),
    );
    const all = rows - 1;
    await page.click('input[aria-label="Select all orders"]');
    await page.click('[data-order="1"] input[type="checkbox"]');
    await page.waitForFunction(
      (count) =>
        document.querySelector('[data-testid="selected-count"]')?.textContent ===
        `${count} selected`,
      {},
      all - 1,
    );
    await pressAction('od-order-list pb-action-bar', 'delivery-tracker/book-pickup');
    await pickupDialog(`Book a pickup for all ${all - 1} orders in the list (1 left out)`);
    await page.keyboard.press('Escape');
    await dialogsOpen(0);
  });

  it('shows Credit on the counterparty list and rechecks one from its row', async () => {
    await page.goto(new URL('/counterparties', demo.hostUrl).href);
    const credit = await shownCells('credit-check/credit');
    assert.match(String(credit['c1']), /^\d{3} · (Excellent|Good|Fair|Poor)$/);
    const recheck = '[data-counterparty="c1"] pb-action-bar >>> button';
    await page.waitForSelector(recheck);
    await page.click(recheck);
    await toastShown(/^Rechecked: /);
  });

  it('runs Loyalty points, a MoySklad app installed from its XML descriptor, unchanged', async () => {
    await page.goto(new URL('/orders/9', demo.hostUrl).href);
    await widgetReady('loyalty-points');
    const order = await frameWith('loyalty-points', '[data-testid="loyalty-points"]');
    // Its page came with a context key, which its server exchanged, once,
    // with Order desk's backend: it knows who is signed in.
    assert.match(
      order.url(),
      /\?contextKey=[\w-]{43}&appUid=loyalty-points&appId=loyalty-points&userLocale=en_US$/,
    );
    await waitForText(order, 'loyalty-user', 'Signed in as Demo user.');
    // Clicks inside the widgets are DOM clicks: panels still loading above
    // can move a button between puppeteer's measuring it and its click.
    // A malformed card number in the card's own comment: Change, then a
    // verdict that blocks the save, naming the app.
    await page.click('[data-testid="comment"]', { clickCount: 3 });
    await page.keyboard.press('Backspace');
    await page.type('[data-testid="comment"]', 'Card #LP-12');
    await waitForText(order, 'loyalty-status', 'Loyalty card numbers look like #LP-123456.');
    assert.match(await saveBlocked(), /Loyalty points: Loyalty card numbers look like #LP-123456/);
    // "Add card number": UpdateRequest writes the card's comment in the draft.
    await order.$eval('[data-testid="add-card"]', (button) =>
      /** @type {HTMLElement} */ (button).click(),
    );
    await page.waitForFunction(
      () =>
        /^Card #LP-\d{6}$/.test(
          /** @type {HTMLTextAreaElement | null} */ (
            document.querySelector('[data-testid="comment"]')
          )?.value ?? '',
        ),
      { timeout: 10_000, polling: 100 },
    );
    // A popup: parameters in (OpenPopup), its answer back (ClosePopup).
    await order.$eval('[data-testid="redeem"]', (button) =>
      /** @type {HTMLElement} */ (button).click(),
    );
    assert.equal(await dialogsOpen(1), 'Loyalty points');
    const popup = await page.waitForFrame(
      (frame) => frame.url().startsWith(`${demo.vendorOrigin}/loyalty-points/redeem.html`),
      { timeout: 10_000 },
    );
    await popup.waitForSelector('[data-testid="redeem-half"]');
    await popup.$eval('[data-testid="redeem-half"]', (button) =>
      /** @type {HTMLElement} */ (button).click(),
    );
    await dialogsOpen(0);
    await order.waitForFunction(
      () =>
        /^Redeemed \d+ points\.$/.test(
          document.querySelector('[data-testid="loyalty-status"]')?.textContent ?? '',
        ),
      { timeout: 10_000 },
    );
    // On a counterparty card: the host's standard dialog with the app's buttons.
    await page.goto(new URL('/counterparties/c4', demo.hostUrl).href);
    await widgetReady('loyalty-points');
    const counterparty = await frameWith('loyalty-points', '[data-testid="how"]');
    await counterparty.$eval('[data-testid="how"]', (button) =>
      /** @type {HTMLElement} */ (button).click(),
    );
    await dialogsOpen(1);
    const gotIt = 'pb-dialog pb-standard-dialog >>> button';
    await page.waitForSelector(gotIt);
    const buttons = await page.$$(gotIt);
    for (const button of buttons) {
      if ((await button.evaluate((b) => b.textContent?.trim())) === 'Got it') await button.click();
    }
    await waitForText(counterparty, 'loyalty-answer', 'You chose ok.');
    await dialogsOpen(0);
    // A popup opened with popupParameters null gets null, as in MoySklad.
    await counterparty.$eval('[data-testid="terms"]', (button) =>
      /** @type {HTMLElement} */ (button).click(),
    );
    assert.equal(await dialogsOpen(1), 'Loyalty points');
    const terms = await page.waitForFrame(
      (frame) => frame.url().startsWith(`${demo.vendorOrigin}/loyalty-points/terms-popup.html`),
      { timeout: 10_000 },
    );
    await waitForText(terms, 'terms-parameters', 'Opened with parameters: null');
    await terms.$eval('[data-testid="close-terms"]', (button) =>
      /** @type {HTMLElement} */ (button).click(),
    );
    await dialogsOpen(0);
    await waitForText(counterparty, 'loyalty-answer', 'Terms closed (normal).');
  });

  it("shows a goods card with a native widget and the MoySklad app's (entity.product.edit)", async () => {
    await page.goto(new URL('/goods', demo.hostUrl).href);
    await page.click('a[href="/goods/g3"]');
    await framesReady(null, 2);
    const parcel = await frameWith('delivery-tracker', '[data-testid="parcel-size"]');
    assert.match(
      await parcel.$eval('[data-testid="parcel-size"]', (line) => line.textContent ?? ''),
      /^.+ ships as a (Small|Medium|Large) parcel, about \d+ kg\.$/,
    );
    const goods = await frameWith('loyalty-points', '[data-testid="loyalty-goods"]');
    assert.match(
      await goods.$eval('[data-testid="loyalty-goods"]', (line) => line.textContent ?? ''),
      /^Each unit earns \d bonus points\.$/,
    );
  });

  it("runs Loyalty points' buttons on its vendor's server: a notification, a popup, a new window", async () => {
    // A list's button with the selected rows: the vendor's notification.
    await page.goto(new URL('/orders', demo.hostUrl).href);
    await shownCells('delivery-tracker/delivery');
    for (const id of ['2', '3']) await page.click(`[data-order="${id}"] input[type="checkbox"]`);
    await pressAction('od-order-list pb-action-bar', 'loyalty-points/award');
    await toastShown(/^Awarded 10 bonus points on 2 orders\.$/);
    // "Select all" is a query, not rows: MoySklad's buttons take chosen rows only.
    await page.click('input[aria-label="Select all orders"]');
    await pressAction('od-order-list pb-action-bar', 'loyalty-points/award');
    await toastShown(/^Award bonus points failed: MoySklad buttons take chosen rows, at most 100/);
    // A card's button with its order: the app's popup, with the vendor's parameters.
    await page.goto(new URL('/orders/5', demo.hostUrl).href);
    await pressAction('od-order-card pb-action-bar', 'loyalty-points/redeem');
    assert.equal(await dialogsOpen(1), 'Loyalty points');
    const popup = await page.waitForFrame(
      (frame) => frame.url().startsWith(`${demo.vendorOrigin}/loyalty-points/redeem.html`),
      { timeout: 10_000 },
    );
    await popup.waitForFunction(
      () => /^Redeem points on order 5$/.test(document.querySelector('h2')?.textContent ?? ''),
      { timeout: 10_000 },
    );
    // Its ✕, as MoySklad's popups have: the user closed it.
    await page.click('pb-dialog >>> button.close');
    await dialogsOpen(0);
    // A row's button that takes no selection: the vendor's page in a new window.
    await page.goto(new URL('/counterparties', demo.hostUrl).href);
    const opened = browser.waitForTarget(
      (target) => target.url() === `${demo.vendorOrigin}/loyalty-points/terms.html`,
      { timeout: 10_000 },
    );
    await pressAction('[data-counterparty="c1"] pb-action-bar', 'loyalty-points/terms');
    await (await (await opened).page())?.close();
  });

  it("switches the bridge inspector on, showing a widget's call with its outcome, and off", async () => {
    await page.goto(new URL('/orders/3?inspect', demo.hostUrl).href);
    await page.waitForSelector('#inspector pb-inspector');
    await widgetReady('delivery-tracker');
    // Ready is the handshake; the button comes once the page has rendered its order.
    const frame = await frameWith('delivery-tracker', '[data-testid="notify-customer"]');
    await frame.$eval('[data-testid="notify-customer"]', (button) =>
      /** @type {HTMLElement} */ (button).click(),
    );
    const row = await page.waitForFunction(
      () => {
        const rows = document
          .querySelector('pb-inspector')
          ?.shadowRoot?.querySelectorAll('tbody tr[data-method="toasts.show"]');
        const last = rows?.[rows.length - 1];
        return last ? [...last.querySelectorAll('td')].map((td) => td.textContent?.trim()) : null;
      },
      { timeout: 10_000, polling: 100 },
    );
    const [, app, widget, direction, method, , outcome] = /** @type {string[]} */ (
      await row.jsonValue()
    );
    assert.deepEqual(
      [app, widget, direction, method, outcome],
      ['Delivery tracker', 'order-panel', 'widget→host', 'toasts.show', 'ok'],
    );
    // Above the calls, the telemetry of each app since the page loaded.
    const apps = await page.$eval('pb-inspector', (inspector) =>
      [...(inspector.shadowRoot?.querySelectorAll('.apps tbody th') ?? [])].map((th) =>
        th.textContent.trim(),
      ),
    );
    assert.ok(apps.includes('Delivery tracker'), `the per-app rows: ${apps.join(', ')}`);
    await page.click('#inspect');
    await page.waitForFunction(() => !document.querySelector('pb-inspector'));
    assert.equal(
      await page.$eval('#inspect', (button) => button.getAttribute('aria-pressed')),
      'false',
    );
  });

  it("refuses every page on the host's origin a widget brings in: its frame navigated there, a frame nested in it, a popup", async () => {
    // A page of its own: the refusals log CSP errors, which the host page of
    // the other tests must not have.
    const other = await browser.newPage();
    try {
      // The host page's size, as the other tests have it: the card's panels
      // lie within it, so none waits for a scroll to load (they load lazily).
      await other.setViewport({ width: 1280, height: 1100 });
      const host = new URL(demo.hostUrl).origin;
      const response = await other.goto(new URL('/orders/7', demo.hostUrl).href);
      assert.match(response?.headers()['content-security-policy'] ?? '', /frame-ancestors 'self'/);
      assert.equal(response?.headers()['cross-origin-opener-policy'], 'same-origin');
      const delivery = () =>
        other
          .frames()
          .find(
            (f) => !f.detached && f.url().startsWith(`${demo.vendorOrigin}/delivery-tracker/index`),
          );
      /**
       * Waits until the host says Delivery tracker's frame is ready (or, with
       * `ready` false, that it is not).
       * @param {boolean} ready @param {number} timeout
       */
      const deliveryReady = (ready, timeout) =>
        other
          .waitForFunction(
            (wanted) =>
              [...document.querySelectorAll('pb-panel-slot')].some((slot) =>
                [...(slot.shadowRoot?.querySelectorAll('pb-widget-frame') ?? [])].some(
                  (frame) =>
                    frame.getAttribute('app-id') === 'delivery-tracker' &&
                    (frame.getAttribute('status') === 'ready') === wanted,
                ),
              ),
            { timeout, polling: 100 },
            ready,
          )
          .catch(async (/** @type {unknown} */ error) => {
            // Say what the host page showed instead.
            const frames = await other.evaluate(() =>
              [...document.querySelectorAll('pb-panel-slot')].flatMap((slot) =>
                [...(slot.shadowRoot?.querySelectorAll('pb-widget-frame') ?? [])].map(
                  (frame) =>
                    `${frame.getAttribute('app-id')}: ${frame.getAttribute('status')} ${/** @type {{ errorMessage?: string }} */ (frame).errorMessage ?? ''}`,
                ),
              ),
            );
            throw new Error(`${String(error)}; the frames: ${frames.join('; ') || 'none'}`);
          });
      // The host says the widget is ready: its frame is there for puppeteer too.
      await deliveryReady(true, 30_000);
      for (let i = 0; i < 50 && !delivery(); i++) await new Promise((r) => setTimeout(r, 100));
      const widget = delivery();
      assert.ok(widget, 'the Delivery tracker frame');
      await widget.waitForSelector('[data-testid="order-number"]', { timeout: 15_000 });

      // A frame on the host's origin, nested in the widget: frame-ancestors refuses it.
      await widget.evaluate((url) => {
        const nested = document.createElement('iframe');
        nested.src = url;
        document.body.append(nested);
      }, `${host}/orders/1`);
      // A popup on the host's origin: COOP leaves it no way back to the page.
      const popupTarget = browser.waitForTarget(
        (target) => target.type() === 'page' && target.url().startsWith(`${host}/orders/2`),
        { timeout: 15_000 },
      );
      await widget.evaluate((url) => void window.open(url, '_blank'), `${host}/orders/2`);
      const popup = await (await popupTarget).page();
      assert.ok(popup);
      await popup.waitForFunction(() => document.readyState !== 'loading', { timeout: 15_000 });
      assert.equal(
        await popup.evaluate(() => window.opener === null),
        true,
        'the popup has an opener',
      );
      await popup.close();
      const nested = () => widget.childFrames().at(-1);
      for (let i = 0; i < 100 && !nested()?.url().startsWith('chrome-error:'); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(
        nested()?.url() ?? '',
        /^chrome-error:/,
        'the nested frame on the host origin loaded',
      );

      // The widget's own frame navigated to the host's origin: frame-src refuses it.
      await widget.evaluate((url) => {
        location.href = url;
      }, `${host}/orders/3`);
      await deliveryReady(false, 15_000);
      const frames = other.frames().filter((f) => !f.detached);
      assert.equal(
        frames.filter((f) => f !== other.mainFrame() && f.url().startsWith(host)).length,
        0,
        `a frame on the host origin loaded: ${frames.map((f) => f.url()).join(', ')}`,
      );
    } finally {
      await other.close();
    }
  });

  it('switches theme and language live: widgets follow with no reload, and an unsaved edit stays', async () => {
    await page.goto(new URL('/orders/3', demo.hostUrl).href);
    await widgetReady('credit-check');
    const credit = await frameWith('credit-check', '[data-testid="credit-limit"]');
    const began = await credit.evaluate(() => performance.timeOrigin);
    await page.click('[data-testid="comment"]', { clickCount: 3 });
    await page.type('[data-testid="comment"]', 'Call before delivery');
    await page.waitForSelector('[data-testid="dirty"]');

    await page.select('#theme', 'dark');
    await credit.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark', {
      timeout: 10_000,
    });
    assert.equal(
      await credit.evaluate(() =>
        getComputedStyle(document.body).getPropertyValue('background-color'),
      ),
      'rgb(16, 24, 40)',
    );
    // Plugboard's own frame restyles with the page.
    assert.equal(
      await page.$eval(
        'od-order-card pb-panel-slot >>> pb-widget-frame >>> header',
        (header) => getComputedStyle(header).color,
      ),
      'rgb(152, 162, 179)',
    );

    await page.select('#locale', 'de-DE');
    await credit.waitForFunction(
      () =>
        /\d,\d\d\s€/.test(
          document.querySelector('[data-testid="credit-limit"]')?.textContent ?? '',
        ),
      { timeout: 10_000 },
    );
    assert.match(
      await page.$eval('[data-testid="total"]', (td) => td.textContent ?? ''),
      /\d,\d\d\s€/,
    );
    // The same page in the widget's frame, and the card's edit kept.
    assert.equal(await credit.evaluate(() => performance.timeOrigin), began);
    assert.equal(await cardValue('comment'), 'Call before delivery');
    assert.ok(await page.$('[data-testid="dirty"]'));

    // Back to light and English (kept in localStorage for the next load).
    await page.select('#theme', 'light');
    await page.select('#locale', 'en-GB');
    await credit.waitForFunction(() => document.documentElement.dataset['theme'] === 'light', {
      timeout: 10_000,
    });
  });

  it("saves an order without Delivery tracker's check while its vendor is down, naming it", async () => {
    // An order within its counterparty's credit limit, so that only the delivery can block.
    let order = '';
    for (const id of ['3', '4', '5', '6', '7', '8']) {
      await page.goto(new URL(`/orders/${id}`, demo.hostUrl).href);
      await widgetReady('credit-check');
      const limit = await frameWith('credit-check', '[data-testid="credit-limit"]');
      const text = await limit.$eval('[data-testid="credit-limit"]', (p) => p.textContent ?? '');
      order = id;
      if (text.startsWith('Within')) break;
    }
    // The vendor is down: nothing answers at its pages' URLs (for this page's requests).
    const vendor = `${demo.vendorOrigin}/delivery-tracker/`;
    const seen = problems.length;
    await page.setRequestInterception(true);
    /** @param {import('puppeteer-core').HTTPRequest} request */
    const down = (request) => {
      // Its manifest is the installation's (a host keeps it), so it still comes.
      const url = request.url();
      if (url.startsWith(vendor) && !url.endsWith('/manifest.json')) {
        void request.abort('connectionrefused');
      } else void request.continue();
    };
    page.on('request', down);
    try {
      await page.goto(new URL(`/orders/${order}`, demo.hostUrl).href);
      await page
        .waitForFunction(
          () =>
            [...document.querySelectorAll('od-order-card pb-panel-slot')]
              .flatMap((slot) => [...(slot.shadowRoot?.querySelectorAll('pb-widget-frame') ?? [])])
              .some(
                (frame) =>
                  frame.getAttribute('status') === 'error' &&
                  frame.shadowRoot?.textContent?.includes('Nothing answered at'),
              ),
          { timeout: 15_000, polling: 100 },
        )
        .catch(async (error) => {
          const said = await page.evaluate(() =>
            [...document.querySelectorAll('od-order-card pb-panel-slot')]
              .flatMap((slot) => [...(slot.shadowRoot?.querySelectorAll('pb-widget-frame') ?? [])])
              .map((frame) => `${frame.getAttribute('status')}: ${frame.shadowRoot?.textContent}`),
          );
          throw new Error(
            `no frame says that nothing answered; the card's frames: ${JSON.stringify(said)}`,
            { cause: error },
          );
        });
      await page.type('od-order-card [data-testid="comment"]', 'Call before delivery');
      assert.match(
        await saveBlocked(),
        /Not saved:\s*Delivery tracker could not check the changes: it could not be loaded\. Nothing answered at/,
      );
      await page.click('[data-testid="save-anyway"]');
      // Saved; the card says who did not check it, and that the app's own data did not save.
      const said = await page.waitForFunction(
        () => {
          const box = document.querySelector('[data-testid="save-problems"]')?.textContent ?? '';
          return box.includes('Saved, but:') && box.replace(/\s+/g, ' ');
        },
        { timeout: 10_000, polling: 100 },
      );
      const box = String(await said.jsonValue());
      assert.match(box, /Delivery tracker did not check these changes\./);
      assert.match(box, /Delivery tracker could not save its data: it could not be loaded\./);
      assert.equal(await page.$('[data-testid="dirty"]'), null);
    } finally {
      page.off('request', down);
      await page.setRequestInterception(false);
    }
    // The browser's own reports of the refused requests are this test's doing.
    const refused = problems
      .splice(seen)
      .filter((text) => !/net::ERR_CONNECTION_REFUSED/.test(text));
    assert.deepEqual(refused, []);
  });

  it('logged no error, failed message or dev-mode notice on the host page', () => {
    assert.deepEqual(problems, []);
  });
});
