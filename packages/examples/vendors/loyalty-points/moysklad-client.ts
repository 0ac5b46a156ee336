// A client for MoySklad's widget protocol, written from its published
// description: plain objects posted to the parent with '*' (as MoySklad's
// own client does), a counter of message ids from 1, and responses matched
// by correlationId. No Plugboard code: this is what a MoySklad vendor ships.
type Message = Record<string, unknown>;

let counter = 1;
const pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
const listeners = new Map<string, ((message: Message) => void)[]>();

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as Message | null;
  if (typeof message !== 'object' || message === null) return;
  const correlation = message['correlationId'];
  const waiting = typeof correlation === 'number' ? pending.get(correlation) : undefined;
  if (waiting) {
    pending.delete(correlation as number);
    if (message['name'] === 'InvalidMessageError') {
      const [first] = (message['errors'] as { code: number; error: string }[] | undefined) ?? [];
      waiting.reject(new Error(first?.error ?? 'Unknown error'));
    } else {
      waiting.resolve(message);
    }
    return;
  }
  for (const listener of listeners.get(String(message['name'])) ?? []) {
    try {
      listener(message);
    } catch (error) {
      console.error(error);
    }
  }
});

/** Sends a message that gets no answer; returns its messageId. */
export function send(message: Message): number {
  const messageId = counter++;
  window.parent.postMessage({ ...message, messageId }, '*');
  return messageId;
}

/** Sends a request and waits for its response (MoySklad's client sets no timeout). */
export function request(message: Message): Promise<Message> {
  return new Promise((resolve, reject) => {
    const messageId = counter++;
    pending.set(messageId, { resolve, reject });
    window.parent.postMessage({ ...message, messageId }, '*');
  });
}

/** Hears the host's `name` messages (Open, Change, Save, OpenPopup). */
export function on(name: string, listener: (message: Message) => void): void {
  listeners.set(name, [...(listeners.get(name) ?? []), listener]);
}
