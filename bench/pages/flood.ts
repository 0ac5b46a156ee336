// A widget that floods its host: when opened, it calls storage.set at the
// host's rate limit with payloads of the largest size the host accepts, for
// `ms` milliseconds, then answers how many calls were accepted and refused.
// The payload is an array of zeros, the costliest JSON per byte to read.
import { connect, type WidgetClient } from '@plugboard/widget-sdk';

const query = new URLSearchParams(location.search);
const PER_SECOND = Number(query.get('rate') ?? 200);
const BYTES = Number(query.get('bytes') ?? 256 * 1024);

/** An array of zeros whose call frame is just under `bytes`. */
function payload(bytes: number): number[] {
  const frameOverhead = '[0,1,"storage.set",{"key":"flood","value":[]}]'.length + 16;
  return new Array<number>(Math.floor((bytes - frameOverhead) / 2)).fill(0);
}

async function flood(client: WidgetClient, ms: number) {
  const value = payload(BYTES);
  const counts: Record<string, number> = {};
  const calls: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < ms) {
    // Keep to the rate: as many calls as the time so far allows.
    const due = Math.floor(((performance.now() - started) / 1000) * PER_SECOND);
    for (; sent < due; sent++) {
      calls.push(
        client.call('storage.set', { key: 'flood', value }).then(
          () => void (counts['ok'] = (counts['ok'] ?? 0) + 1),
          (error: unknown) => {
            const code = (error as { code?: string }).code ?? 'error';
            counts[code] = (counts[code] ?? 0) + 1;
          },
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(calls);
  return counts;
}

const client = await connect({ autoResize: false });
let last: Record<string, number> = {};
client.handle('open', async (context) => {
  const ms = Number(context.app.settings['floodMs'] ?? 0);
  if (ms > 0) last = await flood(client, ms);
});
client.handle('contextChanged', () => {
  // The host reads the counts of the last flood back through storage.get's twin.
  void client.call('storage.set', { key: 'counts', value: last });
});
