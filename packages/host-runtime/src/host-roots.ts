import type { MountHost } from './frames/mount-host.js';

/**
 * Which host each attached root belongs to (see `Host.attach`). Apart from
 * host.ts, so that elements can find their host without importing it.
 */
export const hostRoots = new WeakMap<Node, MountHost>();

/**
 * The host attached to the nearest root above `node`, crossing shadow
 * roots. Every attached host is a whole `Host` (only `Host.attach` fills
 * the map), so a caller may read it as the narrow host type it uses.
 */
export function findHost(node: Node): MountHost | undefined {
  for (let current: Node | null = node; current;) {
    const host = hostRoots.get(current);
    if (host) return host;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return undefined;
}
