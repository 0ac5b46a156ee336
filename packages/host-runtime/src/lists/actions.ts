import {
  ActionResultSchema,
  PlugboardError,
  type ActionResult,
  type ActionState,
  type Selection,
} from '@plugboard/widget-sdk/protocol';
import * as v from 'valibot';
import { withDeadline } from '../deadline.js';
import type { HostManifestAction } from '../manifest/schema.js';
import { atPoint, type HostInstalledApp } from '../store/host-store.js';
import type { ActionLists } from './lists-host.js';

/** One installed app's action at a point. */
export interface HostListAction {
  readonly appId: string;
  readonly appName: string;
  /** The action's id in the app's manifest. */
  readonly id: string;
  /** Unique on the host page: `appId/id`. */
  readonly key: string;
  readonly point: string;
  readonly title: string;
  readonly icon: HostManifestAction['icon'];
  readonly selection: 'none' | 'one' | 'many';
  readonly run: HostManifestAction['run'];
  readonly state: 'static' | 'connector';
}

/** Whether an action shows and may run now; `pending` while its connector is still asked. */
export interface HostActionState {
  readonly visible: boolean;
  readonly enabled: boolean;
  readonly reason: string | undefined;
  readonly pending: boolean;
}

/** How running an action ended. */
export type HostActionOutcome =
  | { readonly status: 'done'; readonly result: ActionResult | null }
  | { readonly status: 'dismissed' }
  | { readonly status: 'error'; readonly error: PlugboardError };

/** How long the host waits for a connector's action states before it shows them disabled. */
export const ACTION_STATE_BUDGET_MS = 150;
/** How long a connector's action handler may run. */
const ACTION_TIMEOUT_MS = 30_000;

/** How many rows a selection holds. */
export const selectionSize = (selection: Selection) =>
  selection.kind === 'ids' ? selection.ids.length : selection.count;

/** The installed (enabled) apps' actions at `point`, in install order. */
export function actionsAt(lists: ActionLists, point: string): HostListAction[] {
  return atPoint(lists.host.store.getState(), 'actions', point).map(({ app, item }) =>
    listAction(app, item),
  );
}

function listAction(app: HostInstalledApp, action: HostManifestAction): HostListAction {
  return {
    appId: app.manifest.id,
    appName: app.manifest.name,
    id: action.id,
    key: `${app.manifest.id}/${action.id}`,
    point: action.point,
    title: action.title,
    icon: action.icon,
    selection: action.selection ?? 'many',
    run: action.run,
    state: action.state ?? 'static',
  };
}

/** Why `action` cannot run on `selection` by its manifest alone; `undefined` if it can. */
function misfit(action: HostListAction, selection: Selection): string | undefined {
  const size = selectionSize(selection);
  if (action.selection === 'one' && size !== 1) return 'Select one row.';
  if (action.selection === 'many' && size === 0) return 'Select at least one row.';
  return undefined;
}

/**
 * The states of `actions` for `selection`, by key. `update` hears them:
 * at once (static ones, and `pending` for those their connector decides),
 * then when each app's connector answers (one call per app), or, past
 * ACTION_STATE_BUDGET_MS, disabled with the reason; a late answer still counts. Abort
 * `signal` when the selection changes.
 */
export function watchStates(
  lists: ActionLists,
  actions: readonly HostListAction[],
  selection: Selection,
  update: (states: ReadonlyMap<string, HostActionState>) => void,
  signal: AbortSignal,
): void {
  const states = new Map<string, HostActionState>();
  const asks = new Map<string, HostListAction[]>();
  for (const action of actions) {
    const reason = misfit(action, selection);
    const asked = reason === undefined && action.state === 'connector';
    states.set(action.key, { visible: true, enabled: !asked && !reason, reason, pending: asked });
    if (asked) asks.set(action.appId, [...(asks.get(action.appId) ?? []), action]);
  }
  update(new Map(states));
  for (const [appId, asked] of asks) {
    const app = lists.app(appId);
    if (!app) continue;
    const late = setTimeout(() => {
      for (const action of asked) {
        if (!states.get(action.key)?.pending) continue;
        states.set(action.key, {
          visible: true,
          enabled: false,
          reason: `${action.appName} is still checking whether this applies.`,
          pending: true,
        });
      }
      update(new Map(states));
    }, ACTION_STATE_BUDGET_MS);
    signal.addEventListener('abort', () => {
      clearTimeout(late);
    });
    void lists.connectors
      .call(app, 'actionState', { actions: asked.map((action) => action.id), selection }, 10_000)
      .then(
        (answer) => (answer as ActionState[]).slice(0, asked.length),
        (error: unknown) => asked.map(() => ({ enabled: false, reason: (error as Error).message })),
      )
      .then((answers: readonly ActionState[]) => {
        clearTimeout(late);
        if (signal.aborted) return;
        asked.forEach((action, i) => {
          const answer = answers[i];
          states.set(action.key, {
            visible: answer?.visible ?? true,
            enabled: answer?.enabled ?? false,
            reason: answer?.reason ?? (answer ? undefined : `${action.appName} did not say.`),
            pending: false,
          });
        });
        update(new Map(states));
      });
  }
}

