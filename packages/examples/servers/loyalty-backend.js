// Loyalty points' server, on the vendor's origin: MoySklad's button callback,
// POST /loyalty-points/api/moysklad/vendor/1.0/apps/{appId}/{accountId}/button.
// It answers only a call carrying a JWT signed with the app's secret (HS256,
// for this app, with a jti not seen before), as MoySklad's vendors must
// check; anything else gets 401. What it answers is button-replies.ts.
// And POST /loyalty-points/api/session {contextKey}: the order widget's page
// hands over the context key its URL came with, and the server exchanges it,
// once, with the host's backend (POST {host}/api/vendor/1.0/context/{key},
// signed as the app), as a MoySklad vendor's server does at page load.
import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { readJsonObject, sendJson } from './http.js';

const BUTTON = /^\/loyalty-points\/api\/moysklad\/vendor\/1\.0\/apps\/([^/]+)\/([^/]+)\/button$/;

/**
 * @param {string} secret the app's secret, shared with the host
 * @param {() => string} hostOrigin where the host's backend is
 * @returns {import('vite').Plugin}
 */
export function loyaltyBackend(secret, hostOrigin) {
  /** The jtis already used: each call's token works once. */
  const seen = new Set();
  return {
    name: 'loyalty-points-backend',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (
          (req.url ?? '').split('?')[0] !== '/loyalty-points/api/session' ||
          req.method !== 'POST'
        ) {
          next();
          return;
        }
        void session(req).then(
          ({ status, body }) => {
            sendJson(res, status, body);
          },
          (/** @type {Error} */ error) => {
            sendJson(res, 502, { error: error.message });
          },
        );
      });
      server.middlewares.use((req, res, next) => {
        const appId = BUTTON.exec((req.url ?? '').split('?')[0] ?? '')?.[1];
        if (!appId || req.method !== 'POST') {
          next();
          return;
        }
        void answer(appId, req).then(
          ({ status, body }) => {
            sendJson(res, status, body);
          },
          (/** @type {Error} */ error) => {
            sendJson(res, 500, { error: { errorMessage: error.message } });
          },
        );
      });

      /**
       * Exchanges the page's context key with the host's backend: who is signed in.
       * @param {import('node:http').IncomingMessage} req
       * @returns {Promise<{ status: number, body: unknown }>}
       */
      async function session(req) {
        const asked = await readJsonObject(req);
        if (!asked) return { status: 400, body: { error: 'The call is not a JSON object.' } };
        if (typeof asked.contextKey !== 'string' || asked.contextKey === '') {
          return { status: 400, body: { error: 'No contextKey.' } };
        }
        const token = await new SignJWT({})
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setSubject('loyalty-points')
          .setIssuedAt()
          .setJti(randomUUID())
          .sign(new TextEncoder().encode(secret));
        const response = await fetch(
          `${hostOrigin()}/api/vendor/1.0/context/${encodeURIComponent(asked.contextKey)}`,
          {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
            signal: AbortSignal.timeout(10_000),
          },
        );
        if (!response.ok) {
          return {
            status: response.status,
            body: { error: `The host answered ${response.status}.` },
          };
        }
        const employee = /** @type {{ name?: string, email?: string }} */ (await response.json());
        return { status: 200, body: { name: employee.name ?? employee.email ?? 'someone' } };
      }

      /**
       * @param {string} appId
       * @param {import('node:http').IncomingMessage} req
       * @returns {Promise<{ status: number, body: unknown }>}
       */
      async function answer(appId, req) {
        const refuse = (/** @type {number} */ status, /** @type {string} */ errorMessage) => ({
          status,
          body: { error: { errorMessage } },
        });
        const click = await readJsonObject(req);
        if (!click) return refuse(400, 'The call is not a JSON object.');
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        let jti;
        try {
          ({
            payload: { jti },
          } = await jwtVerify(token, new TextEncoder().encode(secret), {
            algorithms: ['HS256'],
            subject: appId,
            requiredClaims: ['iat', 'jti'],
            maxTokenAge: '5m',
          }));
        } catch (error) {
          const { code, message } = /** @type {Error & { code?: string }} */ (error);
          return refuse(401, `The call's token was refused (${code ?? message}).`);
        }
        if (seen.has(jti)) return refuse(401, 'This token was used already.');
        seen.add(jti);
        const { replyTo } = await server.ssrLoadModule('/loyalty-points/button-replies.ts');
        return replyTo(click, `http://${req.headers.host ?? ''}`);
      }
    },
  };
}
