import {
  type DraftEntity,
  type DraftOrigin,
  type EntityRef,
  type HostMethodParams,
  type HostMethodResult,
  type JsonValue,
} from '@plugboard/widget-sdk/protocol';
import type { DraftMember, MountDraft } from '../frames/mount-host.js';
import type {
  ChangeQueue,
  HostDraftDirt,
  HostDraftOptions,
  HostSaveOptions,
  HostSaveReport,
  SavingDraft,
} from './types.js';

export type {
  ChangeQueue,
  HostDraftDirt,
  HostDraftOptions,
  HostSaveOptions,
  HostSaveReport,
  HostValidationAnswer,
  HostWidgetSave,
  PendingChange,
  ValidatedDraft,
} from './types.js';

export type { DraftMember } from '../frames/mount-host.js';

type JsonObject = { [key: string]: JsonValue };

/**
 * The unsaved state of the entity a card shows: its data, a version that
 * grows with every change, and who made each change. The host opens one
 * per card (`host.openDraft`), gives it to the card's slots, tells it the
 * user's edits (`change`), and saves it (`save`). Widgets read it with
 * `entity.get`, hear its changes (`change` protocol), propose updates
 * (`entity.update`), validate it and save their own data after it.
 */
export class HostDraft implements MountDraft, SavingDraft {
  readonly #options: HostDraftOptions;
  #id: string | null;
  #data: JsonObject;
  /** The data as last saved (or opened): what `discard()` goes back to. */
  #savedData: JsonObject;
  #version = 0;
  #savedVersion = 0;
  /** The version at which each field last changed. */
  readonly #fieldVersions = new Map<string, number>();
  /** Who changed the draft since it was saved. */
  #changedBy: DraftOrigin[] = [];
  readonly #members = new Map<string, DraftMember>();
  readonly #pending = new Map<string, ChangeQueue>();
  readonly #listeners = new Set<() => void>();
  #saving: Promise<HostSaveReport> | undefined;

  readonly #closed: (() => void) | undefined;

  /** Made by `host.openDraft()`, which passes `closed`. */
  constructor(options: HostDraftOptions, closed?: () => void) {
    this.#options = options;
    this.#closed = closed;
    this.#id = options.id;
    this.#data = this.#savedData = structuredClone(options.data);
  }

  get type(): string {
    return this.#options.type;
  }

  /** The entity's id; `null` until a create page's first save. */
  get id(): string | null {
    return this.#id;
  }

  /** The entity, once it has an id. */
  get entity(): EntityRef | null {
    return this.#id === null ? null : { type: this.type, id: this.#id };
  }

  get data(): Readonly<JsonObject> {
    return this.#data;
  }

  get version(): number {
    return this.#version;
  }

  /** Whether every change is saved. */
  get saved(): boolean {
    return this.#version === this.#savedVersion;
  }

