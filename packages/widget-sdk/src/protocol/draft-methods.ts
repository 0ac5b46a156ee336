import * as v from 'valibot';
import { bounded, boundedOrEmpty, LIMITS } from './bounds.js';
import { EntityRefSchema } from './context.js';
import { JsonObjectSchema } from './json.js';

// The entity a card shows, as a draft: its data and a version that grows
// with every change, made by the user or by an app. Widgets read it, hear
// its changes, propose updates to it, validate it before the host saves it,
// and save their own data after.

const Id = bounded(LIMITS.id);
const Version = v.pipe(v.number(), v.integer(), v.minValue(0));
/** A top-level field of the entity's data. */
const Field = bounded(LIMITS.id);
const Fields = v.pipe(v.array(Field), v.maxLength(LIMITS.entries));
const Reason = boundedOrEmpty(LIMITS.text);

/** The entity as `entity.get` gives it; `id` is `null` on a create page, before the first save. */
export const DraftEntitySchema = v.strictObject({
  type: Id,
  id: v.nullable(Id),
  data: JsonObjectSchema,
  /** Grows with every change to the draft. Absent when the host keeps no draft. */
  version: v.optional(Version),
  /** Whether the draft holds no change since it was last saved (or loaded). */
  saved: v.optional(v.boolean()),
});

/** Why a field of an `entity.update` was not applied. */
export const RefusedFieldSchema = v.strictObject({
  path: Field,
  /**
   * `conflict`: the field changed after `baseVersion`; `not_writable`: the
   * app may not write it; `refused`: the host said no, with `reason`.
   */
  code: v.picklist(['conflict', 'not_writable', 'refused']),
  reason: Reason,
});

/** Host methods of the draft; part of HOST_METHODS. */
export const DRAFT_HOST_METHODS = {
  /** The current entity (the card's draft, with its version), or `null` where there is none. */
  'entity.get': {
    params: v.undefined(),
    result: v.nullable(DraftEntitySchema),
    permission: 'entity:read',
  },
} as const;

/**
 * Host methods of the draft a host loads at their first call; part of
 * DEFERRED_HOST_METHODS: a card whose widgets only read never loads them.
 */
export const DRAFT_DEFERRED_HOST_METHODS = {
  /**
   * Proposes changes to top-level fields of the draft; the user still
   * saves. Pass the `version` the widget last saw as `baseVersion`: a field
   * changed since is a `conflict`. Resolves with the new version, the fields
   * applied and those refused, each with why. With `atomic: true`, a refused
   * field refuses the whole update: nothing applies, and `refused` says why.
   */
  'entity.update': {
    params: v.strictObject({
      changes: v.pipe(
        JsonObjectSchema,
        v.check(
          (changes) => Object.keys(changes).length <= LIMITS.entries,
          `must change at most ${LIMITS.entries} fields`,
        ),
      ),
      baseVersion: v.optional(Version),
      /** All the changes or none. Default `false`: the fields that may change do. */
      atomic: v.optional(v.boolean()),
    }),
    result: v.strictObject({
      version: Version,
      applied: Fields,
      refused: v.pipe(v.array(RefusedFieldSchema), v.maxLength(LIMITS.entries)),
    }),
    permission: 'entity:write',
  },
} as const;

/** Who changed the draft: the user, or an app (by id). */
const Origin = v.union([v.literal('user'), v.strictObject({ app: Id })]);

/** Host-to-widget methods of the draft; part of WIDGET_METHODS. */
export const DRAFT_WIDGET_METHODS = {
  /**
   * For widgets with the `change` protocol: the draft changed. Coalesced:
   * while the widget is still answering one, later changes merge into the
   * next (the latest data, every changed field). Never sent for the
   * widget's own update.
   */
  change: {
    params: v.strictObject({
      data: JsonObjectSchema,
      version: Version,
      origin: Origin,
      paths: Fields,
    }),
    result: v.undefined(),
  },
  /**
   * For widgets with the `validation` protocol: may the host save this
   * draft? Answer `{ valid: true }`, or `{ valid: false, message, path? }`.
   */
  validate: {
    params: v.strictObject({ data: JsonObjectSchema, version: Version }),
    result: v.variant('valid', [
      v.strictObject({ valid: v.literal(true) }),
      v.strictObject({
        valid: v.literal(false),
        message: bounded(LIMITS.text),
        path: v.optional(Field),
      }),
    ]),
  },
  /**
   * For widgets with the `save` protocol: the host saved the entity (on a
   * create page, it has its id now); store the widget's own data. Throw to
   * say it failed: the user is told, naming the app.
   */
  save: {
    params: v.strictObject({
      entity: EntityRefSchema,
      data: JsonObjectSchema,
      version: Version,
    }),
    result: v.undefined(),
  },
} as const;

export type DraftEntity = v.InferOutput<typeof DraftEntitySchema>;
export type RefusedField = v.InferOutput<typeof RefusedFieldSchema>;
/** Who changed a draft. */
export type DraftOrigin = v.InferOutput<typeof Origin>;
