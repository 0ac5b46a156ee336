// @plugboard/react over real cross-origin widgets and connectors, rendered
// in StrictMode as a React host runs in development: each widget's iframe
// loads once, unmounting leaves no iframe, mount, store entry or window
// listener behind, and the hooks follow the draft and guard leaving.
import { expect } from 'chai';
import type { Host, HostDraft } from '@plugboard/host-runtime';
import {
  HostProvider,
  PanelSlot,
  ToastRegion,
  useDraft,
  useHost,
  useLeaveGuard,
  useOpenDraft,
  type DraftSnapshot,
  type LeaveBlocker,
} from '@plugboard/react';
import { ActionBar, ListCell, listsOf } from '@plugboard/react/lists';
import type { HostActionDoneEvent, HostListCellElement } from '@plugboard/host-runtime/lists';
import { createElement, StrictMode, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { buttonIn, dialogsOpen, openDialogs } from '../support/dialogs.js';
import { waitFor } from '../support/fixture-events.js';
import { cleanUp, cleanups, manifest, setup } from '../support/host-page.js';
import { fixtureOrigin } from '../support/origins.js';

const h = createElement;

/** Renders `node` in StrictMode into a fresh element; `unmount` (also run after the test) undoes it. */
function render(node: ReactNode): { container: HTMLElement; root: Root; unmount(): void } {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  flushSync(() => {
    root.render(h(StrictMode, null, node));
  });
  let mounted = true;
  const unmount = () => {
    if (!mounted) return;
    mounted = false;
    flushSync(() => {
      root.unmount();
    });
    container.remove();
  };
  cleanups.push(unmount);
  return { container, root, unmount };
}

/** Counts the iframe pages the page loads, and the window's `message` listeners, from now on. */
function watchPage() {
  performance.clearResourceTimings();
  let listeners = 0;
  const add = window.addEventListener.bind(window);
  const remove = window.removeEventListener.bind(window);
  window.addEventListener = ((...args: Parameters<Window['addEventListener']>) => {
    if (args[0] === 'message') listeners++;
    add(...args);
  }) as Window['addEventListener'];
  window.removeEventListener = ((...args: Parameters<Window['removeEventListener']>) => {
    if (args[0] === 'message') listeners--;
    remove(...args);
  }) as Window['removeEventListener'];
  cleanups.push(() => {
    window.addEventListener = add;
    window.removeEventListener = remove;
  });
  return {
    /** The widget pages loaded into iframes (resource timing names each navigation). */
    loads: () =>
      performance
        .getEntriesByType('resource')
        .filter(
          (entry) =>
            (entry as PerformanceResourceTiming).initiatorType === 'iframe' &&
            entry.name.includes('/test/fixtures/auto-widget.html'),
        ).length,
    listeners: () => listeners,
  };
}

const frames = (container: HTMLElement) => [
  ...(container.querySelector('pb-panel-slot')?.shadowRoot?.querySelectorAll('pb-widget-frame') ??
    []),
];
const allReady = (container: HTMLElement, count: number) =>
  waitFor(
    () =>
      frames(container).length === count &&
      frames(container).every((frame) => frame.getAttribute('status') === 'ready'),
    () =>
      `${count} ready frames (${frames(container)
        .map((f) => f.getAttribute('status'))
        .join(', ')})`,
  );

describe('@plugboard/react', () => {
  afterEach(() => {
    cleanUp();
    for (const dialog of openDialogs()) dialog.remove();
  });

  it("mounts a card's widgets once in StrictMode, moves them to another entity, and leaves nothing after unmount", async () => {
    const { host } = setup();
    host.install(manifest('one'));
    host.install(manifest('two'));
    const page = watchPage();
    let show: (id: string) => void = () => undefined;
    function Card(): ReactNode {
      const [id, setId] = useState('42');
      show = setId;
      return h(PanelSlot, { point: 'customerorder.card', entity: { type: 'customerorder', id } });
    }
    const view = render(h(HostProvider, { host }, h(Card)));
    await allReady(view.container, 2);
    expect(page.loads()).to.equal(2);
    expect(host.mounts.size).to.equal(2);

    flushSync(() => {
      show('43');
    });
    await waitFor(
      () => Object.values(host.store.getState().widgets).every((w) => w.entity?.id === '43'),
      'the widgets on order 43',
    );
    expect(page.loads()).to.equal(2);

    view.unmount();
    expect(host.mounts.size).to.equal(0);
    expect(host.store.getState().widgets).to.deep.equal({});
    expect(document.querySelectorAll('iframe')).to.have.length(0);
    expect(page.listeners()).to.equal(0);
  });

  it('opens a draft for the component, follows it with useDraft, and closes it on unmount', async () => {
    const { host } = setup();
    host.install(manifest('one'));
    const seen: DraftSnapshot[] = [];
    let opened: HostDraft | undefined;
    function Card(): ReactNode {
      const draft = useOpenDraft(
        () => ({
          type: 'customerorder',
          id: '42',
          data: { comment: '' },
          persist: ({ id }) => Promise.resolve({ id: id ?? 'new' }),
        }),
        ['42'],
      );
      opened = draft;
      const state = useDraft(draft);
      if (state) seen.push(state);
      return h(
        'div',
        null,
        h(
          'output',
          { id: 'comment' },
          typeof state?.data['comment'] === 'string' ? state.data['comment'] : '',
        ),
        draft ? h(PanelSlot, { point: 'customerorder.card', entity: draft.entity, draft }) : null,
      );
    }
    const view = render(h(HostProvider, { host }, h(Card)));
    await allReady(view.container, 1);
    const draft = opened as HostDraft;
    expect(draft.dirty).to.equal(false);
    flushSync(() => {
      draft.change({ comment: 'Ring twice' });
    });
    expect(view.container.querySelector('#comment')?.textContent).to.equal('Ring twice');
    expect(seen.at(-1)).to.include({ dirty: true, saved: false, version: 1 });
    expect(seen.at(-1)?.changedBy).to.deep.equal(['user']);
    // A render that changed nothing gets the same snapshot.
    const renders = seen.length;
    flushSync(() => {
      view.root.render(h(StrictMode, null, h(HostProvider, { host }, h(Card))));
    });
    expect(seen.length).to.be.greaterThan(renders);
    expect(seen.at(-1)).to.equal(seen[renders - 1]);
    expect(host.unsaved).to.equal(true);

    view.unmount();
    // The draft closed with the card: nothing holds the user back.
    expect(host.unsaved).to.equal(false);
    expect(await host.confirmLeave()).to.equal(true);
  });

  it("asks once per blocked navigation with useLeaveGuard, and resets or proceeds the router's blocker", async () => {
    const { host } = setup();
    const draft = host.openDraft({
      type: 'customerorder',
      id: '42',
      data: { comment: '' },
      persist: ({ id }) => Promise.resolve({ id: id ?? 'new' }),
    });
    cleanups.push(() => {
      draft.close();
    });
    const answers: string[] = [];
    let block: (state: LeaveBlocker['state']) => void = () => undefined;
    let guard: ReturnType<typeof useLeaveGuard> | undefined;
    function Router(): ReactNode {
      const [state, setState] = useState<LeaveBlocker['state']>('unblocked');
      block = setState;
      guard = useLeaveGuard({
        blocker: {
          state,
          proceed: () => {
            answers.push('proceed');
            setState('proceeding');
          },
          reset: () => {
            answers.push('reset');
            setState('unblocked');
          },
        },
      });
      return null;
    }
    render(h(HostProvider, { host }, h(Router)));
    expect(guard?.unsaved()).to.equal(false);

    draft.change({ comment: 'Unsaved' });
    expect(guard?.unsaved()).to.equal(true);
    flushSync(() => {
      block('blocked');
    });
    const dialog = await dialogsOpen(1);
    buttonIn(dialog, 'Stay').click();
    await waitFor(() => answers.length === 1, 'the answer');
    expect(answers).to.deep.equal(['reset']);
    await dialogsOpen(0);

    flushSync(() => {
      block('blocked');
    });
    buttonIn(await dialogsOpen(1), 'Leave').click();
    await waitFor(() => answers.length === 2, 'the second answer');
    expect(answers).to.deep.equal(['reset', 'proceed']);
    expect(openDialogs()).to.have.length(0);
  });

  it("shows apps' cells and actions, and the host's toasts in its ToastRegion", async () => {
    const { host } = setup({
      extensionPoints: [
        { id: 'customerorder.list', kind: 'column', entity: 'customerorder', title: 'Orders' },
        { id: 'customerorder.list.actions', kind: 'action', entity: 'customerorder', title: 'Bar' },
      ],
    });
    host.install({
      ...manifest('tracker'),
      widgets: [],
      permissions: [],
      connector: { url: `${fixtureOrigin}/test/fixtures/connector.html` },
      columns: [{ id: 'status', point: 'customerorder.list', title: 'Status' }],
      actions: [
        {
          id: 'ship',
          point: 'customerorder.list.actions',
          title: 'Ship',
          run: 'connector',
          state: 'connector',
        },
      ],
    });
    cleanups.push(() => {
      listsOf(host).close();
    });
    const done: HostActionDoneEvent[] = [];
    function List(): ReactNode {
      const found: Host = useHost();
      const [column] = listsOf(found).columns('customerorder.list');
      return h(
        'div',
        null,
        h(ToastRegion),
        h(ActionBar, {
          point: 'customerorder.list.actions',
          selection: { kind: 'ids', ids: ['r1', 'r2'] },
          label: 'Orders',
          onActionDone: (event) => done.push(event),
        }),
        column ? h(ListCell, { column, row: { id: 'r1', version: 1 } }) : null,
      );
    }
    const view = render(h(HostProvider, { host }, h(List)));
    const cell = view.container.querySelector<HostListCellElement>('pb-list-cell');
    await waitFor(() => cell?.state?.status === 'ready', 'the cell');
    expect(cell?.textContent.trim()).to.equal('r1 v1 r1');

    const bar = view.container.querySelector('pb-action-bar');
    let ship: HTMLButtonElement | undefined;
    await waitFor(() => {
      ship = [...(bar?.shadowRoot?.querySelectorAll('button') ?? [])].find(
        (button) => button.textContent.trim() === 'Ship' && !button.disabled,
      );
      return ship !== undefined;
    }, 'Ship enabled');
    ship?.click();
    await waitFor(() => done.length === 1, 'the action done');
    expect(done[0]?.outcome.status).to.equal('done');
    // Its toast shows in this component's region, not one the host added to the body.
    const region = view.container.querySelector('pb-toast-region');
    await waitFor(
      () => region?.shadowRoot?.textContent.includes('Shipped 1') ?? false,
      "the action's toast in the ToastRegion",
    );
    expect(document.body.querySelectorAll(':scope > pb-toast-region')).to.have.length(0);
  });

  it('says which component has no host', () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => {
      errors.push(event.error);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    cleanups.push(() => {
      window.removeEventListener('error', onError);
    });
    const container = document.createElement('div');
    const root = createRoot(container, { onUncaughtError: (error) => errors.push(error) });
    flushSync(() => {
      root.render(h(PanelSlot, { point: 'customerorder.card' }));
    });
    root.unmount();
    expect(String(errors[0])).to.contain(
      'PanelSlot: no host. Put a <HostProvider host={host}> above it, or pass it the host.',
    );
  });
});