  /** Whether leaving would lose anything: unsaved changes, or a widget's own unsaved data. */
  get dirty(): boolean {
    return !this.saved || [...this.#members.values()].some((member) => member.dirty());
  }

  /** Who holds the unsaved work. */
  dirt(): HostDraftDirt {
    return {
      changedBy: this.saved ? [] : [...this.#changedBy],
      widgets: [...this.#members.values()]
        .filter((member) => member.dirty())
        .map(({ appId, appName }) => ({ appId, appName })),
    };
  }

  /** The draft as `entity.get` answers it. */
  snapshot(): DraftEntity {
    return {
      type: this.type,
      id: this.#id,
      data: this.#data,
      version: this.#version,
      saved: this.saved,
    };
  }

  /** Calls `listener` after every change: data, dirty state, saving, id. Returns a function that stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * The user's edits: they apply as they are, and widgets with `change` hear
   * of them. With `derived`, they are the host's own consequences of the
   * data (a total computed from the positions): widgets hear of them, but
   * they are nobody's edit, so a saved draft stays saved and `dirt()` does
   * not name the user for them.
   */
  change(changes: Readonly<JsonObject>, options?: { readonly derived?: boolean }): number {
    this.#apply(changes, 'user', undefined, options?.derived);
    return this.#version;
  }

  /**
   * Drops every unsaved change: the draft is the saved entity again, and
   * widgets with `change` hear of every field that goes back. A widget's
   * own unsaved data is its own.
   */
  discard(): void {
    // Every field is told: the saved entity's and those it did not have.
    if (!this.saved) {
      this.#apply({ ...this.#data, ...this.#savedData }, 'user', undefined, 2, this.#savedData);
    }
  }

  /**
   * Saves: asks every validating widget, then persists through the host's
   * `persist`, then lets saving widgets store their own data. Resolves with
   * a report; never rejects. A save asked for while one runs gets that one.
   * `options.skip`: optional apps to save without (the user's "Save anyway"
   * after they did not answer).
   */
  save(options?: HostSaveOptions): Promise<HostSaveReport> {
    // The save flow loads at the first save: a card that is only read never fetches it.
    this.#saving ??= import('./save-flow.js')
      .then(
        ({ runSave }) => runSave(this, [...this.#members.values()], this.#persist, options),
        (error: unknown): HostSaveReport => ({
          saved: false,
          phase: 'persist',
          validation: [],
          blockedBy: [],
          widgetSaves: [],
          error: `The save flow could not load: ${(error as Error).message}`,
          durationMs: 0,
        }),
      )
      .finally(() => {
        this.#saving = undefined;
        this.notify();
      });
    this.notify();
    return this.#saving;
  }

  /** Ends the draft (the card is gone): the host stops guarding it. */
  close(): void {
    this.#listeners.clear();
    this.#closed?.();
  }

  /** Whether a save is running. */
  get saving(): boolean {
    return this.#saving !== undefined;
  }

  /** Registers a widget; returns a function that removes it. @internal */
  join(member: DraftMember): () => void {
    this.#members.set(member.instanceId, member);
    this.notify();
    return () => {
      if (this.#members.get(member.instanceId) !== member) return;
      this.#members.delete(member.instanceId);
      this.#pending.delete(member.instanceId);
      this.notify();
    };
  }

  /** A widget's `entity.update`: what it may write applies, the rest is refused with why. @internal */
  async propose(
    member: DraftMember,
    params: HostMethodParams<'entity.update'>,
  ): Promise<HostMethodResult<'entity.update'>> {
    // Loaded at the first update: a card whose widgets only read never fetches it.
    const { proposal } = await import('./proposal.js');
    const { accepted, refused } = await proposal(member, params, {
      type: this.type,
      data: this.#data,
      changedAt: (path) => this.#fieldVersions.get(path) ?? 0,
      apply: this.#options.apply,
      readOnly: this.#options.readOnly,
    });
    const applied = Object.keys(accepted);
    if (applied.length > 0) this.#apply(accepted, { app: member.appId }, member.instanceId);
    return { version: this.#version, applied, refused };
  }

  /** Tells listeners something changed. @internal */
  notify(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Records a save: the id (new on a create page), the data as saved. @internal */
  markSaved(id: string, data: Readonly<JsonObject> | undefined, version: number): void {
    this.#id = id;
    if (data) this.#savedData = structuredClone(data);
    if (data && version === this.#version) this.#data = this.#savedData;
    this.#savedVersion = version;
    if (this.saved) this.#changedBy = [];
  }

  readonly #persist = (validated: {
    readonly data: Readonly<JsonObject>;
    readonly version: number;
  }): ReturnType<HostDraftOptions['persist']> =>
    this.#options.persist({ type: this.type, id: this.#id, ...validated });

  /**
   * Applies a change of the fields `changes` names, to `data` (default:
   * merged in). `as`: `true`, derived (a saved draft stays saved); 2, a
   * discard (the draft is saved after it); else somebody's edit.
   */
  #apply(
    changes: Readonly<JsonObject>,
    origin: DraftOrigin,
    by: string | undefined,
    as?: boolean | 2,
    data: JsonObject = { ...this.#data, ...(structuredClone(changes) as JsonObject) },
  ): void {
    const paths = Object.keys(changes);
    const saved = this.saved;
    if (paths.length === 0) return;
    this.#data = data;
    this.#version += 1;
    for (const path of paths) this.#fieldVersions.set(path, this.#version);
    const who = origin === 'user' ? 'user' : origin.app;
    if (as && (as === 2 || saved)) {
      this.#savedVersion = this.#version;
      this.#changedBy = [];
    } else if (!as && !this.#changedBy.some((o) => (o === 'user' ? 'user' : o.app) === who)) {
      this.#changedBy.push(origin);
    }
    for (const member of this.#members.values()) {
      if (member.instanceId !== by && member.protocols.has('change')) {
        this.#tell(member, origin, paths);
      }
    }
    this.notify();
  }

  /** Sends `change` to one widget, coalescing while it is still answering the last. */
  #tell(member: DraftMember, origin: DraftOrigin, paths: readonly string[]): void {
    const queue = this.#pending.get(member.instanceId) ?? { next: undefined, busy: false };
    this.#pending.set(member.instanceId, queue);
    const next = queue.next ?? { data: this.#data, version: 0, origin, paths: new Set() };
    next.data = this.#data;
    next.version = this.#version;
    next.origin = origin;
    for (const path of paths) next.paths.add(path);
    if (queue.busy) {
      queue.next = next;
      return;
    }
    // This change is the one sent, as it is now; later ones merge into the
    // next. The sending loads with the first change: a card only read never
    // fetches it.
    queue.next = undefined;
    queue.busy = true;
    void import('./change-queue.js').then(({ sendChanges }) =>
      sendChanges(queue, member, next, () => this.#members.get(member.instanceId) === member),
    );
  }
}
