// Delivery tracker's connector: the "Delivery" column of the order list. Its
// "Book pickup" action opens the app's dialog (see book-pickup.ts), which
// says which rows to refresh.
import { defineConnector } from '@plugboard/widget-sdk/connector';
import { bookedPickups, deliveryCell } from './pickups.js';

void defineConnector({
  columns: {
    delivery: async (rows, client) => {
      const booked = await bookedPickups(client);
      return rows.map((row) => deliveryCell(row.id, booked));
    },
  },
});
