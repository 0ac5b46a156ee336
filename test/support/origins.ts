/**
 * The two origins of a browser test. Test pages run on one host name; fixture
 * widgets are served by the same server under the other. `localhost` and
 * `127.0.0.1` are different sites to Chromium, so a fixture iframe is
 * cross-origin (and runs in another process), as a vendor's widget would.
 */
export const hostOrigin = window.origin;

export const fixtureOrigin = `${location.protocol}//${
  location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'
}:${location.port}`;

/** The URL of a fixture page under test/fixtures/, on the fixture origin. */
export function fixtureUrl(name: string): string {
  return `${fixtureOrigin}/test/fixtures/${name}`;
}

/**
 * A second vendor's site (the browser resolves `neighbour.localhost` to
 * this machine): its frames get a process of their own, apart from the
 * fixture origin's, as another vendor's would.
 */
export const neighbourOrigin = `${location.protocol}//neighbour.localhost:${location.port}`;
