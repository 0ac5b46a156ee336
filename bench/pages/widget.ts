// A Plugboard widget as small as a real one: it connects, shows its entity,
// and tells the host (storage.set, a call like any other) which entity it
// now shows, so the benchmark can see when a switch has reached it.
import { connect, type WidgetClient } from '@plugboard/widget-sdk';

const show = async (client: WidgetClient) => {
  const id = client.context.entity?.id ?? '';
  const element = document.getElementById('entity');
  if (element) element.textContent = id;
  await client.call('storage.set', { key: 'shown', value: id });
};

const client = await connect();
client.handle('open', () => show(client));
await show(client);
