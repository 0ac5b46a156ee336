import type { DraftOrigin, Host, HostDraft, HostDraftOptions } from '@plugboard/host-runtime';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useHost } from './host-context.js';

/** A draft as a render sees it: one object per state, the same until the draft changes. */
export interface DraftSnapshot {
  readonly draft: HostDraft;
  /** The entity's id; `null` until a create page's first save. */
  readonly id: string | null;
  readonly data: HostDraft['data'];
  /** Grows with every change. */
  readonly version: number;
  /** Every change is saved. */
  readonly saved: boolean;
  /** Leaving would lose work: unsaved changes, or a widget's own unsaved data. */
  readonly dirty: boolean;
  /** A save is running. */
  readonly saving: boolean;
  /** Who holds the unsaved work. */
  readonly changedBy: readonly DraftOrigin[];
  readonly dirtyWidgets: readonly { readonly appId: string; readonly appName: string }[];
}

const noDraft = () => () => undefined;

function snapshotOf(draft: HostDraft): DraftSnapshot {
  const { changedBy, widgets } = draft.dirt();
  return {
    draft,
    id: draft.id,
    data: draft.data,
    version: draft.version,
    saved: draft.saved,
    dirty: draft.dirty,
    saving: draft.saving,
    changedBy,
    dirtyWidgets: widgets,
  };
}

/**
 * The draft's state, kept current (over `useSyncExternalStore`): the
 * component renders again when its data, dirty state, saving or id
 * change, and not otherwise. `undefined` while there is no draft.
 */
export function useDraft(draft: HostDraft | undefined): DraftSnapshot | undefined {
  const last = useRef<DraftSnapshot | undefined>(undefined);
  const subscribe = useCallback(
    (listener: () => void) => (draft ? draft.subscribe(listener) : noDraft()),
    [draft],
  );
  const read = (): DraftSnapshot | undefined => {
    if (!draft) return undefined;
    const seen = last.current;
    if (
      seen?.draft === draft &&
      seen.version === draft.version &&
      seen.dirty === draft.dirty &&
      seen.saving === draft.saving &&
      seen.saved === draft.saved &&
      seen.id === draft.id
    ) {
      return seen;
    }
    return (last.current = snapshotOf(draft));
  };
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * Opens a draft for the component's life, as `host.openDraft(options())`,
 * and closes it when the component unmounts or `deps` change (another
 * entity: the slots move their live widgets to the new draft, with no
 * reload). `undefined` until it is open (the first render), and while
 * `options` returns `undefined` (the entity is still loading).
 */
export function useOpenDraft(
  options: () => HostDraftOptions | undefined,
  deps: readonly unknown[],
  host?: Host,
): HostDraft | undefined {
  const found = useHost(host, 'useOpenDraft');
  const [draft, setDraft] = useState<HostDraft | undefined>(undefined);
  const make = useRef(options);
  make.current = options;
  useEffect(() => {
    const wanted = make.current();
    if (!wanted) {
      setDraft(undefined);
      return;
    }
    const opened = found.openDraft(wanted);
    setDraft(opened);
    return () => {
      opened.close();
    };
    // `deps` say when it is another draft; `options` is read afresh each time.
  }, [found, ...deps]);
  return draft;
}

/** What a router needs of the runtime to keep unsaved work: see {@link useLeaveGuard}. */
export interface LeaveGuard {
  /** Whether leaving now would lose work (at once, for a router's blocker). */
  unsaved(): boolean;
  /** Asks the user, naming who would lose what, when there is unsaved work; `true`: leave. */
  confirmLeave(): Promise<boolean>;
}

/** A router's pending navigation that waits for an answer (React Router's `useBlocker()` result is one). */
export interface LeaveBlocker {
  readonly state: 'unblocked' | 'blocked' | 'proceeding';
  proceed?(): void;
  reset?(): void;
}

/**
 * The leave guard, router-agnostic: ask `unsaved()` before a navigation
 * and `await confirmLeave()` when it is true. With `blocker` (a router's
 * blocked navigation, such as React Router's `useBlocker(() =>
 * host.unsaved)`), it asks once per block and proceeds or resets it. The
 * tab's close and reload are guarded by the host itself.
 */
export function useLeaveGuard(
  options: { readonly host?: Host; readonly blocker?: LeaveBlocker } = {},
): LeaveGuard {
  const host = useHost(options.host, 'useLeaveGuard');
  const guard = useMemo<LeaveGuard>(
    () => ({
      unsaved: () => host.unsaved,
      confirmLeave: () => host.confirmLeave(),
    }),
    [host],
  );
  const blocker = useRef(options.blocker);
  blocker.current = options.blocker;
  const asking = useRef(false);
  const state = options.blocker?.state;
  useEffect(() => {
    const blocked = blocker.current;
    // Once per block: StrictMode's second run of this effect does not ask again.
    if (state !== 'blocked' || !blocked || asking.current) return;
    asking.current = true;
    void host.confirmLeave().then((leave) => {
      asking.current = false;
      if (leave) blocked.proceed?.();
      else blocked.reset?.();
    });
  }, [state, host]);
  return guard;
}
