// Host selectors: the default picker over a host's data source, a host's own
// picker, and what widgets may ask, from cross-origin widgets and dialogs.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import type { HostPickerElement } from '@plugboard/host-runtime';
import { waitFor } from '../support/fixture-events.js';
import {
  buttonIn,
  deepActive,
  dialogsOpen,
  fixtureInNewDialog,
  GOODS,
  openDialogs,
  openerPanel,
} from '../support/dialogs.js';
import { cleanUp } from '../support/host-page.js';

type Outcome = { ok: boolean; value?: unknown; code?: string; message?: string };

function picker(): HostPickerElement {
  const element = openDialogs().at(-1)?.querySelector('pb-picker');
  if (!element) throw new Error('no picker is open');
  return element;
}

const statusOf = () =>
  picker().shadowRoot?.querySelector('[role="status"], [role="alert"]')?.textContent.trim() ?? '';
const optionsOf = () =>
  [...(picker().shadowRoot?.querySelectorAll('[role="option"]') ?? [])].map((option) =>
    option.textContent.replace(/\s+/g, ' ').trim(),
  );

describe('host selectors', () => {
  afterEach(() => {
    cleanUp();
    for (const dialog of openDialogs()) dialog.remove();
  });

  it('picks one item with the keyboard: search, arrows, Enter', async () => {
    const { opener } = await openerPanel('pick-one');
    await opener.value('start', {
      key: 'one',
      method: 'selectors.open',
      params: { selector: 'goods', query: 'oak' },
    });
    const dialog = await dialogsOpen(1);
    expect(dialog?.heading).to.equal('Goods');
    await waitFor(() => optionsOf().length === 2, 'the two oak goods');
    expect(optionsOf()).to.deep.equal(['Oak desk DESK-01', 'Oak chair CHAIR-02']);
    await waitFor(() => deepActive() === picker().shadowRoot?.querySelector('input'), 'focus');
    const input = picker().shadowRoot?.querySelector('input') as HTMLInputElement;
    expect(input.getAttribute('role')).to.equal('combobox');
    await sendKeys({ press: 'ArrowDown' });
    await picker().updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.match(/-1$/);
    await sendKeys({ press: 'Enter' });
    expect(await opener.value<Outcome>('outcome', { key: 'one' })).to.deep.equal({
      ok: true,
      value: { status: 'ok', selected: [{ id: 'g-2', name: 'Oak chair' }] },
    });
    await dialogsOpen(0);
  });

  it('picks several up to a maximum, starting from the initial selection', async () => {
    const { opener } = await openerPanel('pick-many');
    await opener.value('start', {
      key: 'many',
      method: 'selectors.open',
      params: { selector: 'goods', multiple: true, max: 2, initial: ['g-3'] },
    });
    const dialog = await dialogsOpen(1);
    await waitFor(() => optionsOf().length === 3, 'every good');
    await waitFor(
      () =>
        picker().shadowRoot?.querySelector('.chips')?.textContent.includes('Pine shelf') ?? false,
      'the initial selection, by name',
    );
    const options = () => [...(picker().shadowRoot?.querySelectorAll('li') ?? [])];
    options()[0]?.click();
    await picker().updateComplete;
    options()[1]?.click();
    await picker().updateComplete;
    expect(statusOf()).to.equal('You can pick at most 2.');
    expect(options().map((option) => option.getAttribute('aria-selected'))).to.deep.equal([
      'true',
      'false',
      'true',
    ]);
    buttonIn(dialog, 'Select (2)').click();
    expect(await opener.value<Outcome>('outcome', { key: 'many' })).to.deep.equal({
      ok: true,
      value: {
        status: 'ok',
        selected: [
          { id: 'g-3', name: 'Pine shelf' },
          { id: 'g-1', name: 'Oak desk' },
        ],
      },
    });
  });

  it('shows loading, empty and error states, and retries', async () => {
    let fail = true;
    let release: () => void = () => undefined;
    const { opener } = await openerPanel('pick-states', {
      selectors: {
        goods: {
          title: 'Goods',
          search: async (query) => {
            if (query === 'slow') await new Promise<void>((resolve) => (release = resolve));
            if (query === 'broken' && fail) throw new Error('the catalogue is offline');
            return GOODS.filter((good) => good.name.includes(query));
          },
        },
      },
    });
    await opener.value('start', {
      key: 'states',
      method: 'selectors.open',
      params: { selector: 'goods', query: 'slow' },
    });
    await dialogsOpen(1);
    await waitFor(() => statusOf() === 'Loading…', 'the loading state');
    expect(picker().shadowRoot?.querySelector('ul')?.getAttribute('aria-busy')).to.equal('true');
    release();
    await waitFor(() => statusOf() === 'Nothing matches “slow”.', 'the empty state');

    const input = picker().shadowRoot?.querySelector('input') as HTMLInputElement;
    input.value = 'broken';
    input.dispatchEvent(new Event('input'));
    await waitFor(() => statusOf().includes('the catalogue is offline'), 'the error state');
    fail = false;
    buttonIn(openDialogs()[0], 'Retry').click();
    await waitFor(() => statusOf() === 'Nothing matches “broken”.', 'the retried search');
    buttonIn(openDialogs()[0], 'Cancel').click();
    expect((await opener.value<Outcome>('outcome', { key: 'states' })).value).to.deep.equal({
      status: 'dismissed',
      by: 'cancel',
    });
  });

  it('is busy for a second picker from the same widget, and closes when cancelled', async () => {
    const { opener } = await openerPanel('pick-twice');
    await opener.value('start', {
      key: 'first',
      method: 'selectors.open',
      params: { selector: 'goods' },
    });
    await dialogsOpen(1);
    const second = await opener.run('call', {
      method: 'selectors.open',
      params: { selector: 'goods' },
    });
    expect(second.ok ? 'ok' : second.error.code).to.equal('busy');
    await opener.value('abort', { key: 'first' });
    expect((await opener.value<Outcome>('outcome', { key: 'first' })).code).to.equal('cancelled');
    await dialogsOpen(0);
  });

  it('closes when the card moves its live widget to another entity (Back, the next order)', async () => {
    const { slot, opener } = await openerPanel('pick-moved');
    await opener.value('start', {
      key: 'moved',
      method: 'selectors.open',
      params: { selector: 'goods' },
    });
    await dialogsOpen(1);
    slot.entityId = '43';
    expect((await opener.value<Outcome>('outcome', { key: 'moved' })).code).to.equal('cancelled');
    await dialogsOpen(0);
  });

  it('opens from inside an app dialog, above it, and answers that dialog', async () => {
    const { opener } = await openerPanel('pick-in-dialog');
    const inDialog = await fixtureInNewDialog(() =>
      opener.value('start', { key: 'dialog', method: 'dialogs.open', params: { dialog: 'pick' } }),
    );
    await inDialog.value('start', {
      key: 'pick',
      method: 'selectors.open',
      params: { selector: 'goods', query: 'Pine' },
    });
    await dialogsOpen(2);
    await waitFor(() => optionsOf().length === 1, 'the pine shelf');
    picker().shadowRoot?.querySelector('li')?.click();
    expect((await inDialog.value<Outcome>('outcome', { key: 'pick' })).value).to.deep.equal({
      status: 'ok',
      selected: [{ id: 'g-3', name: 'Pine shelf' }],
    });
    await dialogsOpen(1);
    await inDialog.value('call', { method: 'dialogs.close', params: { result: 'g-3' } });
    expect((await opener.value<Outcome>('outcome', { key: 'dialog' })).value).to.deep.equal({
      status: 'ok',
      result: 'g-3',
    });
  });

  it('uses a host’s own picker, with the widget’s params and a signal', async () => {
    const seen: unknown[] = [];
    const { opener } = await openerPanel('own-picker', {
      selectors: {
        goods: {
          open: (params, { signal, call }) => {
            seen.push([params, signal.aborted, call?.context.entity]);
            return { status: 'ok', selected: [{ id: 'g-9', name: 'From the host' }] };
          },
        },
      },
    });
    expect(
      await opener.value('call', {
        method: 'selectors.open',
        params: { selector: 'goods', filter: { folder: 'f-1' } },
      }),
    ).to.deep.equal({ status: 'ok', selected: [{ id: 'g-9', name: 'From the host' }] });
    expect(seen).to.deep.equal([
      [
        { selector: 'goods', filter: { folder: 'f-1' } },
        false,
        { type: 'customerorder', id: '42' },
      ],
    ]);
  });

  it('refuses a selector without its permission, and one the host does not have', async () => {
    const { opener } = await openerPanel('pick-refused', {}, [
      'entity:read',
      'selectors:goods',
      'selectors:warehouses',
    ]);
    const denied = await opener.run('call', {
      method: 'selectors.open',
      params: { selector: 'counterparty' },
    });
    expect(denied.ok ? 'ok' : denied.error.code).to.equal('permission_denied');
    expect(denied.ok ? '' : denied.error.message).to.contain('selectors:counterparty');
    const missing = await opener.run('call', {
      method: 'selectors.open',
      params: { selector: 'warehouses' },
    });
    expect(missing.ok ? 'ok' : missing.error.code).to.equal('not_found');
    expect(missing.ok ? '' : missing.error.message).to.contain('it has: goods');
    const badMax = await opener.run('call', {
      method: 'selectors.open',
      params: { selector: 'goods', max: 2 },
    });
    expect(badMax.ok ? '' : badMax.error.message).to.contain('max needs multiple: true');
    expect(openDialogs()).to.have.length(0);
  });

  it('never answers more than max: an initial selection past it is refused, and the picker keeps to it', async () => {
    const { host, opener } = await openerPanel('pick-capped');
    const tooMany = await opener.run('call', {
      method: 'selectors.open',
      params: {
        selector: 'goods',
        multiple: true,
        max: 2,
        initial: ['g-1', 'g-2', 'g-3', 'g-4', 'g-5'],
      },
    });
    expect(tooMany.ok ? 'ok' : tooMany.error.code).to.equal('invalid_params');
    expect(tooMany.ok ? '' : tooMany.error.message).to.contain(
      'initial holds more ids than max allows',
    );
    expect(openDialogs()).to.have.length(0);
    // The host's own call gets no schema check: the picker itself keeps to max.
    const picking = host.dialogs.pick({
      selector: 'goods',
      multiple: true,
      max: 2,
      initial: ['g-1', 'g-2', 'g-3', 'g-1'],
    });
    const dialog = await dialogsOpen(1);
    buttonIn(dialog, 'Select (2)').click();
    const outcome = await picking;
    expect(
      outcome.status === 'ok' ? outcome.selected.map((item) => item.id) : outcome,
    ).to.deep.equal(['g-1', 'g-2']);
  });

  it("refuses a host's own picker that answers more than was asked for", async () => {
    const { opener } = await openerPanel('own-too-many', {
      selectors: {
        goods: {
          open: () => ({
            status: 'ok',
            selected: GOODS.map(({ id, name }) => ({ id, name })),
          }),
        },
      },
    });
    const answer = await opener.run('call', {
      method: 'selectors.open',
      params: { selector: 'goods', multiple: true, max: 2 },
    });
    expect(answer.ok ? 'ok' : answer.error.code).to.equal('host_error');
  });
});
