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
   * point left out is reported, not installed.
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
  readonly supports: readonly MoySkladSupport[];
  readonly uses: readonly MoySkladUse[];
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
