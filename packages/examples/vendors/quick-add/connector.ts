// Quick add's connector: the "Positions" column of the order list, from the
// order data the host hands it (it holds entity:read).
import { defineConnector } from '@plugboard/widget-sdk/connector';

void defineConnector({
  columns: {
    positions: (rows) =>
      rows.map((row) => {
        const lines = row.data?.['lines'];
        const count = Array.isArray(lines) ? lines.length : 0;
        return { kind: 'number', value: count, tooltip: `${count} positions`, sort: count };
      }),
  },
});
