// MoySklad fidelity: a vendor's page built on MoySklad's SDK (the fixture
// moysklad-sdk-widget.html uses only its documented surface), on another
// origin, must not notice it is not in MoySklad. One test or more for each
// documented behaviour the adapter once got wrong: the load URL's context
// key, the sandbox, the loader until OpenFeedback, a save with no edits,
// read-only documents, dialog limits and per-widget services, navigation,
// popups' parameters, user-context tokens, failures and the debug log, and
// MoySklad's points mapped to the host's.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import {
  createHost,
  type Host,
  type HostDraft,
  type HostPanelSlotElement,
  type HostWidgetFrameElement,
} from '@plugboard/host-runtime';
import {
  installMoySkladApp,
  MOYSKLAD_WIDGET_POINTS,
  moySkladKeys,
  moySkladPointsOf,
  type MoySkladInstallOptions,
} from '@plugboard/host-runtime/moysklad';
import type { TrafficEntry } from '@plugboard/widget-sdk';
import { buttonIn, dialogsOpen, openDialogs } from '../support/dialogs.js';
import { waitFor } from '../support/fixture-events.js';
import { firstMessage, named, type Message } from '../support/moysklad-messages.js';
import { driveFixture, fixtureReady, type FixtureWidget } from '../support/fixture-widget.js';
import {
  addSlot,
  cleanUp,
  cleanups,
  commandedFixture,
  frameWithStatus,
  framesOf,
  setup,
} from '../support/host-page.js';
import { fixtureOrigin } from '../support/origins.js';

const PAGE = `${fixtureOrigin}/test/fixtures/moysklad-sdk-widget.html`;
const NS = 'https://apps-api.moysklad.ru/xml/ns/appstore/app/v2';
const FULL =
  '<open-feedback/><save-handler/><dirty-state/><update-provider/><change-handler><validation-feedback/></change-handler>';
const USES = '<good-folder-selector/><standard-dialogs/><navigation-service/><user-context/>';

interface WidgetSpec {
  readonly point?: string;
  readonly supports?: string;
  readonly uses?: string;
  readonly contextKey?: boolean;
  readonly url?: string;
}

const widgetXml = ({
  point = 'document.customerorder.edit',
  supports = FULL,
  uses = USES,
  contextKey = false,
  url = PAGE,
}: WidgetSpec) =>
  `<${point}${contextKey ? '' : ' useContextKey="false"'}><sourceUrl>${url.replaceAll('&', '&amp;')}</sourceUrl>
   <height><fixed>150px</fixed></height><supports>${supports}</supports><uses>${uses}</uses></${point}>`;

const descriptor = (widgets: string, popupUses = '', popupKey = false, popups = true) =>
  `<ServerApplication xmlns="${NS}"><widgets>${widgets}</widgets>${
    popups
      ? `<popups><popup${popupKey ? '' : ' useContextKey="false"'}><name>bonusPopup</name><sourceUrl>${PAGE}?popup</sourceUrl><uses>${popupUses}</uses></popup></popups>`
      : ''
  }</ServerApplication>`;

const base: Omit<MoySkladInstallOptions, 'points'> = {
  id: 'loyalty',
  name: 'Loyalty points',
  vendor: { name: 'Loyal Co', url: 'https://loyal.example', email: 'help@loyal.example' },
  origin: fixtureOrigin,
  writes: { customerorder: ['comment'] },
  fields: { description: 'comment' },
  route: (path) => (path === '#customerorder' ? '/orders' : undefined),
};

interface Mounted {
  host: Host;
  root: HTMLElement;
  slot: HostPanelSlotElement;
  draft: HostDraft;
  widget: FixtureWidget;
}