/**
 * Runs `action` on `selection`: opens its app dialog with
 * `{ action, selection }` as params (the dialog's result, if it is an
 * action result, is what it did), calls the connector's handler, or the
 * installation's `server` grant; then
 * shows what the result asks for: a toast, refreshed rows, a dialog, a
 * navigation, and the rows it failed for.
 */
export async function runAction(
  lists: ActionLists,
  action: HostListAction,
  selection: Selection,
): Promise<HostActionOutcome> {
  const { host } = lists;
  const reason = misfit(action, selection);
  const app = lists.app(action.appId);
  try {
    if (reason !== undefined) throw new PlugboardError('invalid_params', reason);
    if (!app) throw new PlugboardError('not_found', `${action.appName} is not installed.`);
    let result: ActionResult | null;
    if (action.run === 'connector') {
      result = (await lists.connectors.call(
        app,
        'action',
        { action: action.id, selection },
        ACTION_TIMEOUT_MS,
      )) as ActionResult | null;
    } else if (action.run === 'server') {
      result = await onServer(app, action, selection);
    } else {
      const outcome = await host.dialogs.openApp({
        appId: action.appId,
        dialog: action.run.dialog,
        params: { action: action.id, selection },
      });
      if (outcome.status !== 'ok') return { status: 'dismissed' };
      const checked = v.safeParse(ActionResultSchema, outcome.result);
      result = checked.success ? checked.output : null;
    }
    await applyResult(lists, action, selection, result);
    return { status: 'done', result };
  } catch (error) {
    const failure =
      error instanceof PlugboardError
        ? error
        : new PlugboardError('host_error', error instanceof Error ? error.message : String(error));
    void host.showToast({
      message: `${action.title} failed: ${failure.message}`,
      tone: 'error',
      appName: action.appName,
    });
    return { status: 'error', error: failure };
  }
}

/**
 * Runs a `server` action through the installation's `server` grant, within
 * ACTION_TIMEOUT_MS; what it answers must be an action result or `null`.
 */
async function onServer(
  app: HostInstalledApp,
  action: HostListAction,
  selection: Selection,
): Promise<ActionResult | null> {
  const { server } = app;
  if (!server)
    throw new PlugboardError('unsupported', `${action.appName} has no server grant here.`);
  const answer = await withDeadline(
    (signal) => server({ action: action.id, point: action.point, selection }, signal),
    ACTION_TIMEOUT_MS,
    () =>
      new PlugboardError(
        'timeout',
        `The app's server did not answer within ${ACTION_TIMEOUT_MS / 1000} seconds.`,
      ),
  );
  if (answer === null) return null;
  const checked = v.safeParse(ActionResultSchema, answer);
  if (!checked.success) {
    const [issue] = checked.issues;
    throw new PlugboardError(
      'host_error',
      `The app's server answered something that is not an action result (${v.getDotPath(issue) ?? 'the answer'}: ${issue.message}).`,
    );
  }
  return checked.output;
}

async function applyResult(
  lists: ActionLists,
  action: HostListAction,
  selection: Selection,
  result: ActionResult | null,
): Promise<void> {
  if (!result) return;
  const { host } = lists;
  if (result.refresh) {
    lists.invalidate(action.appId, result.refresh === 'all' ? {} : { rows: result.refresh });
  }
  if (result.toast) {
    void host.showToast({
      message: result.toast.message,
      tone: result.toast.tone ?? 'success',
      appName: action.appName,
    });
  }
  const failures = result.failures ?? [];
  if (failures.length > 0) {
    const shown = failures
      .slice(0, 3)
      .map((failure) => `${failure.id}: ${failure.reason}`)
      .join('; ');
    void host.showToast({
      message: `${action.title} failed for ${failures.length} of ${selectionSize(selection)}: ${shown}${failures.length > 3 ? '; …' : ''}`,
      tone: 'warning',
      appName: action.appName,
    });
  }
  if (result.navigate) await host.options.navigate?.(result.navigate, { newTab: false });
  if (result.dialog) {
    await host.dialogs.openApp({
      appId: action.appId,
      dialog: result.dialog.id,
      params: result.dialog.params ?? null,
    });
  }
}
