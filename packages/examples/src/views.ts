// Order desk's pages, rendered with lit. The card templates keep the same
// shape for every entity, so moving from one order to the next updates the
// panel slot's entity-id instead of creating a new slot.
import { html, type TemplateResult } from 'lit';
import '@plugboard/host-runtime';
import { counterparties, findCounterparty, findGood, findOrder, money, orders } from './data.js';

const link = (path: string, text: string) => html`<a href=${path} data-link>${text}</a>`;

export function ordersPage(): TemplateResult {
  return html`
    <h1>Customer orders</h1>
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
        ${orders.map((order) => {
          const counterparty = findCounterparty(order.counterpartyId);
          return html`<tr>
            <td>${link(`/orders/${order.id}`, order.number)}</td>
            <td>${order.date}</td>
            <td>
              ${counterparty ? link(`/counterparties/${counterparty.id}`, counterparty.name) : ''}
            </td>
            <td><span class="status status-${order.status}">${order.status}</span></td>
            <td class="num">${money(order.total)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  `;
}

export function orderCard(id: string): TemplateResult {
  const order = findOrder(id);
  if (!order) return notFound(`There is no order ${id}.`);
  const counterparty = findCounterparty(order.counterpartyId);
  const index = orders.indexOf(order);
  const previous = orders[index - 1];
  const next = orders[index + 1];
  return html`
    <nav class="crumbs">${link('/orders', 'Customer orders')} / ${order.number}</nav>
    <div class="card">
      <section class="main">
        <h1>Order ${order.number}</h1>
        <dl>
          <dt>Date</dt>
          <dd>${order.date}</dd>
          <dt>Counterparty</dt>
          <dd>
            ${counterparty ? link(`/counterparties/${counterparty.id}`, counterparty.name) : ''}
          </dd>
          <dt>Status</dt>
          <dd><span class="status status-${order.status}">${order.status}</span></dd>
        </dl>
        <table>
          <thead>
            <tr>
              <th>Item</th>
              <th class="num">Qty</th>
              <th class="num">Price</th>
              <th class="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            ${order.lines.map(
              (line) =>
                html`<tr>
                  <td>${findGood(line.goodId)?.name ?? line.goodId}</td>
                  <td class="num">${line.quantity}</td>
                  <td class="num">${money(line.price)}</td>
                  <td class="num">${money(line.quantity * line.price)}</td>
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <td colspan="3">Total</td>
              <td class="num">${money(order.total)}</td>
            </tr>
          </tfoot>
        </table>
        <p class="pager">
          ${previous ? link(`/orders/${previous.id}`, `← ${previous.number}`) : ''}
          ${next ? html`<a href=${`/orders/${next.id}`} data-link data-testid="next-order">${next.number} →</a>` : ''}
        </p>
      </section>
      <aside>
        <pb-panel-slot
          point="customerorder.card"
          entity-type="customerorder"
          entity-id=${order.id}
        ></pb-panel-slot>
      </aside>
    </div>
  `;
}

export function counterpartyCard(id: string): TemplateResult {
  const counterparty = findCounterparty(id);
  if (!counterparty) return notFound(`There is no counterparty ${id}.`);
  const theirs = orders.filter((order) => order.counterpartyId === id);
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
          ${theirs.map((order) => html`<li>${link(`/orders/${order.id}`, order.number)} · ${money(order.total)}</li>`)}
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
