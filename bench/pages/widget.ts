// A Plugboard widget as small as a real one: it connects, shows its entity,
// and tells the host (storage.set, a call like any other) which entity it
// now shows, so the benchmark can see when a switch has reached it. With
// ?validateMs=N it validates drafts, answering after N ms. A live context
// whose locale starts with `check-` it reports the same way, after its
// answer (context_change checks the widgets got it, outside the timing).
import { connect, type WidgetClient } from '@plugboard/widget-sdk';

const show = async (client: WidgetClient) => {
  const id = client.context.entity?.id ?? '';
  const element = document.getElementById('entity');
  if (element) element.textContent = id;
  await client.call('storage.set', { key: 'shown', value: id });
};

const client = await connect();
client.handle('open', () => show(client));
client.handle('contextChanged', () => {
  const { locale } = client.context;
  if (locale.startsWith('check-')) {
    setTimeout(() => void client.call('storage.set', { key: 'shown', value: locale }));
  }
});
// save_gate: a validating widget that takes `validateMs` to answer.
const validateMs = Number(new URLSearchParams(location.search).get('validateMs') ?? NaN);
if (Number.isFinite(validateMs)) {
  client.handle(
    'validate',
    () =>
      new Promise((resolve) => {
        setTimeout(() => {
          resolve({ valid: true });
        }, validateMs);
      }),
  );
}
await show(client);
