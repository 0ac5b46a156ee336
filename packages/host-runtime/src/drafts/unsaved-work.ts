import type { HostUi } from '../services/host-ui.js';
import type { HostDraft } from './draft.js';

/**
 * What leaving would lose, for the leave question: "Unsaved: changes by
 * you, Quick add; data not yet saved in Delivery tracker." Loaded with the
 * question, the first time one is asked.
 */
export function unsavedWork(
  drafts: readonly HostDraft[],
  /** Apps whose widgets, with no draft, hold unsaved data. */
  dirtyApps: readonly string[],
  nameOf: (appId: string) => string,
): string {
  const changers = new Set<string>();
  const widgets = new Set(dirtyApps.map(nameOf));
  for (const draft of drafts) {
    const { changedBy, widgets: dirty } = draft.dirt();
    for (const origin of changedBy) changers.add(origin === 'user' ? 'you' : nameOf(origin.app));
    for (const widget of dirty) widgets.add(widget.appName);
  }
  const parts: string[] = [];
  if (changers.size > 0) parts.push(`changes by ${[...changers].join(', ')}`);
  if (widgets.size > 0) parts.push(`data not yet saved in ${[...widgets].join(', ')}`);
  return `Unsaved: ${parts.join('; ')}.`;
}

/** The leave question (`host.confirmLeave()`), naming what would be lost: whether the user leaves. */
export async function askToLeave(
  host: Pick<HostUi, 'dialogs' | 'appName'>,
  drafts: readonly HostDraft[],
  dirtyApps: readonly string[],
): Promise<boolean> {
  const answer = await host.dialogs.confirm({
    title: 'Leave without saving?',
    message: `${unsavedWork(drafts, dirtyApps, (id) => host.appName(id))} If you leave, it is lost.`,
    confirm: 'Leave',
    cancel: 'Stay',
    intent: 'destructive',
  });
  return answer.status === 'ok';
}
