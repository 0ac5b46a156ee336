import type { PlugboardError } from '@plugboard/widget-sdk/protocol';
import type { DraftMember } from '../frames/mount-host.js';
import type { ChangeQueue, PendingChange } from './types.js';

/**
 * Tells a widget the draft's changes, one `change` call at a time, each
 * with what merged into the queue while the last was answered, for as long
 * as the widget takes part (`joined`): `first` as it was when it was
 * made, then what merged meanwhile. Loaded with the first change (draft.ts).
 */
export async function sendChanges(
  queue: ChangeQueue,
  member: DraftMember,
  first: PendingChange,
  joined: () => boolean,
): Promise<void> {
  try {
    let sent: PendingChange | undefined = first;
    while (sent && joined()) {
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
      sent = queue.next;
      queue.next = undefined;
    }
  } finally {
    queue.busy = false;
  }
}
