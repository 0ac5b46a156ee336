// The order list: 10,000 rows virtualised with @tanstack/react-virtual (only
// the rows on screen exist), a checkbox per row, and the installed apps'
// columns (<ListCell>, answered by each app's connector in batches) and
// toolbar actions (<ActionBar>).
import type { Selection } from '@plugboard/host-runtime/lists';
import { useHost } from '@plugboard/react';
import { ActionBar, ListCell, listsOf, type HostListColumn } from '@plugboard/react/lists';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { findCounterparty, money } from '../src/data.js';
import { allOrders, orderData, totalOf } from '../src/orders-store.js';

const ROW_HEIGHT = 36;

/** The apps' columns at `point`, following installs. */
function useColumns(point: string): HostListColumn[] {
  const host = useHost();
  const apps = useSyncExternalStore(host.store.subscribe, () => host.store.getState().apps);
  return useMemo(() => {
    void apps; // recomputed when the apps change
    return listsOf(host).columns(point);
  }, [host, point, apps]);
}

export function OrderList() {
  const orders = useMemo(allOrders, []);
  const columns = useColumns('customerorder.list');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: orders.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  });
  const selection: Selection = { kind: 'ids', ids: [...selected] };
  const template = `32px 110px minmax(0, 1fr) 110px ${columns.map(() => '150px').join(' ')}`;
  return (
    <section>
      <h1>Customer orders</h1>
      <ActionBar point="customerorder.list.actions" label="Order actions" selection={selection} />
      <div
        className="list"
        ref={scroller}
        role="table"
        aria-label="Customer orders"
        aria-rowcount={orders.length + 1}
        data-testid="orders"
      >
        <div
          className="row head"
          role="row"
          style={{ gridTemplateColumns: template, height: ROW_HEIGHT }}
        >
          <span role="columnheader" />
          <span role="columnheader">Number</span>
          <span role="columnheader">Counterparty</span>
          <span role="columnheader">Total</span>
          {columns.map((column) => (
            <span role="columnheader" key={column.key} title={`From ${column.appName}`}>
              {column.title}
            </span>
          ))}
        </div>
        <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
          {rows.getVirtualItems().map((item) => {
            const order = orders[item.index];
            if (!order) return null;
            const row = { id: order.id, version: order.revision ?? 0, data: orderData(order) };
            return (
              <div
                key={order.id}
                className="row"
                role="row"
                aria-rowindex={item.index + 2}
                style={{
                  gridTemplateColumns: template,
                  height: ROW_HEIGHT,
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <input
                  type="checkbox"
                  aria-label={`Select ${order.number}`}
                  checked={selected.has(order.id)}
                  onChange={(event) => {
                    const next = new Set(selected);
                    if (event.target.checked) next.add(order.id);
                    else next.delete(order.id);
                    setSelected(next);
                  }}
                />
                <a href={`#/orders/${order.id}`}>{order.number}</a>
                <span>{findCounterparty(order.counterpartyId)?.name ?? ''}</span>
                <span>{money(totalOf(order.lines))}</span>
                {columns.map((column) => (
                  <ListCell key={column.key} column={column} row={row} />
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
