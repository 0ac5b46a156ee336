// App dialogs in the host's dialog layer, cross-origin: params in, result
// out, every way to dismiss, the unsaved-changes veto, stacking, focus,
// cancellation, and what a widget may not do.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { waitFor } from '../support/fixture-events.js';
import {
  buttonIn,
  deepActive,
  dialogsOpen,
  fixtureInNewDialog,
  openDialogs,
  openerPanel,
} from '../support/dialogs.js';
import type { FixtureWidget } from '../support/fixture-widget.js';
import { cleanUp, framesOf } from '../support/host-page.js';

type Outcome = { ok: boolean; value?: unknown; code?: string; message?: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('app dialogs', () => {
  afterEach(() => {
    cleanUp();
    for (const dialog of openDialogs()) dialog.remove();
  });

  it('hands params to the dialog at its handshake and the result to its opener', async () => {
    const { slot, opener } = await openerPanel('carrier-app');
    const openerIframe = framesOf(slot)[0]?.querySelector('iframe') as HTMLIFrameElement;
    openerIframe.focus();
    const inDialog = await fixtureInNewDialog(() =>
      opener.value('start', {
        key: 'open',
        method: 'dialogs.open',
        params: { dialog: 'pick', params: { order: 'SO-42', carrier: 'DPD' } },
      }),
    );
    const context = await inDialog.value<{
      dialog: unknown;
      entity: unknown;
      extensionPoint: unknown;
    }>('context');
    expect(context.dialog).to.deep.equal({
      id: 'pick',
      params: { order: 'SO-42', carrier: 'DPD' },
    });
    expect(context.entity).to.deep.equal({ type: 'customerorder', id: '42' });
    expect(context.extensionPoint).to.deep.equal({ id: 'dialog', kind: 'dialog' });

    const dialog = openDialogs()[0];
    const native = dialog?.dialog;
    expect(native?.getAttribute('role')).to.equal('dialog');
    expect(native?.getAttribute('aria-modal')).to.equal('true');
    const title = dialog?.shadowRoot?.getElementById(native?.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).to.equal('Pick a carrier');
    expect(native?.matches(':modal')).to.equal(true);

    await inDialog.value('call', {
      method: 'dialogs.close',
      params: { result: { carrier: 'GLS' } },
    });
    const outcome = await opener.value<Outcome>('outcome', { key: 'open' });
    expect(outcome).to.deep.equal({
      ok: true,
      value: { status: 'ok', result: { carrier: 'GLS' } },
    });
    await dialogsOpen(0);
    expect(deepActive()).to.equal(openerIframe);
  });

  it('is dismissed by its ✕, the backdrop, Escape on the host or in its page, and its page, each said apart', async () => {
    const { opener } = await openerPanel('dismiss-app');
    const dismissals: unknown[] = [];
    let inDialog: FixtureWidget | undefined;
    const ways: [string, () => Promise<void>][] = [
      [
        'close',
        () => {
          openDialogs()[0]?.shadowRoot?.querySelector<HTMLButtonElement>('.close')?.click();
          return Promise.resolve();
        },
      ],
      [
        'backdrop',
        () => {
          const native = openDialogs()[0]?.dialog as HTMLDialogElement;
          const at = { clientX: 2, clientY: 2, bubbles: true };
          native.dispatchEvent(new PointerEvent('pointerdown', at));
          native.dispatchEvent(new MouseEvent('click', at));
          return Promise.resolve();
        },
      ],
      [
        'host escape',
        async () => {
          openDialogs()[0]?.shadowRoot?.querySelector<HTMLButtonElement>('.close')?.focus();
          await sendKeys({ press: 'Escape' });
        },
      ],
      [
        'page escape',
        async () => {
          // Once its page is ready the dialog gives it the focus; the key is pressed there.
          await waitFor(
            () => deepActive() === openDialogs()[0]?.querySelector('iframe'),
            'the dialog page to have the focus',
          );
          await sendKeys({ press: 'Escape' });
        },
      ],
      [
        'its own page',
        async () => {
          expect(await inDialog?.value('call', { method: 'dialogs.dismiss' })).to.deep.equal({
            dismissed: true,
          });
        },
      ],
    ];
    for (const [name, dismiss] of ways) {
      inDialog = await fixtureInNewDialog(() =>
        opener.value('start', { key: name, method: 'dialogs.open', params: { dialog: 'pick' } }),
      );
      await dismiss();
      const outcome = await opener.value<Outcome>('outcome', { key: name });
      dismissals.push(outcome.value);
      await dialogsOpen(0);
    }
    expect(dismissals).to.deep.equal([
      { status: 'dismissed', by: 'close' },
      { status: 'dismissed', by: 'backdrop' },
      { status: 'dismissed', by: 'escape' },
      { status: 'dismissed', by: 'escape' },
      { status: 'dismissed', by: 'dialog' },
    ]);
  });

  it('asks before discarding unsaved changes, and stays open when the user keeps them', async () => {
    const { opener } = await openerPanel('veto-app');
    const inDialog = await fixtureInNewDialog(() =>
      opener.value('start', { key: 'open', method: 'dialogs.open', params: { dialog: 'pick' } }),
    );
    await inDialog.value('call', { method: 'widget.setDirty', params: { dirty: true } });

    openDialogs()[0]?.shadowRoot?.querySelector<HTMLButtonElement>('.close')?.click();
    const question = await dialogsOpen(2);
    expect(question?.heading).to.equal('Discard changes?');
    buttonIn(question, 'Keep editing').click();
    await dialogsOpen(1);
    expect(openDialogs()[0]?.dialog?.open).to.equal(true);

    // Its own page asking to be dismissed goes through the same question.
    await inDialog.value('start', { key: 'dismiss', method: 'dialogs.dismiss' });
    buttonIn(await dialogsOpen(2), 'Keep editing').click();
    expect(await inDialog.value<Outcome>('outcome', { key: 'dismiss' })).to.deep.equal({
      ok: true,
      value: { dismissed: false },
    });

    await sendKeys({ press: 'Escape' });
    buttonIn(await dialogsOpen(2), 'Discard changes').click();
    const outcome = await opener.value<Outcome>('outcome', { key: 'open' });
    expect(outcome.value).to.deep.equal({ status: 'dismissed', by: 'escape' });
    await dialogsOpen(0);
  });

  it('stacks a dialog opened from a dialog, traps focus in the top one, and returns it on the way down', async () => {
    const { slot, opener } = await openerPanel('stack-app');
    const openerIframe = framesOf(slot)[0]?.querySelector('iframe') as HTMLIFrameElement;
    openerIframe.focus();
    const first = await fixtureInNewDialog(() =>
      opener.value('start', { key: 'first', method: 'dialogs.open', params: { dialog: 'pick' } }),
    );
    const firstIframe = openDialogs()[0]?.querySelector('iframe');
    await waitFor(() => deepActive() === firstIframe, 'the first dialog to have the focus');
    const second = await fixtureInNewDialog(() =>
      first.value('start', {
        key: 'second',
        method: 'dialogs.open',
        params: { dialog: 'more', params: 2 },
      }),
    );
    const [bottom, top] = openDialogs();
    expect(top?.dialog?.matches(':modal')).to.equal(true);
    // The page and the dialog below are inert: nothing there takes focus.
    bottom?.shadowRoot?.querySelector<HTMLButtonElement>('.close')?.focus();
    expect(deepActive()).to.not.equal(bottom?.shadowRoot?.querySelector('.close'));

    // Another widget, or the first dialog's page, cannot open a dialog over the top one.
    const refused = await opener.run('call', { method: 'dialogs.alert', params: { message: 'x' } });
    expect(refused.ok ? 'ok' : refused.error.code).to.equal('busy');

    await second.value('call', { method: 'dialogs.close', params: { result: 'second done' } });
    expect(await first.value<Outcome>('outcome', { key: 'second' })).to.deep.equal({
      ok: true,
      value: { status: 'ok', result: 'second done' },
    });
    await dialogsOpen(1);
    expect(deepActive()).to.equal(firstIframe);
    await first.value('call', { method: 'dialogs.close' });
    expect((await opener.value<Outcome>('outcome', { key: 'first' })).value).to.deep.equal({
      status: 'ok',
      result: null,
    });
    await dialogsOpen(0);
    expect(deepActive()).to.equal(openerIframe);
  });

  it('is cancelled by its opener’s signal and when the opener unmounts, closing at once', async () => {
    const { slot, opener } = await openerPanel('cancel-app');
    await fixtureInNewDialog(() =>
      opener.value('start', { key: 'a', method: 'dialogs.open', params: { dialog: 'pick' } }),
    );
    await opener.value('abort', { key: 'a' });
    expect(await opener.value<Outcome>('outcome', { key: 'a' })).to.include({
      ok: false,
      code: 'cancelled',
    });
    await dialogsOpen(0);

    // A dialog with a dialog on it: the opener's card goes, and both close.
    const first = await fixtureInNewDialog(() =>
      opener.value('start', { key: 'b', method: 'dialogs.open', params: { dialog: 'pick' } }),
    );
    await fixtureInNewDialog(() =>
      first.value('start', { key: 'c', method: 'dialogs.open', params: { dialog: 'more' } }),
    );
    slot.remove();
    await dialogsOpen(0);
  });

  it('sizes itself within its bounds, and lends every host service to its page', async () => {
    const { opener } = await openerPanel('sized-app');
    const inDialog = await fixtureInNewDialog(() =>
      opener.value('start', { key: 'sized', method: 'dialogs.open', params: { dialog: 'more' } }),
    );
    const dialog = openDialogs()[0];
    const iframe = dialog?.querySelector('iframe') as HTMLIFrameElement;
    const heightAfter = async (height: number) => {
      await inDialog.value('call', { method: 'widget.resize', params: { height } });
      return iframe.getBoundingClientRect().height;
    };
    expect(await heightAfter(1_000)).to.equal(300);
    expect(await heightAfter(20)).to.equal(100);
    expect(await heightAfter(180)).to.equal(180);
    const width = dialog?.dialog?.getBoundingClientRect().width ?? 0;
    expect(width).to.be.within(300, 500);

    // Its page reaches the host's services like any widget of its app.
    expect(
      await inDialog.value('call', { method: 'toasts.show', params: { message: 'From a dialog' } }),
    ).to.equal(undefined);
    const denied = await inDialog.run('call', { method: 'storage.get', params: { key: 'k' } });
    expect(denied.ok ? 'ok' : denied.error.code).to.equal('permission_denied');
    await inDialog.value('call', { method: 'dialogs.close' });
    await opener.value('outcome', { key: 'sized' });
    for (const region of document.querySelectorAll('pb-toast-region')) region.remove();
  });

  it('waits for the user past every time limit', async () => {
    const { opener } = await openerPanel('patient-app', {
      limits: { handshakeTimeoutMs: 3_000, serviceTimeoutMs: 100 },
    });
    await opener.value('start', {
      key: 'slow',
      method: 'dialogs.confirm',
      params: { message: 'Take your time' },
    });
    const question = await dialogsOpen(1);
    await sleep(400);
    buttonIn(question, 'OK').click();
    expect(await opener.value<Outcome>('outcome', { key: 'slow' })).to.deep.equal({
      ok: true,
      value: { status: 'ok' },
    });
  });

  it('refuses an unknown dialog, a dialog of another app, a page that is not a dialog, and an app without the permission', async () => {
    const { opener } = await openerPanel('strict-app');
    const unknown = await opener.run('call', {
      method: 'dialogs.open',
      params: { dialog: 'nope' },
    });
    expect(unknown.ok ? '' : unknown.error.message)
      .to.contain('has no dialog "nope"')
      .and.to.contain('pick, more');
    const notADialog = await opener.run('call', { method: 'dialogs.close', params: {} });
    expect(notADialog.ok ? 'ok' : notADialog.error.code).to.equal('unsupported');
    const huge = await opener.run('call', {
      method: 'dialogs.open',
      params: { dialog: 'pick', params: 'x'.repeat(70_000) },
    });
    expect(huge.ok ? 'ok' : huge.error.message).to.contain('params');
    expect(openDialogs()).to.have.length(0);

    cleanUp();
    const { opener: unprivileged } = await openerPanel('no-dialogs-app', {}, ['entity:read']);
    for (const method of ['dialogs.open', 'dialogs.confirm']) {
      const refused = await unprivileged.run('call', {
        method,
        params: method === 'dialogs.open' ? { dialog: 'pick' } : { message: 'Sure?' },
      });
      expect(refused.ok ? 'ok' : refused.error.code).to.equal('permission_denied');
    }
    expect(openDialogs()).to.have.length(0);
  });
});
