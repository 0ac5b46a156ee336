import type { HostManifest } from '../../manifest/schema.js';

// The MoySklad descriptor's vocabulary, and what its conversion returns.

/** MoySklad's descriptor namespace, version 2: the only one MoySklad still takes. */
export const MOYSKLAD_NAMESPACE = 'https://apps-api.moysklad.ru/xml/ns/appstore/app/v2';

/** What a MoySklad widget's `supports` and `uses` name. */
export const MOYSKLAD_SUPPORTS = [
  'open-feedback',
  'save-handler',
  'dirty-state',
  'change-handler',
  'validation-feedback',
  'update-provider',
] as const;
export const MOYSKLAD_USES = [
  'good-folder-selector',
  'standard-dialogs',
  'navigation-service',
  'user-context',
] as const;

const DOCUMENTS = [
  'customerorder',
  'demand',
  'invoiceout',
  'invoicein',
  'purchaseorder',
  'supply',
  'move',
  'loss',
  'enter',
  'internalorder',
  'inventory',
  'salesreturn',
  'retaildemand',
] as const;

/**
 * Every point MoySklad shows widgets at, 42 in all: entity cards
 * (`entity.<type>.edit`), documents' create pages and their edit pages.
 */
export const MOYSKLAD_WIDGET_POINTS: readonly string[] = [
  ...['counterparty', 'product', 'variant', 'service', 'bundle', 'productfolder'].map(
    (type) => `entity.${type}.edit`,
  ),
  ...DOCUMENTS.map((type) => `document.${type}.create`),
  ...[
    ...DOCUMENTS,
    'processingorder',
    'paymentin',
    'paymentout',
    'cashin',
    'cashout',
    'purchasereturn',
    'retailsalesreturn',
    'retaildrawercashin',
    'retaildrawercashout',
    'emissionorder',
  ].map((type) => `document.${type}.edit`),
];

/**
 * The `supports` protocols MoySklad runs at `point` (its table of
 * protocols by point): entity cards open-feedback, save-handler and
 * dirty-state; create pages change-handler with validation-feedback; most
 * documents' edit pages all six, some without update-provider, payments and
 * the like only the first three.
 */
export function moySkladSupportsAt(point: string): readonly MoySkladSupport[] {
  const [kind, type = '', page] = point.split('.');
  const basic = ['open-feedback', 'save-handler', 'dirty-state'] as const;
  const change = ['change-handler', 'validation-feedback'] as const;
  if (kind === 'entity') return basic;
  if (page === 'create') return change;
  if (['invoicein', 'salesreturn', 'retaildemand'].includes(type)) return [...basic, ...change];
  if ([...DOCUMENTS, 'emissionorder'].includes(type)) return MOYSKLAD_SUPPORTS;
  return basic;
}

/** A protocol a MoySklad widget supports (host → widget). */
export type MoySkladSupport = (typeof MOYSKLAD_SUPPORTS)[number];
/** A service a MoySklad widget uses (widget → host). */
export type MoySkladUse = (typeof MOYSKLAD_USES)[number];

/** Options of {@link convertMoySkladDescriptor}: what the descriptor does not say. */
export interface MoySkladConvertOptions {
  /** The app's id on this host (a slug: lowercase letters, digits, dashes). */
  readonly id: string;
  /** The app's name, as users see it (MoySklad keeps it in its catalogue, not the descriptor). */
  readonly name: string;
  /** The app's version. Default `1.0.0`. */
  readonly version?: string;
  /** Who makes the app, and where users get support (named when a widget blocks a save). */
  readonly vendor: { readonly name: string; readonly url: string; readonly email: string };
  /** The origin every page of the app is served from. */
  readonly origin: string;
  /**
   * The host's extension point for each MoySklad point it has:
   * `{ 'document.customerorder.edit': 'customerorder.card' }`. A widget at a
   * point left out is reported, not installed. `installMoySkladApp`
   * defaults it to {@link moySkladPointsOf} the host.
   */
  readonly points: Readonly<Record<string, string>>;
  /**
   * The host's `action` point for each MoySklad button location it has:
   * `{ 'document.customerorder.list': 'customerorder.list.actions' }`. A
   * button's location left out is reported, not installed.
   */
  readonly buttonPoints?: Readonly<Record<string, string>>;
  /** The host's selector for `good-folder-selector`. Default `goodFolder`. */
  readonly goodFolderSelector?: string;
  /** The fields `update-provider` may write, by entity type. Default none: updates are refused. */
  readonly writes?: Readonly<Record<string, readonly string[]>>;
}

