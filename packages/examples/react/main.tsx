// Order desk for React: a second host product, built with @plugboard/react
// in StrictMode, embedding the same vendor apps as Order desk: the order
// list (10,000 rows, virtualised with @tanstack/react-virtual, with the
// apps' columns and actions), an order card (a draft, the apps' panels,
// save, discard, save without an optional app) and a counterparty card.
import { HostProvider, ToastRegion, useHost, useLeaveGuard } from '@plugboard/react';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CounterpartyCard } from './counterparty-card.js';
import { host, installApps } from './host.js';
import { OrderCard } from './order-card.js';
import { OrderList } from './order-list.js';
import { useRoute } from './router.js';

// The apps install once per page, outside rendering (StrictMode runs effects twice).
const installed = installApps(import.meta.env.VITE_VENDOR_ORIGIN);

function App() {
  const found = useHost();
  const unsaved = useCallback(() => found.unsaved, [found]);
  const { path, blocker } = useRoute(unsaved);
  useLeaveGuard({ blocker });
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void installed.then((found) => {
      if (live) setProblems(found);
    });
    return () => {
      live = false;
    };
  }, []);
  const order = /^\/orders\/([\w-]+)$/.exec(path)?.[1];
  const counterparty = /^\/counterparties\/([\w-]+)$/.exec(path)?.[1];
  return (
    <>
      <header>
        <strong>Order desk for React</strong>
        <a href="#/orders">Orders</a>
        <a href="/">Order desk (lit)</a>
      </header>
      <main>
        {problems.length > 0 && (
          <ul className="problems" role="alert" data-testid="install-problems">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        {order !== undefined ? (
          <OrderCard id={order} />
        ) : counterparty !== undefined ? (
          <CounterpartyCard id={counterparty} />
        ) : (
          <OrderList />
        )}
      </main>
      <ToastRegion />
    </>
  );
}

const root = document.getElementById('app');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <HostProvider host={host}>
        <App />
      </HostProvider>
    </StrictMode>,
  );
}
