// MoySklad buttons: actions the vendor's server answers. A click is sent to
// the host's `button` callback as MoySklad POSTs it (the list's selected
// rows, the card's object, nothing with useSelected="false"); the vendor's
// reply is shown as MoySklad shows it: a notification as a toast, a popup
// (a cross-origin page speaking only MoySklad's protocol gets OpenPopup),
// a URL in a new window; a refusal's errorMessage, another status, a wrong
// reply or none within 10 seconds fail the click, saying why.
import { expect } from 'chai';
import type { HostExtensionPoint } from '@plugboard/host-runtime';
import { listsOf } from '@plugboard/host-runtime/lists';
import {
  BUTTON_TIMEOUT_MS,
  installMoySkladApp,
  MoySkladDescriptorError,
  type MoySkladButtonRequest,
  type MoySkladInstallOptions,
} from '@plugboard/host-runtime/moysklad';
import { actionBar, pressAction } from '../support/action-bars.js';
import { dialogsOpen, openDialogs } from '../support/dialogs.js';
import { waitFor } from '../support/fixture-events.js';
import { driveFixture, fixtureReady } from '../support/fixture-widget.js';
import { cleanUp, cleanups, setup } from '../support/host-page.js';
import { fixtureOrigin } from '../support/origins.js';

const PAGE = `${fixtureOrigin}/test/fixtures/moysklad-widget.html`;
const LIST = 'customerorder.list.actions';
const CARD = 'customerorder.card.actions';
const POINTS: HostExtensionPoint[] = [
  { id: LIST, kind: 'action', entity: 'customerorder', title: 'Order list toolbar' },
  { id: CARD, kind: 'action', entity: 'customerorder', title: 'Order card actions' },
];

const DESCRIPTOR = `<ServerApplication xmlns="https://apps-api.moysklad.ru/xml/ns/appstore/app/v2">
  <vendorApi><endpointBase>${fixtureOrigin}/loyalty</endpointBase></vendorApi>
  <popups><popup useContextKey="false"><name>bonusPopup</name><sourceUrl>${PAGE}?popup</sourceUrl></popup></popups>
  <buttons>
    <button name="award" title="Award"><locations><document.customerorder.list/></locations></button>
    <button name="report" title="Report" useSelected="false"><locations><document.customerorder.list/></locations></button>
    <button name="bonus" title="Bonus"><locations><document.customerorder.edit/></locations></button>
  </buttons>
</ServerApplication>`;

