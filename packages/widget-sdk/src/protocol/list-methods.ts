import * as v from 'valibot';
import { bounded, boundedOrEmpty, LIMITS } from './bounds.js';
import { normalizeHostPath } from './host-path.js';
import { JsonObjectSchema, JsonValueSchema } from './json.js';

// Lists: an app's connector (one hidden page per app per host page) answers
// the cells of its columns for a batch of rows, whether its actions apply to
// a selection, and runs them. A cell is data, never HTML: the host renders
// it in its own style.

const Id = bounded(LIMITS.id);

/** The most rows one `cells` call carries; a host with more visible rows makes more calls. */
export const MAX_CELL_ROWS = 200;
/** The most columns of one app in one `cells` call. */
export const MAX_CELL_COLUMNS = 20;
/** The most characters of a cell's text. */
export const MAX_CELL_TEXT = 120;
/** The most characters of a cell's tooltip. */
export const MAX_CELL_TOOLTIP = 300;
/** The most ids a selection of ids carries; past it, a host sends its query. */
export const MAX_SELECTION_IDS = 1_000;
/** The most per-row failures an action result reports. */
export const MAX_ACTION_FAILURES = 200;

/** The icons a cell may show: a fixed set, drawn by the host. */
export const CELL_ICONS = [
  'check',
  'cross',
  'warning',
  'info',
  'clock',
  'truck',
  'star',
  'flag',
  'lock',
  'link',
] as const;

/** The tones of a badge, as the host's design has them. */
export const CELL_TONES = ['neutral', 'info', 'success', 'warning', 'critical'] as const;

const Text = bounded(MAX_CELL_TEXT);
const common = {
  /** Shown on hover and read by screen readers. */
  tooltip: v.optional(bounded(MAX_CELL_TOOLTIP)),
  /** What the host sorts the column by, when it sorts on the client. */
  sort: v.optional(v.union([boundedOrEmpty(LIMITS.id), v.pipe(v.number(), v.finite())])),
};

/** A path on the host's own origin, normalised (`..` resolved), as `navigation.go` takes. */
const HostPath = v.pipe(
  bounded(LIMITS.path),
  v.check((to) => normalizeHostPath(to) !== undefined, "must be a path on the host's own origin"),
  v.transform((to) => normalizeHostPath(to) ?? to),
);

/**
 * One app's cell for one row, by `kind`: `text`; `number` (formatted in the
 * user's locale, with `decimals`); `badge` with a `tone`; `link` to a host
 * path (`to`) or to one of the app's dialogs (`dialog`, with `params`);
 * `icon` from {@link CELL_ICONS}, with a required `tooltip` as its name;
 * `progress` from 0 to 1; `error`, when the app could not work the cell out
 * (the host shows a quiet error mark with `message`). `null`: nothing to
 * show for this row.
 */
export const CellSchema = v.nullable(
  v.variant('kind', [
    v.strictObject({ kind: v.literal('text'), text: Text, ...common }),
    v.strictObject({
      kind: v.literal('number'),
      value: v.pipe(v.number(), v.finite()),
      decimals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6))),
      ...common,
    }),
    v.strictObject({
      kind: v.literal('badge'),
      text: Text,
      tone: v.picklist(CELL_TONES),
      ...common,
    }),
    v.strictObject({
      kind: v.literal('link'),
      text: Text,
      to: v.optional(HostPath),
      dialog: v.optional(Id),
      params: v.optional(JsonValueSchema),
      ...common,
    }),
    v.strictObject({
      kind: v.literal('icon'),
      icon: v.picklist(CELL_ICONS),
      tooltip: bounded(MAX_CELL_TOOLTIP),
      sort: common.sort,
    }),
    v.strictObject({
      kind: v.literal('progress'),
      value: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
      ...common,
    }),
    v.strictObject({ kind: v.literal('error'), message: bounded(MAX_CELL_TOOLTIP) }),
  ]),
);

/** One row a list asks cells for: its id, its version (cells are cached by both), and its data if the app may read it. */
export const CellRowSchema = v.strictObject({
  id: Id,
  version: v.union([v.pipe(v.number(), v.finite()), Id]),
  /** The row's data, given the app's `entity:read` permission. */
  data: v.optional(JsonObjectSchema),
});

/**
 * What an action runs on: `ids` of the chosen rows (none for a toolbar
 * action that takes no selection), or, for "select all" over a list larger
 * than what the page holds, the list's `query` (the host's own filter, as
 * JSON), the ids left out of it, and how many rows that makes.
 */
