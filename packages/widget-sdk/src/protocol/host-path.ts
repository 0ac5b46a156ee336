const BASE = 'https://host.invalid';

/**
 * A navigation target normalised to a path on the host's own origin, or
 * `undefined` when it is anything else.
 *
 * It resolves first and checks what it resolved to: dot segments (also
 * percent-encoded, `%2e%2e`) are resolved as the URL parser resolves them,
 * so `/orders/../admin` becomes `/admin`; then the result must still be a
 * path of this origin. A check before resolving is not enough: `/.//evil.example`
 * and `/a/..//evil.example` resolve to `//evil.example`, which a browser reads
 * as another host. Refused outright: anything not starting with `/`,
 * backslashes (browsers read them as `/`), spaces and control characters
 * (URL parsing drops tabs and newlines, so `/\t/evil.example` would become
 * `//evil.example`), and a result whose decoded path starts with `//` or `/\`
 * (a host router that decodes the path would read another host there).
 */
export function normalizeHostPath(to: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (!to.startsWith('/') || to.startsWith('//') || /[\\\u0000-\u0020\u007f]/.test(to)) {
    return undefined;
  }
  const resolved = resolve(to);
  if (resolved === undefined || !staysOnOrigin(resolved)) return undefined;
  // The result must be its own normal form, so that whoever resolves it
  // again (the browser, at `href` or `location.assign`) gets the same path.
  return resolve(resolved) === resolved ? resolved : undefined;
}

function resolve(to: string): string | undefined {
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return undefined;
  }
  return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : undefined;
}

function staysOnOrigin(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//')) return false;
  const pathname = path.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return !/^\/[/\\]/.test(decoded);
}
