const BASE = 'https://host.invalid';

/**
 * A navigation target normalised to a path on the host's own origin, or
 * `undefined` when it is anything else.
 *
 * It resolves first and checks what it resolved to: dot segments (also
 * percent-encoded, `%2e%2e`) are resolved as the URL parser resolves them,
 * so `/orders/../admin` becomes `/admin`; then the result must still be a
 * path of this origin. A check before resolving is not enough:
 * `/.//evil.example` and `/a/..//evil.example` resolve to `//evil.example`,
 * which a browser reads as another host. Refused outright: anything not
 * starting with `/`, backslashes (browsers read them as `/`), spaces and
 * control characters (URL parsing drops tabs and newlines, so
 * `/\t/evil.example` would become `//evil.example`). Refused once resolved:
 * a path whose decoded form starts with `//` or `/\` (a router that decodes
 * the path would read another host there), or that does not decode.
 */
export function normalizeHostPath(to: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (!to.startsWith('/') || /[\\\u0000-\u0020\u007f]/.test(to)) return undefined;
  let url: URL;
  let decoded: string;
  try {
    url = new URL(to, BASE);
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  return url.origin === BASE && !/^\/[/\\]/.test(decoded)
    ? `${url.pathname}${url.search}${url.hash}`
    : undefined;
}
