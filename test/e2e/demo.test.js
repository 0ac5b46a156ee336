// End-to-end: the demo host product as `npm start` serves it, in headless
// Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.js';

describe('demo host product', () => {
  /** @type {import('vite').ViteDevServer} */
  let server;
  /** @type {import('puppeteer-core').Browser} */
  let browser;
  let url = '';

  before(async () => {
    server = await createServer({
      configFile: 'packages/examples/vite.config.ts',
      root: 'packages/examples',
      server: { port: 0, host: '127.0.0.1' },
      logLevel: 'silent',
    });
    await server.listen();
    url = server.resolvedUrls?.local[0] ?? '';
    browser = await puppeteer.launch({
      executablePath: process.env['CHROME_PATH'] || ensureChrome(),
      headless: true,
      args: CHROME_ARGS,
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves a page titled "Plugboard demo" that loads the host runtime without errors', async () => {
    const page = await browser.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url);
    assert.equal(await page.title(), 'Plugboard demo');
    const footer = await page.waitForSelector('[data-testid="runtime-version"]', {
      timeout: 15_000,
    });
    assert.match((await footer?.evaluate((el) => el.textContent)) ?? '', /protocol v1\b/);
    assert.deepEqual(errors, []);
  });
});
