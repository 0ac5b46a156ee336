// The page of `plugboard dev`: the apps the command names, installed on a
// mock host, at every extension point, with controls for the entity, theme,
// locale, slot width, service latency and injected faults, and the bridge
// inspector. The settings live in the URL, so a link shows the same.
import '@plugboard/host-runtime';
import type { Host, HostDraft } from '@plugboard/host-runtime';
import '@plugboard/host-runtime/inspector';
import { listsOf, type Selection } from '@plugboard/host-runtime/lists';
import { html, nothing, render } from 'lit';
import type { CheckedApp } from '../sources.js';
import { controls } from './controls.js';
import { entities, orders } from './data.js';
import { listView } from './list-view.js';
import { readSettings, type Settings } from './settings.js';
import { createStage, installApps, issuesOf, widgetErrorNotice } from './stage.js';

let settings = readSettings();
let apps: readonly CheckedApp[] = [];
let problems: string[] = [];
/** What widgets' pages reported failing, each once, until the host is built anew. */
let widgetErrors: string[] = [];
let stage: (ReturnType<typeof createStage> & { detach: () => void }) | undefined;
let draft: HostDraft | undefined;
let saveSaid = '';
let selection: Selection = { kind: 'ids', ids: [] };
const root = document.getElementById('dev-host') as HTMLElement;

/** Changes settings; a change the host depends on builds it anew. */
function set(changes: Partial<Settings>): void {
  const rebuild = (['theme', 'locale', 'latency', 'fault'] as const).some(
    (key) => key in changes && changes[key] !== settings[key],
  );
  settings = { ...settings, ...changes };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(settings))
    query.set(key, String(value === true ? 'on' : value === false ? 'off' : value));
  history.replaceState(null, '', `?${query.toString()}`);
  if (rebuild) void build();
  else {
    openDraft();
    show();
  }
}

async function loadApps(): Promise<void> {
  const response = await fetch('/api/apps');
  apps = ((await response.json()) as { apps: CheckedApp[] }).apps;
}

/** Builds the host for the settings and installs the apps. */
async function build(): Promise<void> {
  draft?.close();
  draft = undefined;
  if (stage) {
    listsOf(stage.host).close();
    stage.detach();
  }
  render(nothing, root);
  widgetErrors = [];
  const made = createStage(settings, (report) => {
    const notice = widgetErrorNotice(report);
    if (widgetErrors.includes(notice)) return;
    widgetErrors = [...widgetErrors, notice];
    show();
  });
  stage = { ...made, detach: made.host.attach(root) };
  const found = await installApps(stage.host, apps);
  // The command printed what it found itself; what only installing found, it is told.
  if (found.length > 0) {
    void fetch('/api/problems', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ problems: found }),
    });
  }
  problems = [...issuesOf(apps), ...found];
  openDraft();
  show();
}

/** The card's draft, for the order or the new order on screen. */
function openDraft(): void {
  const host = stage?.host;
  if (!host) return;
  const id =
    settings.view === 'order' ? settings.order : settings.view === 'new' ? null : undefined;
  if (id === undefined) {
    draft?.close();
    draft = undefined;
    return;
  }
  if (draft && draft.id === id) return;
  draft?.close();
  const data = (id !== null && entities()['customerorder']?.[id]) || {};
  saveSaid = '';
  draft = host.openDraft({
    type: 'customerorder',
    id,
    data: id === null ? { comment: '', total: 0 } : data,
    persist: ({ id: saved, data: next }) =>
      Promise.resolve({ id: saved ?? String(orders.length + 1), data: next }),
  });
  draft.subscribe(show);
}

