// Standard dialogs (alert, confirm, prompt, choose) asked for by a
// cross-origin widget: every outcome told apart, plain text only, the
// keyboard, and a host's own renderer.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import type { HostStandardDialogRequest } from '@plugboard/host-runtime';
import type { FixtureWidget } from '../support/fixture-widget.js';
import { buttonIn, deepActive, dialogsOpen, openDialogs, openerPanel } from '../support/dialogs.js';
import { expectFixtureError } from '../support/errors.js';
import { waitFor } from '../support/fixture-events.js';
import { cleanUp } from '../support/host-page.js';

type Outcome = { ok: boolean; value?: unknown; code?: string; message?: string };

let keys = 0;

/** Starts a standard dialog from `widget`, returning a function that reads its outcome. */
async function ask(widget: FixtureWidget, method: string, params: unknown) {
  const key = `ask-${++keys}`;
  await widget.value('start', { key, method, params });
  const dialog = await dialogsOpen(1);
  return {
    dialog,
    body: dialog?.querySelector('pb-standard-dialog')?.shadowRoot ?? null,
    outcome: async () => {
      const outcome = await widget.value<Outcome>('outcome', { key });
      await dialogsOpen(0);
      return outcome.ok ? outcome.value : outcome.code;
    },
  };
}

describe('standard dialogs', () => {
  afterEach(() => {
    cleanUp();
    for (const dialog of openDialogs()) dialog.remove();
  });

  it('tells every outcome apart: which button, or how it was dismissed', async () => {
    const { opener } = await openerPanel('ask-app');
    const outcomes: unknown[] = [];

    let shown = await ask(opener, 'dialogs.alert', { message: 'Shipped.', ok: 'Got it' });
    expect(shown.dialog?.heading).to.equal('App ask-app');
    buttonIn(shown.dialog, 'Got it').click();
    outcomes.push(await shown.outcome());

    for (const button of ['Cancel shipment', 'Keep it']) {
      shown = await ask(opener, 'dialogs.confirm', {
        title: 'Cancel the shipment?',
        message: 'The carrier is told at once.',
        confirm: 'Cancel shipment',
        cancel: 'Keep it',
        intent: 'destructive',
      });
      expect(shown.dialog?.heading).to.equal('Cancel the shipment?');
      buttonIn(shown.dialog, button).click();
      outcomes.push(await shown.outcome());
    }

    shown = await ask(opener, 'dialogs.choose', {
      message: 'Which label?',
      options: [
        { id: 'a4', label: 'A4' },
        { id: 'a6', label: 'A6' },
      ],
    });
    buttonIn(shown.dialog, 'A6').click();
    outcomes.push(await shown.outcome());

    shown = await ask(opener, 'dialogs.prompt', { message: 'Note for the driver', value: 'Gate' });
    const input = shown.body?.querySelector('input') as HTMLInputElement;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(deepActive()).to.equal(input);
    await sendKeys({ type: ' 4' });
    await sendKeys({ press: 'Enter' });
    outcomes.push(await shown.outcome());

    shown = await ask(opener, 'dialogs.prompt', { message: 'Anything else?' });
    await sendKeys({ press: 'Escape' });
    outcomes.push(await shown.outcome());

    expect(outcomes).to.deep.equal([
      { status: 'ok' },
      { status: 'ok' },
      { status: 'dismissed', by: 'cancel' },
      { status: 'ok', value: 'a6' },
      { status: 'ok', value: 'Gate 4' },
      { status: 'dismissed', by: 'escape' },
    ]);
  });

  it('keeps the focus and every key in the dialog while a widget behind it takes the focus', async () => {
    const { root, slot, opener } = await openerPanel('thief');
    const before = document.createElement('button');
    before.textContent = 'Before';
    root.append(before);
    before.focus();
    const shown = await ask(opener, 'dialogs.prompt', { message: 'Note for the driver' });
    const input = shown.body?.querySelector('input') as HTMLInputElement;
    await waitFor(() => deepActive() === input, 'the prompt to take the focus');
    // The page behind, the thief's iframe with it, is inert.
    expect(slot.closest('[inert]')).to.not.equal(null);
    for (const key of ['a', 'b', 'c']) {
      // The thief's page takes the focus (Chromium lets it, inert or not);
      // the host takes it back before the next key.
      expect(await opener.value('stealFocus')).to.equal(true);
      await waitFor(
        async () => deepActive() === input && !(await opener.value<boolean>('hasFocus')),
        'the dialog to take the focus back',
      );
      await sendKeys({ press: key });
    }
    // Tab and Shift+Tab go round the dialog (past its ends, to the
    // browser's own UI), never to the page behind.
    const inDialogOrBrowser = () =>
      document.activeElement === document.body ||
      openDialogs().at(-1)?.contains(document.activeElement) === true;
    for (const shift of [false, true]) {
      if (shift) await sendKeys({ down: 'Shift' });
      for (let i = 0; i < 6; i++) {
        await sendKeys({ press: 'Tab' });
        expect(inDialogOrBrowser(), document.activeElement?.tagName).to.equal(true);
      }
      if (shift) await sendKeys({ up: 'Shift' });
    }
    expect(await opener.value('stolen')).to.deep.equal([]);
    expect(input.value).to.equal('abc');
    await sendKeys({ press: 'Escape' });
    expect(await shown.outcome()).to.deep.equal({ status: 'dismissed', by: 'escape' });
    // The focus is back where it was, and the page takes input again.
    expect(deepActive()).to.equal(before);
    expect(slot.closest('[inert]')).to.equal(null);
  });

  it('offers to stop an app that keeps reopening its dialogs, then refuses its dialogs with a typed error', async () => {
    const { host, opener } = await openerPanel('nagger');
    // Three alerts dismissed in quick succession: no offer yet.
    for (let i = 0; i < 3; i++) {
      const shown = await ask(opener, 'dialogs.alert', { message: `Nag ${i}` });
      expect(shown.dialog?.stopOffer).to.equal(undefined);
      await sendKeys({ press: 'Escape' });
      expect(await shown.outcome()).to.deep.equal({ status: 'dismissed', by: 'escape' });
    }
    const fourth = await ask(opener, 'dialogs.alert', { message: 'Nag 3' });
    const offer = fourth.dialog?.shadowRoot?.querySelector<HTMLButtonElement>('.stop-app');
    expect(offer?.textContent.trim()).to.equal('Stop dialogs from App nagger');
    offer?.click();
    expect(await fourth.outcome()).to.deep.equal({ status: 'dismissed', by: 'close' });
    for (const [method, params] of [
      ['dialogs.alert', { message: 'Nag 4' }],
      ['dialogs.confirm', { message: 'Nag 5' }],
      ['dialogs.open', { dialog: 'pick' }],
      ['selectors.open', { selector: 'goods' }],
    ] as const) {
      const message = expectFixtureError(
        await opener.run('call', { method, params }),
        'permission_denied',
      );
      expect(message, method).to.contain('the user stopped dialogs from App nagger');
    }
    expect(openDialogs()).to.have.length(0);
    // The host's own questions still reach the user.
    const question = host.dialogs.confirm({ message: 'Leave?' });
    buttonIn(await dialogsOpen(1), 'OK').click();
    expect((await question).status).to.equal('ok');
  });

  it('puts the focus on Cancel for a destructive confirm, and a required prompt refuses an empty answer', async () => {
    const { opener } = await openerPanel('focus-app');
    let shown = await ask(opener, 'dialogs.confirm', {
      message: 'Delete?',
      intent: 'destructive',
      confirm: 'Delete',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((deepActive() as HTMLElement | null)?.textContent.trim()).to.equal('Cancel');
    await sendKeys({ press: 'Enter' });
    expect(await shown.outcome()).to.deep.equal({ status: 'dismissed', by: 'cancel' });

    shown = await ask(opener, 'dialogs.prompt', { message: 'Reason', required: true });
    expect(buttonIn(shown.dialog, 'OK').disabled).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sendKeys({ press: 'Enter' });
    expect(openDialogs()).to.have.length(1);
    await sendKeys({ type: 'Damaged' });
    await sendKeys({ press: 'Enter' });
    expect(await shown.outcome()).to.deep.equal({ status: 'ok', value: 'Damaged' });
  });

  it('shows text as text, never as HTML', async () => {
    const { opener } = await openerPanel('html-app');
    const html = '<b>bold</b><img src=x onerror="window.pwned=1">';
    const shown = await ask(opener, 'dialogs.confirm', {
      title: html,
      message: html,
      confirm: '<i>ok</i>',
    });
    expect(shown.body?.querySelector('b, img, i')).to.equal(null);
    expect(shown.body?.querySelector('p')?.textContent).to.equal(html);
    expect(shown.dialog?.shadowRoot?.querySelector('h2')?.textContent).to.equal(html);
    expect(buttonIn(shown.dialog, '<i>ok</i>')).to.be.an.instanceOf(HTMLButtonElement);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
    buttonIn(shown.dialog, 'Cancel').click();
    await shown.outcome();
  });

  it('refuses labels past their limits, naming the field', async () => {
    const { opener } = await openerPanel('limits-app');
    const refused = await opener.run('call', {
      method: 'dialogs.confirm',
      params: { message: 'Sure?', confirm: 'x'.repeat(101) },
    });
    expect(refused.ok ? 'ok' : refused.error.code).to.equal('invalid_params');
    expect(refused.ok ? '' : refused.error.message).to.contain('confirm');
    const none = await opener.run('call', {
      method: 'dialogs.choose',
      params: { message: 'Which?', options: [] },
    });
    expect(none.ok ? '' : none.error.message).to.contain('options');
    expect(openDialogs()).to.have.length(0);
  });

  it('goes to the host’s own renderer when it passes one, whose answer is checked', async () => {
    const seen: HostStandardDialogRequest[] = [];
    const { opener } = await openerPanel('rendered-app', {
      standardDialogs: (request) => {
        seen.push(request);
        if (request.kind === 'choose') return { status: 'ok', value: 'not-an-option' };
        return request.kind === 'prompt'
          ? { status: 'ok', value: 'typed in the host' }
          : { status: 'dismissed', by: 'escape' };
      },
    });
    expect(
      await opener.value('call', { method: 'dialogs.prompt', params: { message: 'Note?' } }),
    ).to.deep.equal({ status: 'ok', value: 'typed in the host' });
    expect(
      await opener.value('call', { method: 'dialogs.confirm', params: { message: 'Sure?' } }),
    ).to.deep.equal({ status: 'dismissed', by: 'escape' });
    const wrong = await opener.run('call', {
      method: 'dialogs.choose',
      params: { message: 'Which?', options: [{ id: 'a', label: 'A' }] },
    });
    expect(wrong.ok ? 'ok' : wrong.error.code).to.equal('host_error');
    expect(seen.map((request) => [request.kind, request.appName])).to.deep.equal([
      ['prompt', 'App rendered-app'],
      ['confirm', 'App rendered-app'],
      ['choose', 'App rendered-app'],
    ]);
    expect(openDialogs()).to.have.length(0);
  });
});
