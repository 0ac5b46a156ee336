// A counterparty card: the apps' panels for a counterparty (no draft: the
// widgets only read it).
import { PanelSlot } from '@plugboard/react';
import { findCounterparty } from '../src/data.js';

export function CounterpartyCard({ id }: { id: string }) {
  const counterparty = findCounterparty(id);
  if (!counterparty) return <p>There is no counterparty {id}.</p>;
  return (
    <div className="card">
      <section>
        <p>
          <a href="#/orders">Customer orders</a> / {counterparty.name}
        </p>
        <h1>{counterparty.name}</h1>
      </section>
      <PanelSlot point="counterparty.card" entity={{ type: 'counterparty', id }} />
    </div>
  );
}
