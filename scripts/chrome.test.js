import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { canInstallWithApt, candidatePaths, ChromeNotFoundError, findChrome } from './chrome.js';

/** @param {string[]} present */
const only = (present) => (/** @type {string} */ path) => present.includes(path);

describe('findChrome', () => {
  it('takes CHROME_PATH first, before any install path', () => {
    const found = findChrome({
      env: { CHROME_PATH: '/opt/my/chrome' },
      platform: 'linux',
      isExecutable: only(['/opt/my/chrome', '/usr/bin/chromium']),
    });
    assert.deepEqual(found, { path: '/opt/my/chrome', source: 'CHROME_PATH' });
  });

  it('rejects a CHROME_PATH that is not executable, naming it, without falling back', () => {
    assert.throws(
      () =>
        findChrome({
          env: { CHROME_PATH: '/nonexistent' },
          platform: 'linux',
          isExecutable: only(['/usr/bin/chromium']),
        }),
      (error) =>
        error instanceof ChromeNotFoundError &&
        error.message.includes('CHROME_PATH is set to "/nonexistent"') &&
        error.message.includes('apt-get install -y chromium'),
    );
  });

  it('treats an empty CHROME_PATH as unset', () => {
    const found = findChrome({
      env: { CHROME_PATH: '' },
      platform: 'linux',
      isExecutable: only(['/usr/bin/chromium']),
    });
    assert.deepEqual(found, { path: '/usr/bin/chromium', source: 'install path' });
  });

  it('looks at the install paths in order', () => {
    const [first, second] = candidatePaths('linux');
    assert.ok(first && second);
    const found = findChrome({ env: {}, platform: 'linux', isExecutable: only([second, first]) });
    assert.equal(found?.path, first);
  });

  it('knows the macOS application paths', () => {
    const found = findChrome({
      env: {},
      platform: 'darwin',
      isExecutable: only(['/Applications/Chromium.app/Contents/MacOS/Chromium']),
    });
    assert.equal(found?.path, '/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  it('returns null when nothing is installed', () => {
    assert.equal(findChrome({ env: {}, platform: 'linux', isExecutable: () => false }), null);
  });
});

describe('canInstallWithApt', () => {
  const debianRoot = { platform: 'linux', uid: 0, isDebian: true, hasAptGet: true };
  it('installs only as root on Debian with apt-get', () => {
    assert.equal(canInstallWithApt(debianRoot), true);
    assert.equal(canInstallWithApt({ ...debianRoot, uid: 1000 }), false);
    assert.equal(canInstallWithApt({ ...debianRoot, isDebian: false }), false);
    assert.equal(canInstallWithApt({ ...debianRoot, hasAptGet: false }), false);
    assert.equal(canInstallWithApt({ ...debianRoot, platform: 'darwin' }), false);
  });
});

describe('npm test', () => {
  it('stops at once with the message when CHROME_PATH points at nothing', () => {
    const run = spawnSync(process.execPath, ['scripts/test.js'], {
      env: { ...process.env, CHROME_PATH: '/nonexistent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /CHROME_PATH is set to "\/nonexistent", which is not an executable/);
    assert.match(run.stderr, /apt-get install -y chromium/);
    assert.match(run.stdout, /^0 passed, 1 failed$/m);
    // Fails before any type check, build or test runs.
    assert.doesNotMatch(run.stdout, /type check/);
  });
});
