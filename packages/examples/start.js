// Starts the Order desk demo: the vendor apps' server on one origin
// (127.0.0.1), then the host product on another (localhost), as a real host
// and its vendors would be. `node start.js` (npm start) prints the host URL.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer, defaultClientConditions } from 'vite';
import { creditBackend } from './servers/credit-backend.js';
import { identitySigner } from './servers/identity.js';
import { loyaltyBackend } from './servers/loyalty-backend.js';
import { moySkladButtons } from './servers/moysklad-buttons.js';
import { moySkladContext } from './servers/moysklad-context.js';

const here = dirname(fileURLToPath(import.meta.url));
const vendorsRoot = join(here, 'vendors');

/**
 * Serves `/<app>/manifest.json` (and a MoySklad app's `descriptor.xml`) with `{{origin}}` filled in with the origin
 * the request came to, so the manifests are right on whatever port the
 * vendor server runs.
 * @returns {import('vite').Plugin}
 */
function manifests() {
  return {
    name: 'vendor-manifests',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const [, app, file] =
          /^\/([a-z0-9-]+)\/(manifest\.json|descriptor\.xml)$/.exec(
            (req.url ?? '').split('?')[0] ?? '',
          ) ?? [];
        if (!app || !file) {
          next();
          return;
        }
        readFile(join(vendorsRoot, app, file), 'utf8').then(
          (text) => {
            res.setHeader(
              'content-type',
              file.endsWith('.xml') ? 'application/xml' : 'application/json',
            );
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
 * The policy Order desk's pages are served with, so that no page a widget
 * brings in runs on the host's own origin, where (with the sandbox's
 * allow-same-origin) it could reach the host page: frames only from the
 * vendors' origins (a widget that navigates its frame to the host is
 * refused), the host's pages framed by the host alone (a frame on the host's
 * origin nested in a widget is refused), and popups cut off from this page
 * (COOP, so a popup a widget opens on the host's origin has no way back).
 * The host guide explains it ("Pages a widget brings in").
 * @param {() => string[]} vendorOrigins
 * @returns {import('vite').Plugin}
 */
export function hostPagePolicy(vendorOrigins) {
  return {
    name: 'host-page-policy',
    configureServer(server) {
      server.middlewares.use((_req, res, next) => {
        const frames = vendorOrigins().join(' ') || "'none'";
        res.setHeader(
          'content-security-policy',
          `frame-src ${frames}; child-src ${frames}; worker-src 'self' blob:; frame-ancestors 'self'`,
        );
        res.setHeader('cross-origin-opener-policy', 'same-origin');
        next();
      });
    },
  };
}

const conditions = ['@plugboard/source', ...defaultClientConditions];

/**
 * The example vendors' server alone (their pages, manifests and backends),
 * on 127.0.0.1: Order desk's other origin, or the vendors of a host
 * developed elsewhere (`npm run vendors`).
 * @param {{
 *   port?: number,
 *   logLevel?: import('vite').LogLevel,
 *   hostOrigin: () => string,
 *   loyaltySecret: string,
 * }} options `hostOrigin`: where the host's backend is (Credit check fetches
 *   its JWKS there, Loyalty points its context); `loyaltySecret`: the secret
 *   the host signs Loyalty points' button calls with.
 */
export async function startVendors({ port = 5174, logLevel = 'info', hostOrigin, loyaltySecret }) {
  const vendors = await createServer({
    configFile: false,
    root: vendorsRoot,
    logLevel,
    resolve: { conditions },
    server: { host: '127.0.0.1', port, strictPort: true, cors: true },
    plugins: [manifests(), creditBackend(hostOrigin), loyaltyBackend(loyaltySecret, hostOrigin)],
  });
  await vendors.listen();
  return {
    origin: new URL(vendors.resolvedUrls?.local[0] ?? '').origin,
    close: () => vendors.close(),
  };
}

/**
 * @param {{ hostPort?: number, vendorPort?: number, logLevel?: import('vite').LogLevel }} [options]
 *   Port 0 picks a free port (the tests do).
 */
export async function startDemo({ hostPort = 5173, vendorPort = 5174, logLevel = 'info' } = {}) {
  let hostOrigin = '';
  // Loyalty points' secret, as MoySklad hands a vendor its app's: Order desk
  // signs button calls with it, and the vendor's server checks them.
  const loyaltySecret = randomBytes(32).toString('base64url');
  const vendors = await startVendors({
    port: vendorPort,
    logLevel: logLevel === 'info' ? 'warn' : logLevel,
    hostOrigin: () => hostOrigin,
    loyaltySecret,
  });
  const vendorOrigin = vendors.origin;

  const hostServer = await createServer({
    configFile: join(here, 'vite.config.ts'),
    root: here,
    logLevel,
    define: { 'import.meta.env.VITE_VENDOR_ORIGIN': JSON.stringify(vendorOrigin) },
    server: { host: 'localhost', port: hostPort, strictPort: true },
    plugins: [
      hostPagePolicy(() => [vendorOrigin]),
      identitySigner(),
      // Where Loyalty points' descriptor says its server is (vendorApi/endpointBase).
      moySkladButtons({
        'loyalty-points': { endpointBase: `${vendorOrigin}/loyalty-points`, secret: loyaltySecret },
      }),
      // Context keys and user-context tokens for its pages, exchanged by its server.
      moySkladContext({ 'loyalty-points': { secret: loyaltySecret } }),
    ],
  });
  await hostServer.listen();
  const hostUrl = hostServer.resolvedUrls?.local[0] ?? '';
  hostOrigin = new URL(hostUrl).origin;
  return {
    hostUrl,
    reactUrl: new URL('/react/', hostUrl).href,
    vendorOrigin,
    async close() {
      await hostServer.close();
      await vendors.close();
    },
  };
}

/**
 * A port from the environment: a whole number from 0 to 65535 (0: any free
 * port), or `fallback` when the variable is unset.
 * @param {string} name
 * @param {number} fallback
 */
export function portFrom(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name}=${value} is not a port: use a whole number from 0 to 65535.`);
    process.exit(1);
  }
  return port;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const hostPort = portFrom('PORT', 5173);
  const vendorPort = portFrom('VENDOR_PORT', 5174);
  let demo;
  try {
    demo = await startDemo({ hostPort, vendorPort });
  } catch (error) {
    const { code, port } = /** @type {{ code?: string, port?: number }} */ (error);
    const taken = code === 'EADDRINUSE' || /Port \d+ is already in use/.test(String(error));
    if (!taken) throw error;
    const which = String(port ?? error).includes(String(vendorPort)) ? 'VENDOR_PORT' : 'PORT';
    console.error(
      `Port ${which === 'PORT' ? hostPort : vendorPort} is taken by another program: choose another, for instance ${which}=${(which === 'PORT' ? hostPort : vendorPort) + 10} npm start (PORT is the host's, VENDOR_PORT the vendor apps').`,
    );
    process.exit(1);
  }
  console.log(`\n  Order desk (host):     ${demo.hostUrl}`);
  console.log(`  Order desk for React:  ${demo.reactUrl}`);
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
