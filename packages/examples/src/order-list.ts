// Order desk's list of customer orders: 10,000 rows, virtualised (only the
// rows on screen exist), with a checkbox per row and "select all", and the
// installed apps' columns and toolbar actions. Apps' cells come from their
// connectors in batches, for the rows on screen.
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { Selection } from '@plugboard/host-runtime/lists';
import { listsOf, type HostListColumn } from '@plugboard/host-runtime/lists';
import { LitElement, html } from 'lit';
import { findCounterparty, money } from './data.js';
import { host } from './host.js';
import { allOrders, orderData, totalOf, type Order } from './orders-store.js';

const link = (path: string, text: string) => html`<a href=${path} data-link>${text}</a>`;

/** `<od-order-list>`. Light DOM: the router's links and the page's styles reach into it. */
export class OrderListElement extends LitElement {
  static override properties = { _selected: { state: true }, _all: { state: true } };
  declare _selected: ReadonlySet<string>;
  /** "Select all": every order but those unticked since. */
  declare _all: boolean;
  #orders: Order[] = allOrders();
  #columns: HostListColumn[] = [];

  constructor() {
    super();
    this._selected = new Set();
    this._all = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  #stopApps: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#orders = allOrders();
    this.#columns = listsOf(host).columns('customerorder.list');
    // Apps install after the first render: their columns join as they come.
    this.#stopApps = host.store.subscribe((state, previous) => {
      if (state.apps === previous.apps) return;
      this.#columns = listsOf(host).columns('customerorder.list');
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopApps?.();
  }

  /** The selection as apps get it: ids, or for "select all" the list's query, what was left out, and the count. */
  get selection(): Selection {
    return this._all
      ? {
          kind: 'query',
          query: { list: 'customerorder' },
          excluded: [...this._selected],
          count: this.#orders.length - this._selected.size,
        }
      : { kind: 'ids', ids: [...this._selected] };
  }

  #isTicked(id: string): boolean {
    return this._all !== this._selected.has(id);
  }

  #toggle(id: string): void {
    const next = new Set(this._selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this._selected = next;
  }

  #toggleAll(event: Event): void {
    this._all = (event.target as HTMLInputElement).checked;
    this._selected = new Set();
  }

  protected override render() {
    const count = this.selection.kind === 'ids' ? this.selection.ids.length : this.selection.count;
    const template = `32px 100px 100px minmax(160px, 1fr) 100px 110px ${this.#columns
      .map((column) => `${column.width ?? 120}px`)
      .join(' ')}`;
    return html`
      <h1>Customer orders</h1>
      <div class="list-toolbar">
        ${link('/orders/new', 'New order')}
        <span class="selected" data-testid="selected-count">${count} selected</span>
        <pb-action-bar
          point="customerorder.list.actions"
          label="Order actions"
          .selection=${this.selection}
        ></pb-action-bar>
      </div>
      <div
        class="list"
        role="table"
        aria-label="Customer orders"
        aria-rowcount=${this.#orders.length + 1}
        style=${`--columns:${template}`}
      >
        <div class="list-row list-head" role="row">
          <span role="columnheader"
            ><input
              type="checkbox"
              aria-label="Select all orders"
              .checked=${this._all && this._selected.size === 0}
              .indeterminate=${this._selected.size > 0}
              @change=${this.#toggleAll}
          /></span>
          <span role="columnheader">Number</span>
          <span role="columnheader">Date</span>
          <span role="columnheader">Counterparty</span>
          <span role="columnheader">Status</span>
          <span role="columnheader" class="num">Total</span>
          ${this.#columns.map(
            (column) =>
              html`<span
                role="columnheader"
                title=${`From ${column.appName}`}
                class=${column.align === 'end' ? 'num' : ''}
                >${column.title}</span
              >`,
          )}
        </div>
        <div role="rowgroup">
          ${virtualize({
            items: this.#orders,
            keyFunction: (order: Order) => order.id,
            renderItem: (order: Order, index: number) => this.#row(order, index),
          })}
        </div>
      </div>
    `;
  }

  #row(order: Order, index: number) {
    const counterparty = findCounterparty(order.counterpartyId);
    const row = { id: order.id, version: order.revision ?? 0, data: orderData(order) };
    return html`<div class="list-row" role="row" aria-rowindex=${index + 2} data-order=${order.id}>
      <span role="cell"
        ><input
          type="checkbox"
          aria-label=${`Select ${order.number}`}
          .checked=${this.#isTicked(order.id)}
          @change=${() => {
            this.#toggle(order.id);
          }}
      /></span>
      <span role="cell">${link(`/orders/${order.id}`, order.number)}</span>
      <span role="cell">${order.date}</span>
      <span role="cell"
        >${counterparty ? link(`/counterparties/${counterparty.id}`, counterparty.name) : ''}</span
      >
      <span role="cell"><span class="status status-${order.status}">${order.status}</span></span>
      <span role="cell" class="num">${money(totalOf(order.lines))}</span>
      ${this.#columns.map(
        (column) =>
          html`<span role="cell"
            ><pb-list-cell data-column=${column.key} .column=${column} .row=${row}></pb-list-cell
          ></span>`,
      )}
    </div>`;
  }
}

customElements.define('od-order-list', OrderListElement);
