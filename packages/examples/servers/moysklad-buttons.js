// Order desk's backend for MoySklad apps' buttons, as a host product would
// run it: POST /api/moysklad/button {app, request} from the page becomes
// MoySklad's call to the vendor: the request, with the signed-in user added,
// POSTed to {endpointBase}/api/moysklad/vendor/1.0/apps/{appId}/{accountId}/button
// with a JWT signed with the app's secret (HS256: sub the app's id, iat,
// a single-use jti), within 10 seconds. The vendor's status and body go back
// to the page as they came.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { readJsonObject, sendJson } from './http.js';

/** The demo's account and signed-in user: what the session would say. */
const ACCOUNT_ID = 'order-desk';
const SESSION_USER = { employeeId: 'u-1', role: 'admin' };

/**
 * @typedef {{ endpointBase: string, secret: string }} MoySkladVendor
 * @param {Readonly<Record<string, MoySkladVendor>>} vendors each MoySklad
 *   app's vendor API, by app id
 * @returns {import('vite').Plugin}
 */
export function moySkladButtons(vendors) {
  return {
    name: 'moysklad-buttons',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== '/api/moysklad/button' || req.method !== 'POST') {
          next();
          return;
        }
        void forward(req, vendors).then(
          ({ status, body }) => {
            sendJson(res, status, body);
          },
          (/** @type {Error} */ error) => {
            sendJson(res, 502, { error: { errorMessage: error.message } });
          },
        );
      });
    },
  };
}

/**
 * Forwards the page's click to its app's vendor, signed.
 * @param {import('node:http').IncomingMessage} req
 * @param {Readonly<Record<string, MoySkladVendor>>} vendors
 * @returns {Promise<{ status: number, body: unknown }>}
 */
async function forward(req, vendors) {
  const click = await readJsonObject(req);
  if (!click) {
    return { status: 400, body: { error: { errorMessage: 'The click is not a JSON object.' } } };
  }
  const appId = typeof click.app === 'string' ? click.app : '';
  const vendor = vendors[appId];
  if (!vendor || typeof click.request !== 'object' || click.request === null) {
    return { status: 404, body: { error: { errorMessage: 'No such MoySklad app here.' } } };
  }
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(appId)
    .setIssuedAt()
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(vendor.secret));
  const response = await fetch(
    `${vendor.endpointBase}/api/moysklad/vendor/1.0/apps/${appId}/${ACCOUNT_ID}/button`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...click.request, user: SESSION_USER }),
      signal: AbortSignal.timeout(10_000),
    },
  );
  // The vendor's reply, as it came (sendJson sends a string as it is).
  return { status: response.status, body: await response.text() };
}
