// Starts the Order desk demo: the vendor apps' server on one origin
// (127.0.0.1), then the host product on another (localhost), as a real host
// and its vendors would be. `node start.js` (npm start) prints the host URL.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer, defaultClientConditions } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const vendorsRoot = join(here, 'vendors');

/**
 * Serves `/<app>/manifest.json` with `{{origin}}` filled in with the origin
 * the request came to, so the manifests are right on whatever port the
 * vendor server runs.
 * @returns {import('vite').Plugin}
 */
function manifests() {
  return {
    name: 'vendor-manifests',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const app = /^\/([a-z0-9-]+)\/manifest\.json$/.exec(
          (req.url ?? '').split('?')[0] ?? '',
        )?.[1];
        if (!app) {
          next();
          return;
        }
        readFile(join(vendorsRoot, app, 'manifest.json'), 'utf8').then(
          (text) => {
            res.setHeader('content-type', 'application/json');
            res.setHeader('access-control-allow-origin', '*');
            res.end(text.replaceAll('{{origin}}', `http://${req.headers.host ?? ''}`));
          },
          () => {
            res.statusCode = 404;
            res.end();
          },
        );
      });
    },
  };
}

/**
 * @param {{ hostPort?: number, vendorPort?: number, logLevel?: import('vite').LogLevel }} [options]
 *   Port 0 picks a free port (the tests do).
 */
export async function startDemo({ hostPort = 5173, vendorPort = 5174, logLevel = 'info' } = {}) {
  const conditions = ['@plugboard/source', ...defaultClientConditions];
  const vendors = await createServer({
    configFile: false,
    root: vendorsRoot,
    logLevel: logLevel === 'info' ? 'warn' : logLevel,
    resolve: { conditions },
    server: { host: '127.0.0.1', port: vendorPort, strictPort: true, cors: true },
    plugins: [manifests()],
  });
  await vendors.listen();
  const vendorOrigin = new URL(vendors.resolvedUrls?.local[0] ?? '').origin;

  const hostServer = await createServer({
    configFile: join(here, 'vite.config.ts'),
    root: here,
    logLevel,
    define: { 'import.meta.env.VITE_VENDOR_ORIGIN': JSON.stringify(vendorOrigin) },
    server: { host: 'localhost', port: hostPort, strictPort: true },
  });
  await hostServer.listen();
  const hostUrl = hostServer.resolvedUrls?.local[0] ?? '';
  return {
    hostUrl,
    vendorOrigin,
    async close() {
      await hostServer.close();
      await vendors.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const demo = await startDemo();
  console.log(`\n  Order desk (host):     ${demo.hostUrl}`);
  console.log(`  Vendor apps (origin):  ${demo.vendorOrigin}\n`);
  const stop = () => {
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
