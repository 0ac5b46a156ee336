// fanout: ?role=sub hears the "fan" topic and reports, once it has heard
// `total` messages, how many it heard and whether in order (each `n` one more
// than the last). ?role=pub, when opened, publishes `total` messages `{ n }`
// in tasks of 500 (what the SDK sends as one call), trying a refused call
// (busy: a receiver's queue is full) again 2 ms later. Both report through
// storage.set, which the bench host answers itself.
import { connect } from '@plugboard/widget-sdk';
import { messagesOf } from '@plugboard/widget-sdk/messages';

const params = new URLSearchParams(location.search);
const total = Number(params.get('total') ?? 10_000);
const client = await connect({ autoResize: false });
const messages = messagesOf(client);

if (params.get('role') === 'sub') {
  let heard = 0;
  let inOrder = true;
  await messages.subscribe('fan', (payload) => {
    const { n } = payload as { n: number };
    if (n !== heard) inOrder = false;
    heard += 1;
    if (heard === total) void client.storage.set({ key: 'heard', value: { heard, inOrder } });
  });
  await client.storage.set({ key: 'ready', value: true });
} else {
  client.handle('open', async () => {
    const started = performance.now();
    let busy = 0;
    for (let from = 0; from < total; from += 500) {
      const chunk = Array.from({ length: Math.min(500, total - from) }, (_, i) => from + i);
      for (;;) {
        try {
          await Promise.all(chunk.map((n) => messages.publish('fan', { n })));
          break;
        } catch {
          busy += 1;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }
    }
    await client.storage.set({
      key: 'published',
      value: { ms: performance.now() - started, busy },
    });
  });
  await client.storage.set({ key: 'ready', value: true });
}