async function mount(
  widgets: string,
  more: {
    install?: Partial<MoySkladInstallOptions>;
    host?: Parameters<typeof setup>[0];
    readOnly?: boolean;
    popupUses?: string;
    popupKey?: boolean;
  } = {},
): Promise<Mounted> {
  const { host, root } = setup({
    selectors: {
      goodFolder: { title: 'Good folders', search: () => [{ id: 'f1', name: 'Drinks' }] },
    },
    navigate: () => true,
    ...more.host,
  });
  installMoySkladApp(host, descriptor(widgets, more.popupUses, more.popupKey), {
    ...base,
    points: { 'document.customerorder.edit': 'customerorder.card' },
    ...more.install,
  });
  const draft = host.openDraft({
    type: 'customerorder',
    id: '42',
    data: { comment: 'Leave at the door', total: 100 },
    ...(more.readOnly ? { readOnly: true } : {}),
    persist: ({ data }) => Promise.resolve({ id: '42', data }),
  });
  cleanups.push(() => {
    draft.close();
  });
  const slot = addSlot(root, 'customerorder.card', '42');
  slot.draft = draft;
  const widget = await commandedFixture(slot);
  return { host, root, slot, draft, widget };
}

/** Calls an SDK method in the page: its result, or a handle to its promise. */
const sdk = (widget: FixtureWidget, method: string, ...args: unknown[]) =>
  widget.value<{ handle: number } | Message | null>('sdk', { method, args });

type Outcome =
  | { state: 'pending' }
  | { state: 'fulfilled'; value: Message }
  | { state: 'rejected'; error: { name: string; message: string; details: { code: number }[] } };

/** Calls an SDK method that returns a promise, and waits until it settles. */
async function settled(
  widget: FixtureWidget,
  method: string,
  ...args: unknown[]
): Promise<Outcome> {
  const { handle } = (await sdk(widget, method, ...args)) as { handle: number };
  let outcome: Outcome = { state: 'pending' };
  await waitFor(
    async () => (outcome = await widget.value<Outcome>('settled', { handle })).state !== 'pending',
    `${method} to settle`,
  );
  return outcome;
}

const codeOf = (outcome: Outcome) =>
  outcome.state === 'rejected' ? outcome.error.details[0]?.code : undefined;

const heard = (widget: FixtureWidget) => widget.value<Message[]>('heard');

const heardOne = (widget: FixtureWidget, match: (m: Message) => boolean, what: string) =>
  firstMessage(() => heard(widget), match, what);

/** Opens the app's popup from `widget`, and drives the popup's page. */
async function openPopup(widget: FixtureWidget, ...params: unknown[]) {
  let iframe: HTMLIFrameElement | null = null;
  const ready = fixtureReady(() => iframe?.contentWindow ?? null);
  const { handle } = (await sdk(widget, 'showPopup', 'bonusPopup', ...params)) as {
    handle: number;
  };
  await dialogsOpen(1);
  await waitFor(
    () => (iframe = openDialogs()[0]?.querySelector('iframe') ?? null) !== null,
    'the popup iframe',
  );
  await ready;
  const popup = driveFixture(iframe as unknown as HTMLIFrameElement);
  const answer = async () => {
    let outcome: Outcome = { state: 'pending' };
    await waitFor(
      async () =>
        (outcome = await widget.value<Outcome>('settled', { handle })).state !== 'pending',
      'ShowPopupResponse',
    );
    return outcome;
  };
  return { popup, iframe: iframe as unknown as HTMLIFrameElement, answer };
}

/** Shows another order in the card, as the host's card does: its draft, then its id. */
function showOrder(host: Host, slot: HostPanelSlotElement, id: string): void {
  const draft = host.openDraft({
    type: 'customerorder',
    id,
    data: {},
    persist: ({ data }) => Promise.resolve({ id, data }),
  });
  cleanups.push(() => {
    draft.close();
  });
  slot.draft = draft;
  slot.entityId = id;
}

const iframeOf = (slot: HostPanelSlotElement) =>
  framesOf(slot)[0]?.querySelector('iframe') as HTMLIFrameElement;

