import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type {
  HostManifestAction,
  HostManifestDialog,
  HostManifestWidget,
} from '../../manifest/schema.js';
import { HostManifestError, validateManifest } from '../../manifest/validate.js';
import {
  MOYSKLAD_NAMESPACE,
  MOYSKLAD_SUPPORTS,
  MOYSKLAD_USES,
  MOYSKLAD_WIDGET_POINTS,
  MoySkladDescriptorError,
  moySkladSupportsAt,
  type MoySkladButton,
  type MoySkladConversion,
  type MoySkladConvertOptions,
  type MoySkladPopup,
  type MoySkladSupport,
  type MoySkladUnsupported,
  type MoySkladUse,
  type MoySkladWidget,
} from './types.js';

type Node = Record<string, unknown>;

/** The descriptor's blocks this host does not run, each with why: reported, in this order. */
const NOT_RUN: Readonly<Record<string, string>> = {
  vendorApi:
    "of the vendor API's callbacks only the buttons' is called here (by the host's backend): install, update and event callbacks are not",
  access: 'JSON API access rights are not granted here: the host lends its data through widgets',
  scenario: 'scenario actions run on the vendor server, which this host does not call',
  iframe: 'the main app window is not shown by this host',
  loyaltyApi: 'provider APIs are not part of widgets',
  fiscalApi: 'provider APIs are not part of widgets',
  qrPayApi: 'provider APIs are not part of widgets',
};

/** A manifest field's element or attribute in the descriptor. */
const ELEMENT_FIELDS: Readonly<Record<string, string>> = {
  'widgets.url': 'sourceUrl',
  'dialogs.url': 'sourceUrl',
  'dialogs.id': 'name',
  'actions.id': '@name',
  'actions.title': '@title',
};

/** Every block of a v2 descriptor. */
const BLOCKS = new Set(['widgets', 'popups', 'buttons', 'iframes', ...Object.keys(NOT_RUN)]);

const WIDGET_POINT = /^(entity|document)\.[a-z]+\.(edit|create)$/;
const BUTTON_LOCATION = /^(entity|document)\.[a-z]+\.(edit|create|list)$/;
const ROOT = 'ServerApplication';

/** A slug for the manifest from a MoySklad name: `somePopup` → `somepopup`. */
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63) || 'x';

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The names of a node's child elements (attributes and text left out). */
const childrenOf = (node: unknown): string[] =>
  isNode(node) ? Object.keys(node).filter((key) => !key.startsWith('@') && key !== '#text') : [];

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value.trim()
    : isNode(value) && typeof value['#text'] === 'string'
      ? value['#text'].trim()
      : undefined;

/**
 * Converts a MoySklad app descriptor (XML, `ServerApplication` v2) into a
 * Plugboard app manifest. Widgets at points the host maps become widgets
 * there (`height/fixed` their height, `0px` hidden; `supports` their
 * protocols, `uses` their permissions); `popups` become app dialogs;
 * `buttons`, at the locations the host maps, become `server` actions (the
 * vendor's server answers them). What this host does not run (`iframes`
 * windows, `scenario`, the `vendorApi` callbacks other than buttons') is
 * listed in `unsupported`. Throws
 * {@link MoySkladDescriptorError} naming each problem's element path, or
 * `HostManifestError` when what it made is not a valid manifest.
 */
