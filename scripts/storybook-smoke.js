// Smoke test of the static Storybook build: serves storybook-static/ over
// HTTP and, in headless Chromium, opens the Storybook UI and every story in
// index.json. A story passes when Storybook shows it (not its error screen),
// it rendered something, and the page logged no console error, threw no
// uncaught error and had no failed request.
import { existsSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, ensureChrome } from './chrome.js';
import { serveStatic } from './static-server.js';

const STATIC_DIR = 'storybook-static';
const RENDER_TIMEOUT_MS = 15_000;

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
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error}`));
  page.on('requestfailed', (request) => {
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
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
  return state.rendered ? [] : ['the story rendered nothing'];
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
  const browser = await puppeteer.launch({
    executablePath: process.env['CHROME_PATH'] || ensureChrome(),
    headless: true,
    args: CHROME_ARGS,
  });
  const counts = { passed: 0, failed: 0, skipped: 0 };
  /** @param {string} name @param {string[]} problems */
  const report = (name, problems) => {
    if (problems.length === 0) {
      counts.passed += 1;
      console.log(`  ✓ ${name}`);
    } else {
      counts.failed += 1;
      console.log(`  ✗ ${name}\n${problems.map((p) => `      ${p}`).join('\n')}`);
    }
  };
  try {
    const index = await (await fetch(`${server.url}/index.json`)).json();
    const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
    if (stories.length === 0) report('index.json lists stories', ['no story found']);
    console.log(`Storybook smoke test: the UI and ${stories.length} stories`);
    report('Storybook UI', await visit(browser, `${server.url}/index.html`, managerShown));
    for (const story of stories) {
      const url = `${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`;
      report(`${story.title} / ${story.name}`, await visit(browser, url, storyShown));
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
