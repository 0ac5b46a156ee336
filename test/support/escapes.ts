/**
 * Host paths that a check made before resolving dot segments lets through:
 * each resolves to `//evil.example/...`, another host to a browser. The
 * fixture connector answers them as link cells and action results.
 */
export const ESCAPING_PATHS = [
  '/.//evil.example/p',
  '/a/..//evil.example/x',
  '/%2e%2e//evil.example',
  '/%2E/%2E%2E//evil.example',
  '/orders/../..//evil.example',
] as const;