export function convertMoySkladDescriptor(
  xml: string,
  options: MoySkladConvertOptions,
): MoySkladConversion {
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
  const issues: { path: string; message: string }[] = [];
  const unsupported: MoySkladUnsupported[] = [];
  // An empty root with no attributes parses as ''.
  const root = parsed[ROOT] === '' ? {} : parsed[ROOT];
  if (!isNode(root)) {
    const found = childrenOf(parsed).filter((name) => name !== '?xml');
    throw new MoySkladDescriptorError([
      { path: found[0] ?? '(root)', message: `the root element must be ${ROOT}` },
    ]);
  }
  if (root['@xmlns'] !== MOYSKLAD_NAMESPACE) {
    issues.push({
      path: ROOT,
      message: `must be in the namespace ${MOYSKLAD_NAMESPACE} (descriptor version 2; version 1 is no longer supported)`,
    });
  }

  const sourceUrl = (node: unknown, path: string): string | undefined => {
    const url = textOf(isNode(node) ? (node['sourceUrl'] ?? node['@sourceUrl']) : undefined);
    if (!url) {
      issues.push({ path: `${path}/sourceUrl`, message: 'is required' });
      return undefined;
    }
    return url;
  };

  /** A widget's or popup's `uses`, each checked. */
  const usesOf = (node: unknown, path: string): MoySkladUse[] => {
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
  };
  // `useContextKey`: default true.
  const contextKeyOf = (node: unknown) => !isNode(node) || node['@useContextKey'] !== 'false';

  const widgets: HostManifestWidget[] = [];
  /** Each manifest widget's and dialog's element, to name in the manifest's errors. */
  const elementOf: Record<string, string> = {};
  const described: Record<string, MoySkladWidget> = {};
  const permissions = new Set<string>();
  /** The app holds each permission some widget's or popup's services need; the adapter gives each its own. */
  const grant = (uses: readonly MoySkladUse[]) => {
    for (const use of uses) {
      if (use === 'good-folder-selector')
        permissions.add(`selectors:${options.goodFolderSelector ?? 'goodFolder'}`);
      if (use === 'standard-dialogs') permissions.add('dialogs');
      if (use === 'navigation-service') permissions.add('navigation');
    }
  };
  const protocolsOf = (supports: readonly MoySkladSupport[]) => {
    const protocols = new Set<'change' | 'validation' | 'save' | 'dirty-state'>();
    for (const support of supports) {
      if (support === 'change-handler') protocols.add('change');
      if (support === 'validation-feedback') protocols.add('validation');
      if (support === 'save-handler') protocols.add('save');
      if (support === 'dirty-state') protocols.add('dirty-state');
    }
    return [...protocols];
  };

  for (const point of childrenOf(root['widgets'])) {
    const path = `widgets/${point}`;
    const node = (root['widgets'] as Node)[point];
    if (!WIDGET_POINT.test(point)) {
      issues.push({
        path,
        message:
          'is not a widget point: widgets are named after entity.<type>.edit, document.<type>.edit or document.<type>.create',
      });
      continue;
    }
    if (!MOYSKLAD_WIDGET_POINTS.includes(point)) {
      issues.push({ path, message: "is not one of MoySklad's widget points" });
      continue;
    }
    if (Array.isArray(node)) {
      issues.push({ path, message: 'appears twice: an app has one widget per extension point' });
      continue;
    }
    const hostPoint = options.points[point];
    const url = sourceUrl(node, path);
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
      // validation-feedback is nested in change-handler (and, in old descriptors, beside it).
      if (
        name === 'change-handler' &&
        childrenOf((supportsNode as Node)[name]).includes('validation-feedback')
      ) {
        supports.push('validation-feedback');
      }
    }
    const create = point.endsWith('.create');
    // MoySklad runs only some protocols at each point, and no service but
    // user-context on a create page: the rest is reported, never run.
    const runs = moySkladSupportsAt(point);
    for (const name of new Set(supports)) {
      if (!runs.includes(name))
        unsupported.push({
          path: `${path}/supports/${name}`,
          message: `MoySklad does not run ${name} at ${point}`,
        });
    }
    const uses = usesOf(node, path).filter((use) => {
      if (!create || use === 'user-context') return true;
      unsupported.push({
        path: `${path}/uses/${use}`,
        message: 'create pages have no services but user-context, as in MoySklad',
      });
      return false;
    });
    if (!hostPoint) {
      unsupported.push({ path, message: `this host has no extension point for ${point}` });
      continue;
    }
    if (!url || height === undefined) continue;
    const widgetId = slugOf(point);
    elementOf[`widgets[${widgets.length}]`] = path;
    const entityType = point.split('.')[1] ?? '';
    widgets.push({
      id: widgetId,
      point: hostPoint,
      url,
      height: { min: height, max: height, initial: height },
      protocols: protocolsOf(supports.filter((name) => runs.includes(name))),
      page: create ? 'create' : 'edit',
    });
    permissions.add('entity:read');
    if (supports.includes('update-provider') && (options.writes?.[entityType]?.length ?? 0) > 0) {
      permissions.add('entity:write');
    }
    grant(uses);
    described[widgetId] = {
      point,
      widgetId,
      height,
      create,
      supports: [...new Set(supports)].filter((name) => runs.includes(name)),
      uses,
      contextKey: contextKeyOf(node),
    };
  }

  const dialogs: HostManifestDialog[] = [];
  const popups: Record<string, string> = {};
  const popupDetails: Record<string, MoySkladPopup> = {};
  const popupNodes = isNode(root['popups']) ? root['popups']['popup'] : undefined;
  (Array.isArray(popupNodes) ? popupNodes : []).forEach((popup: unknown, i) => {
    const path = `popups/popup[${i + 1}]`;
    const name = textOf(isNode(popup) ? popup['name'] : undefined);
    if (!name) {
      issues.push({ path: `${path}/name`, message: 'is required' });
      return;
    }
    if (name in popups) {
      issues.push({ path: `${path}/name`, message: `"${name}" names another popup too` });
      return;
    }
    const url = sourceUrl(popup, path);
    if (!url) return;
    const id = slugOf(name);
    popups[name] = id;
    const uses = usesOf(popup, path);
    grant(uses);
    popupDetails[id] = { name, dialogId: id, uses, contextKey: contextKeyOf(popup) };
    elementOf[`dialogs[${dialogs.length}]`] = path;
    // MoySklad shows a popup full screen, titled with the app's name.
    dialogs.push({ id, url, title: options.name, size: 'fullscreen' });
    permissions.add('dialogs');
  });

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

  for (const [block, message] of Object.entries(NOT_RUN)) {
    if (root[block] !== undefined) unsupported.push({ path: block, message });
  }
  const frames = isNode(root['iframes']) ? root['iframes']['iframe'] : undefined;
  (Array.isArray(frames) ? frames : []).forEach((frame: unknown, i) => {
    const type = isNode(frame) && typeof frame['@type'] === 'string' ? frame['@type'] : 'main';
    unsupported.push({
      path: `iframes/iframe[${i + 1}]`,
      message: `the ${type} window is not shown by this host`,
    });
  });
  for (const block of childrenOf(root)) {
    if (!BLOCKS.has(block))
      issues.push({ path: block, message: 'is not a block of a v2 descriptor' });
  }
  if (issues.length > 0) throw new MoySkladDescriptorError(issues);

  const manifest = {
    manifestVersion: 1,
    id: options.id,
    name: options.name,
    version: options.version ?? '1.0.0',
    vendor: options.vendor,
    origin: options.origin,
    widgets,
    ...(dialogs.length > 0 ? { dialogs } : {}),
    ...(actions.length > 0 ? { actions } : {}),
    permissions: [...permissions],
    ...(options.writes && permissions.has('entity:write')
      ? {
          writes: Object.fromEntries(
            Object.entries(options.writes).map(([type, fields]) => [type, [...fields]]),
          ),
        }
      : {}),
  };
  try {
    return {
      manifest: validateManifest(manifest),
      widgets: described,
      popups,
      dialogs: popupDetails,
      buttons,
      endpointBase,
      unsupported,
    };
  } catch (error) {
    if (error instanceof HostManifestError) {
      // widgets[0].url → widgets/document.customerorder.edit/sourceUrl,
      // actions[0].title → buttons/button[1]/@title; the rest came from the options.
      throw new MoySkladDescriptorError(
        error.issues.map((issue) => {
          const [, item, part, field = ''] =
            /^((widgets|dialogs|actions)\[\d+\])\.?(.*)$/.exec(issue.path) ?? [];
          const element = item === undefined ? undefined : elementOf[item];
          return element
            ? {
                path: `${element}/${ELEMENT_FIELDS[`${part ?? ''}.${field}`] ?? field}`,
                message: issue.message,
              }
            : { path: `(options) ${issue.path}`, message: issue.message };
        }),
      );
    }
    throw error;
  }
}
