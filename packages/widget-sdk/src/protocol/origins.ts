/**
 * Whether `origin` is an exact origin (`scheme://host[:port]`), the only form
 * a messenger accepts. Rejects `'*'`, `'null'`, paths and patterns.
 */
export function isExactOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin;
  } catch {
    return false;
  }
}