describe('MoySklad fidelity', () => {
  afterEach(() => {
    cleanUp();
    for (const dialog of openDialogs()) dialog.remove();
  });

  describe('loading a widget (1.1, 2.6, 3, 6)', () => {
    it('loads sourceUrl?contextKey=…&appUid=…&appId=…&userLocale=… on a fresh load only; a reused widget gets Open, no new key', async () => {
      const minted: { widgetId: string; popup: boolean }[] = [];
      const { host, slot, widget } = await mount(widgetXml({ contextKey: true }), {
        install: {
          appUid: 'loyalty.loyalco',
          contextKey: (request) => {
            minted.push({ widgetId: request.widgetId, popup: request.popup });
            expect(request).to.deep.include({ appId: 'loyalty', appUid: 'loyalty.loyalco' });
            return `key-${minted.length}`;
          },
        },
        host: { locale: 'ru-RU' },
      });
      const url = new URL(await widget.value<string>('page'));
      expect(url.origin + url.pathname).to.equal(PAGE);
      expect(Object.fromEntries(url.searchParams)).to.deep.equal({
        contextKey: 'key-1',
        appUid: 'loyalty.loyalco',
        appId: 'loyalty',
        userLocale: 'ru_RU',
      });
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      showOrder(host, slot, '43');
      await heardOne(
        widget,
        named('Open', (m) => m['objectId'] === '43'),
        'Open for 43',
      );
      expect(minted).to.have.length(1);
      expect(new URL(await widget.value<string>('page')).searchParams.get('contextKey')).to.equal(
        'key-1',
      );
    });

    it('gives popups a key of their own unless useContextKey="false", and en_US for other locales', async () => {
      const minted: { widgetId: string; popup: boolean }[] = [];
      const { widget } = await mount(widgetXml({ contextKey: false }), {
        install: {
          contextKey: (request) => {
            minted.push({ widgetId: request.widgetId, popup: request.popup });
            return 'popup-key';
          },
        },
        popupKey: true,
      });
      // The widget said useContextKey="false": no key, no parameters.
      expect(new URL(await widget.value<string>('page')).search).to.equal('');
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      const { popup } = await openPopup(widget, { points: 1 });
      const url = new URL(await popup.value<string>('page'));
      expect(url.searchParams.get('contextKey')).to.equal('popup-key');
      expect(url.searchParams.get('userLocale')).to.equal('en_US');
      expect(url.search.startsWith('?popup&')).to.equal(true);
      expect(minted).to.deep.equal([{ widgetId: 'bonuspopup', popup: true }]);
    });

    it('fails the load with the reason when the host cannot issue a key', async () => {
      const { host, root } = setup();
      installMoySkladApp(host, descriptor(widgetXml({ contextKey: true })), {
        ...base,
        points: { 'document.customerorder.edit': 'customerorder.card' },
        contextKey: () => Promise.reject(new Error('The session has expired.')),
      });
      const slot = addSlot(root, 'customerorder.card', '42');
      const frame = await frameWithStatus(slot, 'error');
      expect(frame.errorMessage).to.contain('The session has expired.');
      expect(frame.querySelector('iframe')).to.equal(null);
    });

    it('sandboxes widgets and popups as MoySklad does: allow-modals, and the clipboard', async () => {
      const { slot, widget } = await mount(widgetXml({}));
      const expected = [
        'allow-downloads',
        'allow-forms',
        'allow-modals',
        'allow-popups',
        'allow-same-origin',
        'allow-scripts',
      ];
      const tokens = (iframe: HTMLIFrameElement) =>
        (iframe.getAttribute('sandbox') ?? '').split(/\s+/).sort();
      expect(tokens(iframeOf(slot))).to.deep.equal(expected);
      expect(iframeOf(slot).allow).to.equal('clipboard-read; clipboard-write');
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      const { iframe } = await openPopup(widget);
      expect(tokens(iframe)).to.deep.equal(expected);
      expect(iframe.allow).to.equal('clipboard-read; clipboard-write');
    });
  });

  describe('moySkladKeys: the host backend’s context keys and user-context tokens (3)', () => {
    it('exchanges a key once, for its own app, within its lifetime', () => {
      let now = 1_000;
      const keys = moySkladKeys<{ user: string }>({ lifetimeMs: 300_000, now: () => now });
      const key = keys.mint('loyalty.loyalco', { user: 'u-1' });
      expect(key).to.match(/^[\w-]{43}$/);
      expect(keys.mint('loyalty.loyalco', { user: 'u-1' })).to.not.equal(key);
      expect(keys.exchange(key, 'other.vendor')).to.deep.equal({ ok: false, status: 403 });
      expect(keys.exchange(key, 'loyalty.loyalco')).to.deep.equal({
        ok: true,
        context: { user: 'u-1' },
      });
      expect(keys.exchange(key, 'loyalty.loyalco')).to.deep.equal({ ok: false, status: 404 });
      const late = keys.mint('loyalty.loyalco', { user: 'u-1' });
      now += 300_000;
      expect(keys.exchange(late, 'loyalty.loyalco')).to.deep.equal({ ok: false, status: 404 });
      const tokens = moySkladKeys({ lifetimeMs: 60_000, otherApp: 404 });
      expect(tokens.exchange(tokens.mint('a', 1), 'b')).to.deep.equal({ ok: false, status: 404 });
      expect(keys.exchange('never-minted', 'loyalty.loyalco')).to.deep.equal({
        ok: false,
        status: 404,
      });
    });
  });

  describe('the loader (2.2, 2.4, 2.6)', () => {
    it('shows an open-feedback widget as loading from Open to its OpenFeedback, on the first load and on every reuse', async () => {
      const { host, slot, widget } = await mount(widgetXml({}));
      const open = await heardOne(widget, named('Open'), 'Open');
      const frame = framesOf(slot)[0] as HostWidgetFrameElement;
      // Open has arrived; without OpenFeedback the loader stays.
      expect(frame.status).to.not.equal('ready');
      expect(frame.shadowRoot?.querySelector('[role="status"]')).to.not.equal(null);
      await sdk(widget, 'openFeedback', open['messageId']);
      await frameWithStatus(slot, 'ready');
      expect(frame.hasAttribute('busy')).to.equal(false);
      showOrder(host, slot, '43');
      const reopened = await heardOne(
        widget,
        named('Open', (m) => m['objectId'] === '43'),
        'reuse',
      );
      await waitFor(() => frame.hasAttribute('busy'), 'the loader over the reused widget');
      expect(frame.shadowRoot?.querySelector('[role="status"]')?.textContent).to.contain(
        'Loyalty points',
      );
      // Feedback to the first Open is stale: 1002, and the loader stays.
      await sdk(widget, 'openFeedback', open['messageId']);
      const stale = await heardOne(widget, named('InvalidMessageError'), '1002');
      expect((stale['errors'] as { code: number }[])[0]?.code).to.equal(1002);
      expect(frame.hasAttribute('busy')).to.equal(true);
      await sdk(widget, 'openFeedback', reopened['messageId']);
      await waitFor(() => !frame.hasAttribute('busy'), 'the loader gone');
      expect(frame.status).to.equal('ready');
    });

    it('shows a widget without open-feedback as ready when Open is sent; its OpenFeedback is 1004', async () => {
      const { slot, widget } = await mount(widgetXml({ supports: '<save-handler/>' }));
      await heardOne(widget, named('Open'), 'Open');
      await frameWithStatus(slot, 'ready');
      const sent = await sdk(widget, 'openFeedback');
      expect(sent).to.include({ name: 'OpenFeedback' });
      const error = await heardOne(widget, named('InvalidMessageError'), '1004');
      expect((error['errors'] as { code: number }[])[0]?.code).to.equal(1004);
    });
  });

  describe('save and validation (2.4, 2.5)', () => {
    it('asks no validator when a save has no unsaved changes, even with a stale invalid verdict', async () => {
      const { draft, widget } = await mount(widgetXml({}));
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      draft.change({ comment: 'Ring twice' });
      await heardOne(widget, named('Change'), 'Change');
      const saving = draft.save();
      await sdk(widget, 'validationFeedback', true);
      expect((await saving).saved).to.equal(true);
      // A later answer to the same Change overrides the verdict…
      await sdk(widget, 'validationFeedback', false, 'Checking…');
      // …but a save with nothing unsaved asks nobody, and still tells the widget.
      const again = await draft.save();
      expect(again.saved).to.equal(true);
      expect(again.validation).to.deep.equal([]);
      await waitFor(
        async () => (await heard(widget)).filter(named('Save')).length === 2,
        'a second Save',
      );
      // With an edit, the verdict counts again.
      draft.change({ comment: 'Knock' });
      await heardOne(
        widget,
        named('Change', (m) => (m['objectState'] as Message)['description'] === 'Knock'),
        'the second Change',
      );
      const blocked = draft.save();
      await sdk(widget, 'validationFeedback', false, 'No knocking');
      expect((await blocked).blockedBy[0]?.message).to.equal('No knocking');
    });
  });

  describe('read-only documents (4)', () => {
    it('answers UpdateRequest with 1005 on a document the user may not edit, whatever the app may write', async () => {
      for (const grants of [undefined, { permissions: ['entity:read', 'dialogs'] }]) {
        const { draft, widget } = await mount(widgetXml({}), {
          readOnly: true,
          ...(grants ? { install: { grants } } : {}),
        });
        await heardOne(widget, named('Open'), 'Open');
        await sdk(widget, 'openFeedback');
        const outcome = await settled(widget, 'update', { description: 'From the widget' });
        expect(outcome.state).to.equal('rejected');
        expect(codeOf(outcome)).to.equal(1005);
        expect(outcome.state === 'rejected' && outcome.error.message).to.equal(
          'Document is read-only for the user',
        );
        expect(draft.data['comment']).to.equal('Leave at the door');
        cleanUp();
      }
    });

    it('still lets the widget update an editable document, and 1002 names a field it may not write', async () => {
      const { draft, widget } = await mount(widgetXml({}));
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      const outcome = await settled(widget, 'update', { description: 'From the widget' });
      expect(outcome.state).to.equal('fulfilled');
      expect(draft.data['comment']).to.equal('From the widget');
      expect(codeOf(await settled(widget, 'update', { total: 1 }))).to.equal(1002);
    });
  });

  describe('dialogs and per-widget services (1.1, 5, 6)', () => {
    it('takes a dialogText of 4096 characters and captions of 100; one more is 1002', async () => {
      const { widget } = await mount(widgetXml({}));
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      const text = `${'x'.repeat(4_095)}!`;
      const caption = `${'c'.repeat(99)}!`;
      const { handle } = (await sdk(widget, 'showDialog', text, [
        { name: 'long', caption },
        { name: 'no', caption: 'No' },
      ])) as { handle: number };
      const dialog = await dialogsOpen(1);
      expect(dialog?.firstElementChild?.shadowRoot?.textContent).to.contain(text);
      buttonIn(dialog, caption).click();
      await waitFor(
        async () => (await widget.value<Outcome>('settled', { handle })).state === 'fulfilled',
        'ShowDialogResponse',
      );
      const answer = (await widget.value<Outcome & { value: Message }>('settled', { handle }))
        .value;
      expect(answer).to.deep.include({ dialogResolution: 'normal', buttonName: 'long' });
      await dialogsOpen(0);
      expect(codeOf(await settled(widget, 'showDialog', `${text}?`))).to.equal(1002);
      expect(
        codeOf(
          await settled(widget, 'showDialog', 'Sure?', [{ name: 'x', caption: `${caption}?` }]),
        ),
      ).to.equal(1002);
      expect(codeOf(await settled(widget, 'showDialog', 'Sure?', [{ name: 'x' }]))).to.equal(1002);
      expect(openDialogs()).to.have.length(0);
    });

    it('grants `uses` services per widget: a widget of the app that does not declare one gets 1004 for it', async () => {
      const { root, widget } = await mount(
        widgetXml({ uses: '' }) +
          widgetXml({ point: 'entity.counterparty.edit', supports: '<open-feedback/>' }),
        {
          install: {
            points: {
              'document.customerorder.edit': 'customerorder.card',
              'entity.counterparty.edit': 'counterparty.card',
            },
            userContext: () => 'token',
          },
        },
      );
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      for (const [method, args] of [
        ['showDialog', ['Sure?']],
        ['selectGoodFolder', []],
        ['navigateTo', ['#customerorder', 'blank']],
        ['requestUserContextToken', []],
      ] as const) {
        const outcome = await settled(widget, method, ...args);
        expect(codeOf(outcome), method).to.equal(1004);
      }
      expect(openDialogs()).to.have.length(0);
      // The app's other widget declares them all, and gets them.
      const card = addSlot(root, 'counterparty.card', 'c-1');
      const other = await commandedFixture(card);
      await heardOne(other, named('Open'), 'Open');
      await sdk(other, 'openFeedback');
      const token = await settled(other, 'requestUserContextToken');
      expect(token).to.deep.equal({ state: 'fulfilled', value: 'token' });
    });

    it('gives a popup the services of its own `uses`', async () => {
      const { widget } = await mount(widgetXml({}), { popupUses: '<standard-dialogs/>' });
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      const { popup } = await openPopup(widget);
      await heardOne(popup, named('OpenPopup'), 'OpenPopup');
      expect(codeOf(await settled(popup, 'navigateTo', '#customerorder', 'blank'))).to.equal(1004);
      await sdk(popup, 'showDialog', 'From the popup');
      await dialogsOpen(2);
    });
  });

  describe('navigation (5)', () => {
    it('sends NavigateResponse before navigating, and the page gets it even when the navigation removes its frame', async () => {
      const key = `navigate-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const navigated: { path: string; newTab: boolean }[] = [];
      const card: { slot?: HostPanelSlotElement } = {};
      const mounted = await mount(widgetXml({ url: `${PAGE}?beacon=${key}` }), {
        host: {
          navigate: (path, { newTab }) => {
            navigated.push({ path, newTab });
            // The router shows the orders list: the card, and the widget's frame, go.
            if (!newTab) card.slot?.remove();
            return true;
          },
        },
      });
      const { widget, slot } = mounted;
      card.slot = slot;
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      const blank = await settled(widget, 'navigateTo', '#customerorder');
      expect(blank.state).to.equal('fulfilled');
      await waitFor(() => navigated.length === 1, 'the new tab');
      expect(navigated[0]).to.deep.equal({ path: '/orders', newTab: true });
      const { handle } = (await sdk(widget, 'navigateTo', '#customerorder', 'self')) as {
        handle: number;
      };
      await waitFor(() => navigated.length === 2, 'the navigation');
      expect(navigated[1]).to.deep.equal({ path: '/orders', newTab: false });
      expect(slot.isConnected).to.equal(false);
      // The page reported, with a beacon that outlives it, that its promise settled.
      const seen = async () =>
        (await (await fetch(`/test/marked?key=${key}-${handle}`)).json()) as boolean;
      await waitFor(seen, 'the page to have had its NavigateResponse');
    });

    it('answers a target other than self or blank with 1002, and does not navigate', async () => {
      const navigated: string[] = [];
      const { widget } = await mount(widgetXml({}), {
        host: {
          navigate: (path) => {
            navigated.push(path);
            return true;
          },
        },
      });
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      for (const target of ['top', '_self', '', 1]) {
        const outcome = await settled(widget, 'navigateTo', '#customerorder', target);
        expect(codeOf(outcome), String(target)).to.equal(1002);
        expect(outcome.state === 'rejected' && outcome.error.message).to.contain('target');
      }
      expect(navigated).to.deep.equal([]);
    });
  });

  describe('popups (1.3, 5)', () => {
    it('round-trips null, string, array and object parameters and responses; none stays none', async () => {
      const { widget } = await mount(widgetXml({}));
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      const cases: [unknown[], unknown[]][] = [
        [[null], [null]],
        [['points'], ['done']],
        [[[1, 'two', null]], [[3]]],
        [[{ points: 10 }], [{ redeemed: 5 }]],
        [[], []],
      ];
      for (const [params, response] of cases) {
        const { popup, answer } = await openPopup(widget, ...params);
        const opened = await heardOne(popup, named('OpenPopup'), 'OpenPopup');
        expect(opened['popupName']).to.equal('bonusPopup');
        if (params.length === 0) expect(opened).to.not.have.property('popupParameters');
        else expect(opened['popupParameters']).to.deep.equal(params[0]);
        await sdk(popup, 'closePopup', ...response);
        const outcome = await answer();
        expect(outcome.state).to.equal('fulfilled');
        const value = (outcome as unknown as { value: Message }).value;
        expect(value).to.deep.include({ popupName: 'bonusPopup', popupResolution: 'normal' });
        if (response.length === 0) expect(value).to.not.have.property('popupResponse');
        else expect(value['popupResponse']).to.deep.equal(response[0]);
        await dialogsOpen(0);
      }
    });

    it('closes a popup on Escape: the focus stays on its dialog, which MoySklad pages cannot pass Escape from', async () => {
      const { widget } = await mount(widgetXml({}));
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      const { popup, answer, iframe } = await openPopup(widget);
      await heardOne(popup, named('OpenPopup'), 'OpenPopup');
      const dialog = openDialogs()[0];
      expect(
        dialog?.contains(document.activeElement) || dialog === document.activeElement,
      ).to.equal(true);
      expect(document.activeElement).to.not.equal(iframe);
      await sendKeys({ press: 'Escape' });
      const outcome = await answer();
      expect((outcome as unknown as { value: Message }).value).to.deep.include({
        popupResolution: 'closedByUser',
      });
    });
  });

  describe('user context (3)', () => {
    it('answers each UserContextRequest with a fresh token from the host, never a cached one', async () => {
      const asked: string[] = [];
      const { widget } = await mount(widgetXml({}), {
        install: {
          userContext: (request) => {
            asked.push(request.widgetId);
            return `token-${asked.length}`;
          },
        },
      });
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      const first = await settled(widget, 'requestUserContextToken');
      const second = await settled(widget, 'requestUserContextToken');
      expect(first).to.deep.equal({ state: 'fulfilled', value: 'token-1' });
      expect(second).to.deep.equal({ state: 'fulfilled', value: 'token-2' });
      expect(asked).to.deep.equal(['document-customerorder-edit', 'document-customerorder-edit']);
    });

    it('answers 1006 when the host issues no tokens or fails to', async () => {
      const { widget } = await mount(widgetXml({}));
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      expect(codeOf(await settled(widget, 'requestUserContextToken'))).to.equal(1006);
      cleanUp();
      const failing = await mount(widgetXml({}), {
        install: { userContext: () => Promise.reject(new Error('backend down')) },
      });
      await heardOne(failing.widget, named('Open'), 'Open');
      await sdk(failing.widget, 'openFeedback');
      const outcome = await settled(failing.widget, 'requestUserContextToken');
      expect(codeOf(outcome)).to.equal(1006);
      expect(JSON.stringify(outcome)).to.not.contain('backend down');
    });
  });

  describe('failures a host team reported (9)', () => {
    it('says "Nothing answered at …" with Retry for a widget whose page fails to load, with or without open-feedback', async () => {
      // A port nothing listens on: the page cannot load.
      const dead = 'http://127.0.0.1:9/widget.html';
      for (const supports of [FULL, '<save-handler/>']) {
        const { host, root } = setup();
        installMoySkladApp(host, descriptor(widgetXml({ url: dead, supports }), '', false, false), {
          ...base,
          origin: 'http://127.0.0.1:9',
          points: { 'document.customerorder.edit': 'customerorder.card' },
        });
        const slot = addSlot(root, 'customerorder.card', '42');
        const frame = await frameWithStatus(slot, 'error');
        expect(frame.errorMessage).to.contain(`Nothing answered at ${dead}`);
        expect(frame.shadowRoot?.querySelector('button')?.textContent).to.equal('Retry');
        cleanUp();
      }
    });

    it('logs MoySklad widgets’ messages, both ways, to the host’s debug log', async () => {
      const entries: TrafficEntry[] = [];
      const { widget, draft } = await mount(widgetXml({}), {
        host: { debug: (entry) => entries.push(entry) },
      });
      await heardOne(widget, named('Open'), 'Open');
      await sdk(widget, 'openFeedback');
      draft.change({ comment: 'x' });
      await heardOne(widget, named('Change'), 'Change');
      await settled(widget, 'update', { description: 'y' });
      await settled(widget, 'navigateTo', '#nowhere', 'blank');
      await waitFor(() => entries.some((e) => e.method === 'NavigateRequest'), 'the log');
      const summary = entries.map((e) => `${e.direction} ${e.method} ${e.outcome}`);
      expect(summary).to.include.members([
        'host→widget Open ok',
        'widget→host OpenFeedback ok',
        'host→widget Change ok',
        'widget→host UpdateRequest ok',
        'widget→host NavigateRequest invalid_params',
      ]);
      const update = entries.find((e) => e.method === 'UpdateRequest');
      expect(update?.instanceId).to.be.a('string');
      expect(update?.params).to.deep.include({ updateState: { description: 'y' } });
    });
  });

  describe('entities beyond orders and counterparties (1.1, 10)', () => {
    it('lists MoySklad’s 42 widget points and maps each to the host’s X.card panel where there is one', () => {
      expect(MOYSKLAD_WIDGET_POINTS).to.have.length(42);
      expect(new Set(MOYSKLAD_WIDGET_POINTS).size).to.equal(42);
      const host = createHost({
        user: { id: 'u-1', name: 'Ada' },
        extensionPoints: [
          { id: 'customerorder.card', kind: 'panel', entity: 'customerorder', title: 'Order' },
          { id: 'product.card', kind: 'panel', entity: 'product', title: 'Goods' },
          { id: 'demand.card', kind: 'panel', entity: 'demand', title: 'Shipment' },
          { id: 'counterparty.card', kind: 'column', entity: 'counterparty', title: 'Not a card' },
        ],
      });
      expect(moySkladPointsOf(host)).to.deep.equal({
        'entity.product.edit': 'product.card',
        'document.customerorder.create': 'customerorder.card',
        'document.demand.create': 'demand.card',
        'document.customerorder.edit': 'customerorder.card',
        'document.demand.edit': 'demand.card',
      });
    });

    it('shows a goods card’s widget (entity.product.edit) with Open for the product, by the default mapping', async () => {
      const { host, root } = setup({
        extensionPoints: [
          { id: 'product.card', kind: 'panel', entity: 'product', title: 'Goods card' },
        ],
      });
      installMoySkladApp(
        host,
        descriptor(
          widgetXml({ point: 'entity.product.edit', supports: '<open-feedback/>', uses: '' }),
        ),
        base,
      );
      const slot = addSlot(root, 'product.card', 'p-7');
      const widget = await commandedFixture(slot);
      const open = await heardOne(widget, named('Open'), 'Open');
      expect(open).to.deep.include({ extensionPoint: 'entity.product.edit', objectId: 'p-7' });
      await sdk(widget, 'openFeedback');
      await frameWithStatus(slot, 'ready');
    });
  });
});
