// End-to-end: the `plugboard` command as a vendor gets it. The packages are
// packed (`npm pack`) and installed into a new project in a temporary folder,
// outside this repository; the vendor guide's app (docs/guides/vendor.md: a
// card widget, a dialog, a connector with a column and an action, pages with
// no bundler) is written there as the guide has it and served from its own
// origin; `plugboard dev` runs on it, and headless Chromium opens the dev
// host. Then `validate` and `convert`.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { launchChrome } from '../../scripts/launch-chrome.js';
import { serveStatic } from '../../scripts/static-server.js';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');

/**
 * Writes the vendor guide's app (docs/guides/vendor.md: each code block after
 * a `<!-- file: path -->` line) into `project`, served from `origin`
 * instead of the guide's http://localhost:5500.
 */
function writeGuideApp(/** @type {string} */ project, /** @type {string} */ origin) {
  const guide = readFileSync(join(repo, 'docs/guides/vendor.md'), 'utf8');
  const files = [...guide.matchAll(/<!-- file: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)];
  assert.ok(files.length >= 4, 'the guide has its files');
  for (const [, path = '', text = ''] of files) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text.replaceAll('http://localhost:5500', origin));
  }
  const manifest = JSON.parse(readFileSync(join(project, 'app/manifest.json'), 'utf8'));
  writeFileSync(
    join(project, 'app/bad.json'),
    JSON.stringify({ ...manifest, id: 'Not A Slug', widgets: [{}] }),
  );
}

