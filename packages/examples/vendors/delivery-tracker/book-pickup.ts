// Delivery tracker's "Book pickup" dialog, opened by its list action with
// the selected orders in its params: `{ action, selection }`. It books a
// courier for them and closes with an action result: the rows to refresh
// and the toast to show.
import type { Selection } from '@plugboard/widget-sdk/connector';
import { actionButton, startWidget } from '../shared/widget-page.js';
import { bookPickups } from './pickups.js';

void startWidget((client, root) => {
  const params = client.context.dialog?.params as { selection?: Selection } | null | undefined;
  const selection = params?.selection ?? { kind: 'ids', ids: [] };
  // "Select all" over the whole list arrives as the list's query, the ids
  // left out, and a count: every order of the list but those is booked.
  const ids = selection.kind === 'ids' ? selection.ids : [];
  const count = selection.kind === 'ids' ? ids.length : selection.count;

  const form = document.createElement('form');
  const summary = document.createElement('p');
  summary.dataset['testid'] = 'pickup-orders';
  summary.textContent =
    selection.kind === 'ids'
      ? `Book a pickup for ${count === 1 ? 'order' : `${count} orders`}: ${ids.join(', ')}`
      : `Book a pickup for all ${count} orders in the list${selection.excluded.length > 0 ? ` (${selection.excluded.length} left out)` : ''}`;
  const label = document.createElement('label');
  const day = document.createElement('select');
  for (const option of ['Tomorrow morning', 'Tomorrow afternoon', 'In two days']) {
    day.append(new Option(option, option));
  }
  label.append('When', day);
  const cancel = actionButton('Cancel', undefined, () => {
    void client.dialogs.dismiss();
  });
  const book = document.createElement('button');
  book.type = 'submit';
  book.textContent = 'Book pickup';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    book.disabled = true;
    bookPickups(client, selection).then(
      () => {
        close();
      },
      (error: unknown) => {
        book.disabled = false;
        problem.textContent = `Could not book: ${(error as Error).message}`;
      },
    );
  });
  const problem = document.createElement('p');
  problem.setAttribute('role', 'alert');
  const close = () => {
    void client.dialogs.close({
      result: {
        refresh: selection.kind === 'ids' ? ids : 'all',
        toast: {
          message: `Booked ${count === 1 ? 'a pickup' : `${count} pickups`} for ${day.value.toLowerCase()}.`,
          tone: 'success',
        },
      },
    });
  };
  const buttons = document.createElement('div');
  buttons.className = 'buttons';
  buttons.append(cancel, book);
  form.append(summary, label, problem, buttons);
  root.replaceChildren(form);
  day.focus();
  return Promise.resolve();
});
