import type { Host } from './host.js';

/**
 * Which host each attached root belongs to (see `Host.attach`). Apart from
 * host.ts, so that elements can find their host without importing it.
 */
export const hostRoots = new WeakMap<Node, Host>();

/** The host attached to the nearest root above `node`, crossing shadow roots. */
export function findHost(node: Node): Host | undefined {
  for (let current: Node | null = node; current;) {
    const host = hostRoots.get(current);
    if (host) return host;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return undefined;
}
