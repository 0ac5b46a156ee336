/** Options of {@link moySkladKeys}. */
export interface MoySkladKeysOptions {
  /** How long a key may wait for its exchange, in ms: MoySklad's context keys 300 000, user-context tokens 60 000. */
  readonly lifetimeMs: number;
  /**
   * What an exchange by another app than the key's gets: 403 (MoySklad's
   * context keys: "the app is not authorised for this key"; the key stays
   * for its own app) or 404 (user-context tokens: "unknown, used, expired
   * or another app's"). Default 403.
   */
  readonly otherApp?: 403 | 404;
  /** The clock, in ms. Default `Date.now`. */
  readonly now?: () => number;
  /** The most keys waiting at once; the oldest go first. Default 10 000. */
  readonly limit?: number;
}

/** The outcome of an exchange: what the key was minted with, or the HTTP status to answer. */
export type MoySkladExchange<T> =
  { readonly ok: true; readonly context: T } | { readonly ok: false; readonly status: 403 | 404 };

/** Single-use keys for one app's pages, minted and exchanged by the host's backend. */
export interface MoySkladKeys<T> {
  /** A new key for the app `appUid`, holding `context` (the user it was minted for). */
  mint(appUid: string, context: T): string;
  /**
   * The key's context, once: the key is spent. 404 for a key unknown,
   * spent or past its lifetime.
   */
  exchange(key: string, appUid: string): MoySkladExchange<T>;
}

/**
 * The host backend's half of MoySklad's two ways for a vendor's server to
 * learn who is signed in: context keys (in a page's URL) and user-context
 * tokens (`UserContextResponse`). Both are opaque, random, single-use and
 * short-lived, bound to one app; the vendor's server POSTs them back (to
 * `/api/vendor/1.0/context/{contextKey}`, or `/context/user` with the token
 * in the body), authenticated as its app, and the backend answers with
 * what `exchange` gives. Kept in memory: one per backend process (a
 * backend of several instances keeps them in its database instead).
 *
 * ```js
 * const contextKeys = moySkladKeys({ lifetimeMs: 300_000 });
 * const key = contextKeys.mint('loyalty.loyalco', employee); // for the page's URL
 * contextKeys.exchange(key, 'loyalty.loyalco'); // { ok: true, context: employee }
 * contextKeys.exchange(key, 'loyalty.loyalco'); // { ok: false, status: 404 }
 * ```
 */
export function moySkladKeys<T>(options: MoySkladKeysOptions): MoySkladKeys<T> {
  const now = options.now ?? Date.now;
  const limit = options.limit ?? 10_000;
  const keys = new Map<string, { appUid: string; context: T; expiresAt: number }>();
  return {
    mint(appUid, context) {
      const bytes = crypto.getRandomValues(new Uint8Array(32));
      const key = btoa(String.fromCharCode(...bytes))
        .replaceAll('+', '-')
        .replaceAll('/', '_')
        .replace(/=+$/, '');
      for (const [old, held] of keys) {
        if (held.expiresAt > now() && keys.size < limit) break;
        keys.delete(old);
      }
      keys.set(key, { appUid, context, expiresAt: now() + options.lifetimeMs });
      return key;
    },
    exchange(key, appUid) {
      const held = keys.get(key);
      if (!held || held.expiresAt <= now()) {
        keys.delete(key);
        return { ok: false, status: 404 };
      }
      if (held.appUid !== appUid) return { ok: false, status: options.otherApp ?? 403 };
      keys.delete(key);
      return { ok: true, context: held.context };
    },
  };
}