describe('the plugboard command, installed from packed packages', () => {
  /** @type {string} */
  let tmp;
  /** @type {string} */
  let project;
  /** @type {{ url: string, close: () => Promise<unknown> }} */
  let vendor;
  /** @type {import('node:child_process').ChildProcess} */
  let dev;
  /** @type {string} */
  let devUrl;
  /** @type {string[]} */
  const devOutput = [];
  /** @type {import('puppeteer-core').Browser} */
  let browser;
  /** @type {import('puppeteer-core').Page} */
  let page;

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'plugboard-cli-'));
    await run(
      'npm',
      [
        'pack',
        '--silent',
        '--pack-destination',
        tmp,
        '--workspace',
        'packages/widget-sdk',
        '--workspace',
        'packages/host-runtime',
        '--workspace',
        'packages/cli',
      ],
      { cwd: repo },
    );
    project = join(tmp, 'vendor-project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'vendor-project', private: true, type: 'module' }),
    );
    const tarballs = readdirSync(tmp)
      .filter((name) => name.endsWith('.tgz'))
      .map((name) => join(tmp, name));
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', ...tarballs],
      { cwd: project },
    );
    vendor = await serveStatic(project);
    writeGuideApp(project, vendor.url);
    dev = spawn(
      process.execPath,
      [join(project, 'node_modules/.bin/plugboard'), 'dev', 'app/manifest.json', '--port', '0'],
      { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    devUrl = await new Promise((done, fail) => {
      const timer = setTimeout(() => {
        fail(new Error(`plugboard dev did not start:\n${devOutput.join('')}`));
      }, 20_000);
      const hear = (/** @type {Buffer} */ chunk) => {
        devOutput.push(chunk.toString());
        const url = /Plugboard dev host: (http:\/\/\S+)/.exec(devOutput.join(''))?.[1];
        if (url) {
          clearTimeout(timer);
          done(url);
        }
      };
      dev.stdout?.on('data', hear);
      dev.stderr?.on('data', hear);
    });
    browser = await launchChrome();
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    dev?.kill('SIGTERM');
    await vendor?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** The card widget's frame, once its text says `text`. */
  const widgetSays = async (/** @type {RegExp} */ text) => {
    await page.waitForFunction(
      () =>
        document
          .querySelector('pb-panel-slot')
          ?.shadowRoot?.querySelector('pb-widget-frame')
          ?.getAttribute('status') === 'ready',
      { timeout: 15_000, polling: 100 },
    );
    const frame = () => page.frames().find((f) => f.url().startsWith(`${vendor.url}/app/widget`));
    let said = '';
    for (let i = 0; i < 100 && !text.test(said); i++) {
      said =
        (await frame()
          ?.$eval('#out', (out) => out.textContent ?? '')
          .catch(() => '')) ?? '';
      if (!text.test(said)) await new Promise((wait) => setTimeout(wait, 100));
    }
    assert.match(said, text);
    return /** @type {import('puppeteer-core').Frame} */ (frame());
  };

  it('says in the terminal which apps it installed, and where the dev host is', () => {
    assert.match(devOutput.join(''), /✓ Stock check \(app\/manifest\.json\)/);
    assert.match(devUrl, /^http:\/\/localhost:\d+\/$/);
  });

  it("shows the app's widget ready on an order card, its dialog, its column and action in the order list", async () => {
    await page.goto(devUrl);
    const widget = await widgetSays(/^SO-1001$/);
    // Another order: the same widget, told to open it.
    await page.select('select[name="order"]', '3');
    await widgetSays(/^SO-1003$/);
    await widget.$eval('#details', (button) => /** @type {HTMLElement} */ (button).click());
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('pb-dialog')].some(
          (dialog) =>
            /** @type {HTMLElement & { heading?: string }} */ (dialog).heading === 'Stock details',
        ),
      { timeout: 10_000, polling: 100 },
    );
    const dialog = page.frames().find((f) => f.url().startsWith(`${vendor.url}/app/dialog`));
    await dialog?.waitForFunction(
      () => document.getElementById('out')?.textContent === 'In stock: 12',
    );
    await page.keyboard.press('Escape');
    await page.click('button[data-view="orders"]');
    await page.waitForFunction(
      () =>
        document.querySelector('tr[data-row="2"] pb-list-cell')?.textContent?.trim() === 'Stock 2',
      { timeout: 15_000, polling: 100 },
    );
    await page.click('input[aria-label="Select SO-1002"]');
    const reserve = 'pb-action-bar >>> button[data-action="stock-check/reserve"]';
    await page.waitForFunction(
      () =>
        document
          .querySelector('pb-action-bar')
          ?.shadowRoot?.querySelector('button[data-action="stock-check/reserve"]')
          ?.getAttribute('aria-disabled') === 'false',
      { timeout: 10_000, polling: 100 },
    );
    await page.click(reserve);
    await page.waitForFunction(
      () =>
        /** @type {(Element & { toasts?: { message: string }[] }) | null} */ (
          document.querySelector('pb-toast-region')
        )?.toasts?.some(({ message }) => message === 'Reserved 1'),
      { timeout: 10_000, polling: 100 },
    );
  });

  it("lists the widget's calls in the inspector, with their outcome", async () => {
    await page.goto(devUrl);
    await widgetSays(/^SO-1001$/);
    const outcome = await page.waitForFunction(
      () =>
        document
          .querySelector('pb-inspector')
          ?.shadowRoot?.querySelector('tr[data-method="entity.get"]')
          ?.getAttribute('data-outcome'),
      { timeout: 10_000, polling: 100 },
    );
    assert.equal(await outcome.jsonValue(), 'ok');
  });

  it('injects a fault: with service errors, the widget sees the host fail', async () => {
    // A counterparty card has no draft: its widget's entity.get is the host's service.
    await page.goto(`${devUrl}?view=counterparty`);
    await widgetSays(/^Acme Trading$/);
    await page.select('select[name="fault"]', 'service-error');

    await widgetSays(/^Failed: host_error$/);
    // The link says so: the same fault on a reload.
    assert.match(page.url(), /fault=service-error/);
    await page.reload();
    await widgetSays(/^Failed: host_error$/);
  });

  it("serves a host page's policy: frames only from the apps' origins, so a page of the dev host's own origin nested in a widget is refused", async () => {
    const response = await page.goto(devUrl);
    const policy = response?.headers()['content-security-policy'] ?? '';
    assert.match(policy, new RegExp(`frame-src ${new URL(vendor.url).origin};`));
    assert.match(policy, /frame-ancestors 'self'/);
    assert.equal(response?.headers()['cross-origin-opener-policy'], 'same-origin');
    const widget = await widgetSays(/^SO-1001$/);
    await widget.evaluate((url) => {
      const nested = document.createElement('iframe');
      nested.src = url;
      document.body.append(nested);
    }, devUrl);
    const nested = () => widget.childFrames().at(-1);
    for (let i = 0; i < 100 && !nested()?.url().startsWith('chrome-error:'); i++) {
      await new Promise((wait) => setTimeout(wait, 100));
    }
    assert.match(nested()?.url() ?? '', /^chrome-error:/);
  });

  it('says beside the widget what to do when the browser denies it its own storage', async () => {
    await page.goto(devUrl);
    const widget = await widgetSays(/^SO-1001$/);
    // What a widget written for a first-party page does: this browser, like
    // Safari, denies a cross-site frame its web storage.
    // (A script of the page's own: an evaluated one's errors are muted.)
    await widget.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = "setTimeout(() => sessionStorage.getItem('draft'));";
      document.head.append(script);
    });
    const notice = await page.waitForFunction(
      () => document.querySelector('[data-testid="widget-errors"]')?.textContent,
      { timeout: 10_000, polling: 100 },
    );
    const text = String(await notice.jsonValue());
    assert.match(text, /Stock check: this browser denies the widget its own web storage/);
    assert.match(text, /client\.storage/);
    assert.match(text, /Keep your data in the host's storage/);
  });

  it('reinstalls the app when its manifest changes, and says what is wrong with it, there and in the terminal', async () => {
    await page.goto(devUrl);
    await widgetSays(/^SO-1001$/);
    const file = join(project, 'app', 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...manifest, name: 'Stock check 2' }));
    await page.waitForFunction(
      () => document.querySelector('header')?.textContent?.includes('Stock check 2'),
      {
        timeout: 10_000,
        polling: 100,
      },
    );
    writeFileSync(
      file,
      JSON.stringify({
        ...manifest,
        widgets: [{ ...manifest.widgets[0], height: { min: 9, max: 1 } }],
      }),
    );
    const said = await page.waitForFunction(
      () => document.querySelector('[data-testid="problems"]')?.textContent,
      { timeout: 10_000, polling: 100 },
    );
    assert.match(String(await said.jsonValue()), /app\/manifest\.json: widgets\[0\]\.height/);
    assert.match(
      devOutput.join(''),
      /app\/manifest\.json changed; apps reloaded:\n {2}✗ app\/manifest\.json\n {6}widgets\[0\]\.height/,
    );
    writeFileSync(file, JSON.stringify(manifest));
    await page.waitForFunction(() => !document.querySelector('[data-testid="problems"]'), {
      timeout: 10_000,
      polling: 100,
    });
  });

  it('validates manifests for CI: every problem with its path, and exit code 1', async () => {
    const bin = join(project, 'node_modules/.bin/plugboard');
    const bad = await run(process.execPath, [bin, 'validate', 'app/bad.json'], {
      cwd: project,
    }).then(
      () => assert.fail('validate passed a bad manifest'),
      (/** @type {{ code: number, stdout: string }} */ error) => error,
    );
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /^ {4}id: /m);
    assert.match(bad.stdout, /^ {4}widgets\[0\]\.id: /m);
    const good = await run(process.execPath, [bin, 'validate', 'app/manifest.json'], {
      cwd: project,
    });
    assert.match(good.stdout, /✓ Stock check/);
  });

  it('takes apps by URL and MoySklad descriptors too, and says when its port is taken', async () => {
    const bin = join(project, 'node_modules/.bin/plugboard');
    const xml = `<ServerApplication xmlns="https://apps-api.moysklad.ru/xml/ns/appstore/app/v2">
  <widgets><entity.counterparty.edit useContextKey="false"><sourceUrl>${vendor.url}/app/widget.html</sourceUrl>
  <height><fixed>120px</fixed></height></entity.counterparty.edit></widgets></ServerApplication>`;
    writeFileSync(join(project, 'app', 'loyalty-points.xml'), xml);
    const second = spawn(
      process.execPath,
      [bin, 'dev', `${vendor.url}/app/manifest.json`, 'app/loyalty-points.xml', '--port', '0'],
      { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let said = '';
      const url = await new Promise((done, fail) => {
        const timer = setTimeout(() => {
          fail(new Error(`the second dev host did not start:\n${said}`));
        }, 20_000);
        second.stdout?.on('data', (/** @type {Buffer} */ chunk) => {
          said += chunk.toString();
          const found = /Plugboard dev host: (http:\/\/\S+)/.exec(said)?.[1];
          if (found) {
            clearTimeout(timer);
            done(found);
          }
        });
      });
      assert.match(said, /✓ Stock check \(http:\/\/127\.0\.0\.1:\d+\/app\/manifest\.json\)/);
      assert.match(said, /✓ Loyalty points \(app\/loyalty-points\.xml\)/);
      const other = await browser.newPage();
      await other.goto(`${url}?view=counterparty`);
      await other.waitForFunction(
        () =>
          document
            .querySelector('pb-panel-slot')
            ?.shadowRoot?.querySelector('pb-widget-frame[app-id="loyalty-points"]')
            ?.getAttribute('status') === 'ready',
        { timeout: 15_000, polling: 100 },
      );
      await other.close();
      // The first one's port, taken: said so, with what to do, and exit code 1.
      const port = new URL(devUrl).port;
      const taken = await run(process.execPath, [bin, 'dev', 'app/manifest.json', '--port', port], {
        cwd: project,
      }).then(
        () => assert.fail('a second dev host started on a taken port'),
        (/** @type {{ code: number, stderr: string }} */ error) => error,
      );
      assert.equal(taken.code, 1);
      assert.match(
        taken.stderr,
        new RegExp(`Port ${port} is taken by another program: pass --port`),
      );
    } finally {
      second.kill('SIGTERM');
    }
  });

  it('converts a MoySklad descriptor into the manifest it runs as', async () => {
    const xml = `<ServerApplication xmlns="https://apps-api.moysklad.ru/xml/ns/appstore/app/v2">
  <widgets><entity.counterparty.edit useContextKey="false"><sourceUrl>https://loyal.example/w.html</sourceUrl>
  <height><fixed>120px</fixed></height></entity.counterparty.edit></widgets></ServerApplication>`;
    writeFileSync(join(project, 'app', 'loyalty.xml'), xml);
    const { stdout } = await run(
      process.execPath,
      [join(project, 'node_modules/.bin/plugboard'), 'convert', 'moysklad', 'app/loyalty.xml'],
      { cwd: project },
    );
    const manifest = JSON.parse(stdout);
    assert.equal(manifest.id, 'loyalty');
    assert.equal(manifest.origin, 'https://loyal.example');
    assert.deepEqual(
      manifest.widgets.map((/** @type {{ point: string }} */ widget) => widget.point),
      ['counterparty.card'],
    );
  });
});
