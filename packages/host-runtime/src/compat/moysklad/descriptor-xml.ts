import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MoySkladDescriptorError } from './types.js';

// Reading a MoySklad descriptor's XML: well-formedness, the parse, and the
// helpers the conversion walks the tree with.

/** An element, parsed: child elements by name, attributes as `@name`, text as `#text`. */
export type Node = Record<string, unknown>;

const ROOT = 'ServerApplication';

/** A slug for the manifest from a MoySklad name: `somePopup` → `somepopup`. */
export const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63) || 'x';

export const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The names of a node's child elements (attributes and text left out). */
export const childrenOf = (node: unknown): string[] =>
  isNode(node) ? Object.keys(node).filter((key) => !key.startsWith('@') && key !== '#text') : [];

export const textOf = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value.trim()
    : isNode(value) && typeof value['#text'] === 'string'
      ? value['#text'].trim()
      : undefined;

/**
 * The descriptor's root element, parsed; throws {@link MoySkladDescriptorError}
 * where the XML is not well-formed or the root is not `ServerApplication`.
 */
export function parseDescriptor(xml: string): Node {
  // fast-xml-parser 5 deprecates its validator in favour of a separate,
  // young package (fast-xml-validator, two versions); it still ships, and
  // is what reports where a descriptor stops being XML.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    throw new MoySkladDescriptorError([{ path: `line ${line}, column ${col}`, message: msg }]);
  }
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (_name, path) =>
      [
        `${ROOT}.popups.popup`,
        `${ROOT}.buttons.button`,
        `${ROOT}.iframes.iframe`,
        `${ROOT}.scenario.action`,
      ].includes(String(path)),
  }).parse(xml) as Node;
  // An empty root with no attributes parses as ''.
  const root = parsed[ROOT] === '' ? {} : parsed[ROOT];
  if (!isNode(root)) {
    const found = childrenOf(parsed).filter((name) => name !== '?xml');
    throw new MoySkladDescriptorError([
      { path: found[0] ?? '(root)', message: `the root element must be ${ROOT}` },
    ]);
  }
  return root;
}
