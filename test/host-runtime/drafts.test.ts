// Drafts and the save flow, over real cross-origin widgets: reading and
// updating the draft, changes, dirty state and leaving, the validation gate,
// saving, and create pages.
import { expect } from 'chai';
import type {
  Host,
  HostDraft,
  HostDraftOptions,
  HostExtensionPoint,
  HostInstallGrants,
  HostManifest,
} from '@plugboard/host-runtime';
import { waitFor } from '../support/fixture-events.js';
import type { FixtureWidget } from '../support/fixture-widget.js';
import { buttonIn, dialogsOpen, FIXTURE_PAGE, openDialogs } from '../support/dialogs.js';
import {
  cleanUp,
  cleanups,
  commandedFixture,
  frameWithStatus,
  framesOf,
  manifest,
  setup,
  uniqueKey,
} from '../support/host-page.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

type Recorded = { method: string; params: Record<string, unknown> }[];

const CARD: HostExtensionPoint = {
  id: 'customerorder.card',
  kind: 'panel',
  entity: 'customerorder',
  title: 'Order card',
};

/** An app whose one panel (the command-driven fixture) takes part in drafts. */
function draftApp(
  id: string,
  protocols: ('change' | 'validation' | 'save' | 'dirty-state')[],
  options: { writes?: string[]; height?: { min: number; max: number; initial: number } } = {},
): HostManifest {
  const base = manifest(id, { url: `${FIXTURE_PAGE}?app=${id}` });
  return {
    ...base,
    widgets: base.widgets.map((widget) => ({
      ...widget,
      protocols,
      ...(options.height ? { height: options.height } : {}),
    })),
    permissions: ['entity:read', 'entity:write'],
    ...(options.writes ? { writes: { customerorder: options.writes } } : {}),
  };
}

interface Card {
  readonly host: Host;
  readonly draft: HostDraft;
  readonly widgets: FixtureWidget[];
  readonly persisted: unknown[];
}

/** A card with a draft and the given apps' panels, each connected. */
async function card(
  apps: HostManifest[],
  options: {
    id?: string | null;
    apply?: HostDraftOptions['apply'];
    readOnly?: boolean;
    persist?: () => Promise<{ id: string }>;
    validation?: HostExtensionPoint['validation'];
    writes?: Record<string, Record<string, string[]>>;
    grants?: Record<string, HostInstallGrants>;
  } = {},
): Promise<Card> {
  const { host, root } = setup({
    extensionPoints: [
      { ...CARD, ...(options.validation ? { validation: options.validation } : {}) },
    ],
  });
  for (const app of apps) {
    const writes = options.writes?.[app.id];
    host.install(app, { ...options.grants?.[app.id], ...(writes ? { writes } : {}) });
  }
  const persisted: unknown[] = [];
  const draft: HostDraft = host.openDraft({
    type: 'customerorder',
    id: options.id === undefined ? '42' : options.id,
    data: { number: 'SO-42', status: 'new', comment: '' },
    ...(options.apply ? { apply: options.apply } : {}),
    ...(options.readOnly ? { readOnly: true } : {}),
    persist:
      options.persist ??
      ((saved) => {
        persisted.push(saved);
        return Promise.resolve({ id: saved.id ?? 'new-1' });
      }),
  });
  cleanups.push(() => {
    draft.close();
  });
  const slot = document.createElement('pb-panel-slot');
  slot.point = CARD.id;
  slot.draft = draft;
  root.append(slot);
  // Every page's readiness is awaited from the start: they load side by side.
  const widgets = await Promise.all(apps.map((_, i) => commandedFixture(slot, i)));
  for (const widget of widgets) await widget.value('connect', { hostOrigins: [hostOrigin] });
  return { host, draft, widgets, persisted };
}

const recorded = (widget: FixtureWidget, method: string) =>
  widget
    .value<Recorded>('recorded')
    .then((calls) => calls.filter((call) => call.method === method).map((call) => call.params));

