// Widgets written for MoySklad's protocol, run unchanged: a fixture that
// speaks only raw postMessage, as MoySklad's published client does, on
// another origin, driven through every message: Open (and again on reuse),
// OpenFeedback, SetDirty/ClearDirty, Change and ValidationFeedback with the
// 3-second window, Save, UpdateRequest, SelectGoodFolderRequest,
// ShowDialogRequest, NavigateRequest, popups, UserContextRequest, the
// auto-resize {height}, and InvalidMessageError's codes.
import { expect } from 'chai';
import type { Host, HostDraft, HostPanelSlotElement } from '@plugboard/host-runtime';
import { installMoySkladApp, type MoySkladInstallOptions } from '@plugboard/host-runtime/moysklad';
import { buttonIn, dialogsOpen, openDialogs } from '../support/dialogs.js';
import { waitFor } from '../support/fixture-events.js';
import { firstMessage, named, type Message } from '../support/moysklad-messages.js';
import { driveFixture, fixtureReady, type FixtureWidget } from '../support/fixture-widget.js';
import {
  addSlot,
  cleanUp,
  cleanups,
  commandedFixture,
  framesOf,
  setup,
} from '../support/host-page.js';
import { fixtureOrigin } from '../support/origins.js';

const PAGE = `${fixtureOrigin}/test/fixtures/moysklad-widget.html`;
const NS = 'https://apps-api.moysklad.ru/xml/ns/appstore/app/v2';

const orderWidget = (
  supports: string,
  uses = '',
  height = '150px',
  point = 'document.customerorder.edit',
) =>
  `<${point} useContextKey="false"><sourceUrl>${PAGE}</sourceUrl><height><fixed>${height}</fixed></height>
   <supports>${supports}</supports><uses>${uses}</uses></${point}>`;

const descriptor = (widgets: string) => `<ServerApplication xmlns="${NS}">
  <widgets>${widgets}</widgets>
  <popups><popup useContextKey="false"><name>bonusPopup</name><sourceUrl>${PAGE}?popup</sourceUrl></popup></popups>
</ServerApplication>`;

const FULL =
  '<open-feedback/><save-handler/><dirty-state/><update-provider/><change-handler><validation-feedback/></change-handler>';
const USES = '<good-folder-selector/><standard-dialogs/><navigation-service/><user-context/>';

const options: MoySkladInstallOptions = {
  id: 'loyalty',
  name: 'Loyalty points',
  vendor: { name: 'Loyal Co', url: 'https://loyal.example', email: 'help@loyal.example' },
  origin: fixtureOrigin,
  points: {
    'document.customerorder.edit': 'customerorder.card',
    'document.customerorder.create': 'customerorder.card',
  },
  writes: { customerorder: ['comment'] },
  fields: { description: 'comment' },
  route: (path) => (path === '#customerorder' ? '/orders' : undefined),
  userContext: () => 'aGVhZGVy.Ym9keQ.c2ln',
};

interface Mounted {
  host: Host;
  slot: HostPanelSlotElement;
  draft: HostDraft;
  widget: FixtureWidget;
  navigated: string[];
}

/** Shows another order in the card: its draft, as the host's card does. */
function showOrder(host: Host, slot: HostPanelSlotElement, id: string): void {
  const draft = host.openDraft({
    type: 'customerorder',
    id,
    data: { comment: '', total: 1 },
    persist: ({ data }) => Promise.resolve({ id, data }),
  });
  // A draft left open with changes would make the page ask before it unloads.
  cleanups.push(() => {
    draft.close();
  });
  slot.draft = draft;
  slot.entityId = id;
}

async function mount(
  widgets = orderWidget(FULL, USES),
  id: string | null = '42',
  more: {
    grants?: MoySkladInstallOptions['grants'];
    apply?: Parameters<Host['openDraft']>[0]['apply'];
  } = {},
): Promise<Mounted> {
  const navigated: string[] = [];
  const { host, root } = setup({
    identity: { sign: () => 'aGVhZGVy.Ym9keQ.c2ln' },
    navigate: (path) => {
      navigated.push(path);
      return true;
    },
    selectors: {
      goodFolder: {
        title: 'Good folders',
        search: () => [
          { id: 'f1', name: 'Drinks' },
          { id: 'f2', name: 'Snacks' },
        ],
      },
    },
  });
  installMoySkladApp(host, descriptor(widgets), {
    ...options,
    ...(more.grants ? { grants: more.grants } : {}),
  });
  const draft = host.openDraft({
    type: 'customerorder',
    id,
    data: { comment: 'Leave at the door', total: 100 },
    ...(more.apply ? { apply: more.apply } : {}),
    persist: ({ data }) => Promise.resolve({ id: id ?? '43', data }),
  });
  cleanups.push(() => {
    draft.close();
  });
  const slot = addSlot(root, 'customerorder.card', id ?? '');
  slot.draft = draft;
  const widget = await commandedFixture(slot);
  return { host, slot, draft, widget, navigated };
}

