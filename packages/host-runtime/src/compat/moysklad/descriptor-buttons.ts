import type { HostManifestAction } from '../../manifest/schema.js';
import { childrenOf, isNode, slugOf, textOf, type Node } from './descriptor-xml.js';
import type { MoySkladButton, MoySkladConvertOptions, MoySkladUnsupported } from './types.js';

const BUTTON_LOCATION = /^(entity|document)\.[a-z]+\.(edit|create|list)$/;

/**
 * A descriptor's `buttons`, as `server` actions at the locations the host
 * maps (a card's on its object, a list's on its selected rows or none with
 * `useSelected="false"`), and the `vendorApi/endpointBase` they are sent
 * to. Problems go to `found.issues`, locations the host lacks to
 * `found.unsupported`, each action's element path to `found.elementOf`.
 */
export function convertButtons(
  root: Node,
  options: MoySkladConvertOptions,
  found: {
    readonly issues: { path: string; message: string }[];
    readonly unsupported: MoySkladUnsupported[];
    readonly elementOf: Record<string, string>;
  },
): {
  actions: HostManifestAction[];
  buttons: Record<string, MoySkladButton>;
  endpointBase: string | undefined;
} {
  const { issues, unsupported, elementOf } = found;
  const actions: HostManifestAction[] = [];
  const buttons: Record<string, MoySkladButton> = {};
  const buttonNodes = isNode(root['buttons']) ? root['buttons']['button'] : undefined;
  const names = new Set<string>();
  (Array.isArray(buttonNodes) ? buttonNodes : []).forEach((button: unknown, i) => {
    const path = `buttons/button[${i + 1}]`;
    const node: Node = isNode(button) ? button : {};
    const name = textOf(node['@name']);
    const title = textOf(node['@title']);
    const useSelected = node['@useSelected'] ?? 'true';
    if (!name) issues.push({ path: `${path}/@name`, message: 'is required' });
    else if (names.has(name))
      issues.push({ path: `${path}/@name`, message: `"${name}" names another button too` });
    if (!title) issues.push({ path: `${path}/@title`, message: 'is required' });
    if (useSelected !== 'true' && useSelected !== 'false')
      issues.push({ path: `${path}/@useSelected`, message: 'must be true or false' });
    const locations = childrenOf(node['locations']);
    if (locations.length === 0) {
      issues.push({ path: `${path}/locations`, message: 'is required, with one location or more' });
    }
    if (!name || !title || names.has(name)) return;
    names.add(name);
    for (const location of locations) {
      const at = `${path}/locations/${location}`;
      if (!BUTTON_LOCATION.test(location)) {
        issues.push({
          path: at,
          message:
            'is not a button location: locations are named after entity.<type>.edit or .list, document.<type>.edit, .create or .list',
        });
        continue;
      }
      const hostPoint = options.buttonPoints?.[location];
      if (!hostPoint) {
        unsupported.push({ path: at, message: `this host has no action point for ${location}` });
        continue;
      }
      const taken = Object.values(buttons).filter((other) => other.name === name).length;
      const id = taken === 0 ? slugOf(name) : `${slugOf(name).slice(0, 59)}-${taken + 1}`;
      elementOf[`actions[${actions.length}]`] = path;
      const list = location.endsWith('.list');
      actions.push({
        id,
        point: hostPoint,
        title,
        // A card's button runs on its object; a list's on the selected rows, unless useSelected is false.
        selection: location.endsWith('.edit')
          ? 'one'
          : list && useSelected === 'true'
            ? 'many'
            : 'none',
        run: 'server',
      });
      buttons[id] = { path, name, location, useSelected: useSelected === 'true' };
    }
  });
  const endpointBase = textOf(
    isNode(root['vendorApi']) ? root['vendorApi']['endpointBase'] : undefined,
  );
  if (actions.length > 0 && !/^https?:\/\/[^/]/.test(endpointBase ?? '')) {
    issues.push({
      path: 'vendorApi/endpointBase',
      message: endpointBase
        ? `"${endpointBase}" is not an http(s) URL; the vendor's server answers the buttons there`
        : "is required: the vendor's server answers the buttons there",
    });
  }
  return { actions, buttons, endpointBase };
}
