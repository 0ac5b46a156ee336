// Headless Chromium for scripted page checks: the Storybook smoke test, the
// demo's end-to-end test, the benchmarks.
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, chromePath } from './chrome.js';

export function launchChrome() {
  return puppeteer.launch({ executablePath: chromePath(), headless: true, args: CHROME_ARGS });
}
