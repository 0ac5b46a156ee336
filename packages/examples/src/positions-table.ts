// The order card's positions: each line's goods, quantity and price (both
// editable), its amount, a button that removes it, and the order's total.
import { html } from 'lit';
import { findGood, money } from './data.js';
import { totalOf, type Position } from './orders-store.js';

/** An edit of line `index`: new quantity or price, or `undefined` to remove it. */
export type LineEdit = (
  index: number,
  patch: { quantity?: number; price?: number } | undefined,
) => void;

/** The positions table of an order card; `edit` applies the user's changes. */
export const positionsTable = (positions: readonly Position[], edit: LineEdit) =>
  html`<table data-testid="positions">
    <thead>
      <tr>
        <th>Item</th>
        <th class="num">Qty</th>
        <th class="num">Price</th>
        <th class="num">Amount</th>
        <th><span class="visually-hidden">Remove</span></th>
      </tr>
    </thead>
    <tbody>
      ${positions.map((line, i) => {
        const name = findGood(line.goodId)?.name ?? line.goodId;
        return html`<tr>
          <td>${name}</td>
          <td class="num">
            <input
              class="qty"
              type="number"
              min="1"
              aria-label=${`Quantity of ${name}`}
              .value=${String(line.quantity)}
              @change=${(e: Event) => {
                const quantity = Number((e.target as HTMLInputElement).value);
                if (quantity >= 1) edit(i, { quantity: Math.round(quantity) });
              }}
            />
          </td>
          <td class="num">
            <input
              class="price"
              type="number"
              min="0"
              step="0.01"
              aria-label=${`Price of ${name}, in euros`}
              .value=${(line.price / 100).toFixed(2)}
              @change=${(e: Event) => {
                const euros = Number((e.target as HTMLInputElement).value);
                if (Number.isFinite(euros) && euros >= 0) {
                  edit(i, { price: Math.round(euros * 100) });
                }
              }}
            />
          </td>
          <td class="num">${money(line.quantity * line.price)}</td>
          <td>
            <button
              type="button"
              aria-label=${`Remove ${name}`}
              @click=${() => {
                edit(i, undefined);
              }}
            >
              ×
            </button>
          </td>
        </tr>`;
      })}
    </tbody>
    <tfoot>
      <tr>
        <td colspan="3">Total</td>
        <td class="num" data-testid="total">${money(totalOf(positions))}</td>
        <td></td>
      </tr>
    </tfoot>
  </table>`;
