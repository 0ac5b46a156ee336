import type { Selection } from '@plugboard/widget-sdk/protocol';
import { LitElement, css, html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ListsHost } from '../lists/lists-host.js';
import { findHost } from '../host-roots.js';
import type { HostActionOutcome, HostActionState, HostListAction } from '../lists/actions.js';
import { listsOf } from '../lists/host-lists.js';

/** Fired by `<pb-action-bar>` when one of its actions has run (`detail.outcome` says how it ended). */
export class HostActionDoneEvent extends Event {
  constructor(
    readonly action: HostListAction,
    readonly selection: Selection,
    readonly outcome: HostActionOutcome,
  ) {
    super('pb-action-done', { bubbles: true, composed: true });
  }
}

const NO_SELECTION: Selection = { kind: 'ids', ids: [] };

/**
 * `<pb-action-bar point="customerorder.list.actions" .selection=${selection}>`:
 * the buttons of every app's actions at an `action` point (a list's
 * toolbar, a row, a card), for the rows in `selection`. An action that does
 * not fit the selection, or that its connector says does not apply, stays
 * in the tab order with `aria-disabled` and its reason as a tooltip. While
 * one runs its button is busy; when it ends the bar fires `pb-action-done`.
 * A bar with no actions renders nothing (it gets the `empty` attribute).
 */
export class HostActionBarElement extends LitElement {
  static override properties: PropertyDeclarations = {
    point: {},
    selection: { attribute: false },
    host: { attribute: false },
    label: {},
    _states: { state: true },
    _running: { state: true },
  };

  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: var(--pb-action-gap, 8px);
    }
    :host([empty]) {
      display: none;
    }
    button {
      font: inherit;
      padding: var(--pb-action-padding, 4px 12px);
      border-radius: var(--pb-action-radius, 6px);
      border: 1px solid var(--pb-action-border, #d0d5dd);
      background: var(--pb-action-bg, #fff);
      color: var(--pb-action-fg, #344054);
      cursor: pointer;
    }
    button[aria-disabled='true'] {
      opacity: 0.55;
      cursor: not-allowed;
    }
    button[aria-busy='true'] {
      cursor: progress;
    }
    button:focus-visible {
      outline: 2px solid var(--pb-focus, #175cd3);
      outline-offset: 2px;
    }
  `;

  /** The `action` extension point's id. */
  declare point: string;
  /** The rows the actions run on. Default: none. */
  declare selection: Selection;
  /** The host. Default: the host attached to a root above the bar. */
  declare host: ListsHost | undefined;
  /** The toolbar's accessible name. Default: `Actions`. */
  declare label: string;
  declare _states: ReadonlyMap<string, HostActionState>;
  declare _running: ReadonlySet<string>;
  #asking: AbortController | undefined;
  #actions: HostListAction[] = [];
  #stopApps: (() => void) | undefined;

  constructor() {
    super();
    this.point = '';
    this.selection = NO_SELECTION;
    this.host = undefined;
    this.label = 'Actions';
    this._states = new Map();
    this._running = new Set();
  }

  /** The actions the bar shows now. */
  get actions(): readonly HostListAction[] {
    return this.#actions;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const host = this.#host();
    this.#stopApps = host?.store.subscribe((state, previous) => {
      if (state.apps !== previous.apps) this.#refresh();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopApps?.();
    this.#stopApps = undefined;
    this.#asking?.abort();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('point') || changed.has('selection') || changed.has('host')) this.#refresh();
  }

  #host(): ListsHost | undefined {
    return this.host ?? (findHost(this) as ListsHost | undefined);
  }

  #refresh(): void {
    const host = this.#host();
    this.#asking?.abort();
    if (!host || !this.isConnected) return;
    const lists = listsOf(host);
    this.#actions = lists.actions(this.point);
    this.toggleAttribute('empty', this.#actions.length === 0);
    const asking = (this.#asking = new AbortController());
    lists.states(
      this.#actions,
      this.selection,
      (states) => {
        if (!asking.signal.aborted) this._states = states;
      },
      asking.signal,
    );
  }

  async #run(action: HostListAction): Promise<void> {
    const host = this.#host();
    const state = this._states.get(action.key);
    if (!host || !state?.enabled || this._running.has(action.key)) return;
    const selection = this.selection;
    this._running = new Set([...this._running, action.key]);
    const outcome = await listsOf(host).run(action, selection);
    const running = new Set(this._running);
    running.delete(action.key);
    this._running = running;
    this.dispatchEvent(new HostActionDoneEvent(action, selection, outcome));
  }

  protected override render() {
    if (this.#actions.length === 0) return nothing;
    return html`<div role="toolbar" aria-label=${this.label} style="display:contents">
      ${repeat(
        this.#actions.filter((action) => this._states.get(action.key)?.visible !== false),
        (action) => action.key,
        (action) => {
          const state = this._states.get(action.key);
          const running = this._running.has(action.key);
          const enabled = (state?.enabled ?? false) && !running;
          return html`<button
            type="button"
            data-action=${action.key}
            aria-disabled=${enabled ? 'false' : 'true'}
            aria-busy=${running || state?.pending ? 'true' : 'false'}
            title=${state?.reason ?? `${action.title} (${action.appName})`}
            @click=${() => {
              void this.#run(action);
            }}
          >
            ${action.title}
          </button>`;
        },
      )}
    </div>`;
  }
}

if (!customElements.get('pb-action-bar'))
  customElements.define('pb-action-bar', HostActionBarElement);

declare global {
  interface HTMLElementTagNameMap {
    'pb-action-bar': HostActionBarElement;
  }
  interface HTMLElementEventMap {
    'pb-action-done': HostActionDoneEvent;
  }
}