export const SelectionSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('ids'),
    ids: v.pipe(v.array(Id), v.maxLength(MAX_SELECTION_IDS)),
  }),
  v.strictObject({
    kind: v.literal('query'),
    query: JsonObjectSchema,
    excluded: v.pipe(v.array(Id), v.maxLength(MAX_SELECTION_IDS)),
    count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
]);

/** Whether an action shows and may run for a selection; `reason` says why not. */
export const ActionStateSchema = v.strictObject({
  visible: v.optional(v.boolean()),
  enabled: v.boolean(),
  reason: v.optional(bounded(LIMITS.text)),
});

/**
 * What running an action did, for the host to show: a `toast`; rows whose
 * cells to `refresh` (by id, or `all` the app's cells); an app `dialog` to
 * open next; a host path to `navigate` to; and the rows it failed for.
 */
export const ActionResultSchema = v.strictObject({
  toast: v.optional(
    v.strictObject({
      message: bounded(LIMITS.text),
      tone: v.optional(v.picklist(['info', 'success', 'warning', 'error'])),
    }),
  ),
  refresh: v.optional(
    v.union([v.literal('all'), v.pipe(v.array(Id), v.maxLength(MAX_SELECTION_IDS))]),
  ),
  dialog: v.optional(v.strictObject({ id: Id, params: v.optional(JsonValueSchema) })),
  navigate: v.optional(HostPath),
  failures: v.optional(
    v.pipe(
      v.array(v.strictObject({ id: Id, reason: bounded(LIMITS.text) })),
      v.maxLength(MAX_ACTION_FAILURES),
    ),
  ),
});

const CellMap = v.pipe(
  v.record(Id, v.unknown()),
  v.check((cells) => Object.keys(cells).length <= MAX_CELL_ROWS, 'too many rows'),
);

/**
 * What the host calls on an app's connector, beside WIDGET_METHODS. A
 * `cells` answer is checked as a whole only for its shape: each cell is
 * checked on its own with {@link CellSchema}, so one bad cell shows as an
 * error in its place, not as a failed batch.
 */
export const LIST_WIDGET_METHODS = {
  /** The cells of `columns` for `rows`: `{ [column]: { [rowId]: cell } }`. A row left out shows an error. */
  cells: {
    params: v.strictObject({
      columns: v.pipe(v.array(Id), v.minLength(1), v.maxLength(MAX_CELL_COLUMNS)),
      rows: v.pipe(v.array(CellRowSchema), v.minLength(1), v.maxLength(MAX_CELL_ROWS)),
    }),
    result: v.pipe(
      v.record(Id, CellMap),
      v.check((columns) => Object.keys(columns).length <= MAX_CELL_COLUMNS, 'too many columns'),
    ),
  },
  /** Whether each of `actions` applies to `selection`, in order. */
  actionState: {
    params: v.strictObject({
      actions: v.pipe(v.array(Id), v.minLength(1), v.maxLength(LIMITS.entries)),
      selection: SelectionSchema,
    }),
    result: v.pipe(v.array(ActionStateSchema), v.maxLength(LIMITS.entries)),
  },
  /** Runs `action` on `selection`; resolves with what the host should show. */
  action: {
    params: v.strictObject({ action: Id, selection: SelectionSchema }),
    result: v.nullish(ActionResultSchema),
  },
} as const satisfies Record<string, { params: v.GenericSchema; result: v.GenericSchema }>;

export type Cell = v.InferOutput<typeof CellSchema>;
export type CellKind = NonNullable<Cell>['kind'];
export type CellIcon = (typeof CELL_ICONS)[number];
export type CellTone = (typeof CELL_TONES)[number];
export type CellRow = v.InferOutput<typeof CellRowSchema>;
export type Selection = v.InferOutput<typeof SelectionSchema>;
export type ActionState = v.InferOutput<typeof ActionStateSchema>;
export type ActionResult = v.InferOutput<typeof ActionResultSchema>;

/** Host methods of lists; part of HOST_METHODS. */
export const LIST_HOST_METHODS = {
  /**
   * Drops the app's cached cells of these `rows` (ids), of these `columns`,
   * of both (rows of those columns), or all of them when neither is given:
   * the host asks again for the ones on screen.
   */
  'cells.invalidate': {
    params: v.strictObject({
      rows: v.optional(v.pipe(v.array(Id), v.maxLength(MAX_SELECTION_IDS))),
      columns: v.optional(v.pipe(v.array(Id), v.maxLength(MAX_CELL_COLUMNS))),
    }),
    result: v.undefined(),
    permission: null,
  },
} as const;
