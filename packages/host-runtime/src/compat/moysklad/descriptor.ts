import type { HostManifestDialog, HostManifestWidget } from '../../manifest/schema.js';
import { HostManifestError, validateManifest } from '../../manifest/validate.js';
import {
  MOYSKLAD_NAMESPACE,
  MOYSKLAD_WIDGET_POINTS,
  MoySkladDescriptorError,
  moySkladSupportsAt,
  type MoySkladConversion,
  type MoySkladConvertOptions,
  type MoySkladPopup,
  type MoySkladUnsupported,
  type MoySkladUse,
  type MoySkladWidget,
} from './types.js';
import { convertButtons } from './descriptor-buttons.js';
import {
  childrenOf,
  isNode,
  parseDescriptor,
  slugOf,
  textOf,
  type Node,
} from './descriptor-xml.js';
import { contextKeyOf, heightOf, protocolsOf, supportsOf, usesOf } from './descriptor-widgets.js';

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
  const root = parseDescriptor(xml);
  const issues: { path: string; message: string }[] = [];
  const unsupported: MoySkladUnsupported[] = [];
  if (root['@xmlns'] !== MOYSKLAD_NAMESPACE) {
    issues.push({
      path: 'ServerApplication',
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
    const height = heightOf(node, path, issues);
    const supports = supportsOf(node, path, issues);
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
    const uses = usesOf(node, path, issues).filter((use) => {
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
    const uses = usesOf(popup, path, issues);
    grant(uses);
    popupDetails[id] = { name, dialogId: id, uses, contextKey: contextKeyOf(popup) };
    elementOf[`dialogs[${dialogs.length}]`] = path;
    // MoySklad shows a popup full screen, titled with the app's name.
    dialogs.push({ id, url, title: options.name, size: 'fullscreen' });
    permissions.add('dialogs');
  });

  const { actions, buttons, endpointBase } = convertButtons(root, options, {
    issues,
    unsupported,
    elementOf,
  });
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
