// Quick add: picks goods in the host's goods selector and adds them to the
// order's positions, in the card's draft (the user still saves). It writes
// only `lines`, as its manifest says, and passes the version it read, so a
// position the user changed meanwhile is never overwritten.
import type { JsonValue, WidgetClient } from '@plugboard/widget-sdk';
import { actionButton, startWidget } from '../shared/widget-page.js';

type Line = { [key: string]: JsonValue };

const linesOf = (data: { [key: string]: JsonValue }): Line[] =>
  Array.isArray(data['lines'])
    ? data['lines'].filter(
        (line): line is Line => typeof line === 'object' && line !== null && !Array.isArray(line),
      )
    : [];

/** Adds one of each good to the draft's positions; tries again once if the positions changed meanwhile. */
async function addGoods(client: WidgetClient, ids: readonly string[]): Promise<string> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const order = await client.entity.get();
    if (!order) return 'There is no order to add to.';
    const lines = linesOf(order.data).map((line) => ({ ...line }));
    for (const id of ids) {
      const same = lines.find((line) => line['goodId'] === id);
      if (same)
        same['quantity'] = (typeof same['quantity'] === 'number' ? same['quantity'] : 0) + 1;
      else lines.push({ goodId: id, quantity: 1 });
    }
    const result = await client.entity.update({
      changes: { lines },
      ...(order.version === undefined ? {} : { baseVersion: order.version }),
    });
    if (result.applied.includes('lines')) {
      return `Added ${ids.length} ${ids.length === 1 ? 'good' : 'goods'} to the order.`;
    }
    const refusal = result.refused[0];
    if (refusal?.code !== 'conflict') return `Could not add them: ${refusal?.reason ?? 'refused'}`;
  }
  return 'The positions keep changing; try again.';
}

void startWidget((client, root) => {
  const status = document.createElement('p');
  status.className = 'muted';
  status.dataset['testid'] = 'quick-add-status';
  status.textContent = 'Add goods to this order from the catalogue.';
  const add = actionButton('Add goods…', 'add-goods', () => {
    client.selectors
      .open({ selector: 'goods', multiple: true, max: 10 })
      .then(async (outcome) => {
        if (outcome.status !== 'ok' || outcome.selected.length === 0) return;
        status.textContent = await addGoods(
          client,
          outcome.selected.map((good) => good.id),
        );
      })
      .catch((error: unknown) => {
        status.textContent = `Could not add goods: ${(error as Error).message}`;
      });
  });
  root.replaceChildren(status, add);
  return Promise.resolve();
});