describe('drafts', () => {
  afterEach(() => {
    cleanUp();
    for (const dialog of openDialogs()) dialog.remove();
  });

  it('entity.get gives the draft; entity.update applies what the app may write, and says why not the rest', async () => {
    const { draft, widgets } = await card(
      [draftApp('writer', [], { writes: ['comment', 'status', 'total'] })],
      {
        apply: (changes) =>
          'total' in changes ? { total: 'The total follows from the positions.' } : undefined,
      },
    );
    const [writer] = widgets as [FixtureWidget];
    expect(await writer.value('call', { method: 'entity.get' })).to.deep.equal({
      type: 'customerorder',
      id: '42',
      data: { number: 'SO-42', status: 'new', comment: '' },
      version: 0,
      saved: true,
    });
    const result = await writer.value<{
      version: number;
      applied: string[];
      refused: { path: string; code: string; reason: string }[];
    }>('call', {
      method: 'entity.update',
      params: { changes: { comment: 'Ring twice', number: 'SO-1', total: 1 }, baseVersion: 0 },
    });
    expect(result.version).to.equal(1);
    expect(result.applied).to.deep.equal(['comment']);
    expect(result.refused.map(({ path, code }) => [path, code])).to.deep.equal([
      ['number', 'not_writable'],
      ['total', 'refused'],
    ]);
    expect(result.refused[1]?.reason).to.equal('The total follows from the positions.');
    expect(draft.data['comment']).to.equal('Ring twice');
    expect(draft.saved).to.equal(false);

    // The user edits the status; the widget's write from an older version is a conflict.
    draft.change({ status: 'confirmed' });
    const stale = await writer.value<typeof result>('call', {
      method: 'entity.update',
      params: { changes: { status: 'new', comment: 'Leave at door' }, baseVersion: 1 },
    });
    expect(stale.applied).to.deep.equal(['comment']);
    expect(stale.refused.map(({ path, code }) => [path, code])).to.deep.equal([
      ['status', 'conflict'],
    ]);
    expect(draft.data['status']).to.equal('confirmed');
  });

  it("without a draft, the host's own entity services answer, null included", async () => {
    const { host, root } = setup({
      services: { 'entity.get': () => null },
    });
    host.install(draftApp('plain', []));
    const slot = document.createElement('pb-panel-slot');
    slot.point = CARD.id;
    slot.entityId = '7';
    root.append(slot);
    const widget = await commandedFixture(slot);
    await widget.value('connect', { hostOrigins: [hostOrigin] });
    expect(await widget.value('call', { method: 'entity.get' })).to.equal(null);
    const update = await widget.run('call', {
      method: 'entity.update',
      params: { changes: { comment: 'x' } },
    });
    expect(update.ok ? 'ok' : update.error.message).to.contain('lends no entity.update service');
  });

  it('narrows the writable fields by the installation, and needs entity:write', async () => {
    const { widgets } = await card([draftApp('narrowed', [], { writes: ['comment', 'status'] })], {
      writes: { narrowed: { customerorder: ['comment'] } },
    });
    const result = await widgets[0]?.value<{ refused: { path: string }[] }>('call', {
      method: 'entity.update',
      params: { changes: { status: 'shipped' } },
    });
    expect(result?.refused.map((r) => r.path)).to.deep.equal(['status']);
    cleanUp();
    const reader = { ...draftApp('reader', []), permissions: ['entity:read'] };
    const [only] = (await card([reader])).widgets;
    const denied = await only?.run('call', {
      method: 'entity.update',
      params: { changes: { comment: 'x' } },
    });
    expect(denied?.ok ? 'ok' : denied?.error.code).to.equal('permission_denied');
  });

  it("sends change to widgets that take it, never a widget's own update, coalescing while one is answered", async () => {
    const { draft, widgets } = await card([
      draftApp('listener', ['change']),
      draftApp('writer', ['change'], { writes: ['comment'] }),
      draftApp('deaf', []),
    ]);
    const [listener, writer, deaf] = widgets as [FixtureWidget, FixtureWidget, FixtureWidget];
    await listener.value('handle', { method: 'change', behavior: 'answer', delayMs: 200 });
    await writer.value('handle', { method: 'change' });
    await deaf.value('handle', { method: 'change' });
    await writer.value('call', {
      method: 'entity.update',
      params: { changes: { comment: 'A' } },
    });
    // While the listener still answers the first change, three more arrive.
    draft.change({ status: 'confirmed' });
    draft.change({ comment: 'B' });
    draft.change({ status: 'shipped' });
    await waitFor(() => draft.version === 4, 'four changes');
    let heard: Record<string, unknown>[] = [];
    await waitFor(
      () => {
        void recorded(listener, 'change').then((calls) => (heard = calls));
        return heard.length === 2;
      },
      () => `two change calls to the listener (has ${heard.length})`,
    );
    expect(heard[0]).to.deep.include({ version: 1, origin: { app: 'writer' }, paths: ['comment'] });
    expect(heard[1]).to.deep.include({ version: 4, origin: 'user' });
    expect([...(heard[1]?.['paths'] as string[])].sort()).to.deep.equal(['comment', 'status']);
    expect((heard[1]?.['data'] as Record<string, unknown>)['status']).to.equal('shipped');
    // The writer hears the user's changes (coalesced too), never its own.
    const own = await recorded(writer, 'change');
    expect(own.every((call) => call['origin'] === 'user')).to.equal(true);
    expect(own.at(-1)?.['version']).to.equal(4);
    expect(await recorded(deaf, 'change')).to.deep.equal([]);
  });

  it('discards every unsaved change back to the saved entity, telling widgets', async () => {
    const { draft, widgets } = await card([
      draftApp('listener', ['change']),
      draftApp('writer', [], { writes: ['comment'] }),
    ]);
    const [listener, writer] = widgets as [FixtureWidget, FixtureWidget];
    await listener.value('handle', { method: 'change' });
    draft.change({ status: 'confirmed', extra: 'x' });
    await writer.value('call', { method: 'entity.update', params: { changes: { comment: 'A' } } });
    expect(draft.dirt().changedBy).to.deep.equal(['user', { app: 'writer' }]);
    draft.discard();
    expect(draft).to.include({ saved: true, dirty: false, version: 3 });
    expect(draft.data).to.deep.equal({ number: 'SO-42', status: 'new', comment: '' });
    expect(draft.dirt().changedBy).to.deep.equal([]);
    let heard: Record<string, unknown>[] = [];
    await waitFor(() => {
      void recorded(listener, 'change').then((calls) => (heard = calls));
      return heard.at(-1)?.['version'] === 3;
    }, 'the change that discards');
    expect(heard.at(-1)?.['data']).to.deep.equal(draft.data);
    expect([...(heard.at(-1)?.['paths'] as string[])].sort()).to.deep.equal([
      'comment',
      'extra',
      'number',
      'status',
    ]);
    // A discard of a saved draft changes nothing; after a save it goes back to what was saved.
    draft.discard();
    expect(draft.version).to.equal(3);
    draft.change({ comment: 'Kept' });
    await draft.save();
    draft.change({ comment: 'Dropped' });
    draft.discard();
    expect(draft.data['comment']).to.equal('Kept');
    expect(draft.saved).to.equal(true);
  });

  it('tells widgets of derived fields without counting them as anybody’s edit', async () => {
    const { draft, widgets } = await card([
      draftApp('listener', ['change']),
      draftApp('writer', [], { writes: ['comment'] }),
    ]);
    const [listener, writer] = widgets as [FixtureWidget, FixtureWidget];
    await listener.value('handle', { method: 'change' });
    // The host recomputes a total as the card opens: still saved.
    draft.change({ total: 100 }, { derived: true });
    expect(draft).to.include({ saved: true, dirty: false });
    await waitFor(
      async () => (await recorded(listener, 'change')).length === 1,
      'the derived change told',
    );
    // After an app's edit, the total it implies is not the user's.
    await writer.value('call', { method: 'entity.update', params: { changes: { comment: 'A' } } });
    draft.change({ total: 120 }, { derived: true });
    expect(draft.saved).to.equal(false);
    expect(draft.dirt().changedBy).to.deep.equal([{ app: 'writer' }]);
    expect(draft.data['total']).to.equal(120);
  });

  it('is dirty with unsaved changes or a dirty widget, says who, and guards leaving', async () => {
    const { host, draft, widgets } = await card([draftApp('keeper', ['dirty-state'])]);
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(draft.dirty).to.equal(false);
    expect(host.unsaved).to.equal(false);
    expect(unload()).to.equal(false);
    expect(await host.confirmLeave()).to.equal(true);

    await widgets[0]?.value('call', { method: 'widget.setDirty', params: { dirty: true } });
    draft.change({ comment: 'typed' });
    expect(draft.dirty).to.equal(true);
    expect(host.unsaved).to.equal(true);
    expect(draft.dirt()).to.deep.equal({
      changedBy: ['user'],
      widgets: [{ appId: 'keeper', appName: 'App keeper' }],
    });
    expect(unload()).to.equal(true);

    const leaving = host.confirmLeave();
    const question = await dialogsOpen(1);
    expect(question?.heading).to.equal('Leave without saving?');
    expect(question?.querySelector('pb-standard-dialog')?.shadowRoot?.textContent).to.contain(
      'changes by you; data not yet saved in App keeper',
    );
    buttonIn(question, 'Stay').click();
    expect(await leaving).to.equal(false);
    const again = host.confirmLeave();
    buttonIn(await dialogsOpen(1), 'Leave').click();
    expect(await again).to.equal(true);

    draft.close();
    expect(unload()).to.equal(false);
  });
});

