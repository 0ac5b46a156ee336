// Credit check: a counterparty's credit score and limit. The scores are the
// vendor's own (made up here from the counterparty id); the counterparty's
// name comes from the host through entity.get. "Compare with…" picks another
// counterparty in the host's own selector and shows both scores.
import { actionButton, startWidget } from '../shared/widget-page.js';
import { notesEditor } from './notes.js';
import { euros, scoreOf } from './scores.js';
import { showVerifiedScore } from './verified-score.js';

void startWidget(async (client, root) => {
  const found = await client.entity.get();
  if (!found || found.id === null) {
    root.textContent = 'Save the counterparty to check its credit.';
    return;
  }
  const counterparty = { ...found, id: found.id };
  const { score, rating, limit } = scoreOf(counterparty.id);
  const name =
    typeof counterparty.data['name'] === 'string' ? counterparty.data['name'] : counterparty.id;

  const title = document.createElement('h2');
  title.dataset['testid'] = 'counterparty-name';
  title.textContent = name;
  const details = document.createElement('dl');
  const rows: [string, string][] = [
    ['Score', `${score} (${rating})`],
    ['Credit limit', euros(client.context.locale, limit)],
  ];
  for (const [term, value] of rows) {
    const dt = document.createElement('dt');
    dt.className = 'muted';
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    details.append(dt, dd);
  }
  // Takes the user to the host's own orders list: a host page, not the vendor's.
  const orders = actionButton('See all orders', 'see-orders', () => {
    client.call('navigation.go', { to: '/orders' }).catch((error: unknown) => {
      orders.textContent = `Could not go there: ${(error as Error).message}`;
    });
  });
  // Another counterparty, picked in the host's selector; both scores side by side.
  const comparison = document.createElement('p');
  comparison.dataset['testid'] = 'comparison';
  comparison.hidden = true;
  const compare = actionButton('Compare with…', 'compare', () => {
    client.selectors
      .open({ selector: 'counterparty', filter: { exclude: counterparty.id } })
      .then((outcome) => {
        const other = outcome.status === 'ok' ? outcome.selected[0] : undefined;
        if (!other) return;
        const theirs = scoreOf(other.id);
        const verdict =
          theirs.score === score ? 'the same' : theirs.score < score ? 'lower' : 'higher';
        comparison.textContent = `${name}: ${score} (${rating}). ${other.name}: ${theirs.score} (${theirs.rating}), ${verdict}.`;
        comparison.hidden = false;
      })
      .catch((error: unknown) => {
        compare.textContent = `Could not compare: ${(error as Error).message}`;
      });
  });
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(orders, compare);
  const verified = document.createElement('p');
  verified.className = 'muted';
  verified.dataset['testid'] = 'verified-score';
  root.replaceChildren(
    title,
    details,
    verified,
    comparison,
    actions,
    notesEditor(client, counterparty.id),
  );
  await showVerifiedScore(client, counterparty.id, verified);
});
