// What the MoySklad tests share: the messages a fixture page heard from the
// host, and waiting for one of them.
import { waitFor } from './fixture-events.js';

/** A message of MoySklad's protocol. */
export type Message = Record<string, unknown>;

/** Matches a message named `name` that `extra` accepts too. */
export const named =
  (name: string, extra: (m: Message) => boolean = () => true) =>
  (m: Message) =>
    m['name'] === name && extra(m);

/** The first of the messages `read` returns that `match` accepts, once it has come. */
export async function firstMessage(
  read: () => Promise<Message[]>,
  match: (m: Message) => boolean,
  what: string,
): Promise<Message> {
  let found: Message | undefined;
  await waitFor(async () => (found = (await read()).find(match)) !== undefined, what);
  return found as Message;
}
