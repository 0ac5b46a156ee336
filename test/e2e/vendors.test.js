// `npm run vendors`: the example vendor apps served alone, for a host
// developed elsewhere: it prints its origin, and each app's manifest names
// pages on that origin.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../packages/examples/vendors.js', import.meta.url));

describe('npm run vendors', () => {
  it('serves the example apps alone, their manifests on its own origin', async () => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, VENDOR_PORT: '0', HOST_ORIGIN: 'http://localhost:9' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let said = '';
      const origin = await new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          said += String(chunk);
          const found = /Vendor apps: {2}(http:\/\/127\.0\.0\.1:\d+)/.exec(said)?.[1];
          if (found && said.includes('HOST_ORIGIN')) resolve(found);
        });
        child.on('exit', (code) => {
          reject(new Error(`vendors.js exited (${code}):\n${said}`));
        });
      });
      assert.match(said, /For the host at http:\/\/localhost:9/);
      for (const app of ['delivery-tracker', 'credit-check', 'quick-add']) {
        const response = await fetch(`${origin}/${app}/manifest.json`);
        assert.equal(response.status, 200, app);
        const manifest = await response.json();
        assert.equal(manifest.origin, origin, `${app}'s origin`);
        for (const widget of manifest.widgets) assert.ok(widget.url.startsWith(`${origin}/`));
      }
      const page = await fetch(`${origin}/quick-add/index.html`);
      assert.equal(page.status, 200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