const options = (button: MoySkladInstallOptions['button']): MoySkladInstallOptions => ({
  id: 'loyalty',
  name: 'Loyalty points',
  vendor: { name: 'Loyal Co', url: 'https://loyal.example', email: 'help@loyal.example' },
  origin: fixtureOrigin,
  points: {},
  buttonPoints: {
    'document.customerorder.list': LIST,
    'document.customerorder.edit': CARD,
  },
  ...(button ? { button } : {}),
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A host with the app installed, whose vendor's server is `answer`; and
 * what it was asked, with whether each call's signal ended up aborted.
 */
function vendorHost(answer: (request: MoySkladButtonRequest) => Promise<Response>) {
  const asked: { request: MoySkladButtonRequest; signal: AbortSignal }[] = [];
  const { host, root } = setup({ extensionPoints: POINTS });
  installMoySkladApp(
    host,
    DESCRIPTOR,
    options((request, signal) => {
      asked.push({ request, signal });
      return answer(request);
    }),
  );
  cleanups.push(() => {
    listsOf(host).close();
  });
  return { host, root, asked };
}

const toasts = () => document.querySelector('pb-toast-region')?.toasts ?? [];

describe('MoySklad buttons', () => {
  afterEach(() => {
    for (const region of document.querySelectorAll('pb-toast-region')) region.remove();
    for (const dialog of openDialogs()) dialog.remove();
    cleanUp();
  });

  it("sends a list's click with its selected rows, and shows the vendor's notification", async () => {
    const { root, asked } = vendorHost(() =>
      Promise.resolve(
        json(200, { action: 'showNotification', params: { text: 'Awarded 2 orders' } }),
      ),
    );
    const list = await actionBar(root, LIST, { kind: 'ids', ids: ['r1', 'r2'] });
    expect((await pressAction(list, 'loyalty/award')).status).to.equal('done');
    expect(asked[0]?.request).to.deep.equal({
      buttonName: 'award',
      extensionPoint: 'document.customerorder.list',
      selected: [
        { id: 'r1', type: 'customerorder' },
        { id: 'r2', type: 'customerorder' },
      ],
    });
    await waitFor(() => toasts().length === 1, 'the notification');
    expect(toasts()[0]).to.deep.equal({
      message: 'Awarded 2 orders',
      tone: 'info',
      appName: 'Loyalty points',
    });
    // useSelected="false": it runs with no rows selected, and sends none.
    list.selection = { kind: 'ids', ids: [] };
    await pressAction(list, 'loyalty/report');
    expect(asked[1]?.request).to.deep.equal({
      buttonName: 'report',
      extensionPoint: 'document.customerorder.list',
    });
  });

  it("sends a card's click with its object, and opens the popup the vendor names, with its parameters", async () => {
    const { root, asked } = vendorHost(() =>
      Promise.resolve(
        json(200, {
          action: 'showPopup',
          params: { popupName: 'bonusPopup', popupParameters: { points: 5 } },
        }),
      ),
    );
    const card = await actionBar(root, CARD, { kind: 'ids', ids: ['42'] });
    let iframe: HTMLIFrameElement | null = null;
    const ready = fixtureReady(() => iframe?.contentWindow ?? null);
    const outcome = pressAction(card, 'loyalty/bonus');
    const dialog = await dialogsOpen(1);
    expect(dialog?.heading).to.equal('Loyalty points');
    await waitFor(
      () => (iframe = openDialogs()[0]?.querySelector('iframe') ?? null) !== null,
      'the popup iframe',
    );
    await ready;
    const popup = driveFixture(iframe as unknown as HTMLIFrameElement);
    await waitFor(
      async () =>
        (await popup.value<Record<string, unknown>[]>('received')).some(
          (message) => message['name'] === 'OpenPopup',
        ),
      'OpenPopup',
    );
    const [opened] = await popup.value<Record<string, unknown>[]>('received');
    expect(opened).to.deep.include({ popupName: 'bonusPopup', popupParameters: { points: 5 } });
    expect(asked[0]?.request).to.deep.equal({
      buttonName: 'bonus',
      extensionPoint: 'document.customerorder.edit',
      objectId: '42',
    });
    await popup.value('post', { message: { name: 'ClosePopup', popupResponse: { redeemed: 2 } } });
    await dialogsOpen(0);
    expect((await outcome).status).to.equal('done');
  });

  it("opens the vendor's URL in a new window, and only an http(s) one", async () => {
    let url = 'https://loyal.example/terms';
    const { root } = vendorHost(() =>
      Promise.resolve(json(200, { action: 'navigateTo', params: { url } })),
    );
    const opened: unknown[][] = [];
    const open = window.open.bind(window);
    window.open = (...args: unknown[]) => {
      opened.push(args);
      return null;
    };
    cleanups.push(() => {
      window.open = open;
    });
    const list = await actionBar(root, LIST, { kind: 'ids', ids: [] });
    expect((await pressAction(list, 'loyalty/report')).status).to.equal('done');
    expect(opened).to.deep.equal([['https://loyal.example/terms', '_blank', 'noopener']]);
    url = 'javascript:alert(1)';
    const refused = await pressAction(list, 'loyalty/report');
    expect(refused.status).to.equal('error');
    expect(opened).to.have.length(1);
    await waitFor(() => toasts().length === 1, 'the error toast');
    expect(toasts()[0]?.message).to.equal(
      "Report failed: The vendor's server answered the click wrongly: navigateTo needs an http(s) params.url.",
    );
  });

  it('fails a click the vendor refused, answered wrongly or with another status, saying why; takes chosen rows only', async () => {
    const replies: Response[] = [
      json(400, { error: { errorMessage: 'Award at most 20 orders at a time.' } }),
      json(502, { error: 'bad gateway' }),
      json(200, { action: 'showPopup', params: { popupName: 'nope' } }),
      json(200, { action: 'dance' }),
    ];
    const { root, asked } = vendorHost(() => Promise.resolve(replies.shift() as Response));
    const list = await actionBar(root, LIST, { kind: 'ids', ids: ['r1'] });
    for (let i = 0; i < 4; i++)
      expect((await pressAction(list, 'loyalty/award')).status).to.equal('error');
    list.selection = { kind: 'query', query: {}, excluded: [], count: 5_000 };
    expect((await pressAction(list, 'loyalty/award')).status).to.equal('error');
    await waitFor(() => toasts().length === 5, 'five error toasts');
    expect(toasts().map((toast) => [toast.message, toast.tone])).to.deep.equal([
      ['Award failed: Award at most 20 orders at a time.', 'error'],
      ["Award failed: The vendor's server answered 502.", 'error'],
      [
        'Award failed: The vendor\'s server answered the click wrongly: no popup of the descriptor is named "nope".',
        'error',
      ],
      [
        "Award failed: The vendor's server answered the click wrongly: action must be showNotification, navigateTo or showPopup.",
        'error',
      ],
      [
        'Award failed: MoySklad buttons take chosen rows, at most 100: select rows, not the whole list.',
        'error',
      ],
    ]);
    // The last one never reached the vendor.
    expect(asked).to.have.length(4);
  });

  it('fails a click the vendor does not answer within 10 seconds, and aborts the call', async function () {
    this.timeout(BUTTON_TIMEOUT_MS + 10_000);
    const { root, asked } = vendorHost(() => new Promise<Response>(() => undefined));
    const list = await actionBar(root, LIST, { kind: 'ids', ids: ['r1'] });
    const outcome = await pressAction(list, 'loyalty/award');
    expect(outcome.status).to.equal('error');
    expect(outcome.status === 'error' && outcome.error.code).to.equal('timeout');
    expect(asked[0]?.signal.aborted).to.equal(true);
    await waitFor(() => toasts().length === 1, 'the error toast');
    expect(toasts()[0]?.message).to.equal(
      "Award failed: The vendor's server did not answer within 10 seconds.",
    );
  });

  it('refuses to install buttons with no button callback to send their clicks, naming each', () => {
    const { host } = setup({ extensionPoints: POINTS });
    let refused: unknown;
    try {
      installMoySkladApp(host, DESCRIPTOR, options(undefined));
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(MoySkladDescriptorError);
    expect((refused as MoySkladDescriptorError).issues.map((issue) => issue.path)).to.deep.equal([
      'buttons/button[1]',
      'buttons/button[2]',
      'buttons/button[3]',
    ]);
    expect(host.store.getState().apps).to.have.length(0);
  });
});
