// Finds the Chrome or Chromium that the browser tests, the Storybook smoke
// test and the benchmarks drive. It never downloads a browser: it takes
// CHROME_PATH, else the usual install paths, else (as root on Debian) Debian's
// `chromium` package, else it stops with a message saying what to do.
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Flags that run headless as root and keep the browser off the network. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

/**
 * CHROME_ARGS, with `loopbackNames` resolved to 127.0.0.1 as well (every
 * other name stays unresolvable): other sites on this machine, whose
 * frames Chromium puts in processes of their own.
 * @param {string[]} loopbackNames
 */
export function chromeArgs(loopbackNames = []) {
  return CHROME_ARGS.map((arg) =>
    arg.startsWith('--host-resolver-rules=') && loopbackNames.length > 0
      ? `--host-resolver-rules=${loopbackNames.map((name) => `MAP ${name} 127.0.0.1 , `).join('')}${arg.slice('--host-resolver-rules='.length)}`
      : arg,
  );
}

/** @type {Record<string, string[]>} */
const CANDIDATES = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

/** The paths looked at, in order, when CHROME_PATH is not set. */
export function candidatePaths(/** @type {string} */ platform) {
  return CANDIDATES[platform] ?? [];
}

/** No usable browser, with a message that says how to get one. */
export class ChromeNotFoundError extends Error {
  /** @override */
  name = 'ChromeNotFoundError';
}

export const INSTALL_HINT = [
  'Install one, or point CHROME_PATH at one:',
  '  Debian/Ubuntu: sudo apt-get install -y chromium   (Ubuntu: chromium-browser)',
  '  macOS:         install Google Chrome, or: brew install --cask chromium',
  '  any system:    CHROME_PATH=/path/to/chrome npm test',
].join('\n');

/** The sites test pages load from: host pages' and vendor fixtures' (see test/support/origins.ts). */
export const TEST_SITES = ['localhost', '127.0.0.1', 'neighbour.localhost'];

/**
 * The content settings of a profile in which each of `sites`, framed by
 * another, is denied its cookies and so its web storage (`localStorage`,
 * `sessionStorage`, IndexedDB: "Access is denied for this document"), as
 * Safari, Brave and private windows deny a cross-site iframe's. Chromium's
 * fresh profiles allow it; widgets must not rely on it. A site's own pages
 * keep theirs.
 * @param {string[]} sites
 */
export function thirdPartyStorageBlocked(sites = TEST_SITES) {
  /** @type {Record<string, { setting: number }>} */
  const cookies = {};
  for (const framed of sites) {
    for (const top of sites) {
      if (framed !== top) cookies[`http://${framed}:*,http://${top}:*`] = { setting: 2 };
    }
  }
  return { profile: { content_settings: { exceptions: { cookies } } } };
}

/**
 * A new, empty browser profile with third-party storage blocked (see
 * {@link thirdPartyStorageBlocked}), removed when this process exits. One a
 * browser: two cannot share a profile.
 */
export function blockedStorageProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'plugboard-chrome-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify(thirdPartyStorageBlocked()));
  process.on('exit', () => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/**
 * Where the browser is, without side effects.
 *
 * A CHROME_PATH that is set but points at nothing runnable is an error of its
 * own: whoever set it wants that browser, not a silent fallback to another.
 *
 * @param {{ env: Record<string, string | undefined>, platform: string, isExecutable: (path: string) => boolean }} deps
 * @returns {{ path: string, source: 'CHROME_PATH' | 'install path' } | null}
 * @throws {ChromeNotFoundError} when CHROME_PATH is set but not runnable.
 */
export function findChrome({ env, platform, isExecutable }) {
  const fromEnv = env['CHROME_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (isExecutable(fromEnv)) return { path: fromEnv, source: 'CHROME_PATH' };
    throw new ChromeNotFoundError(
      `CHROME_PATH is set to "${fromEnv}", which is not an executable file.\n${INSTALL_HINT}`,
    );
  }
  const found = candidatePaths(platform).find((path) => isExecutable(path));
  return found === undefined ? null : { path: found, source: 'install path' };
}

/** Whether to install Debian's chromium: only as root on Debian with apt-get. */
export function canInstallWithApt(
  /** @type {{ platform: string, uid: number | undefined, isDebian: boolean, hasAptGet: boolean }} */ host,
) {
  return host.platform === 'linux' && host.uid === 0 && host.isDebian && host.hasAptGet;
}

function isExecutable(/** @type {string} */ path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hostFacts() {
  return {
    env: process.env,
    platform: process.platform,
    isExecutable,
    uid: process.getuid?.(),
    isDebian: existsSync('/etc/debian_version'),
    hasAptGet: isExecutable('/usr/bin/apt-get'),
  };
}

/** The browser to use: `CHROME_PATH` when the caller (npm test) has found it, else {@link ensureChrome}. */
export function chromePath() {
  return process.env['CHROME_PATH'] || ensureChrome();
}

/**
 * The browser's path, installing Debian's chromium first where that is
 * allowed (root on Debian) and nothing else is found.
 *
 * @param {{ log?: (line: string) => void }} [options]
 * @throws {ChromeNotFoundError} with a message saying how to get a browser.
 */
export function ensureChrome({ log = console.log } = {}) {
  const host = hostFacts();
  const found = findChrome(host);
  if (found) return found.path;
  if (!canInstallWithApt(host)) {
    throw new ChromeNotFoundError(`No Chrome or Chromium found.\n${INSTALL_HINT}`);
  }
  log("No Chrome or Chromium found; installing Debian's chromium with apt-get…");
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const result = spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      throw new ChromeNotFoundError(
        `apt-get ${args.join(' ')} failed (exit ${result.status}).\n${INSTALL_HINT}`,
      );
    }
  }
  const installed = findChrome(host);
  if (!installed) {
    throw new ChromeNotFoundError(
      `apt-get installed chromium, but no browser is at the known paths.\n${INSTALL_HINT}`,
    );
  }
  return installed.path;
}
