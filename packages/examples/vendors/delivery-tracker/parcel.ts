// Delivery tracker on the goods card, "Parcel size": how the goods ship,
// worked out from the card's entity (entity.get), in Plugboard's protocol.
import { hashOf, startWidget } from '../shared/widget-page.js';

const SIZES = ['Small', 'Medium', 'Large'] as const;

void startWidget(async (client, root) => {
  const found = await client.entity.get();
  if (!found || found.id === null) {
    root.textContent = 'No goods on this card.';
    return;
  }
  const hash = hashOf(found.id);
  const name = typeof found.data['name'] === 'string' ? found.data['name'] : found.id;
  const line = document.createElement('p');
  line.dataset['testid'] = 'parcel-size';
  line.textContent = `${name} ships as a ${SIZES[hash % 3] ?? 'Small'} parcel, about ${1 + (hash % 20)} kg.`;
  root.replaceChildren(line);
});
