/**
 * A navigation target normalised to a path on the host's own origin, or
 * `undefined` when it is anything else. It must start with a single `/`;
 * `//host`, backslashes (which browsers read as `/`), schemes, spaces and
 * control characters (which URL parsing drops, so `/\t/evil.example` would
 * become `//evil.example`) are refused. Dot segments are resolved, so
 * `/orders/../admin` becomes `/admin`.
 */
export function normalizeHostPath(to: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (!to.startsWith('/') || to.startsWith('//') || /[\\\u0000-\u0020\u007f]/.test(to)) {
    return undefined;
  }
  const base = 'https://host.invalid';
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return undefined;
  }
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : undefined;
}
