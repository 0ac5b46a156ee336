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

/**
 * The names of the child elements of `node`'s `block` that are among
 * `allowed`, in their order; each other one is an issue naming it.
 */
function namesIn<T extends string>(
  node: unknown,
  block: 'supports' | 'uses',
  allowed: readonly T[],
  what: string,
  path: string,
  issues: Issues,
): T[] {
  const names: T[] = [];
  for (const name of childrenOf(isNode(node) ? node[block] : undefined)) {
    if ((allowed as readonly string[]).includes(name)) names.push(name as T);
    else {
      issues.push({
        path: `${path}/${block}/${name}`,
        message: `is not a ${what}; ${block} takes ${allowed.join(', ')}`,
      });
    }
  }
  return names;
}

/** The `supports` protocols, `validation-feedback` nested in `change-handler` (or, in old descriptors, beside it). */
export function supportsOf(node: unknown, path: string, issues: Issues): MoySkladSupport[] {
  const supportsNode = isNode(node) ? node['supports'] : undefined;
  return namesIn(node, 'supports', MOYSKLAD_SUPPORTS, 'protocol', path, issues).flatMap(
    (name): MoySkladSupport[] =>
      name === 'change-handler' &&
      childrenOf((supportsNode as Node)[name]).includes('validation-feedback')
        ? [name, 'validation-feedback']
        : [name],
  );
}

/** A widget's or popup's `uses`, each checked. */
export function usesOf(node: unknown, path: string, issues: Issues): MoySkladUse[] {
  return namesIn(node, 'uses', MOYSKLAD_USES, 'service', path, issues);
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
