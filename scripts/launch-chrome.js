// Headless Chromium for scripted page checks: the Storybook smoke test, the
// demo's end-to-end test, the benchmarks.
import puppeteer from 'puppeteer-core';
import { blockedStorageProfile, chromeArgs, chromePath } from './chrome.js';

/**
 * @param {{ loopbackNames?: string[] }} [options] host names to resolve to
 *   127.0.0.1 as well (every other name stays unresolvable): other sites on
 *   this machine, whose frames Chromium puts in processes of their own.
 */
export function launchChrome({ loopbackNames = [] } = {}) {
  return puppeteer.launch({
    executablePath: chromePath(),
    headless: true,
    args: chromeArgs(loopbackNames),
    // Cross-site frames are denied their own storage and cookies, as Safari and Brave deny them.
    userDataDir: blockedStorageProfile(),
  });
}