describe('the leave guard without a draft', () => {
  afterEach(() => {
    cleanUp();
    for (const dialog of openDialogs()) dialog.remove();
  });

  it('asks before leaving while a widget on a card with no draft says it is dirty, and forgets it when it goes', async () => {
    const { host, root } = setup({ extensionPoints: [CARD] });
    host.install(draftApp('loose', ['dirty-state']));
    const slot = document.createElement('pb-panel-slot');
    slot.point = CARD.id;
    slot.entityId = '42';
    root.append(slot);
    const widget = await commandedFixture(slot);
    await widget.value('connect', { hostOrigins: [hostOrigin] });
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    await widget.value('call', { method: 'widget.setDirty', params: { dirty: true } });
    expect(unload()).to.equal(true);
    const leaving = host.confirmLeave();
    const question = await dialogsOpen(1);
    expect(question?.querySelector('pb-standard-dialog')?.shadowRoot?.textContent).to.contain(
      'data not yet saved in App loose',
    );
    buttonIn(question, 'Stay').click();
    expect(await leaving).to.equal(false);

    await widget.value('call', { method: 'widget.setDirty', params: { dirty: false } });
    expect(unload()).to.equal(false);
    expect(await host.confirmLeave()).to.equal(true);

    await widget.value('call', { method: 'widget.setDirty', params: { dirty: true } });
    expect(unload()).to.equal(true);
    slot.remove();
    await waitFor(() => !unload(), 'the guard to end with the widget');
    expect(await host.confirmLeave()).to.equal(true);
  });
});

