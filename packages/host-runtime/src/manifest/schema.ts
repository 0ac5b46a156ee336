import { CELL_ICONS } from '@plugboard/widget-sdk/protocol';
import * as v from 'valibot';

// Messages are rules a vendor can act on: "must be …". The path in front of
// them is added by validateManifest().

const text = (max = 200) =>
  v.pipe(
    v.string('must be a string'),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

const slug = v.pipe(
  v.string('must be a string'),
  v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes (at most 63)'),
);

/** An entity type name: letters, digits, dots, dashes, underscores. */
const slugOrDotted = () =>
  v.pipe(
    v.string('must be a string'),
    v.regex(/^[A-Za-z][\w.-]{0,99}$/, 'must be an entity type such as customerorder'),
  );

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether `value` is an https URL, or an http URL on this machine
 * (`localhost` and its subdomains, which resolve to this machine and which
 * browsers treat as other sites: `app-a.localhost`, `app-b.localhost`).
 */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    const local = LOCAL_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost');
    return url.protocol === 'https:' || (url.protocol === 'http:' && local);
  } catch {
    return false;
  }
}

const webUrl = v.pipe(
  v.string('must be a string'),
  v.check(isWebUrl, 'must be https, or http on localhost'),
);

const origin = v.pipe(
  webUrl,
  v.check(
    (value) => URL.canParse(value) && new URL(value).origin === value,
    'must be an origin such as https://vendor.example, with no path or trailing slash',
  ),
);

const pixels = (message: string) =>
  v.pipe(v.number('must be a number'), v.integer(message), v.minValue(0, message));

/** The protocols a widget can take part in, beyond the basic bridge. */
export const WidgetProtocolSchema = v.picklist(
  ['dirty-state', 'save', 'change', 'validation'],
  'must be one of dirty-state, save, change, validation',
);

const PERMISSIONS = new Set([
  'entity:read',
  'entity:write',
  'dialogs',
  'toasts',
  'navigation',
  'messages',
  'storage',
  'identity',
]);

/** One permission a manifest can ask for. */
export const PermissionSchema = v.pipe(
  v.string('must be a string'),
  v.check(
    (value) => PERMISSIONS.has(value) || /^selectors:[A-Za-z0-9][A-Za-z0-9-]*$/.test(value),
    'must be a known permission: entity:read, entity:write, selectors:<name>, dialogs, toasts, navigation, messages, storage or identity',
  ),
);

/** A widget: one page of the app, shown at one extension point. */
export const ManifestWidgetSchema = v.strictObject({
  /** Unique within the manifest. */
  id: slug,
  /** The id of the extension point it goes to, for instance `customerorder.card`. */
  point: text(),
  /** The page to load; must be on the manifest's origin. */
  url: webUrl,
  /** Height bounds in CSS pixels; the widget's reported height is clamped to them. */
  height: v.strictObject({
    min: pixels('must be a whole number of pixels, 0 or more'),
    max: pixels('must be a whole number of pixels, 0 or more'),
    initial: pixels('must be a whole number of pixels, 0 or more'),
  }),
  /** Host protocols the widget takes part in. Default: none. */
  protocols: v.optional(v.array(WidgetProtocolSchema, 'must be a list')),
  /**
   * On a card, show the widget only for a saved entity (`edit`) or only for
   * a new one (`create`); default both. After a create page's first save,
   * `create` widgets leave and `edit` widgets come, in iframes of their own.
   */
  page: v.optional(v.picklist(['edit', 'create'], 'must be edit or create')),
});

/** A list column whose cells the app's connector answers. */
export const ManifestColumnSchema = v.strictObject({
  /** Unique among the app's columns; what the connector's `cells` calls name. */
  id: slug,
  /** A `column` extension point, for instance `customerorder.list`. */
  point: text(),
  /** The column's header. */
  title: text(80),
  /** Its width in CSS pixels, a hint the host's table may follow. */
  width: v.optional(pixels('must be a whole number of pixels, 0 or more')),
  /** How its cells line up. Default `start`. */
  align: v.optional(v.picklist(['start', 'center', 'end'], 'must be start, center or end')),
});

/**
 * An action: a button on a list's toolbar, on a row, or on a card (an
 * `action` extension point). `run` names one of the app's dialogs, opened
 * with the selection in its params; or `connector`: its action handler; or
 * `server`: the app's server, which the host's backend calls (the
 * installation's `server` grant says how).
 */
export const ManifestActionSchema = v.strictObject({
  /** Unique among the app's actions. */
  id: slug,
  point: text(),
  /** The button's label. */
  title: text(40),
  /** An icon from the host's fixed set, beside the label. */
  icon: v.optional(v.picklist(CELL_ICONS, `must be one of ${CELL_ICONS.join(', ')}`)),
  /** What it runs on: nothing, one row, or one or more. Default `many`. */
  selection: v.optional(v.picklist(['none', 'one', 'many'], 'must be none, one or many')),
  run: v.union(
    [v.picklist(['connector', 'server']), v.strictObject({ dialog: slug })],
    'must be "connector", "server" or { "dialog": "<dialog id>" }',
  ),
  /** `connector`: the connector says whether it shows and is enabled for a selection. Default `static`. */
  state: v.optional(v.picklist(['static', 'connector'], 'must be static or connector')),
});

