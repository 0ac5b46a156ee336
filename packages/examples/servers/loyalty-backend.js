// Loyalty points' server, on the vendor's origin: MoySklad's button callback,
// POST /loyalty-points/api/moysklad/vendor/1.0/apps/{appId}/{accountId}/button.
// It answers only a call carrying a JWT signed with the app's secret (HS256,
// for this app, with a jti not seen before), as MoySklad's vendors must
// check; anything else gets 401. What it answers is button-replies.ts.
import { jwtVerify } from 'jose';
import { readBody, sendJson } from './http.js';

const BUTTON = /^\/loyalty-points\/api\/moysklad\/vendor\/1\.0\/apps\/([^/]+)\/([^/]+)\/button$/;

/**
 * @param {string} secret the app's secret, shared with the host
 * @returns {import('vite').Plugin}
 */
export function loyaltyBackend(secret) {
  /** The jtis already used: each call's token works once. */
  const seen = new Set();
  return {
    name: 'loyalty-points-backend',
    configureServer(server) {
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
       * @param {string} appId
       * @param {import('node:http').IncomingMessage} req
       * @returns {Promise<{ status: number, body: unknown }>}
       */
      async function answer(appId, req) {
        const refuse = (/** @type {number} */ status, /** @type {string} */ errorMessage) => ({
          status,
          body: { error: { errorMessage } },
        });
        let click;
        try {
          click = JSON.parse(await readBody(req));
        } catch {
          return refuse(400, 'The call is not JSON.');
        }
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