/** One widget of a descriptor, as the message adapter needs it. */
export interface MoySkladWidget {
  /** The MoySklad point it was declared at, such as `document.customerorder.edit`. */
  readonly point: string;
  /** The manifest widget's id. */
  readonly widgetId: string;
  /** Its fixed height; 0: hidden, yet it takes part in every protocol. */
  readonly height: number;
  /** A widget of a create page (`document.*.create`): the object has no id yet. */
  readonly create: boolean;
  /** The protocols it declared that MoySklad runs at its point. */
  readonly supports: readonly MoySkladSupport[];
  /** The services it may use (none on a create page but `user-context`, as in MoySklad). */
  readonly uses: readonly MoySkladUse[];
  /** Whether its page loads with a `contextKey` (`useContextKey`, default true). */
  readonly contextKey: boolean;
}

/** One popup of a descriptor: an app dialog of the manifest. */
export interface MoySkladPopup {
  /** Its `name`, as widgets send it. */
  readonly name: string;
  /** The manifest dialog's id. */
  readonly dialogId: string;
  /** The services it may use. */
  readonly uses: readonly MoySkladUse[];
  /** Whether its page loads with a `contextKey` (`useContextKey`, default true). */
  readonly contextKey: boolean;
}

/** One button of a descriptor at one location: a manifest action whose `server` is the vendor's. */
export interface MoySkladButton {
  /** The button's element, such as `buttons/button[1]`. */
  readonly path: string;
  /** Its `name`, sent to the vendor's server. */
  readonly name: string;
  /** The MoySklad location it was declared at, such as `document.customerorder.list`. */
  readonly location: string;
  /** Whether a list location sends the selected rows (`useSelected`, default true). */
  readonly useSelected: boolean;
}

/** A part of the descriptor this host does not run, and why. */
export interface MoySkladUnsupported {
  readonly path: string;
  readonly message: string;
}

/** The outcome of {@link convertMoySkladDescriptor}. */
export interface MoySkladConversion {
  /** The Plugboard app manifest, validated. */
  readonly manifest: HostManifest;
  /** The widgets, by manifest widget id. */
  readonly widgets: Readonly<Record<string, MoySkladWidget>>;
  /** The buttons, by manifest action id. */
  readonly buttons: Readonly<Record<string, MoySkladButton>>;
  /** `vendorApi/endpointBase`: where MoySklad calls the vendor's server. */
  readonly endpointBase: string | undefined;
  /** Popup names (as the widgets send them) to the manifest's dialog ids. */
  readonly popups: Readonly<Record<string, string>>;
  /** The popups, by manifest dialog id. */
  readonly dialogs: Readonly<Record<string, MoySkladPopup>>;
  /** What the descriptor declares that this host does not run: reported, never silently dropped. */
  readonly unsupported: readonly MoySkladUnsupported[];
}

/** A descriptor that cannot be converted; `issues` name each problem's element path. */
export class MoySkladDescriptorError extends Error {
  override readonly name = 'MoySkladDescriptorError';
  constructor(readonly issues: readonly { readonly path: string; readonly message: string }[]) {
    super(
      `Invalid MoySklad descriptor:\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`,
    );
  }
}

/** What the adapter knows of a MoySklad app beyond its manifest. */
export interface MoySkladAppInfo {
  /** Its widgets, by manifest widget id. */
  readonly widgets: Readonly<Record<string, MoySkladWidget>>;
  /** Popup names to dialog ids. */
  readonly popups: Readonly<Record<string, string>>;
  /** Its popups, by dialog id. */
  readonly dialogs: Readonly<Record<string, MoySkladPopup>>;
  /** MoySklad field names to the host's (`description` → `comment`), both ways. */
  readonly fields: Readonly<Record<string, string>>;
  /** A MoySklad route (`#customerorder/edit?id=7`) as a path of the host, or `undefined`. */
  readonly route: (path: string) => string | undefined;
  /** The host's selector for good folders. */
  readonly goodFolderSelector: string;
  /** A fresh user-context token for each `UserContextRequest` (installMoySkladApp's `userContext`). */
  readonly userContext: ((widget: { readonly widgetId: string }) => Promise<string>) | undefined;
}
