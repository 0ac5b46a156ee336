// Smoke test of the static Storybook build: serves storybook-static/ over
// HTTP and, in headless Chromium, opens the Storybook UI and every story in
// index.json. A story passes when Storybook shows it (not its error screen),
// it rendered something, and the page logged no console error, threw no
// uncaught error and had no failed request.
import { existsSync, writeFileSync } from 'node:fs';
import { launchChrome } from './launch-chrome.js';
import { serveStatic } from './static-server.js';

const STATIC_DIR = 'storybook-static';
const RENDER_TIMEOUT_MS = 15_000;
/** What a vendor frame's check says when puppeteer could not evaluate in it at all. */
const UNREADABLE = '(unreadable: puppeteer has no execution context for the frame)';

/**
 * Opens `url` and runs `check` on the page; returns the problems seen.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {(page: import('puppeteer-core').Page) => Promise<string[]>} check
 */
async function visit(browser, url, check) {
  const page = await browser.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    // Lit runs as a host ships it: its dev-mode notice must not appear.
    if (message.text().includes('Lit is in dev mode'))
      problems.push(`lit dev mode: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    // ERR_ABORTED: the browser cancelled it (an iframe removed, a page
    // closed); the site did not fail.
    if (reason !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    problems.push(...(await check(page)));
  } catch (error) {
    problems.push(String(error));
  } finally {
    await page.close();
  }
  return problems;
}

/**
 * What a story's tags promise about its widgets, checked after it renders:
 * `expect-ready`: every widget frame (in a slot or a dialog) reaches status="ready";
 * `expect-timeout`: a widget frame shows the host's timeout state;
 * `expect-cells`: every list cell shows an app's answer (its connector ran);
 * `expect-actions`: every action bar shows apps' buttons, none still waiting for its state;
 * `expect-traffic`: the bridge inspector lists a widget's call that went well;
 * `theme-light` / `theme-dark`: every vendor widget page renders on that
 * theme's surface colour (the token the mock host hands over);
 * `theme-live`: then, with the theme control set to dark, every one of those
 * pages turns dark without loading again (host.setContext, no reload).
 */
const SURFACE = { 'theme-light': 'rgb(255, 255, 255)', 'theme-dark': 'rgb(16, 24, 40)' };

/** @param {import('puppeteer-core').Page} page @param {string} status */
function framesReach(page, status) {
  return page.waitForFunction(
    (wanted) => {
      const frames = [
        ...[...document.querySelectorAll('pb-panel-slot')].flatMap((slot) => [
          ...(slot.shadowRoot?.querySelectorAll('pb-widget-frame') ?? []),
        ]),
        // App dialogs' pages, in the dialog layer.
        ...document.querySelectorAll('pb-dialog pb-widget-frame'),
      ];
      return frames.length > 0 && frames.every((frame) => frame.getAttribute('status') === wanted);
    },
    { timeout: RENDER_TIMEOUT_MS, polling: 100 },
    status,
  );
}

/**
 * @param {import('puppeteer-core').Page} page
 * @param {string[]} tags
 * @param {string} vendorOrigin
 * @param {string} storyId
 * @returns {Promise<string[]>}
 */
async function promisesKept(page, tags, vendorOrigin, storyId) {
  const problems = [];
  /** @type {[string, string][]} */
  const statuses = [
    ['expect-ready', 'ready'],
    ['expect-timeout', 'timeout'],
  ];
  for (const [tag, status] of statuses) {
    if (!tags.includes(tag)) continue;
    await framesReach(page, status).catch(() =>
      problems.push(`not every widget frame reached status="${status}"`),
    );
  }
  if (tags.includes('expect-cells')) {
    await page
      .waitForFunction(
        () => {
          const cells = [...document.querySelectorAll('pb-list-cell')];
          return (
            cells.length > 0 &&
            cells.every(
              (cell) =>
                /** @type {Element & { state?: { status: string } }} */ (cell).state?.status ===
                'ready',
            )
          );
        },
        { timeout: RENDER_TIMEOUT_MS, polling: 100 },
      )
      .catch(() => problems.push("not every list cell showed its app's answer"));
  }
  if (tags.includes('expect-actions')) {
    await page
      .waitForFunction(
        () => {
          const bars = [...document.querySelectorAll('pb-action-bar')];
          return (
            bars.length > 0 &&
            bars.every((bar) => {
              const buttons = [...(bar.shadowRoot?.querySelectorAll('button') ?? [])];
              return (
                buttons.length > 0 &&
                buttons.every((button) => button.getAttribute('aria-busy') === 'false')
              );
            })
          );
        },
        { timeout: RENDER_TIMEOUT_MS, polling: 100 },
      )
      .catch(() => problems.push("not every action bar showed its apps' buttons"));
  }
  if (tags.includes('expect-traffic')) {
    await page
      .waitForFunction(
        () =>
          [
            ...(document
              .querySelector('pb-inspector')
              ?.shadowRoot?.querySelectorAll('tbody tr[data-outcome="ok"]') ?? []),
          ].some((row) => row.textContent?.includes('widget→host')),
        { timeout: RENDER_TIMEOUT_MS, polling: 100 },
      )
      .catch(() => problems.push("the inspector listed no widget's call that went well"));
  }
  for (const [tag, colour] of Object.entries(SURFACE)) {
    if (!tags.includes(tag)) continue;
    const frames = page
      .frames()
      .filter((frame) => !frame.detached && frame.url().startsWith(vendorOrigin));
    if (frames.length === 0) problems.push(`${tag}: no vendor widget page on ${vendorOrigin}`);
    for (const frame of frames) {
      await frame
        .waitForFunction(
          (expected) => getComputedStyle(document.body).backgroundColor === expected,
          { timeout: RENDER_TIMEOUT_MS, polling: 100 },
          colour,
        )
        .catch(async () => {
          // Now and then puppeteer never gets an out-of-process frame's
          // execution context (the page runs, nothing can be evaluated in
          // it): that is UNREADABLE, and the story is visited again once.
          const actual = await Promise.race([
            frame.evaluate(() => getComputedStyle(document.body).backgroundColor),
            new Promise((resolve) => setTimeout(resolve, 5_000, UNREADABLE)),
          ]).catch(() => UNREADABLE);
          problems.push(`${tag}: the widget renders on ${String(actual)}, not ${colour}`);
        });
    }
  }
  if (tags.includes('theme-live'))
    problems.push(...(await themeSwitchedLive(page, vendorOrigin, storyId)));
  return problems;
}

/**
 * Sets the story's theme control to dark, as the controls panel does, and
 * checks that every vendor page turned dark in the same document.
 * @param {import('puppeteer-core').Page} page
 * @param {string} vendorOrigin
 * @param {string} storyId
 * @returns {Promise<string[]>}
 */
async function themeSwitchedLive(page, vendorOrigin, storyId) {
  const candidates = page
    .frames()
    .filter((frame) => !frame.detached && frame.url().startsWith(vendorOrigin));
  // A frame of the story before may linger a moment, not yet marked
  // detached, and never answer: the pages are the frames that answer.
  const answered = await Promise.all(
    candidates.map((frame) =>
      Promise.race([
        frame.evaluate(() => performance.timeOrigin),
        new Promise((resolve) => setTimeout(resolve, 5_000, undefined)),
      ]).catch(() => undefined),
    ),
  );
  const frames = candidates.filter((_, i) => answered[i] !== undefined);
  const began = answered.filter((origin) => origin !== undefined);
  if (frames.length === 0) return ['theme-live: no vendor widget page answered'];
  await page.evaluate((id) => {
    const channel = /** @type {{ emit(event: string, data: unknown): void }} */ (
      /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window))[
        '__STORYBOOK_ADDONS_CHANNEL__'
      ]
    );
    channel.emit('updateStoryArgs', { storyId: id, updatedArgs: { theme: 'dark' } });
  }, storyId);
  const problems = [];
  for (const [i, frame] of frames.entries()) {
    const dark = await frame
      .waitForFunction(
        (expected) => getComputedStyle(document.body).backgroundColor === expected,
        { timeout: RENDER_TIMEOUT_MS, polling: 100 },
        SURFACE['theme-dark'],
      )
      .then(
        () => true,
        () => false,
      );
    if (!dark) problems.push('theme-live: a widget page did not turn dark');
    else if (frame.detached || (await frame.evaluate(() => performance.timeOrigin)) !== began[i])
      problems.push('theme-live: a widget page loaded again for the theme');
  }
  return problems;
}

/** @param {import('puppeteer-core').Page} page */
async function storyShown(page) {
  // Storybook's preview marks <body> with the phase it is in.
  await page.waitForFunction(
    () =>
      document.body.classList.contains('sb-show-main') ||
      document.body.classList.contains('sb-show-errordisplay') ||
      document.body.classList.contains('sb-show-nopreview'),
    { timeout: RENDER_TIMEOUT_MS },
  );
  const state = await page.evaluate(() => ({
    // A custom element left undefined (say, its defining module was
    // tree-shaken away) still counts as rendered content: name it.
    undefinedElements: [
      ...new Set(
        [...document.querySelectorAll('#storybook-root :not(:defined)')].map((el) => el.localName),
      ),
    ],
    classes: document.body.className,
    error: document.querySelector('#error-message')?.textContent ?? '',
    // The web-components renderer draws into #root-inner inside the root.
    rendered:
      ((
        document.querySelector('#storybook-root #root-inner') ??
        document.querySelector('#storybook-root')
      )?.childElementCount ?? 0) > 0,
  }));
  if (!state.classes.includes('sb-show-main')) {
    return [`Storybook shows an error instead of the story: ${state.error || state.classes}`];
  }
  if (state.undefinedElements.length > 0) {
    return [`custom elements not defined: ${state.undefinedElements.join(', ')}`];
  }
  return state.rendered ? [] : ['the story rendered nothing'];
}

/** @param {import('puppeteer-core').Page} page */
async function docsShown(page) {
  await page.waitForFunction(
    () => (document.querySelector('#storybook-docs')?.textContent ?? '').trim().length > 0,
    { timeout: RENDER_TIMEOUT_MS },
  );
  return [];
}

/** @param {import('puppeteer-core').Page} page */
async function managerShown(page) {
  await page.waitForSelector('#storybook-preview-iframe', { timeout: RENDER_TIMEOUT_MS });
  return [];
}

async function main() {
  if (!existsSync(`${STATIC_DIR}/index.json`)) {
    throw new Error(`${STATIC_DIR}/index.json not found: run \`npm run build-storybook\` first.`);
  }
  const server = await serveStatic(STATIC_DIR);
  const browser = await launchChrome();
  const counts = { passed: 0, failed: 0, skipped: 0, failures: /** @type {string[]} */ ([]) };
  /** @param {string} name @param {string[]} problems */
  const report = (name, problems) => {
    if (problems.length === 0) {
      counts.passed += 1;
      console.log(`  ✓ ${name}`);
    } else {
      counts.failed += 1;
      counts.failures.push(`${name}: ${problems[0]}`);
      console.log(`  ✗ ${name}\n${problems.map((p) => `      ${p}`).join('\n')}`);
    }
  };
  try {
    // Browse as localhost; the stories load vendor pages from 127.0.0.1,
    // the same server under another site's name.
    const base = server.url.replace('127.0.0.1', 'localhost');
    const vendorOrigin = new URL(server.url).origin;
    const index = await (await fetch(`${server.url}/index.json`)).json();
    /** @type {{ id: string, title: string, name: string, type: string, tags?: string[] }[]} */
    const entries = Object.values(index.entries);
    const stories = entries.filter((entry) => entry.type === 'story');
    const docs = entries.filter((entry) => entry.type === 'docs');
    if (stories.length === 0) report('index.json lists stories', ['no story found']);
    console.log(
      `Storybook smoke test: the UI, ${stories.length} stories and ${docs.length} docs pages`,
    );
    report('Storybook UI', await visit(browser, `${base}/index.html`, managerShown));
    for (const story of stories) {
      const url = `${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`;
      const check = async (/** @type {import('puppeteer-core').Page} */ page) => {
        const shown = await storyShown(page);
        return shown.length > 0
          ? shown
          : promisesKept(page, story.tags ?? [], vendorOrigin, story.id);
      };
      let problems = await visit(browser, url, check);
      // Twice at most: a fresh-clone run with one core busy met it on two visits in a row.
      for (let again = 0; again < 2 && problems.some((p) => p.includes(UNREADABLE)); again++) {
        console.log(`  … ${story.title} / ${story.name}: ${UNREADABLE}; visiting it again`);
        problems = await visit(browser, url, check);
      }
      report(`${story.title} / ${story.name}`, problems);
    }
    for (const page of docs) {
      const url = `${base}/iframe.html?id=${encodeURIComponent(page.id)}&viewMode=docs`;
      report(`${page.title} (docs)`, await visit(browser, url, docsShown));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`\nstorybook smoke: ${counts.passed} passed, ${counts.failed} failed`);
  const file = process.env['PLUGBOARD_RESULTS_FILE'];
  if (file) writeFileSync(file, JSON.stringify(counts));
  return counts.failed === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