describe('the save flow', () => {
  afterEach(() => {
    cleanUp();
    for (const dialog of openDialogs()) dialog.remove();
  });

  it('asks every validating widget at once, then persists, then lets saving widgets save', async () => {
    const { draft, widgets, persisted } = await card([
      draftApp('checker-a', ['validation']),
      draftApp('checker-b', ['validation', 'save', 'dirty-state']),
    ]);
    const [a, b] = widgets as [FixtureWidget, FixtureWidget];
    await a.value('handle', {
      method: 'validate',
      behavior: 'answer',
      answer: { valid: true },
      delayMs: 300,
    });
    await b.value('handle', {
      method: 'validate',
      behavior: 'answer',
      answer: { valid: true },
      delayMs: 300,
    });
    await b.value('handle', { method: 'save' });
    await b.value('call', { method: 'widget.setDirty', params: { dirty: true } });
    draft.change({ comment: 'Ready' });
    const saving = draft.save();
    // Both are asked before either answers: in parallel.
    await waitFor(() => persisted.length === 0, 'nothing persisted yet');
    let asked = 0;
    await waitFor(() => {
      void Promise.all([recorded(a, 'validate'), recorded(b, 'validate')]).then(
        ([ra, rb]) => (asked = ra.length + rb.length),
      );
      return asked === 2;
    }, 'both validators asked');
    expect(persisted).to.deep.equal([]);
    const report = await saving;
    expect(report.saved).to.equal(true);
    expect(report.validation.map((answer) => answer.outcome)).to.deep.equal(['valid', 'valid']);
    expect(persisted).to.deep.equal([
      {
        type: 'customerorder',
        id: '42',
        data: { number: 'SO-42', status: 'new', comment: 'Ready' },
        version: 1,
      },
    ]);
    expect(await recorded(b, 'save')).to.deep.equal([
      {
        entity: { type: 'customerorder', id: '42' },
        data: { number: 'SO-42', status: 'new', comment: 'Ready' },
        version: 1,
      },
    ]);
    expect(report.widgetSaves.map((save) => [save.appId, save.ok])).to.deep.equal([
      ['checker-b', true],
    ]);
    expect(draft.saved).to.equal(true);
    expect(draft.dirty).to.equal(false);
  });

  describe('persists exactly what the validators saw', () => {
    const apps = () => [
      draftApp('checker', ['validation']),
      draftApp('writer', [], { writes: ['comment'] }),
    ];
    const update = (widget: FixtureWidget, comment: string) =>
      widget.value('call', { method: 'entity.update', params: { changes: { comment } } });

    it('a change made while validators answer is not saved unvalidated', async () => {
      const { draft, widgets, persisted } = await card(apps());
      const [checker, writer] = widgets as [FixtureWidget, FixtureWidget];
      await checker.value('handle', {
        method: 'validate',
        behavior: 'held',
        answer: { valid: true },
      });
      draft.change({ comment: 'Checked' });
      const saving = draft.save();
      await waitFor(async () => (await recorded(checker, 'validate')).length === 1, 'asked');
      await update(writer, 'Slipped in');
      expect(await checker.value('release', { method: 'validate' })).to.equal(true);
      const report = await saving;
      expect(report.saved).to.equal(true);
      expect(persisted).to.deep.equal([
        {
          type: 'customerorder',
          id: '42',
          data: { number: 'SO-42', status: 'new', comment: 'Checked' },
          version: 1,
        },
      ]);
      // The later change is still there, unsaved, for the next save to validate.
      expect(draft.data['comment']).to.equal('Slipped in');
      expect(draft.saved).to.equal(false);
    });

    it('a change made before the save is validated and saved', async () => {
      const { draft, widgets, persisted } = await card(apps());
      const [checker, writer] = widgets as [FixtureWidget, FixtureWidget];
      await checker.value('handle', {
        method: 'validate',
        behavior: 'answer',
        answer: { valid: true },
      });
      draft.change({ comment: 'Checked' });
      await update(writer, 'Seen');
      const report = await draft.save();
      expect(report.saved).to.equal(true);
      const [validated] = await recorded(checker, 'validate');
      expect(validated?.['data']).to.deep.include({ comment: 'Seen' });
      expect(persisted).to.deep.equal([
        {
          type: 'customerorder',
          id: '42',
          data: { number: 'SO-42', status: 'new', comment: 'Seen' },
          version: 2,
        },
      ]);
      expect(draft.saved).to.equal(true);
    });
  });

  it('is blocked by an invalid answer and by a silent widget, naming it and its support email; a point may skip the silent', async () => {
    const apps = [
      draftApp('silent', ['validation']),
      draftApp('hidden', ['validation'], { height: { min: 0, max: 0, initial: 0 } }),
    ];
    let shown = await card(apps, { validation: { deadlineMs: 300 } });
    let [silent, hidden] = shown.widgets as [FixtureWidget, FixtureWidget];
    await silent.value('handle', { method: 'validate', behavior: 'hang' });
    await hidden.value('handle', {
      method: 'validate',
      behavior: 'answer',
      answer: { valid: false, message: 'Courier delivery needs an address.', path: 'address' },
    });
    shown.draft.change({ comment: 'Courier, please' });
    let report = await shown.draft.save();
    expect(report.saved).to.equal(false);
    expect(report.phase).to.equal('validation');
    expect(report.blockedBy.map((answer) => [answer.appId, answer.outcome])).to.deep.equal([
      ['silent', 'timeout'],
      ['hidden', 'invalid'],
    ]);
    expect(report.blockedBy[0]?.message)
      .to.contain('App silent did not check the changes within 0.3 s')
      .and.to.contain('dev@vendor.example');
    expect(report.blockedBy[1]).to.include({
      message: 'Courier delivery needs an address.',
      path: 'address',
    });
    expect(shown.persisted).to.deep.equal([]);

    cleanUp();
    shown = await card(apps, { validation: { deadlineMs: 300, onTimeout: 'skip' } });
    [silent, hidden] = shown.widgets as [FixtureWidget, FixtureWidget];
    await silent.value('handle', { method: 'validate', behavior: 'hang' });
    await hidden.value('handle', {
      method: 'validate',
      behavior: 'answer',
      answer: { valid: true },
    });
    shown.draft.change({ comment: 'Courier, please' });
    report = await shown.draft.save();
    expect(report.saved).to.equal(true);
    expect(report.validation.map((answer) => [answer.outcome, answer.blocking])).to.deep.equal([
      ['timeout', false],
      ['valid', false],
    ]);
  });

  it("lets the user save without an optional app that did not answer, naming it; a required app's silence and any invalid verdict still block", async () => {
    const apps = [
      draftApp('silent', ['validation']),
      draftApp('strict', ['validation']),
      draftApp('picky', ['validation']),
    ];
    const shown = await card(apps, {
      validation: { deadlineMs: 300 },
      grants: { silent: { validation: 'optional' }, picky: { validation: 'optional' } },
    });
    const [silent, strict, picky] = shown.widgets as [FixtureWidget, FixtureWidget, FixtureWidget];
    await silent.value('handle', { method: 'validate', behavior: 'hang' });
    await strict.value('handle', {
      method: 'validate',
      behavior: 'answer',
      answer: { valid: true },
    });
    await picky.value('handle', {
      method: 'validate',
      behavior: 'answer',
      answer: { valid: true },
    });
    shown.draft.change({ comment: 'Courier, please' });
    let report = await shown.draft.save();
    expect(report.saved).to.equal(false);
    expect(report.blockedBy.map((answer) => [answer.appId, answer.skippable])).to.deep.equal([
      ['silent', true],
    ]);
    expect(report.blockedBy[0]?.message).to.contain('App silent did not check the changes');

    // Save anyway: the silent app is not asked again, and the report names it.
    report = await shown.draft.save({ skip: ['silent'] });
    expect(report).to.deep.include({ saved: true, phase: 'done' });
    expect(report.skipped).to.deep.equal([{ appId: 'silent', appName: 'App silent' }]);
    expect(report.validation.map((answer) => answer.appId)).to.deep.equal(['strict', 'picky']);
    expect(await recorded(silent, 'validate')).to.have.length(1);
    expect(shown.persisted).to.have.length(1);

    // A required app cannot be skipped; an optional app's invalid verdict is no silence.
    await strict.value('handle', { method: 'validate', behavior: 'hang' });
    await picky.value('handle', {
      method: 'validate',
      behavior: 'answer',
      answer: { valid: false, message: 'No.' },
    });
    shown.draft.change({ comment: 'Again' });
    report = await shown.draft.save({ skip: ['silent', 'strict'] });
    expect(report.saved).to.equal(false);
    expect(
      report.blockedBy.map((answer) => [answer.appId, answer.outcome, answer.skippable]),
    ).to.deep.equal([
      ['strict', 'timeout', undefined],
      ['picky', 'invalid', undefined],
    ]);
    expect(shown.persisted).to.have.length(1);
  });

  it('does not wait out the deadline of a validating widget that failed to load: it says why at once', async () => {
    const key = uniqueKey('vendor');
    await fetch(`/test/outage?key=${key}&down=1`);
    cleanups.push(() => void fetch(`/test/outage?key=${key}&down=0`));
    const app = draftApp('down', ['validation']);
    const url = `${fixtureOrigin}/test/vendor/${key}/widget.html`;
    const { host, root } = setup({
      // A deadline past the test's own timeout: a save that waited it out fails the test.
      extensionPoints: [{ ...CARD, validation: { deadlineMs: 60_000 } }],
    });
    host.install(
      { ...app, widgets: app.widgets.map((widget) => ({ ...widget, url })) },
      { validation: 'optional' },
    );
    const draft = host.openDraft({
      type: 'customerorder',
      id: '42',
      data: { comment: '' },
      persist: (saved) => Promise.resolve({ id: saved.id ?? 'x' }),
    });
    cleanups.push(() => {
      draft.close();
    });
    const slot = document.createElement('pb-panel-slot');
    slot.point = CARD.id;
    slot.draft = draft;
    root.append(slot);
    await frameWithStatus(slot, 'error');
    draft.change({ comment: 'Hello' });
    const report = await draft.save();
    expect(report.blockedBy).to.have.length(1);
    expect(report.blockedBy[0]).to.deep.include({ outcome: 'error', skippable: true });
    expect(report.blockedBy[0]?.message).to.contain(
      `App down could not check the changes: it could not be loaded. Nothing answered at ${url}.`,
    );
  });

  it('asks no validator when nothing is unsaved, and still saves and tells saving widgets', async () => {
    const shown = await card([draftApp('strict', ['validation', 'save'])]);
    const [strict] = shown.widgets as [FixtureWidget];
    await strict.value('handle', {
      method: 'validate',
      behavior: 'answer',
      answer: { valid: false, message: 'Never valid.' },
    });
    const report = await shown.draft.save();
    expect(report.saved).to.equal(true);
    expect(report.validation).to.deep.equal([]);
    expect(report.widgetSaves.map((save) => save.appId)).to.deep.equal(['strict']);
    shown.draft.change({ comment: 'x' });
    expect((await shown.draft.save()).blockedBy[0]?.message).to.equal('Never valid.');
  });

  it('refuses every app update on a read-only draft', async () => {
    const shown = await card([draftApp('writer', [], { writes: ['comment'] })], {
      readOnly: true,
    });
    const [writer] = shown.widgets as [FixtureWidget];
    const refused = await writer.run('call', {
      method: 'entity.update',
      params: { changes: { comment: 'x' } },
    });
    expect(refused.ok ? 'ok' : refused.error.code).to.equal('permission_denied');
    expect(refused.ok ? '' : refused.error.message).to.equal(
      'This customerorder is read-only for you.',
    );
    expect(shown.draft.data['comment']).to.equal('');
  });

  it("reports a widget whose save failed, by name, and a host's persist that failed", async () => {
    const failing = await card([draftApp('fragile', ['save'])]);
    await failing.widgets[0]?.value('handle', {
      method: 'save',
      behavior: 'reject',
      answer: 'the shipment service is down',
    });
    failing.draft.change({ comment: 'x' });
    const report = await failing.draft.save();
    expect(report.saved).to.equal(true);
    expect(report.widgetSaves[0]).to.include({ appId: 'fragile', ok: false });
    expect(report.widgetSaves[0]?.message)
      .to.contain('App fragile could not save its data')
      .and.to.contain('the shipment service is down');

    cleanUp();
    const refused = await card([draftApp('bystander', ['save'])], {
      persist: () => Promise.reject(new Error('the order is locked')),
    });
    await refused.widgets[0]?.value('handle', { method: 'save' });
    refused.draft.change({ comment: 'y' });
    const failed = await refused.draft.save();
    expect(failed).to.include({ saved: false, phase: 'persist', error: 'the order is locked' });
    expect(await recorded(refused.widgets[0] as FixtureWidget, 'save')).to.deep.equal([]);
    expect(refused.draft.saved).to.equal(false);
  });

  it('moves a create page’s widgets to the new entity in the same iframe, then saves them', async () => {
    const { draft, widgets } = await card([draftApp('creator', ['save'])], { id: null });
    const [creator] = widgets as [FixtureWidget];
    const iframe = creator.iframe;
    expect(await creator.value('context')).to.deep.include({ entity: null });
    expect(await creator.value('call', { method: 'entity.get' })).to.deep.include({
      type: 'customerorder',
      id: null,
    });
    await creator.value('handle', { method: 'open' });
    await creator.value('handle', { method: 'save' });
    draft.change({ comment: 'First order' });
    const report = await draft.save();
    expect(report.saved).to.equal(true);
    expect(draft.id).to.equal('new-1');
    const calls = await creator.value<Recorded>('recorded');
    expect(calls.map((call) => call.method)).to.deep.equal(['open', 'save']);
    expect(calls[0]?.params['entity']).to.deep.equal({ type: 'customerorder', id: 'new-1' });
    expect(calls[1]?.params['entity']).to.deep.equal({ type: 'customerorder', id: 'new-1' });
    const slot = document.querySelector('pb-panel-slot');
    expect(slot && framesOf(slot)[0]?.querySelector('iframe')).to.equal(iframe);
  });
});
