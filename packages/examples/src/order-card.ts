// Order desk's order card, editable: the card keeps a draft of the order
// (host.openDraft) that both the user's edits and the widgets' updates
// change; Save runs the runtime's save flow (widgets validate, Order desk
// persists, widgets save their own data). The same element serves every
// order and the create page, so its panel slot, and the live widgets in it,
// survive moving between orders.
import type { HostDraft, HostSaveReport } from '@plugboard/host-runtime';
import '@plugboard/host-runtime/lists'; // <pb-action-bar>
import type { Selection } from '@plugboard/host-runtime/lists';
import type { JsonValue } from '@plugboard/widget-sdk';
import { LitElement, html, type PropertyValues } from 'lit';
import { counterparties, findGood } from './data.js';
import { host } from './host.js';
import {
  allOrders,
  blankOrderData,
  getOrder,
  orderData,
  positionsOf,
  saveOrder,
  totalOf,
} from './orders-store.js';
import { positionsTable } from './positions-table.js';
import { saveProblems, unsavedBy } from './save-status.js';
import { replaceRoute } from './router.js';

const STATUSES = ['new', 'confirmed', 'shipped', 'delivered'];

const link = (path: string, text: string) => html`<a href=${path} data-link>${text}</a>`;

export class OrderCardElement extends LitElement {
  static override properties = {
    orderId: { attribute: 'order-id' },
    report: { state: true },
  };

  /** The order's id, or `new` for the create page. */
  declare orderId: string;
  /** The last save's outcome, while it has something to say. */
  declare report: HostSaveReport | undefined;

  #draft: HostDraft | undefined;
  #stop: (() => void) | undefined;

  constructor() {
    super();
    this.orderId = '';
    this.report = undefined;
  }

  // The card's markup uses the page's styles.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // After a create page's first save the URL names the new order: same draft.
    if (changed.has('orderId') && this.orderId !== this.#draft?.id) this.#open();
  }