const received = (widget: FixtureWidget) => widget.value<Message[]>('received');

/** The first message from the host that `match` accepts, once it has come. */
const nextMessage = (widget: FixtureWidget, match: (m: Message) => boolean, what: string) =>
  firstMessage(() => received(widget), match, what);
const post = (widget: FixtureWidget, message: Message) => widget.value<number>('post', { message });

/** Open, once it has come, answered with OpenFeedback (the widgets here declare open-feedback). */
async function opened(widget: FixtureWidget): Promise<Message> {
  const open = await nextMessage(widget, named('Open'), 'Open');
  await post(widget, { name: 'OpenFeedback', correlationId: open['messageId'] });
  return open;
}

describe('MoySklad widgets', () => {
  afterEach(() => {
    cleanUp();
    for (const dialog of openDialogs()) dialog.remove();
  });

  it('sends Open with a numeric id, the point and the object; OpenFeedback once, else 1000; Open again to the reused iframe', async () => {
    const { host, slot, widget } = await mount();
    const open = await nextMessage(widget, named('Open'), 'Open');
    expect(open).to.deep.include({
      extensionPoint: 'document.customerorder.edit',
      objectId: '42',
      displayMode: 'expanded',
    });
    expect(open['messageId']).to.be.a('number');
    await post(widget, { name: 'OpenFeedback', correlationId: open['messageId'] });
    await post(widget, { name: 'OpenFeedback', correlationId: open['messageId'] });
    const error = await nextMessage(widget, named('InvalidMessageError'), 'a 1000 error');
    expect((error['errors'] as { code: number }[])[0]?.code).to.equal(1000);
    const iframe = framesOf(slot)[0]?.querySelector('iframe');
    showOrder(host, slot, '43');
    const again = await nextMessage(
      widget,
      named('Open', (m) => m['objectId'] === '43'),
      'a second Open',
    );
    expect(again['messageId']).to.not.equal(open['messageId']);
    expect(framesOf(slot)[0]?.querySelector('iframe')).to.equal(iframe);
  });

  it('keeps dirty state from SetDirty and ClearDirty, and clears it on Open', async () => {
    const { host, slot, widget } = await mount();
    const open = await opened(widget);
    const dirty = () => Object.values(host.store.getState().widgets)[0]?.dirty;
    await post(widget, { name: 'SetDirty', openMessageId: open['messageId'] });
    await waitFor(() => dirty() === true, 'dirty');
    await post(widget, { name: 'ClearDirty' });
    await waitFor(() => dirty() === false, 'clean');
    await post(widget, { name: 'SetDirty', openMessageId: open['messageId'] });
    await waitFor(() => dirty() === true, 'dirty again');
    showOrder(host, slot, '43');
    await waitFor(() => dirty() === false, 'clean after Open');
  });

  it('sends Change with objectState in MoySklad names; only the latest Change’s verdict counts; Save after the host saved', async () => {
    const { draft, widget } = await mount();
    await opened(widget);
    draft.change({ comment: 'Ring twice' });
    const first = await nextMessage(widget, named('Change'), 'a Change');
    expect(first['objectState']).to.deep.include({
      description: 'Ring twice',
      total: 100,
      id: '42',
    });
    expect(first['changeHints']).to.deep.equal(['_fields']);
    await post(widget, {
      name: 'ValidationFeedback',
      correlationId: first['messageId'],
      valid: false,
      message: 'Too short',
    });
    const blocked = await draft.save();
    expect(blocked.saved).to.equal(false);
    expect(blocked.blockedBy[0]?.message).to.contain('Too short');
    draft.change({ comment: 'Ring twice, then knock' });
    const second = await nextMessage(
      widget,
      named('Change', (m) => m['messageId'] !== first['messageId']),
      'a second Change',
    );
    // A late verdict on the first Change is ignored; the second's counts.
    await post(widget, {
      name: 'ValidationFeedback',
      correlationId: first['messageId'],
      valid: true,
    });
    const saving = draft.save();
    await post(widget, {
      name: 'ValidationFeedback',
      correlationId: second['messageId'],
      valid: true,
    });
    const report = await saving;
    expect(report.saved).to.equal(true);
    const save = await nextMessage(widget, named('Save'), 'Save');
    expect(save).to.deep.include({ extensionPoint: 'document.customerorder.edit', objectId: '42' });
  });

  it('blocks a save for a widget that does not answer within 3 seconds, naming the app and its support email; a hidden 0px widget too', async function () {
    this.timeout(8_000);
    const { draft, widget, slot } = await mount(orderWidget(FULL, '', '0px'));
    await opened(widget);
    expect(framesOf(slot)[0]?.querySelector('iframe')?.getBoundingClientRect().height).to.equal(0);
    draft.change({ comment: 'x' });
    await nextMessage(widget, named('Change'), 'a Change');
    const started = performance.now();
    const report = await draft.save();
    expect(performance.now() - started).to.be.at.least(2_900);
    expect(report.saved).to.equal(false);
    expect(report.blockedBy[0]?.message)
      .to.contain('Loyalty points')
      .and.to.contain('help@loyal.example');
  });

  it('answers UpdateRequest once the draft has it, and 1001, 1002 and 1004 with correlation ids', async () => {
    const { draft, widget } = await mount();
    await opened(widget);
    const id = await post(widget, {
      name: 'UpdateRequest',
      updateState: { description: 'From the widget' },
    });
    const answer = await nextMessage(widget, named('UpdateResponse'), 'UpdateResponse');
    expect(answer['correlationId']).to.equal(id);
    expect(draft.data['comment']).to.equal('From the widget');
    const refused = await post(widget, { name: 'UpdateRequest', updateState: { total: 5 } });
    const error = await nextMessage(
      widget,
      named('InvalidMessageError', (m) => m['correlationId'] === refused),
      '1002',
    );
    expect((error['errors'] as { code: number }[])[0]?.code).to.equal(1002);
    expect(error['invalidMessage']).to.deep.include({ name: 'UpdateRequest' });
    await widget.value('post', { message: { name: 'SelectGoodFolderRequest' }, noId: true });
    const noId = await nextMessage(
      widget,
      named('InvalidMessageError', (m) => m['correlationId'] === null),
      '1001',
    );
    expect((noId['errors'] as { code: number }[])[0]?.code).to.equal(1001);
    const unknown = await post(widget, { name: 'TeleportRequest' });
    const bad = await nextMessage(
      widget,
      named('InvalidMessageError', (m) => m['correlationId'] === unknown),
      'unknown name',
    );
    expect((bad['errors'] as { code: number }[])[0]?.code).to.equal(1002);
    // A widget without update-provider may not update.
    cleanUp();
    const plain = await mount(orderWidget('<change-handler/>'));
    await opened(plain.widget);
    const denied = await post(plain.widget, {
      name: 'UpdateRequest',
      updateState: { description: 'x' },
    });
    const notDeclared = await nextMessage(
      plain.widget,
      named('InvalidMessageError', (m) => m['correlationId'] === denied),
      '1004',
    );
    expect((notDeclared['errors'] as { code: number }[])[0]?.code).to.equal(1004);
  });

  it('applies an UpdateRequest all or nothing: 1002 names the refused field and changes none; inherited names are no fields', async () => {
    const { draft, widget } = await mount();
    await opened(widget);
    const partial = await post(widget, {
      name: 'UpdateRequest',
      updateState: { description: 'partial write', sum: 5 },
    });
    const error = await nextMessage(
      widget,
      named('InvalidMessageError', (m) => m['correlationId'] === partial),
      '1002',
    );
    const [detail] = error['errors'] as { code: number; error: string }[];
    expect(detail?.code).to.equal(1002);
    expect(detail?.error).to.match(/^Invalid value of sum: /);
    expect(draft.data['comment']).to.equal('Leave at the door');
    expect(draft.version).to.equal(0);
    for (const field of ['constructor', 'toString', '__proto__']) {
      const inherited = await post(widget, {
        name: 'UpdateRequest',
        updateState: JSON.parse(`{"${field}": "x"}`) as Message,
      });
      const refusal = await nextMessage(
        widget,
        named('InvalidMessageError', (m) => m['correlationId'] === inherited),
        `1002 for ${field}`,
      );
      const [first] = refusal['errors'] as { code: number; error: string }[];
      expect(first?.code, field).to.equal(1002);
      expect(first?.error, field).to.not.contain('function');
    }
    expect(draft.version).to.equal(0);
  });

  it('answers 1005 when the installation withholds entity:write, and 1006 when the host fails', async () => {
    const readOnly = await mount(orderWidget(FULL), '42', {
      grants: { permissions: ['entity:read', 'dialogs'] },
    });
    await opened(readOnly.widget);
    const denied = await post(readOnly.widget, {
      name: 'UpdateRequest',
      updateState: { description: 'x' },
    });
    const error = await nextMessage(
      readOnly.widget,
      named('InvalidMessageError', (m) => m['correlationId'] === denied),
      '1005',
    );
    expect((error['errors'] as { code: number }[])[0]?.code).to.equal(1005);
    cleanUp();
    const failing = await mount(orderWidget(FULL), '42', {
      apply: () => {
        throw new Error('the order service is down');
      },
    });
    await opened(failing.widget);
    const broken = await post(failing.widget, {
      name: 'UpdateRequest',
      updateState: { description: 'x' },
    });
    const hostError = await nextMessage(
      failing.widget,
      named('InvalidMessageError', (m) => m['correlationId'] === broken),
      '1006',
    );
    expect((hostError['errors'] as { code: number }[])[0]?.code).to.equal(1006);
    // The host's internals stay in the host.
    expect(JSON.stringify(hostError)).to.not.contain('the order service is down');
  });

  it('opens the good-folder selector, answers 1003 to a parallel request, and selected:false when cancelled', async () => {
    const { widget } = await mount();
    await opened(widget);
    const id = await post(widget, { name: 'SelectGoodFolderRequest' });
    const picker = await dialogsOpen(1);
    const parallel = await post(widget, { name: 'SelectGoodFolderRequest' });
    const error = await nextMessage(
      widget,
      named('InvalidMessageError', (m) => m['correlationId'] === parallel),
      '1003',
    );
    expect((error['errors'] as { code: number }[])[0]?.code).to.equal(1003);
    const body = picker?.firstElementChild;
    await waitFor(
      () => (body?.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0) === 2,
      'the folders',
    );
    (body?.shadowRoot?.querySelector('[role="option"]') as HTMLElement).click();
    const answer = await nextMessage(widget, named('SelectGoodFolderResponse'), 'the answer');
    expect(answer).to.deep.include({ correlationId: id, selected: true, goodFolderId: 'f1' });
    await dialogsOpen(0);
    const again = await post(widget, { name: 'SelectGoodFolderRequest' });
    const second = await dialogsOpen(1);
    second?.dialog?.dispatchEvent(new Event('cancel', { cancelable: true }));
    const cancelled = await nextMessage(
      widget,
      named('SelectGoodFolderResponse', (m) => m['correlationId'] === again),
      'cancelled',
    );
    expect(cancelled['selected']).to.equal(false);
  });

  it('shows a standard dialog with the widget’s buttons, escaped, and says which was pressed or closedByUser', async () => {
    const { widget } = await mount();
    await opened(widget);
    const id = await post(widget, {
      name: 'ShowDialogRequest',
      dialogText: 'Award <b>10</b> points?',
      buttons: [
        { name: 'yes', caption: 'Award' },
        { name: 'no', caption: 'Not now' },
      ],
    });
    const dialog = await dialogsOpen(1);
    expect(dialog?.firstElementChild?.shadowRoot?.textContent).to.contain(
      'Award <b>10</b> points?',
    );
    buttonIn(dialog, 'Award').click();
    const answer = await nextMessage(widget, named('ShowDialogResponse'), 'the answer');
    expect(answer).to.deep.include({
      correlationId: id,
      dialogResolution: 'normal',
      buttonName: 'yes',
    });
    await dialogsOpen(0);
    const again = await post(widget, { name: 'ShowDialogRequest', dialogText: 'Sure?' });
    const second = await dialogsOpen(1);
    second?.dialog?.dispatchEvent(new Event('cancel', { cancelable: true }));
    const closed = await nextMessage(
      widget,
      named('ShowDialogResponse', (m) => m['correlationId'] === again),
      'closedByUser',
    );
    expect(closed['dialogResolution']).to.equal('closedByUser');
    expect(closed).to.not.have.property('buttonName');
  });

  it('answers NavigateRequest before navigating, and 1002 for a page the host has not', async () => {
    const { widget, navigated } = await mount();
    await opened(widget);
    const id = await post(widget, {
      name: 'NavigateRequest',
      path: '#customerorder',
      target: 'self',
    });
    const answer = await nextMessage(widget, named('NavigateResponse'), 'NavigateResponse');
    expect(answer['correlationId']).to.equal(id);
    await waitFor(() => navigated.includes('/orders'), 'the navigation');
    const nowhere = await post(widget, { name: 'NavigateRequest', path: '#nowhere' });
    const error = await nextMessage(
      widget,
      named('InvalidMessageError', (m) => m['correlationId'] === nowhere),
      '1002',
    );
    expect((error['errors'] as { code: number }[])[0]?.code).to.equal(1002);
  });

  it('opens a popup with its parameters (OpenPopup) and returns its response, or closedByUser; 1002 for an unknown popup', async () => {
    const { widget } = await mount();
    await opened(widget);
    let iframe: HTMLIFrameElement | null = null;
    const ready = fixtureReady(() => iframe?.contentWindow ?? null);
    const id = await post(widget, {
      name: 'ShowPopupRequest',
      popupName: 'bonusPopup',
      popupParameters: { points: 10 },
    });
    await dialogsOpen(1);
    await waitFor(
      () => (iframe = openDialogs()[0]?.querySelector('iframe') ?? null) !== null,
      'the popup iframe',
    );
    await ready;
    const popup = driveFixture(iframe as unknown as HTMLIFrameElement);
    const popupOpen = await nextMessage(popup, named('OpenPopup'), 'OpenPopup');
    expect(popupOpen).to.deep.include({ popupName: 'bonusPopup', popupParameters: { points: 10 } });
    expect(popupOpen['messageId']).to.be.a('number');
    await popup.value('post', { message: { name: 'ClosePopup', popupResponse: { awarded: 10 } } });
    const answer = await nextMessage(widget, named('ShowPopupResponse'), 'ShowPopupResponse');
    expect(answer).to.deep.include({
      correlationId: id,
      popupName: 'bonusPopup',
      popupResolution: 'normal',
      popupResponse: { awarded: 10 },
    });
    await dialogsOpen(0);
    const again = await post(widget, { name: 'ShowPopupRequest', popupName: 'bonusPopup' });
    const second = await dialogsOpen(1);
    second?.dialog?.dispatchEvent(new Event('cancel', { cancelable: true }));
    const closed = await nextMessage(
      widget,
      named('ShowPopupResponse', (m) => m['correlationId'] === again),
      'closedByUser',
    );
    expect(closed['popupResolution']).to.equal('closedByUser');
    const unknown = await post(widget, { name: 'ShowPopupRequest', popupName: 'nope' });
    const error = await nextMessage(
      widget,
      named('InvalidMessageError', (m) => m['correlationId'] === unknown),
      '1002',
    );
    expect((error['errors'] as { error: string }[])[0]?.error).to.contain(
      "popup with name = 'nope' not found",
    );
  });

  it('answers UserContextRequest with a token, takes {height}, and hears nothing from another window', async () => {
    const { widget, host, slot } = await mount(orderWidget(FULL, USES, '120px'));
    await opened(widget);
    const id = await post(widget, { name: 'UserContextRequest' });
    const answer = await nextMessage(widget, named('UserContextResponse'), 'UserContextResponse');
    expect(answer).to.deep.include({ correlationId: id, token: 'aGVhZGVy.Ym9keQ.c2ln' });
    await widget.value('post', { message: { height: 300 }, noId: true });
    // A fixed height: the widget's own report is clamped to it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(Object.values(host.store.getState().widgets)[0]?.height).to.equal(120);
    // The host page itself posting a SetDirty as if it were the widget: ignored.
    window.postMessage({ name: 'SetDirty', messageId: 1, openMessageId: 1 }, '*');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(Object.values(host.store.getState().widgets)[0]?.dirty).to.equal(false);
    expect(framesOf(slot).length).to.equal(1);
  });

  it('shows a create page’s widget (Open with objectId null); after the first save, the edit widget in an iframe of its own', async () => {
    const { draft, slot, widget } = await mount(
      orderWidget(
        '<change-handler><validation-feedback/></change-handler>',
        '',
        '80px',
        'document.customerorder.create',
      ) + orderWidget('<save-handler/>'),
      null,
    );
    expect(framesOf(slot).length).to.equal(1);
    const open = await nextMessage(widget, named('Open'), 'Open');
    expect(open).to.deep.include({
      extensionPoint: 'document.customerorder.create',
      objectId: null,
    });
    const createIframe = framesOf(slot)[0]?.querySelector('iframe');
    const report = await draft.save();
    expect(report.saved).to.equal(true);
    const edit = await commandedFixture(slot);
    const reopened = await nextMessage(edit, named('Open'), 'the edit widget’s Open');
    expect(reopened).to.deep.include({
      extensionPoint: 'document.customerorder.edit',
      objectId: '43',
    });
    expect(framesOf(slot).length).to.equal(1);
    expect(framesOf(slot)[0]?.querySelector('iframe')).to.not.equal(createIframe);
  });
});
