// The demo host's identity signer, as a host product's backend would run it:
// an ES256 key pair made at start; POST /api/identity/sign signs the claims
// the runtime asks for, after checking them against the session (the demo
// has one user, u-1); GET /.well-known/jwks.json publishes the public key,
// for vendors' backends to verify tokens with.
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { readBody, sendJson } from './http.js';

/** The demo's signed-in user: what the session would say. */
const SESSION_USER = 'u-1';
const KEY_ID = 'order-desk-1';

/** @returns {import('vite').Plugin} */
export function identitySigner() {
  const keys = generateKeyPair('ES256', { extractable: true });
  return {
    name: 'identity-signer',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (path === '/.well-known/jwks.json' && req.method === 'GET') {
          void keys.then(async ({ publicKey }) => {
            const jwk = { ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'ES256', use: 'sig' };
            res.setHeader('content-type', 'application/json');
            res.setHeader('access-control-allow-origin', '*');
            res.end(JSON.stringify({ keys: [jwk] }));
          });
          return;
        }
        if (path !== '/api/identity/sign' || req.method !== 'POST') {
          next();
          return;
        }
        void readBody(req)
          .then(sign)
          .then(
            (token) => {
              sendJson(res, 200, { token });
            },
            (error) => {
              sendJson(res, 400, { error: String(error?.message ?? error) });
            },
          );
      });
      /** @param {string} body */
      async function sign(body) {
        const claims = JSON.parse(body);
        if (claims.sub !== SESSION_USER) throw new Error('sub is not the signed-in user');
        const lifetime = claims.exp - claims.iat;
        if (!(lifetime >= 60 && lifetime <= 300)) throw new Error('a token lives 60 to 300 s');
        const { privateKey } = await keys;
        return new SignJWT(claims)
          .setProtectedHeader({ alg: 'ES256', kid: KEY_ID, typ: 'JWT' })
          .sign(privateKey);
      }
    },
  };
}
