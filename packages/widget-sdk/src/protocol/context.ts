import * as v from 'valibot';
import { bounded, boundedOrEmpty, LIMITS } from './bounds.js';
import { JsonObjectSchema, JsonValueSchema } from './json.js';

/** The kinds of extension point a host can declare. */
export const ExtensionPointKindSchema = v.picklist(['panel', 'column', 'action', 'dialog', 'page']);

/** A reference to one host entity, for instance `{ type: 'customerorder', id: '42' }`. */
export const EntityRefSchema = v.strictObject({
  /** The entity type, as the extension point names it. */
  type: bounded(LIMITS.id),
  /** The entity's id in the host. */
  id: bounded(LIMITS.id),
});

/** Theme tokens a widget should render with, so it looks native in the host. */
export const ThemeSchema = v.strictObject({
  /** Whether the host is in its light or dark scheme. */
  mode: v.picklist(['light', 'dark']),
  /** CSS custom property values by token name, for instance `{ 'color-text': '#101828' }`. */
  tokens: v.pipe(
    v.record(boundedOrEmpty(LIMITS.id), boundedOrEmpty(LIMITS.text)),
    v.check(
      (tokens) => Object.keys(tokens).length <= LIMITS.entries,
      `must have at most ${LIMITS.entries} tokens`,
    ),
  ),
});

/**
 * Everything a widget knows about where and for whom it runs. Handed over in
 * the handshake, and again with `open` (entity switch) and `contextChanged`
 * (theme, locale, settings).
 */
export const WidgetContextSchema = v.strictObject({
  /** This widget instance's id, unique on the host page. */
  instanceId: bounded(LIMITS.id),
  /**
   * The extension point the widget is mounted at. An app's connector, which
   * serves every list and action point of its app, has `kind: 'connector'`.
   */
  extensionPoint: v.strictObject({
    id: bounded(LIMITS.id),
    kind: v.picklist([...ExtensionPointKindSchema.options, 'connector']),
  }),
  /** The entity the widget is opened for; `null` on a create page. */
  entity: v.nullable(EntityRefSchema),
  /** The signed-in user. Identity proofs come from `identity.getToken`, never from here. */
  user: v.strictObject({ id: bounded(LIMITS.id), name: boundedOrEmpty(LIMITS.text) }),
  /** The user's locale as a BCP 47 tag, for instance `en-GB`. */
  locale: bounded(LIMITS.id),
  /** The host's theme. */
  theme: ThemeSchema,
  /** The app this widget belongs to, and its settings in this host installation. */
  app: v.strictObject({
    id: bounded(LIMITS.id),
    version: bounded(LIMITS.id),
    settings: JsonObjectSchema,
  }),
  /**
   * Only in an app dialog's widget: which of the app's dialogs this is, and
   * the params its opener passed to `dialogs.open` (`null` for none).
   */
  dialog: v.optional(v.strictObject({ id: bounded(LIMITS.id), params: JsonValueSchema })),
});

export type ExtensionPointKind = v.InferOutput<typeof ExtensionPointKindSchema>;
export type EntityRef = v.InferOutput<typeof EntityRefSchema>;
export type Theme = v.InferOutput<typeof ThemeSchema>;
export type WidgetContext = v.InferOutput<typeof WidgetContextSchema>;
