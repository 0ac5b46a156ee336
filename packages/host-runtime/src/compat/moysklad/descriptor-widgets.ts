import {
  MOYSKLAD_SUPPORTS,
  MOYSKLAD_USES,
  type MoySkladSupport,
  type MoySkladUse,
} from './types.js';
import { childrenOf, isNode, textOf, type Node } from './descriptor-xml.js';

// Reading one widget (or popup) element of a descriptor: its fixed height,
// its `supports` and `uses`, and whether its page gets a context key. Each
// problem goes to `issues`, with its element path.

type Issues = { path: string; message: string }[];

/** `height/fixed` in pixels (`150px`), or `undefined` with an issue. */
export function heightOf(node: unknown, path: string, issues: Issues): number | undefined {
  const heightText = textOf(
    isNode(node) && isNode(node['height']) ? node['height']['fixed'] : undefined,
  );
  const height = /^\d{1,5}px$/.test(heightText ?? '')
    ? Number.parseInt(heightText ?? '', 10)
    : undefined;
  if (height === undefined) {
    issues.push({
      path: `${path}/height/fixed`,
      message: heightText
        ? `"${heightText}" is not a height in pixels such as 150px`
        : 'is required, in pixels such as 150px',
    });
  }
  return height;
}

/** The `supports` protocols, `validation-feedback` nested in `change-handler` (or, in old descriptors, beside it). */
export function supportsOf(node: unknown, path: string, issues: Issues): MoySkladSupport[] {
  const supports: MoySkladSupport[] = [];
  const supportsNode = isNode(node) ? node['supports'] : undefined;
  for (const name of childrenOf(supportsNode)) {
    if (!(MOYSKLAD_SUPPORTS as readonly string[]).includes(name)) {
      issues.push({
        path: `${path}/supports/${name}`,
        message: `is not a protocol; supports takes ${MOYSKLAD_SUPPORTS.join(', ')}`,
      });
      continue;
    }
    supports.push(name as MoySkladSupport);
    if (
      name === 'change-handler' &&
      childrenOf((supportsNode as Node)[name]).includes('validation-feedback')
    ) {
      supports.push('validation-feedback');
    }
  }
  return supports;
}

/** A widget's or popup's `uses`, each checked. */
export function usesOf(node: unknown, path: string, issues: Issues): MoySkladUse[] {
  const uses: MoySkladUse[] = [];
  for (const name of childrenOf(isNode(node) ? node['uses'] : undefined)) {
    if (!(MOYSKLAD_USES as readonly string[]).includes(name)) {
      issues.push({
        path: `${path}/uses/${name}`,
        message: `is not a service; uses takes ${MOYSKLAD_USES.join(', ')}`,
      });
      continue;
    }
    uses.push(name as MoySkladUse);
  }
  return uses;
}

/** Whether the page loads with a context key: `useContextKey`, default true. */
export const contextKeyOf = (node: unknown) => !isNode(node) || node['@useContextKey'] !== 'false';

/** The manifest protocols of MoySklad's `supports`. */
export function protocolsOf(supports: readonly MoySkladSupport[]) {
  const protocols = new Set<'change' | 'validation' | 'save' | 'dirty-state'>();
  for (const support of supports) {
    if (support === 'change-handler') protocols.add('change');
    if (support === 'validation-feedback') protocols.add('validation');
    if (support === 'save-handler') protocols.add('save');
    if (support === 'dirty-state') protocols.add('dirty-state');
  }
  return [...protocols];
}
