import type { Host } from '@plugboard/host-runtime';
import { listsOf, type Selection } from '@plugboard/host-runtime/lists';
import { html, nothing } from 'lit';
import { counterparties, orders } from './data.js';

// The dev host's list views: the order list (its columns, toolbar actions on
// the ticked rows) and the counterparty list (its columns, a row action bar each).

/** The order list, or with `counterpartyList` the counterparty list; `select` takes a new selection. */
export function listView(
  host: Host,
  counterpartyList: boolean,
  selection: Selection,
  select: (selection: Selection) => void,
) {
  const lists = listsOf(host);
  const columns = lists.columns(counterpartyList ? 'counterparty.list' : 'customerorder.list');
  const rows = counterpartyList
    ? counterparties.map((c) => ({ id: c.id, label: c.name }))
    : orders.map((order) => ({ id: order.id, label: order.number }));
  const ids = selection.kind === 'ids' ? selection.ids : [];
  return html`${
      counterpartyList
        ? nothing
        : html`<pb-action-bar
            point="customerorder.list.actions"
            .host=${host}
            .selection=${selection}
          ></pb-action-bar>`
    }
    <table style="border-collapse:collapse;margin-top:8px">
      <thead>
        <tr>
          <th></th>
          <th>${counterpartyList ? 'Counterparty' : 'Order'}</th>
          ${columns.map((column) => html`<th>${column.title}</th>`)}${counterpartyList ? html`<th>Actions</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr data-row=${row.id}>
              <td>
                ${
                  counterpartyList
                    ? nothing
                    : html`<input
                        type="checkbox"
                        aria-label=${`Select ${row.label}`}
                        .checked=${ids.includes(row.id)}
                        @change=${(event: Event) => {
                          const checked = (event.target as HTMLInputElement).checked;
                          select({
                            kind: 'ids',
                            ids: checked ? [...ids, row.id] : ids.filter((id) => id !== row.id),
                          });
                        }}
                      />`
                }
              </td>
              <td>${row.label}</td>
              ${columns.map((column) => html`<td><pb-list-cell .host=${host} .column=${column} .row=${{ id: row.id, version: 0 }}></pb-list-cell></td>`)}
              ${counterpartyList ? html`<td><pb-action-bar point="counterparty.list.row" .host=${host} .selection=${{ kind: 'ids', ids: [row.id] }}></pb-action-bar></td>` : nothing}
            </tr>`,
        )}
      </tbody>
    </table>`;
}
