// host.setContext(): a theme, locale or name change reaches every live
// widget (a panel, an app dialog, a connector) as `contextChanged`, with no
// reload; widgets that load later get it in their handshake; bad values are
// refused, naming them, and change nothing.
import { expect } from 'chai';
import { HostConfigError, type Host } from '@plugboard/host-runtime';
import type { Theme } from '@plugboard/widget-sdk';
import { listsOf } from '@plugboard/host-runtime/lists';
import { waitFor } from '../support/fixture-events.js';
import { driveFixture, type FixtureWidget } from '../support/fixture-widget.js';
import { FIXTURE_PAGE, fixtureInNewDialog, openDialogs, openerPanel } from '../support/dialogs.js';
import {
  addSlot,
  cleanUp,
  cleanups,
  commandedFixture,
  framesOf,
  manifest,
  setup,
} from '../support/host-page.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

type Context = { theme: Theme; locale: string; user: { id: string; name: string } };

const DARK: Theme = { mode: 'dark', tokens: { 'color-text': '#f2f4f7' } };

/** The contexts a fixture's `contextChanged` handler heard. */
const heard = async (widget: FixtureWidget) =>
  (await widget.value<{ method: string; params: Context }[]>('recorded'))
    .filter((call) => call.method === 'contextChanged')
    .map((call) => call.params);

async function connectedPanels(host: Host, root: HTMLElement, count: number) {
  for (let i = 0; i < count; i++) host.install(manifest(`app-${i}`, { url: FIXTURE_PAGE }));
  const slot = addSlot(root);
  const widgets = await Promise.all(
    Array.from({ length: count }, (_, i) => commandedFixture(slot, i)),
  );
  for (const widget of widgets) {
    await widget.value('connect', { hostOrigins: [hostOrigin] });
    await widget.value('handle', { method: 'contextChanged' });
  }
  return { slot, widgets };
}

describe('host.setContext', () => {
  afterEach(() => {
    cleanUp();
    for (const dialog of openDialogs()) dialog.remove();
  });

  it('tells every live widget the new theme, locale and name, with no reload', async () => {
    const { host, root } = setup({ locale: 'en-GB' });
    const { slot, widgets } = await connectedPanels(host, root, 2);
    const iframes = framesOf(slot).map((frame) => frame.querySelector('iframe'));
    const origins = await Promise.all(widgets.map((widget) => widget.value('timeOrigin')));

    await host.setContext({ theme: DARK, locale: 'de-DE', user: { name: 'Ada Lovelace' } });

    // It resolved once every widget answered: each has it already.
    for (const widget of widgets) {
      expect(await heard(widget)).to.have.length(1);
      const [told] = await heard(widget);
      expect(told?.theme).to.deep.equal(DARK);
      expect(told?.locale).to.equal('de-DE');
      expect(told?.user).to.deep.equal({ id: 'u-1', name: 'Ada Lovelace' });
      // The SDK's client.context follows.
      expect((await widget.value<Context>('context')).locale).to.equal('de-DE');
    }
    expect(framesOf(slot).map((frame) => frame.querySelector('iframe'))).to.deep.equal(iframes);
    expect(await Promise.all(widgets.map((widget) => widget.value('timeOrigin')))).to.deep.equal(
      origins,
    );
    expect(host.store.getState().context.locale).to.equal('de-DE');

    // A change of one part keeps the others.
    await host.setContext({ locale: 'fr-FR' });
    const [widget] = widgets as [FixtureWidget];
    expect(await heard(widget)).to.have.length(2);
    const second = (await heard(widget))[1];
    expect(second?.locale).to.equal('fr-FR');
    expect(second?.theme).to.deep.equal(DARK);
  });

  it('gives a widget that loads after the change the new context in its handshake', async () => {
    const { host, root } = setup();
    await host.setContext({ theme: DARK, locale: 'ja-JP' });
    host.install(manifest('late', { url: FIXTURE_PAGE }));
    const widget = await commandedFixture(addSlot(root));
    const { context } = await widget.value<{ context: Context }>('connect', {
      hostOrigins: [hostOrigin],
    });
    expect(context.theme).to.deep.equal(DARK);
    expect(context.locale).to.equal('ja-JP');
  });

  it('tells an open app dialog and a list connector too', async () => {
    const { host, opener } = await openerPanel('dialog-app');
    const inDialog = await fixtureInNewDialog(() =>
      opener.value('start', { key: 'open', method: 'dialogs.open', params: { dialog: 'pick' } }),
    );
    await inDialog.value('handle', { method: 'contextChanged' });

    host.install({
      ...manifest('lister'),
      widgets: [],
      connector: { url: `${fixtureOrigin}/test/fixtures/connector.html` },
      columns: [{ id: 'status', point: 'customerorder.list', title: 'Status' }],
    });
    cleanups.push(() => {
      listsOf(host).close();
    });
    const [column] = listsOf(host).columns('customerorder.list');
    const cell = document.createElement('pb-list-cell');
    cell.column = column;
    cell.row = { id: 'r1', version: 1 };
    cell.host = host;
    document.body.append(cell);
    cleanups.push(() => {
      cell.remove();
    });
    await waitFor(() => cell.state?.status === 'ready', 'the cell');
    const connectorFrame = document.querySelector<HTMLIFrameElement>(
      '[data-plugboard="connectors"] iframe',
    );
    const connector = driveFixture(connectorFrame as HTMLIFrameElement);

    await host.setContext({ locale: 'de-DE' });
    await waitFor(async () => (await heard(inDialog)).length === 1, 'the dialog told');
    expect((await inDialog.value<Context>('context')).locale).to.equal('de-DE');
    await waitFor(
      async () => (await connector.value<Context | undefined>('context'))?.locale === 'de-DE',
      'the connector told',
    );
  });

  it('refuses a value widgets could not take, naming it, and changes nothing', async () => {
    const { host, root } = setup({ locale: 'en-GB' });
    const { widgets } = await connectedPanels(host, root, 1);
    const before = host.store.getState().context;
    const refusals: [unknown, RegExp][] = [
      [{ theme: { mode: 'sepia', tokens: {} } }, /setContext: theme\.mode: /],
      [{ theme: { mode: 'dark' } }, /setContext: theme\.tokens: /],
      [{ locale: '' }, /setContext: locale: /],
      [{ user: { name: 42 } }, /setContext: user\.name: /],
      [{ colour: 'red' }, /setContext: colour: /],
      [{ user: { id: 'u-2', name: 'Eve' } }, /the user's id cannot change \(u-1\)/],
    ];
    for (const [changes, message] of refusals) {
      let error: unknown;
      try {
        await host.setContext(changes as Parameters<Host['setContext']>[0]);
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(changes)).to.be.instanceOf(HostConfigError);
      expect((error as Error).message).to.match(message);
    }
    expect(host.store.getState().context).to.equal(before);
    // A good change still goes through afterwards, and only it is heard.
    await host.setContext({ locale: 'de-DE' });
    const [widget] = widgets as [FixtureWidget];
    await waitFor(async () => (await heard(widget)).length === 1, 'contextChanged');
    expect((await heard(widget)).map((context) => context.locale)).to.deep.equal(['de-DE']);
  });
});