/** The named sizes of a dialog; dialogs/sizes.ts says what each means in pixels. */
export const DIALOG_SIZE_NAMES = ['small', 'medium', 'large', 'fullscreen'] as const;

const pixelRange = v.strictObject({
  min: pixels('must be a whole number of pixels, 0 or more'),
  max: pixels('must be a whole number of pixels, 0 or more'),
});

/**
 * A dialog's size: a named one, or bounds in CSS pixels. The dialog is as
 * wide as the window allows within its width bounds, and as tall as its
 * page reports (auto-resize) within its height bounds and the window.
 */
export const DialogSizeSchema = v.union(
  [v.picklist(DIALOG_SIZE_NAMES), v.strictObject({ width: pixelRange, height: pixelRange })],
  'must be small, medium, large or fullscreen, or { width: { min, max }, height: { min, max } } in whole pixels',
);

/** A modal dialog: a page of the app that its widgets open with `dialogs.open`. */
export const ManifestDialogSchema = v.strictObject({
  /** Unique among the app's dialogs; what `dialogs.open({ dialog })` names. */
  id: slug,
  /** The page to load; must be on the manifest's origin. */
  url: webUrl,
  /** The dialog's title bar, and its accessible name. */
  title: text(80),
  /** Default `medium`. */
  size: v.optional(DialogSizeSchema),
});

/**
 * An app manifest, version 1: what a vendor publishes so a host can install
 * the app.
 */
export const ManifestSchema = v.strictObject({
  /** Where an editor finds this format's JSON Schema; ignored by the runtime. */
  $schema: v.optional(v.string('must be a string')),
  /** The manifest format's version. */
  manifestVersion: v.literal(1, 'must be 1'),
  /** The app's id: unique among a host's apps. */
  id: slug,
  /** The app's display name. */
  name: text(80),
  /** The app's version, semver. */
  version: v.pipe(
    v.string('must be a string'),
    v.regex(
      /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/,
      'must be a semantic version such as 1.4.0',
    ),
  ),
  /** Who makes the app, and where users get support. */
  vendor: v.strictObject({
    name: text(),
    url: webUrl,
    email: v.pipe(v.string('must be a string'), v.email('must be an email address')),
  }),
  /** The origin every page of the app is served from. */
  origin,
  /** The app's widgets. */
  widgets: v.array(ManifestWidgetSchema, 'must be a list'),
  /** The host services the app asks to use. */
  permissions: v.array(PermissionSchema, 'must be a list'),
  /** List columns rendered by the connector. */
  columns: v.optional(v.array(ManifestColumnSchema, 'must be a list')),
  /** Actions handled by the connector. */
  actions: v.optional(v.array(ManifestActionSchema, 'must be a list')),
  /**
   * The entity fields its widgets may write with `entity.update` (given the
   * `entity:write` permission), by entity type:
   * `{ "customerorder": ["deliveryMethod", "deliveryAddress"] }`.
   */
  writes: v.optional(
    v.pipe(
      // A record drops these keys without a word; refuse them, and such field names, instead.
      v.custom<unknown>(
        (input) => prototypeName(input) === undefined,
        (issue) =>
          `names "${prototypeName(issue.input)}", an object's prototype, not an entity type or field that can be written`,
      ),
      v.record(
        slugOrDotted(),
        v.array(text(200), 'must be a list of field names'),
        'must map entity types to lists of field names',
      ),
    ),
  ),
  /** The app's modal dialogs, which its widgets open with `dialogs.open`. */
  dialogs: v.optional(v.array(ManifestDialogSchema, 'must be a list')),
  /**
   * The app's connector: a hidden page, one per host page, that answers its
   * columns' cells and runs its actions. Required by columns, and by actions
   * that `run` on the connector or ask it for their `state`.
   */
  connector: v.optional(v.strictObject({ url: webUrl })),
  /**
   * Shared topics: message topics the app's widgets may send and hear
   * across apps (with `shared: true`), when the other app declares the same
   * topic and both installations grant it. An app's own topics need no
   * declaration.
   */
  topics: v.optional(
    v.array(
      v.pipe(
        v.string('must be a string'),
        v.regex(/^[\w.:-]{1,200}$/, 'must be 1 to 200 letters, digits, ".", "_", "-" or ":"'),
      ),
      'must be a list of topic names',
    ),
  ),
});

/** Names that reach an object's prototype, never data. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype'];

/** The first such name among `writes`' entity types and their fields. */
function prototypeName(writes: unknown): string | undefined {
  if (typeof writes !== 'object' || writes === null) return undefined;
  return PROTOTYPE_NAMES.find(
    (name) =>
      Object.hasOwn(writes, name) ||
      Object.values(writes).some((fields) => Array.isArray(fields) && fields.includes(name)),
  );
}

/** A valid app manifest. */
export type HostManifest = v.InferOutput<typeof ManifestSchema>;
/** One widget of a manifest. */
export type HostManifestWidget = v.InferOutput<typeof ManifestWidgetSchema>;
/** One column of a manifest. */
export type HostManifestColumn = v.InferOutput<typeof ManifestColumnSchema>;
/** One action of a manifest. */
export type HostManifestAction = v.InferOutput<typeof ManifestActionSchema>;
/** One dialog of a manifest. */
export type HostManifestDialog = v.InferOutput<typeof ManifestDialogSchema>;
/** A dialog's size, named or in pixel bounds. */
export type HostDialogSize = v.InferOutput<typeof DialogSizeSchema>;
