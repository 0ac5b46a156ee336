import type { PlugboardError } from '@plugboard/widget-sdk/protocol';
import type { ChangeQueue, DraftMember } from './draft.js';

/**
 * Tells a widget the draft's changes, one `change` call at a time, each
 * with what merged into the queue while the last was answered, for as long
 * as the widget takes part (`joined`). Loaded with the first change (draft.ts).
 */
export async function sendChanges(
  queue: ChangeQueue,
  member: DraftMember,
  joined: () => boolean,
): Promise<void> {
  try {
    while (queue.next && joined()) {
      const sent = queue.next;
      queue.next = undefined;
      try {
        await member.call(
          'change',
          { data: sent.data, version: sent.version, origin: sent.origin, paths: [...sent.paths] },
          10_000,
        );
      } catch (error) {
        if ((error as PlugboardError).code !== 'cancelled') {
          console.warn(`[plugboard] ${member.appName} did not take a draft change:`, error);
        }
      }
    }
  } finally {
    queue.busy = false;
  }
}
