import * as v from 'valibot';
import { bounded, boundedOrEmpty, LIMITS } from './bounds.js';
import { JsonObjectSchema, JsonValueSchema } from './json.js';

// The host's UI services: app dialogs, standard dialogs and selectors. Every
// one waits for a person (see INTERACTIVE_METHODS) and resolves with an
// outcome whose `status` says what happened: `ok` (the user took the main
// way out, with its value) or `dismissed` (with `by`: how).

const Id = bounded(LIMITS.id);
/** A dialog's title. */
const Title = bounded(120);
/** What a standard dialog says: plain text, never HTML. */
const Message = bounded(4_096);
/** A button's label. */
const Label = bounded(100);

/** The most JSON characters a dialog's params or result may take. */
export const MAX_DIALOG_DATA = 64 * 1024;

const DialogData = v.pipe(
  JsonValueSchema,
  v.check(
    (value) => JSON.stringify(value).length <= MAX_DIALOG_DATA,
    `must take at most ${MAX_DIALOG_DATA} characters of JSON`,
  ),
);

/**
 * How a dialog or picker was dismissed: its Cancel button (`cancel`),
 * Escape (`escape`), its ✕ (`close`), a click beside it (`backdrop`), or the
 * dialog's own page (`dialog`, from `dialogs.dismiss`).
 */
export const DismissedSchema = v.strictObject({
  status: v.literal('dismissed'),
  by: v.picklist(['cancel', 'escape', 'close', 'backdrop', 'dialog']),
});

/** An outcome: `ok` with `entries`, or dismissed. */
function outcome<E extends v.ObjectEntries>(entries: E) {
  return v.variant('status', [
    v.strictObject({ status: v.literal('ok'), ...entries }),
    DismissedSchema,
  ]);
}

/** The outcome of a standard dialog whose `ok` carries nothing more. */
const Acknowledged = outcome({});

/** What every standard dialog has: a title (default: the app's name) and plain text. */
const standard = { title: v.optional(Title), message: Message };

/** One of a picker's items, as the widget gets it. */
export const SelectedItemSchema = v.strictObject({
  id: Id,
  name: boundedOrEmpty(LIMITS.text),
});

/** Every method of the host's UI services; part of HOST_METHODS. */
export const UI_METHODS = {
  /**
   * Opens one of the app's dialogs (manifest `dialogs`) above everything;
   * `params` reach the dialog's widget in its context at its handshake.
   * Resolves when the user is done: `ok` with what the dialog closed with,
   * or `dismissed`.
   */
  'dialogs.open': {
    params: v.strictObject({ dialog: Id, params: v.optional(DialogData) }),
    result: outcome({ result: JsonValueSchema }),
    permission: 'dialogs',
  },
  /** From a dialog's own widget: ends it, and its opener gets `ok` with `result` (default `null`). */
  'dialogs.close': {
    params: v.optional(v.strictObject({ result: v.optional(DialogData) })),
    result: v.undefined(),
    permission: null,
  },
  /**
   * From a dialog's own widget: dismisses it as its ✕ would. When it said it
   * holds unsaved changes (`widget.setDirty`), the user is asked first;
   * `dismissed: false` when they chose to stay. The opener hears `dismissed`
   * by `dialog`, or by `escape` when the SDK passes on an Escape key.
   */
  'dialogs.dismiss': {
    params: v.optional(v.strictObject({ by: v.optional(v.picklist(['dialog', 'escape'])) })),
    result: v.strictObject({ dismissed: v.boolean() }),
    permission: null,
  },
  /** A message with one button. */
  'dialogs.alert': {
    params: v.strictObject({ ...standard, ok: v.optional(Label) }),
    result: Acknowledged,
    permission: 'dialogs',
  },
  /**
   * A question with a confirm and a cancel button: `ok` for confirm,
   * `dismissed` by `cancel` for the other. `destructive` shows confirm as a
   * dangerous action and puts the focus on Cancel.
   */
  'dialogs.confirm': {
    params: v.strictObject({
      ...standard,
      confirm: v.optional(Label),
      cancel: v.optional(Label),
      intent: v.optional(v.picklist(['default', 'destructive'])),
    }),
    result: Acknowledged,
    permission: 'dialogs',
  },
  /** Asks for one line of text: `ok` with the text. */
  'dialogs.prompt': {
    params: v.strictObject({
      ...standard,
      /** The text field's label. Default: the message labels it. */
      label: v.optional(Title),
      /** The text the field starts with. */
      value: v.optional(boundedOrEmpty(LIMITS.text)),
      placeholder: v.optional(Title),
      /** Whether an empty answer is refused. Default `false`. */
      required: v.optional(v.boolean()),
      ok: v.optional(Label),
      cancel: v.optional(Label),
    }),
    result: outcome({ value: boundedOrEmpty(LIMITS.text) }),
    permission: 'dialogs',
  },
  /** One of a few options, each a button: `ok` with the chosen option's id. */
  'dialogs.choose': {
    params: v.strictObject({
      ...standard,
      options: v.pipe(
        v.array(v.strictObject({ id: Id, label: Label })),
        v.minLength(1),
        v.maxLength(6),
        v.check(
          (options) => new Set(options.map((option) => option.id)).size === options.length,
          'must not repeat an id',
        ),
      ),
      cancel: v.optional(Label),
    }),
    result: outcome({ value: Id }),
    permission: 'dialogs',
  },
  /**
   * Opens a host selector (picker): `ok` with what the user picked (one
   * item, or with `multiple` up to `max`), or `dismissed`. Permission
   * `selectors:<selector>`.
   */
  'selectors.open': {
    params: v.pipe(
      v.strictObject({
        selector: Id,
        multiple: v.optional(v.boolean()),
        /** With `multiple`: how many may be picked. Default: no limit. */
        max: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000))),
        /** The search the picker starts with. */
        query: v.optional(boundedOrEmpty(LIMITS.text)),
        /** Ids already picked, shown as selected. */
        initial: v.optional(v.pipe(v.array(Id), v.maxLength(1_000))),
        /** Handed to the host's search as it is, for instance `{ folder: 'f-2' }`. */
        filter: v.optional(JsonObjectSchema),
      }),
      v.check(
        (params) => params.max === undefined || params.multiple === true,
        'max needs multiple: true',
      ),
      v.check(
        (params) => (params.initial?.length ?? 0) <= (params.max ?? Infinity),
        'initial holds more ids than max allows',
      ),
    ),
    result: outcome({ selected: v.pipe(v.array(SelectedItemSchema), v.maxLength(1_000)) }),
    permission: (params: unknown) => {
      const selector = (params as { selector?: unknown } | null | undefined)?.selector;
      return typeof selector === 'string' && selector !== ''
        ? (`selectors:${selector}` as const)
        : undefined;
    },
  },
} as const;

/** How a dialog or picker was dismissed. */
export type Dismissed = v.InferOutput<typeof DismissedSchema>;
/** One picked item. */
export type SelectedItem = v.InferOutput<typeof SelectedItemSchema>;
