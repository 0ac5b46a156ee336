// Credit check's backend, on the vendor's origin: GET
// /credit-check/api/score?counterparty=ID answers the counterparty's score
// only to a request carrying a valid identity token (Authorization: Bearer),
// verified with jose against the host's JWKS: issued by the host, for this
// app, unexpired, for a widget on that counterparty's card. Anything else
// gets 401 (no or bad token) or 403 (a token for another entity).
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { sendJson } from './http.js';

/**
 * @param {() => string} hostOrigin the host's origin, known once its server listens
 * @returns {import('vite').Plugin}
 */
export function creditBackend(hostOrigin) {
  /** @type {ReturnType<typeof createRemoteJWKSet> | undefined} */
  let jwks;
  return {
    name: 'credit-check-backend',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://vendor');
        if (url.pathname !== '/credit-check/api/score') {
          next();
          return;
        }
        const send = (/** @type {number} */ status, /** @type {object} */ body) => {
          sendJson(res, status, body);
        };
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        if (!token) {
          send(401, { error: 'No identity token: send it as Authorization: Bearer <token>.' });
          return;
        }
        jwks ??= createRemoteJWKSet(new URL('/.well-known/jwks.json', hostOrigin()));
        jwtVerify(token, jwks, {
          issuer: hostOrigin(),
          audience: 'credit-check',
          algorithms: ['ES256'],
        }).then(
          async ({ payload }) => {
            const id = url.searchParams.get('counterparty');
            const entity = /** @type {{ type?: string, id?: string } | null} */ (payload['entity']);
            if (entity?.type !== 'counterparty' || entity.id !== id) {
              send(403, { error: 'The token is for another entity.' });
              return;
            }
            const { scoreOf } = await server.ssrLoadModule('/credit-check/scores.ts');
            send(200, { counterparty: id, user: payload.sub, ...scoreOf(id) });
          },
          (/** @type {Error & { code?: string }} */ error) => {
            send(401, {
              error: `The identity token was refused (${error.code ?? error.message}).`,
            });
          },
        );
      });
    },
  };
}
