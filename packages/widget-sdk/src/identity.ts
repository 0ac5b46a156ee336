/**
 * @plugboard/widget-sdk/identity: the signed-in user's identity token, kept
 * and renewed, and a fetch that sends it to the app's own backend. Its own
 * entry, so widgets that need no identity do not carry it.
 *
 * @module @plugboard/widget-sdk/identity
 */
import type { WidgetClient } from './client.js';
import { PlugboardError } from './protocol/errors.js';

/** The user's identity for this widget, from {@link identityOf}. */
export interface Identity {
  /**
   * A signed token (JWT) naming the user, this app, the installation, the
   * extension point and the entity, for the app's backend to verify against
   * the host's JWKS. Kept while more than 30 s of it is left; renewed
   * before it expires. Rejects with `permission_denied` without the
   * `identity` permission, `unsupported` when the host signs none.
   */
  token(): Promise<string>;
  /**
   * `fetch` with the token in an `Authorization: Bearer` header, for
   * requests to the app's own origin only (it refuses others with
   * `permission_denied`, so the token never leaves the vendor). The token
   * is never put in the URL.
   */
  fetch(input: string | URL, init?: RequestInit): Promise<Response>;
}

const RENEW_BEFORE_MS = 30_000;
const made = new WeakMap<WidgetClient, Identity>();

/** This widget's {@link Identity}: one per client. */
export function identityOf(client: WidgetClient): Identity {
  let identity = made.get(client);
  if (!identity) made.set(client, (identity = create(client)));
  return identity;
}

function create(client: WidgetClient): Identity {
  let kept: Promise<{ token: string; expiresAt: number }> | undefined;
  let keptFor = '';
  const token = async () => {
    // A token names the entity and point: a widget moved to another entity needs another.
    const { entity, extensionPoint } = client.context;
    const slot = JSON.stringify([entity, extensionPoint.id]);
    const current = slot === keptFor && kept && (await kept.catch(() => undefined));
    if (current && current.expiresAt - Date.now() >= RENEW_BEFORE_MS) return current.token;
    keptFor = slot;
    kept = client.identity.getToken();
    return (await kept).token;
  };
  return {
    token,
    async fetch(input, init = {}) {
      const url = new URL(input, location.href);
      if (url.origin !== location.origin) {
        throw new PlugboardError(
          'permission_denied',
          `identity.fetch sends the user's token only to this app's own origin (${location.origin}), not to ${url.origin}.`,
        );
      }
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${await token()}`);
      return fetch(url, { ...init, headers });
    },
  };
}
