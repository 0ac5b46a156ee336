// An order card: the order in a draft for the card's life (useOpenDraft),
// its fields, the apps' panels on it (<PanelSlot> with the draft), Save
// (with "Save without …" when an optional app did not answer), Discard,
// and a total the host derives from the positions (nobody's edit).
import type { HostSaveReport } from '@plugboard/host-runtime';
import { PanelSlot, useDraft, useOpenDraft } from '@plugboard/react';
import { useEffect, useState } from 'react';
import { money } from '../src/data.js';
import { getOrder, orderData, positionsOf, saveOrder, totalOf } from '../src/orders-store.js';

const STATUSES = ['new', 'confirmed', 'shipped', 'delivered'];

function SaveProblems({
  report,
  saveWithout,
}: {
  report: HostSaveReport | undefined;
  saveWithout: (skip: string[]) => void;
}) {
  if (!report) return null;
  const lines = [
    ...report.blockedBy.map((answer) =>
      answer.outcome === 'invalid' ? `${answer.appName}: ${answer.message ?? ''}` : answer.message,
    ),
    ...(report.error ? [`The order could not be saved: ${report.error}`] : []),
    ...report.widgetSaves.flatMap((save) => (save.ok ? [] : [save.message])),
    ...(report.skipped ?? []).map((app) => `${app.appName} did not check these changes.`),
  ];
  if (lines.length === 0) return null;
  const skippable = report.blockedBy.length > 0 && report.blockedBy.every((a) => a.skippable);
  return (
    <div className="problems" role="alert" data-testid="save-problems">
      <strong>{report.saved ? 'Saved, but:' : 'Not saved:'}</strong>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {skippable && (
        <button
          type="button"
          data-testid="save-anyway"
          onClick={() => {
            saveWithout(report.blockedBy.map((answer) => answer.appId));
          }}
        >
          Save without {report.blockedBy.map((answer) => answer.appName).join(', ')}
        </button>
      )}
    </div>
  );
}

export function OrderCard({ id }: { id: string }) {
  const order = getOrder(id);
  const draft = useOpenDraft(
    () =>
      order && {
        type: 'customerorder',
        id,
        data: orderData(order),
        persist: ({ id: saved, data }) => Promise.resolve(saveOrder(saved, data)),
      },
    [id],
  );
  const state = useDraft(draft);
  const [report, setReport] = useState<HostSaveReport | undefined>(undefined);
  // The total follows the positions (Quick add adds some): the host's, not an edit.
  const version = state?.version;
  useEffect(() => {
    if (!draft) return;
    const total = totalOf(positionsOf(draft.data));
    if (total !== draft.data['total']) draft.change({ total }, { derived: true });
  }, [draft, version]);
  if (!order) return <p>There is no order {id}.</p>;
  if (!draft || !state) return <p>Loading…</p>;
  const text = (key: string) => (typeof state.data[key] === 'string' ? state.data[key] : '');
  const save = async (skip?: string[]) => {
    setReport(undefined);
    setReport(await draft.save(skip ? { skip } : {}));
  };
  return (
    <div className="card">
      <section>
        <p>
          <a href="#/orders">Customer orders</a> / Order {text('number')}
        </p>
        <h1>Order {text('number')}</h1>
        {state.dirty && (
          <p role="status" data-testid="dirty">
            Not saved: changes by{' '}
            {state.changedBy
              .map((origin) => (origin === 'user' ? 'you' : origin.app))
              .concat(state.dirtyWidgets.map((widget) => widget.appName))
              .join(', ')}
            .
          </p>
        )}
        <SaveProblems report={report} saveWithout={(skip) => void save(skip)} />
        <label>
          Status{' '}
          <select
            data-testid="status"
            value={text('status')}
            onChange={(event) => draft.change({ status: event.target.value })}
          >
            {STATUSES.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </label>
        <label>
          Comment{' '}
          <input
            data-testid="comment"
            value={text('comment')}
            onChange={(event) => draft.change({ comment: event.target.value })}
          />
        </label>
        <p>
          Counterparty:{' '}
          <a href={`#/counterparties/${text('counterpartyId')}`}>{text('counterparty')}</a>
        </p>
        <p data-testid="total">
          Total: {money(typeof state.data['total'] === 'number' ? state.data['total'] : 0)}
        </p>
        <p>
          <button
            type="button"
            data-testid="save"
            disabled={!state.dirty || state.saving}
            onClick={() => void save()}
          >
            {state.saving ? 'Saving…' : 'Save'}
          </button>{' '}
          <button
            type="button"
            data-testid="discard"
            disabled={state.saved || state.saving}
            onClick={() => {
              setReport(undefined);
              draft.discard();
            }}
          >
            Discard changes
          </button>
        </p>
      </section>
      <PanelSlot point="customerorder.card" entity={draft.entity} draft={draft} />
    </div>
  );
}
