// A connector as small as a real one: a badge per row, from the row's id.
import { defineConnector } from '@plugboard/widget-sdk/connector';

const TONES = ['info', 'success', 'warning'] as const;
void defineConnector({
  columns: {
    state: (rows) =>
      rows.map((row) => ({
        kind: 'badge',
        text: `State ${row.id}`,
        tone: TONES[Number(row.id) % TONES.length] ?? 'info',
      })),
  },
});
