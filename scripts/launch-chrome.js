// Headless Chromium for scripted page checks: the Storybook smoke test, the
// demo's end-to-end test, the benchmarks.
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, chromePath } from './chrome.js';

/**
 * @param {{ loopbackNames?: string[] }} [options] host names to resolve to
 *   127.0.0.1 as well (every other name stays unresolvable): other sites on
 *   this machine, whose frames Chromium puts in processes of their own.
 */
export function launchChrome({ loopbackNames = [] } = {}) {
  const args = CHROME_ARGS.map((arg) =>
    arg.startsWith('--host-resolver-rules=') && loopbackNames.length > 0
      ? `--host-resolver-rules=${loopbackNames.map((name) => `MAP ${name} 127.0.0.1 , `).join('')}${arg.slice('--host-resolver-rules='.length)}`
      : arg,
  );
  return puppeteer.launch({ executablePath: chromePath(), headless: true, args });
}
