/**
 * What a widget posts to an embedding page it refuses to connect to (its
 * origin is not in the widget's `hostOrigins`), so that the host can tell the
 * user which origin was refused instead of waiting for a handshake that will
 * never come. It carries no context and no data: only the fact.
 */
export const REFUSAL = { namespace: 'plugboard', type: 'refused' } as const;

/** Whether a message is a widget's {@link REFUSAL}. */
export function isRefusal(data: unknown): boolean {
  const message = data as { namespace?: unknown; type?: unknown } | null;
  return message?.namespace === REFUSAL.namespace && message.type === REFUSAL.type;
}
