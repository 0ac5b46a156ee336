import * as v from 'valibot';
import { bounded } from './bounds.js';

/** The longest token the bridge carries, in characters. */
export const MAX_TOKEN_LENGTH = 8_192;

/** The identity host methods. */
export const IDENTITY_HOST_METHODS = {
  /**
   * A short-lived signed token (a JWT, ES256) naming the user, for the
   * vendor's own backend to verify against the host's JWKS: issuer the
   * host, audience the app, subject the user, and the installation,
   * extension point and entity as claims. `expiresAt` is in milliseconds
   * since the epoch. Send it in a header, never in a URL.
   */
  'identity.getToken': {
    params: v.undefined(),
    result: v.strictObject({ token: bounded(MAX_TOKEN_LENGTH), expiresAt: v.number() }),
    permission: 'identity',
  },
} as const;
