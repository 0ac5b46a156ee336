import type { DraftOrigin, JsonValue } from '@plugboard/widget-sdk/protocol';

// The draft's types: its options, who holds unsaved work, the change queue
// and the save report. Below the draft and the parts it loads at first use
// (save-flow.ts, proposal.ts, change-queue.ts), which import only these.

type JsonObject = { [key: string]: JsonValue };

/** What a draft needs from the host. */
export interface HostDraftOptions {
  /** The entity type, for instance `customerorder`. */
  readonly type: string;
  /** The entity's id; `null` on a create page, until the first save. */
  readonly id: string | null;
  /** The entity's data as saved (or empty, on a create page). */
  readonly data: Readonly<JsonObject>;
  /**
   * The signed-in user may not edit this entity: apps' `entity.update` is
   * refused with `permission_denied` (MoySklad widgets get 1005). The
   * user's own edits are the host's to stop. Default `false`.
   */
  readonly readOnly?: boolean;
  /**
   * Decides on an app's proposed changes before they reach the draft:
   * return the fields it refuses, each with a reason the widget sees
   * (`{ total: 'The total follows from the positions' }`); the rest apply.
   * Default: every field the app may write applies.
   */
  readonly apply?: (
    changes: Readonly<JsonObject>,
    by: { readonly appId: string; readonly data: Readonly<JsonObject> },
  ) =>
    | Readonly<Record<string, string>>
    | undefined
    | Promise<Readonly<Record<string, string>> | undefined>;
  /**
   * Persists the draft (its data, at `version`). Resolves with the saved
   * entity's id (new on a create page) and, if the host changed it in
   * saving, its data. Throw to fail the save: widgets are not told to save.
   */
  readonly persist: (draft: {
    readonly type: string;
    readonly id: string | null;
    readonly data: Readonly<JsonObject>;
    readonly version: number;
  }) => Promise<{ readonly id: string; readonly data?: Readonly<JsonObject> }>;
}

/** Who holds unsaved work on a draft, for the host's marker and its leave question. */
export interface HostDraftDirt {
  /** The draft changed since it was saved, by these: the user, apps (by name). */
  readonly changedBy: readonly DraftOrigin[];
  /** Widgets that said they hold unsaved data of their own. */
  readonly widgets: readonly { readonly appId: string; readonly appName: string }[];
}

/** The change a widget is told next, merged while it answers the last. */
export interface PendingChange {
  data: JsonObject;
  version: number;
  origin: DraftOrigin;
  paths: Set<string>;
}

/** A widget's changes to be told: the next, and whether one is being answered. */
export interface ChangeQueue {
  next: PendingChange | undefined;
  busy: boolean;
}

/** What one validating widget said. */
export interface HostValidationAnswer {
  readonly appId: string;
  readonly appName: string;
  readonly instanceId: string;
  /**
   * `valid`; `invalid` (with its message and maybe a field); `timeout` (no
   * answer within the deadline); `error` (the widget failed to answer).
   */
  readonly outcome: 'valid' | 'invalid' | 'timeout' | 'error';
  /** Whether it stopped the save: `invalid` always; `timeout` and `error` unless its point skips them. */
  readonly blocking: boolean;
  /**
   * A `timeout` or `error` of an app whose verdict the installation made
   * optional: the user may save without it, `draft.save({ skip: [appId] })`.
   */
  readonly skippable?: true;
  /** What to tell the user: the widget's own message, or why it did not answer, naming the app. */
  readonly message?: string;
  /** The field the widget named, if it did. */
  readonly path?: string;
  readonly durationMs: number;
}

/** How one saving widget's `save` went. */
export interface HostWidgetSave {
  readonly appId: string;
  readonly appName: string;
  readonly instanceId: string;
  readonly ok: boolean;
  /** Why it failed, for the user. */
  readonly message?: string;
  readonly durationMs: number;
}

/** What `draft.save()` did: who was asked, who blocked, how long each took. */
export interface HostSaveReport {
  /** Whether the host persisted the entity. */
  readonly saved: boolean;
  /**
   * Where it stopped: `validation` (a widget blocked), `persist` (the host's
   * persist failed), or `done`.
   */
  readonly phase: 'validation' | 'persist' | 'done';
  readonly validation: readonly HostValidationAnswer[];
  /** The answers that stopped the save, each with a message for the user. */
  readonly blockedBy: readonly HostValidationAnswer[];
  /** Why the host's persist failed. */
  readonly error?: string;
  /** The optional apps the save went without (`skip`): they did not check these changes. */
  readonly skipped?: readonly { readonly appId: string; readonly appName: string }[];
  /**
   * Each saving widget's `save`. The entity is saved even when one fails:
   * show the failures (`message`), the widget's own data did not save.
   */
  readonly widgetSaves: readonly HostWidgetSave[];
  readonly durationMs: number;
}

/** How `draft.save()` runs. */
export interface HostSaveOptions {
  /**
   * Apps to save without asking: the user chose to save anyway after they
   * did not answer (the report's `skippable` answers). Only apps whose
   * verdict is optional are skipped; a required app is asked all the same.
   */
  readonly skip?: readonly string[];
}

/** The draft's data and version as the validators saw them. */
export interface ValidatedDraft {
  readonly data: Readonly<JsonObject>;
  readonly version: number;
}

/** What the save flow needs of the draft it saves (`HostDraft` is one). */
export interface SavingDraft {
  readonly type: string;
  readonly id: string | null;
  readonly data: Readonly<JsonObject>;
  readonly version: number;
  /** Whether every change is saved. */
  readonly saved: boolean;
  /** Records a save: the id (new on a create page), the data as saved. */
  markSaved(id: string, data: Readonly<JsonObject> | undefined, version: number): void;
  notify(): void;
}
