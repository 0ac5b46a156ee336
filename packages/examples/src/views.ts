// Order desk's pages, rendered with lit. The card templates keep the same
// shape for every entity, so moving from one order to the next updates the
// card instead of creating a new one, and its panel slot lives on.
import { html, type TemplateResult } from 'lit';
import '@plugboard/host-runtime';
import { counterparties, findCounterparty, money } from './data.js';
import './order-card.js';
import { allOrders, totalOf } from './orders-store.js';

const link = (path: string, text: string) => html`<a href=${path} data-link>${text}</a>`;

export function ordersPage(): TemplateResult {
  return html`
    <h1>Customer orders</h1>
    <p>${link('/orders/new', 'New order')}</p>
    <table>
      <thead>
        <tr>
          <th>Number</th>
          <th>Date</th>
          <th>Counterparty</th>
          <th>Status</th>
          <th class="num">Total</th>
        </tr>
      </thead>
      <tbody>
        ${allOrders().map((order) => {
          const counterparty = findCounterparty(order.counterpartyId);
          return html`<tr>
            <td>${link(`/orders/${order.id}`, order.number)}</td>
            <td>${order.date}</td>
            <td>
              ${counterparty ? link(`/counterparties/${counterparty.id}`, counterparty.name) : ''}
            </td>
            <td><span class="status status-${order.status}">${order.status}</span></td>
            <td class="num">${money(totalOf(order.lines))}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  `;
}

/** An order's card, or the create page (`new`): one element for all, so its widgets live on. */
export function orderCard(id: string): TemplateResult {
  return html`<od-order-card order-id=${id}></od-order-card>`;
}

export function counterpartyCard(id: string): TemplateResult {
  const counterparty = findCounterparty(id);
  if (!counterparty) return notFound(`There is no counterparty ${id}.`);
  const theirs = allOrders().filter((order) => order.counterpartyId === id);
  const index = counterparties.indexOf(counterparty);
  const next = counterparties[(index + 1) % counterparties.length];
  return html`
    <nav class="crumbs">${link('/orders', 'Customer orders')} / ${counterparty.name}</nav>
    <div class="card">
      <section class="main">
        <h1>${counterparty.name}</h1>
        <dl>
          <dt>City</dt>
          <dd>${counterparty.city}</dd>
          <dt>Email</dt>
          <dd>${counterparty.email}</dd>
        </dl>
        <h2>Orders</h2>
        <ul>
          ${theirs.map((order) => html`<li>${link(`/orders/${order.id}`, order.number)} · ${money(totalOf(order.lines))}</li>`)}
        </ul>
        <p class="pager">${next ? link(`/counterparties/${next.id}`, `${next.name} →`) : ''}</p>
      </section>
      <aside>
        <pb-panel-slot
          point="counterparty.card"
          entity-type="counterparty"
          entity-id=${counterparty.id}
        ></pb-panel-slot>
      </aside>
    </div>
  `;
}

export function notFound(message = 'There is no such page.'): TemplateResult {
  return html`<h1>Not found</h1>
    <p>${message} ${link('/orders', 'Back to the orders')}</p>`;
}
