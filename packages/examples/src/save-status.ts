// What an order card says about saving: who holds unsaved work, and why the
// last save did not go through (or which app could not save its data).
import type { HostDraft, HostSaveReport } from '@plugboard/host-runtime';
import { html, nothing } from 'lit';
import { host } from './host.js';

/** "Not saved: changes by you, Quick add; Credit check has unsaved data.", or nothing. */
export function unsavedBy(draft: HostDraft) {
  if (!draft.dirty) return nothing;
  const { changedBy, widgets } = draft.dirt();
  const names = changedBy.map((origin) => (origin === 'user' ? 'you' : host.appName(origin.app)));
  const parts = [
    ...(names.length > 0 ? [`changes by ${names.join(', ')}`] : []),
    ...widgets.map((widget) => `${widget.appName} has unsaved data`),
  ];
  return html`<p class="dirty" role="status" data-testid="dirty">
    Not saved: ${parts.join('; ')}.
  </p>`;
}

/**
 * Why the last save did not go through, which app could not save its data,
 * or which apps it went without; nothing when all went well. When every app
 * that stopped it is one whose check is optional and that did not answer,
 * a "Save anyway" button calls `saveAnyway` with their ids.
 */
export function saveProblems(
  report: HostSaveReport | undefined,
  saveAnyway: (skip: string[]) => void,
) {
  if (!report) return nothing;
  const lines = [
    // A verdict is the app's own words; a silence's message names the app already.
    ...report.blockedBy.map((answer) =>
      answer.outcome === 'invalid' ? `${answer.appName}: ${answer.message ?? ''}` : answer.message,
    ),
    ...(report.error ? [`Order desk could not save the order: ${report.error}`] : []),
    ...report.widgetSaves.filter((save) => !save.ok).map((save) => save.message),
    ...(report.skipped ?? []).map((app) => `${app.appName} did not check these changes.`),
  ];
  if (lines.length === 0) return nothing;
  const skippable = report.blockedBy.length > 0 && report.blockedBy.every((a) => a.skippable);
  return html`<div class="problems" role="alert" data-testid="save-problems">
    <strong>${report.saved ? 'Saved, but:' : 'Not saved:'}</strong>
    <ul>
      ${lines.map((line) => html`<li>${line ?? ''}</li>`)}
    </ul>
    ${
      skippable
        ? html`<button
            type="button"
            data-testid="save-anyway"
            @click=${() => {
              saveAnyway(report.blockedBy.map((answer) => answer.appId));
            }}
          >
            Save without ${report.blockedBy.map((answer) => answer.appName).join(', ')}
          </button>`
        : nothing
    }
  </div>`;
}