  #open(): void {
    this.#close();
    this.report = undefined;
    const existing = this.orderId === 'new' ? undefined : getOrder(this.orderId);
    if (this.orderId !== 'new' && !existing) return;
    const draft = host.openDraft({
      type: 'customerorder',
      id: existing?.id ?? null,
      data: existing ? orderData(existing) : blankOrderData(),
      persist: ({ id, data }) => Promise.resolve(saveOrder(id, data)),
    });
    this.#draft = draft;
    this.#stop = draft.subscribe(() => {
      this.#derive(draft);
      this.requestUpdate();
    });
  }

  #close(): void {
    this.#stop?.();
    this.#draft?.close();
    this.#draft = undefined;
  }

  /**
   * Order desk owns the positions' prices and the total: a widget that adds
   * goods gives ids and quantities, and the card fills in the rest.
   */
  #derive(draft: HostDraft): void {
    const positions = positionsOf(draft.data);
    const lines = positions.map((line) => ({
      goodId: line.goodId,
      name: findGood(line.goodId)?.name ?? line.goodId,
      quantity: line.quantity,
      price: line.price,
    }));
    const total = totalOf(positions);
    if (
      JSON.stringify(lines) !== JSON.stringify(draft.data['lines']) ||
      total !== draft.data['total']
    ) {
      // The host's consequence of what was edited, nobody's edit of its own.
      draft.change({ lines, total }, { derived: true });
    }
  }

  #edit(field: string, value: JsonValue): void {
    this.#draft?.change({ [field]: value });
  }

  /** Changes one position's quantity or price (in cents), or removes it (`undefined`). */
  #editLine(index: number, patch: { quantity?: number; price?: number } | undefined): void {
    const draft = this.#draft;
    if (!draft) return;
    const lines = positionsOf(draft.data).flatMap((line, i) =>
      i !== index ? [line] : patch === undefined ? [] : [{ ...line, ...patch }],
    );
    draft.change({ lines: lines.map((line) => ({ ...line })) });
  }

  async #save(skip?: string[]): Promise<void> {
    const draft = this.#draft;
    if (!draft) return;
    const created = draft.id === null;
    // The last save's verdict is stale once another begins.
    this.report = undefined;
    const report = await draft.save(skip ? { skip } : {});
    this.report = report;
    if (!report.saved) return;
    const failed = report.widgetSaves.filter((save) => !save.ok);
    const unchecked = (report.skipped ?? []).map((app) => app.appName).join(', ');
    void host.showToast({
      message:
        failed.length > 0
          ? 'Order saved; an app could not save its data.'
          : unchecked
            ? `Order saved without ${unchecked}'s check.`
            : 'Order saved.',
      tone: failed.length === 0 && !unchecked ? 'success' : 'warning',
    });
    // The saved order has an id now (draft.entity reads it afresh).
    const saved = draft.entity;
    if (created && saved) {
      this.orderId = saved.id;
      replaceRoute(`/orders/${saved.id}`);
    }
  }

  override render() {
    const draft = this.#draft;
    if (!draft) {
      return html`<h1>Not found</h1>
        <p>There is no order ${this.orderId}. ${link('/orders', 'Back to the orders')}</p>`;
    }
    const data = draft.data;
    const text = (key: string) => (typeof data[key] === 'string' ? data[key] : '');
    const positions = positionsOf(data);
    const all = allOrders();
    const index = all.findIndex((order) => order.id === draft.id);
    const previous = index > 0 ? all[index - 1] : undefined;
    const next = index >= 0 ? all[index + 1] : undefined;
    const title = draft.id === null ? 'New order' : `Order ${text('number')}`;
    return html`
      <nav class="crumbs">${link('/orders', 'Customer orders')} / ${title}</nav>
      <div class="card">
        <section class="main">
          <h1>${title}</h1>
          ${
            draft.id === null
              ? ''
              : html`<pb-action-bar
                  point="customerorder.card.actions"
                  label="Order actions"
                  .selection=${this.#selectionOf(draft.id)}
                ></pb-action-bar>`
          }
          ${unsavedBy(draft)} ${saveProblems(this.report, (skip) => void this.#save(skip))}
          <form
            class="fields"
            @submit=${(event: Event) => {
              event.preventDefault();
            }}
          >
            <label
              >Status
              <select
                data-testid="status"
                .value=${text('status')}
                @change=${(e: Event) => {
                  this.#edit('status', (e.target as HTMLSelectElement).value);
                }}
              >
                ${STATUSES.map(
                  (status) =>
                    html`<option value=${status} ?selected=${status === text('status')}>
                      ${status}
                    </option>`,
                )}
              </select></label
            >
            <label
              >Counterparty
              <select
                data-testid="counterparty"
                @change=${(e: Event) => {
                  const id = (e.target as HTMLSelectElement).value;
                  draft.change({
                    counterpartyId: id,
                    counterparty: counterparties.find((c) => c.id === id)?.name ?? null,
                  });
                }}
              >
                ${counterparties.map(
                  (c) =>
                    html`<option value=${c.id} ?selected=${c.id === text('counterpartyId')}>
                      ${c.name}
                    </option>`,
                )}
              </select></label
            >
            <label
              >Delivery
              <select
                data-testid="delivery-method"
                @change=${(e: Event) => {
                  this.#edit('deliveryMethod', (e.target as HTMLSelectElement).value);
                }}
              >
                <option value="pickup" ?selected=${text('deliveryMethod') !== 'courier'}>
                  Pickup
                </option>
                <option value="courier" ?selected=${text('deliveryMethod') === 'courier'}>
                  Courier
                </option>
              </select></label
            >
            <label
              >Delivery address
              <input
                data-testid="delivery-address"
                .value=${text('deliveryAddress')}
                @input=${(e: Event) => {
                  this.#edit('deliveryAddress', (e.target as HTMLInputElement).value);
                }}
            /></label>
            <label class="wide"
              >Comment
              <textarea
                data-testid="comment"
                rows="2"
                .value=${text('comment')}
                @input=${(e: Event) => {
                  this.#edit('comment', (e.target as HTMLTextAreaElement).value);
                }}
              ></textarea>
            </label>
          </form>
          ${positionsTable(positions, (i, patch) => {
            this.#editLine(i, patch);
          })}
          <p class="actions">
            <button
              type="button"
              class="primary"
              data-testid="save"
              ?disabled=${!draft.dirty || draft.saving}
              @click=${() => void this.#save()}
            >
              ${draft.saving ? 'Saving…' : draft.id === null ? 'Create order' : 'Save'}
            </button>
            <button
              type="button"
              data-testid="discard"
              ?disabled=${draft.saved || draft.saving}
              @click=${() => {
                this.report = undefined;
                draft.discard();
              }}
            >
              Discard changes
            </button>
          </p>
          <p class="pager">
            ${previous ? link(`/orders/${previous.id}`, `← ${previous.number}`) : ''}
            ${
              next
                ? html`<a href=${`/orders/${next.id}`} data-link data-testid="next-order"
                    >${next.number} →</a
                  >`
                : ''
            }
          </p>
        </section>
        <aside>
          <pb-panel-slot point="customerorder.card" .draft=${draft}></pb-panel-slot>
        </aside>
      </div>
    `;
  }

  /** Who holds unsaved work, named. */
  #selection: Selection | undefined;

  /** The card's order as an action's selection; the same object while the order is. */
  #selectionOf(id: string): Selection {
    if (this.#selection?.kind !== 'ids' || this.#selection.ids[0] !== id) {
      this.#selection = { kind: 'ids', ids: [id] };
    }
    return this.#selection;
  }
}

customElements.define('od-order-card', OrderCardElement);

declare global {
  interface HTMLElementTagNameMap {
    'od-order-card': OrderCardElement;
  }
}
