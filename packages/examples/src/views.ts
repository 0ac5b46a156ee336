// Order desk's pages, rendered with lit. The card templates keep the same
// shape for every entity, so moving from one order to the next updates the
// card instead of creating a new one, and its panel slot lives on.
import { html, type TemplateResult } from 'lit';
import '@plugboard/host-runtime';
import { listsOf } from '@plugboard/host-runtime/lists';
import { counterparties, findCounterparty, findGood, goodFolders, goods, money } from './data.js';
import { host } from './host.js';
import './order-card.js';
import './order-list.js';
import { allOrders, totalOf } from './orders-store.js';

const link = (path: string, text: string) => html`<a href=${path} data-link>${text}</a>`;

/** The order list: 10,000 orders, virtualised, with apps' columns and actions. */
export function ordersPage(): TemplateResult {
  return html`<od-order-list></od-order-list>`;
}

/** The counterparty list, with apps' columns and a row action each. */
export function counterpartiesPage(): TemplateResult {
  const lists = listsOf(host);
  const columns = lists.columns('counterparty.list');
  return html`
    <h1>Counterparties</h1>
    <table>
      <thead>
        <tr>
          <th>Name</th>
          <th>City</th>
          <th>Email</th>
          ${columns.map((column) => html`<th title=${`From ${column.appName}`}>${column.title}</th>`)}
          <th><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${counterparties.map(
          (counterparty) =>
            html`<tr data-counterparty=${counterparty.id}>
              <td>${link(`/counterparties/${counterparty.id}`, counterparty.name)}</td>
              <td>${counterparty.city}</td>
              <td>${counterparty.email}</td>
              ${columns.map(
                (column) =>
                  html`<td>
                    <pb-list-cell
                      data-column=${column.key}
                      .column=${column}
                      .row=${{ id: counterparty.id, version: 0 }}
                    ></pb-list-cell>
                  </td>`,
              )}
              <td>
                <pb-action-bar
                  point="counterparty.list.row"
                  label=${`Actions for ${counterparty.name}`}
                  .selection=${{ kind: 'ids', ids: [counterparty.id] }}
                ></pb-action-bar>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  `;
}

/** An order's card, or the create page (`new`): one element for all, so its widgets live on. */
export function orderCard(id: string): TemplateResult {
  return html`<od-order-card order-id=${id}></od-order-card>`;
}

/** The item after `item` in `items`, round to the first. */
const nextOf = <T>(items: readonly T[], item: T): T | undefined =>
  items[(items.indexOf(item) + 1) % items.length];

/**
 * An entity's card: the crumbs, its main part (`main`, under its title),
 * a link to the next one, and the panel slot of its point, where apps'
 * widgets show.
 */
function entityCard(card: {
  readonly crumb: TemplateResult;
  readonly title: string;
  readonly main: TemplateResult;
  readonly next: { readonly path: string; readonly name: string } | undefined;
  readonly point: string;
  readonly type: string;
  readonly id: string;
}): TemplateResult {
  return html`
    <nav class="crumbs">${card.crumb} / ${card.title}</nav>
    <div class="card">
      <section class="main">
        <h1>${card.title}</h1>
        ${card.main}
        <p class="pager">${card.next ? link(card.next.path, `${card.next.name} →`) : ''}</p>
      </section>
      <aside>
        <pb-panel-slot
          point=${card.point}
          entity-type=${card.type}
          entity-id=${card.id}
        ></pb-panel-slot>
      </aside>
    </div>
  `;
}

export function counterpartyCard(id: string): TemplateResult {
  const counterparty = findCounterparty(id);
  if (!counterparty) return notFound(`There is no counterparty ${id}.`);
  const theirs = allOrders().filter((order) => order.counterpartyId === id);
  const next = nextOf(counterparties, counterparty);
  return entityCard({
    crumb: link('/orders', 'Customer orders'),
    title: counterparty.name,
    main: html`
      <dl>
        <dt>City</dt>
        <dd>${counterparty.city}</dd>
        <dt>Email</dt>
        <dd>${counterparty.email}</dd>
      </dl>
      <h2>Orders</h2>
      <ul>
        ${theirs
          .slice(0, 10)
          .map(
            (order) =>
              html`<li>
                ${link(`/orders/${order.id}`, order.number)} · ${money(totalOf(order.lines))}
              </li>`,
          )}
        ${theirs.length > 10 ? html`<li>and ${theirs.length - 10} more</li>` : ''}
      </ul>
    `,
    next: next && { path: `/counterparties/${next.id}`, name: next.name },
    point: 'counterparty.card',
    type: 'counterparty',
    id: counterparty.id,
  });
}

/** The goods: each links to its card. */
export function goodsPage(): TemplateResult {
  return html`
    <h1>Goods</h1>
    <ul class="columns">
      ${goods.map(
        (good) => html`<li>${link(`/goods/${good.id}`, good.name)} · ${money(good.price)}</li>`,
      )}
    </ul>
  `;
}

/** A good's card, with apps' goods-card widgets (MoySklad's entity.product.edit among them). */
export function goodsCard(id: string): TemplateResult {
  const good = findGood(id);
  if (!good) return notFound(`There are no goods ${id}.`);
  const next = nextOf(goods, good);
  const folder = goodFolders.find((f) => f.id === good.folderId);
  return entityCard({
    crumb: link('/goods', 'Goods'),
    title: good.name,
    main: html`
      <dl>
        <dt>Price</dt>
        <dd>${money(good.price)}</dd>
        <dt>Folder</dt>
        <dd>${folder?.name ?? ''}</dd>
      </dl>
    `,
    next: next && { path: `/goods/${next.id}`, name: next.name },
    point: 'product.card',
    type: 'product',
    id: good.id,
  });
}

export function notFound(message = 'There is no such page.'): TemplateResult {
  return html`<h1>Not found</h1>
    <p>${message} ${link('/orders', 'Back to the orders')}</p>`;
}
