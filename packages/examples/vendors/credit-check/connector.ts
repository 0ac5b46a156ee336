// Credit check's connector: the "Credit" column of the counterparty list,
// and its "Recheck" row action.
import { defineConnector } from '@plugboard/widget-sdk/connector';
import { scoreOf } from './scores.js';

const TONES = { Excellent: 'success', Good: 'success', Fair: 'warning', Poor: 'critical' } as const;

void defineConnector({
  columns: {
    credit: (rows) =>
      rows.map((row) => {
        const { score, rating } = scoreOf(row.id);
        return {
          kind: 'badge',
          text: `${score} · ${rating}`,
          tone: TONES[rating as keyof typeof TONES],
          tooltip: `Credit score ${score} of 850`,
          sort: score,
        };
      }),
  },
  actions: {
    recheck: {
      run: (selection) => {
        const [id] = selection.kind === 'ids' ? selection.ids : [];
        if (id === undefined) return { toast: { message: 'Nothing to recheck.', tone: 'info' } };
        const { score, rating } = scoreOf(id);
        return {
          toast: { message: `Rechecked: ${score} (${rating}), unchanged.`, tone: 'info' },
          refresh: [id],
        };
      },
    },
  },
});
