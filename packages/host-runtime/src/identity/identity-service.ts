import { PlugboardError, type EntityRef } from '@plugboard/widget-sdk/protocol';
import type { HostCallInfo, HostServiceHandler } from '../services/host-services.js';

/**
 * What an identity token says, as the runtime asks the host's signer to
 * sign it: registered JWT claims, and who and where the widget is.
 */
export interface HostIdentityClaims {
  /** The issuer: the host (its origin, or `identity.issuer`). */
  readonly iss: string;
  /** The audience: the app's id. */
  readonly aud: string;
  /** The subject: the signed-in user's id. */
  readonly sub: string;
  /** Issued at, in seconds since the epoch. */
  readonly iat: number;
  /** Expires at, in seconds since the epoch: `iat` plus the lifetime. */
  readonly exp: number;
  /** A unique id of this token. */
  readonly jti: string;
  /** The app's installation on this host. */
  readonly installation: string;
  /** The extension point the widget is at. */
  readonly point: string;
  /** The entity the widget shows, or `null`. */
  readonly entity: EntityRef | null;
}

/** Options of the host's identity service. */
export interface HostIdentityOptions {
  /**
   * Signs the claims as a JWT (ES256), normally by asking the host's
   * backend, which holds the private key and publishes the public one as a
   * JWKS. It should check the claims against its own session (the user is
   * the one signed in) before it signs.
   */
  readonly sign: (claims: HostIdentityClaims) => Promise<string> | string;
  /** How long a token lives, in seconds: 60 to 300. Default 120. */
  readonly lifetimeSeconds?: number;
  /** The tokens' issuer. Default: this page's origin. */
  readonly issuer?: string;
}

/** A token is handed out again until this long before it expires; then a new one is signed. */
const RENEW_BEFORE_MS = 30_000;

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * `identity.getToken` over the host's signer. A token is kept per widget
 * and context (app, point, entity), and a new one is signed when less than
 * 30 s of it is left, so a widget that asks often costs one signature a
 * lifetime.
 */
export function identityService(
  options: HostIdentityOptions,
  userId: string,
  installationOf: (appId: string) => string,
): HostServiceHandler<'identity.getToken'> {
  // createHost() checked it is 60 to 300.
  const lifetime = options.lifetimeSeconds ?? 120;
  const kept = new Map<string, Promise<{ token: string; expiresAt: number }>>();
  // Bounded: a page that mounts widgets all day forgets the oldest slots.
  const remember = (slot: string, token: Promise<{ token: string; expiresAt: number }>) => {
    if (kept.size >= 1_000) kept.delete(kept.keys().next().value ?? slot);
    kept.set(slot, token);
  };
  return (_params, call: HostCallInfo) => {
    const { appId, context } = call;
    const slot = JSON.stringify([
      call.instanceId,
      appId,
      context.extensionPoint.id,
      context.entity,
    ]);
    const cached = kept.get(slot);
    const fresh = (token: { expiresAt: number }) => token.expiresAt - Date.now() > RENEW_BEFORE_MS;
    const sign = async () => {
      const iat = Math.floor(Date.now() / 1000);
      const claims: HostIdentityClaims = {
        iss: options.issuer ?? window.origin,
        aud: appId,
        sub: userId,
        iat,
        exp: iat + lifetime,
        jti: crypto.randomUUID(),
        installation: installationOf(appId),
        point: context.extensionPoint.id,
        entity: context.entity,
      };
      const token = await options.sign(claims);
      if (typeof token !== 'string' || !JWT.test(token)) {
        console.error(
          "[plugboard] The host's identity signer returned something that is not a JWT.",
        );
        throw new PlugboardError('host_error', 'The host could not sign an identity token.');
      }
      return { token, expiresAt: claims.exp * 1000 };
    };
    const next = (async () => {
      const previous = cached && (await cached.catch(() => undefined));
      return previous && fresh(previous) ? previous : sign();
    })();
    remember(slot, next);
    next.catch(() => {
      if (kept.get(slot) === next) kept.delete(slot);
    });
    return next;
  };
}
