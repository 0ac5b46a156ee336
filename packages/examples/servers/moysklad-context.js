// Order desk's backend for MoySklad apps' user context, as a host product
// would run it (MoySklad's vendor API, section "context"):
// - POST /api/moysklad/context-key {app} from the page: a context key for
//   the signed-in user, for one fresh load of one of the app's pages (the
//   runtime puts it in the page's URL); single use, 5 minutes.
// - POST /api/moysklad/user-context {app} from the page: a user-context
//   token for a UserContextRequest; single use, 60 seconds.
// - POST /api/vendor/1.0/context/{contextKey} from the vendor's server,
//   with a JWT signed with the app's secret (HS256: sub the app's uid, iat,
//   a single-use jti) and Accept-Encoding: gzip: the employee, once.
//   401 for a bad token, 403 for another app's key, 404 for a key unknown,
//   spent or expired, 415 without gzip.
// - POST /api/vendor/1.0/context/user {token}, authenticated the same way:
//   {accountId, userId, userUid, role}; 400 for no token, 404 for a token
//   unknown, spent, expired or another app's.
// The keys are kept by moySkladKeys from @plugboard/host-runtime/moysklad.
import { jwtVerify } from 'jose';
import { readJsonObject, sendJson } from './http.js';

/**
 * What this backend uses of moySkladKeys (typed here: the type check runs
 * before the packages are built, when their declarations are not there yet).
 * @template T
 * @typedef {{
 *   mint(appUid: string, context: T): string,
 *   exchange(key: string, appUid: string):
 *     { ok: true, context: T } | { ok: false, status: 403 | 404 },
 * }} Keys
 */
/** @typedef {{ contextKeys: Keys<typeof EMPLOYEE>, userTokens: Keys<string> }} Stores */

/** The demo's account and signed-in user: what the session would say. */
const ACCOUNT_ID = 'order-desk';
const EMPLOYEE = {
  id: 'u-1',
  accountId: ACCOUNT_ID,
  uid: 'demo@order-desk',
  email: 'demo@order-desk.example',
  name: 'Demo user',
  permissions: { admin: { view: 'ALL' } },
};

/**
 * @param {Readonly<Record<string, { secret: string }>>} apps each MoySklad
 *   app's secret, by its uid (here its id)
 * @returns {import('vite').Plugin}
 */
export function moySkladContext(apps) {
  return {
    name: 'moysklad-context',
    config: () => ({
      // The keys' module, from the runtime's sources as the rest of the demo.
      ssr: { noExternal: [/^@plugboard\//], resolve: { conditions: ['@plugboard/source'] } },
    }),
    configureServer(server) {
      /** @type {Promise<Stores> | undefined} */
      let stores;
      const keys = () =>
        (stores ??= server.ssrLoadModule('@plugboard/host-runtime/moysklad').then((module) => {
          const { moySkladKeys } =
            /** @type {{ moySkladKeys: <T>(options: { lifetimeMs: number, otherApp?: 403 | 404 }) => Keys<T> }} */ (
              module
            );
          return {
            contextKeys: moySkladKeys({ lifetimeMs: 300_000 }),
            userTokens: moySkladKeys({ lifetimeMs: 60_000, otherApp: 404 }),
          };
        }));
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (req.method !== 'POST' || !/^\/api\/(moysklad|vendor)\//.test(path)) {
          next();
          return;
        }
        void answer(path, req, keys).then(
          (reply) => {
            if (reply) sendJson(res, reply.status, reply.body);
            else next();
          },
          (/** @type {Error} */ error) => {
            sendJson(res, 500, { errors: [{ error: error.message }] });
          },
        );
      });
    },
  };

  /**
   * @param {string} path
   * @param {import('node:http').IncomingMessage} req
   * @param {() => Promise<Stores>} keys
   * @returns {Promise<{ status: number, body: unknown } | undefined>}
   */
  async function answer(path, req, keys) {
    const error = (/** @type {number} */ status, /** @type {string} */ text, code = 0) => ({
      status,
      body: { errors: [{ error: text, ...(code ? { code } : {}) }] },
    });
    const { contextKeys, userTokens } = await keys();
    // From the page: the session's user, for one of the apps.
    if (path === '/api/moysklad/context-key' || path === '/api/moysklad/user-context') {
      const asked = await readJsonObject(req);
      if (!asked) return error(400, 'The call is not a JSON object.');
      const { app } = asked;
      if (typeof app !== 'string' || !apps[app]) return error(404, 'No such MoySklad app here.');
      return path.endsWith('context-key')
        ? { status: 200, body: { key: contextKeys.mint(app, EMPLOYEE) } }
        : { status: 200, body: { token: userTokens.mint(app, EMPLOYEE.id) } };
    }
    const key = /^\/api\/vendor\/1\.0\/context\/([^/]+)$/.exec(path)?.[1];
    if (key === undefined) return undefined;
    // From the vendor's server: who is calling, by its app's secret.
    const app = await caller(req);
    if (!app) return error(401, 'The call is not signed by a MoySklad app of this host.');
    if (key === 'user') {
      const token = (await readJsonObject(req))?.['token'];
      if (typeof token !== 'string' || token === '') return error(400, 'No token.', 3008);
      const found = userTokens.exchange(token, app);
      if (!found.ok) return error(404, 'Unknown, used or expired token.', 3007);
      return {
        status: 200,
        body: {
          accountId: ACCOUNT_ID,
          userId: found.context,
          userUid: EMPLOYEE.uid,
          role: 'admin',
        },
      };
    }
    if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      return error(415, 'Accept-Encoding: gzip is required.');
    }
    const found = contextKeys.exchange(decodeURIComponent(key), app);
    if (!found.ok) {
      return found.status === 403
        ? error(403, 'The app is not authorised for this context key.')
        : error(404, 'Unknown, used or expired context key.');
    }
    return { status: 200, body: found.context };
  }

  /**
   * The app whose secret signed the call's JWT (sub: its uid), once per jti.
   * @param {import('node:http').IncomingMessage} req
   * @returns {Promise<string | undefined>}
   */
  async function caller(req) {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    for (const [app, { secret }] of Object.entries(apps)) {
      try {
        const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
          algorithms: ['HS256'],
          subject: app,
          requiredClaims: ['iat', 'jti'],
          maxTokenAge: '5m',
        });
        if (seen.has(String(payload.jti))) return undefined;
        seen.add(String(payload.jti));
        return app;
      } catch {
        // Not this app's.
      }
    }
    return undefined;
  }
}

/** The jtis already used: a vendor's token works once. */
const seen = new Set();
