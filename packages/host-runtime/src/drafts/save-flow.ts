import type { PlugboardError } from '@plugboard/widget-sdk/protocol';
import type { DraftMember } from '../frames/mount-host.js';
import type {
  HostDraftOptions,
  HostSaveOptions,
  HostSaveReport,
  HostValidationAnswer,
  HostWidgetSave,
  SavingDraft,
  ValidatedDraft,
} from './types.js';

export type {
  HostSaveOptions,
  HostSaveReport,
  HostValidationAnswer,
  HostWidgetSave,
  ValidatedDraft,
} from './types.js';

/** How long a widget's `save` may take. */
const SAVE_TIMEOUT_MS = 10_000;

const elapsed = (since: number) => Math.round((performance.now() - since) * 10) / 10;

/**
 * The save flow: the validation gate (every validating widget in parallel,
 * each under its point's deadline; a late or failed answer blocks unless
 * the point skips it, and an optional app's may be skipped by the user:
 * `options.skip`), the host's persist, then every saving widget's `save`
 * with the saved entity. Never rejects: everything is in the report.
 */
export async function runSave(
  draft: SavingDraft,
  members: readonly DraftMember[],
  persist: (validated: ValidatedDraft) => ReturnType<HostDraftOptions['persist']>,
  options: HostSaveOptions = {},
): Promise<HostSaveReport> {
  const started = performance.now();
  // What is validated is what is persisted: a change made while validators
  // answer (another widget's entity.update, the user typing) is not in this
  // save; it stays unsaved, and the next save validates it.
  const version = draft.version;
  const data = draft.data;
  // A save with nothing unsaved asks no one (an earlier verdict on edits
  // since undone does not stop it); a create page's first save still asks.
  const unchanged = draft.saved && draft.id !== null;
  const validators = members.filter((member) => !unchanged && member.protocols.has('validation'));
  const skips = (member: DraftMember) =>
    member.app.validation === 'optional' && (options.skip ?? []).includes(member.appId);
  const validation = await Promise.all(
    validators.filter((member) => !skips(member)).map((member) => validate(member, data, version)),
  );
  const blockedBy = validation.filter((answer) => answer.blocking);
  const skipped = validators.filter(skips).map(({ appId, appName }) => ({ appId, appName }));
  const report = {
    validation,
    blockedBy,
    widgetSaves: [],
    ...(skipped.length > 0 ? { skipped } : {}),
  };
  if (blockedBy.length > 0) {
    return { ...report, saved: false, phase: 'validation', durationMs: elapsed(started) };
  }
  let saved: Awaited<ReturnType<HostDraftOptions['persist']>>;
  try {
    saved = await persist({ data, version });
  } catch (error) {
    return {
      ...report,
      saved: false,
      phase: 'persist',
      error: error instanceof Error ? error.message : String(error),
      durationMs: elapsed(started),
    };
  }
  const created = draft.id === null;
  // What was saved: the host's version of it, or what the validators saw.
  draft.markSaved(saved.id, saved.data ?? data, version);
  draft.notify();
  const entity = { type: draft.type, id: saved.id };
  // Widgets store their data beside what was saved, not a later change.
  const savedData = saved.data ?? data;
  const widgetSaves = await Promise.all(
    members
      .filter((member) => member.protocols.has('save'))
      .map(async (member): Promise<HostWidgetSave> => {
        const begun = performance.now();
        try {
          const failure = notRunning(member);
          if (failure) throw new Error(failure);
          // On a create page the live widget moves to the new entity first.
          if (created) await member.moveTo(entity);
          await member.call('save', { entity, data: savedData, version }, SAVE_TIMEOUT_MS);
          member.clean();
          return { ...who(member), ok: true, durationMs: elapsed(begun) };
        } catch (error) {
          return {
            ...who(member),
            ok: false,
            message: `${member.appName} could not save its data: ${(error as Error).message}`,
            durationMs: elapsed(begun),
          };
        }
      }),
  );
  // Widgets that only follow the entity move too.
  if (created) {
    await Promise.all(members.filter((m) => !m.protocols.has('save')).map((m) => m.moveTo(entity)));
  }
  return { ...report, widgetSaves, saved: true, phase: 'done', durationMs: elapsed(started) };
}

/** Why a widget cannot answer at all (it failed to load), or nothing. */
function notRunning(member: DraftMember): string | undefined {
  const state = member.state();
  return state?.status === 'error' || state?.status === 'timeout'
    ? `it could not be loaded. ${state.error ?? ''}`.trim()
    : undefined;
}

const who = (member: DraftMember) => ({
  appId: member.appId,
  appName: member.appName,
  instanceId: member.instanceId,
});

async function validate(
  member: DraftMember,
  data: unknown,
  version: number,
): Promise<HostValidationAnswer> {
  const begun = performance.now();
  const deadlineMs = member.validation?.deadlineMs ?? 3_000;
  const blocking = member.validation?.onTimeout !== 'skip';
  const late = (outcome: 'timeout' | 'error', why: string): HostValidationAnswer => ({
    ...who(member),
    outcome,
    blocking,
    ...(blocking && member.app.validation === 'optional' ? { skippable: true } : {}),
    message: `${why} Contact ${member.app.manifest.vendor.email} if it keeps happening.`,
    durationMs: elapsed(begun),
  });
  // A widget that failed to load cannot answer: the save need not wait out its deadline.
  const failure = notRunning(member);
  if (failure) return late('error', `${member.appName} could not check the changes: ${failure}`);
  try {
    const answer = (await member.call('validate', { data, version }, deadlineMs)) as
      { valid: true } | { valid: false; message: string; path?: string };
    if (answer.valid) {
      return { ...who(member), outcome: 'valid', blocking: false, durationMs: elapsed(begun) };
    }
    return {
      ...who(member),
      outcome: 'invalid',
      blocking: true,
      message: answer.message,
      ...(answer.path === undefined ? {} : { path: answer.path }),
      durationMs: elapsed(begun),
    };
  } catch (error) {
    return (error as PlugboardError).code === 'timeout'
      ? late(
          'timeout',
          `${member.appName} did not check the changes within ${deadlineMs / 1000} s.`,
        )
      : late('error', `${member.appName} could not check the changes: ${(error as Error).message}`);
  }
}