async function save(): Promise<void> {
  if (!draft) return;
  const report = await draft.save();
  // A verdict is the app's own words; a silence's message names the app already.
  const blocked = report.blockedBy.map((answer) =>
    answer.outcome === 'invalid' ? `${answer.appName}: ${answer.message ?? ''}` : answer.message,
  );
  const failedSaves = report.widgetSaves.flatMap((save) => (save.ok ? [] : [save.message]));
  saveSaid = report.saved
    ? failedSaves.length > 0
      ? `Saved, but: ${failedSaves.join('; ')}`
      : 'Saved.'
    : blocked.length > 0
      ? `Not saved: ${blocked.join('; ')}`
      : `Not saved: ${report.error ?? report.phase}`;
  show();
}

function cardView(host: Host) {
  const point =
    settings.view === 'counterparty'
      ? 'counterparty.card'
      : settings.view === 'goods'
        ? 'product.card'
        : 'customerorder.card';
  const entityId =
    settings.view === 'counterparty'
      ? settings.counterparty
      : settings.view === 'goods'
        ? settings.good
        : settings.view === 'new'
          ? ''
          : settings.order;
  const data = draft?.data ?? {};
  return html`<section style=${`width:${settings.width}px`}>
    ${
      draft
        ? html`<p style="display:flex;gap:8px;align-items:center">
            <label
              >Comment
              <input
                name="comment"
                .value=${typeof data['comment'] === 'string' ? data['comment'] : ''}
                @input=${(event: Event) => {
                  draft?.change({ comment: (event.target as HTMLInputElement).value });
                }}
            /></label>
            <button type="button" data-testid="save" @click=${() => void save()}>Save</button>
            <output data-testid="save-said">${saveSaid}</output>
          </p>`
        : nothing
    }
    ${
      settings.view === 'order'
        ? html`<pb-action-bar
            point="customerorder.card.actions"
            .host=${host}
            .selection=${{ kind: 'ids', ids: [settings.order] }}
          ></pb-action-bar>`
        : nothing
    }
    <pb-panel-slot
      point=${point}
      entity-id=${entityId}
      .host=${host}
      .draft=${draft}
    ></pb-panel-slot>
  </section>`;
}

/** Lines the vendor must see, in a box of `colour`; nothing when there are none. */
const alertBox = (testId: string, colour: string, lines: readonly string[]) =>
  lines.length > 0
    ? html`<div
        role="alert"
        data-testid=${testId}
        style=${`border:1px solid ${colour};color:${colour};padding:8px;margin:8px 0;white-space:pre-wrap`}
      >
        ${lines.join('\n')}
      </div>`
    : nothing;

function show(): void {
  if (!stage) return;
  const { host, traffic } = stage;
  const dark = settings.theme === 'dark';
  const installed = apps
    .filter((app) => app.issues.length === 0)
    .map((app) => app.manifest?.name ?? app.source);
  render(
    html`<div
      style=${`font:14px system-ui,sans-serif;padding:12px 16px;min-height:100vh;box-sizing:border-box;background:${dark ? '#101828' : '#fff'};color:${dark ? '#f2f4f7' : '#101828'}`}
    >
      <header style="display:flex;gap:12px;align-items:baseline">
        <strong>Plugboard dev host</strong>
        <span>${installed.length > 0 ? installed.join(', ') : 'no app installed'}</span>
      </header>
      ${alertBox('problems', '#b42318', problems)}
      ${alertBox('widget-errors', '#b54708', widgetErrors)} ${controls(settings, set)}
      <main>
        ${
          settings.view === 'orders' || settings.view === 'counterparties'
            ? listView(host, settings.view === 'counterparties', selection, (next) => {
                selection = next;
                show();
              })
            : cardView(host)
        }
      </main>
      ${settings.inspect ? html`<pb-inspector style="margin-top:16px" .traffic=${traffic}></pb-inspector>` : nothing}
      <pb-toast-region></pb-toast-region>
    </div>`,
    root,
  );
}

await loadApps();
root.replaceChildren();
await build();
// The command watches the apps' files: reinstall them when one changes.
new EventSource('/api/events').addEventListener('apps', () => {
  void loadApps().then(build);
});
