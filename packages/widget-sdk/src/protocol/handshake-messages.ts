/**
 * The handshake's vocabulary, as penpal speaks it, shared by both sides'
 * handshakes (the SDK's handshake.ts and the host runtime's
 * bridge/handshake.ts): the namespace every message carries, participant
 * ids, and DESTROY, which ends a connection from either side.
 */
export const HANDSHAKE_NAMESPACE = 'penpal';

/** penpal's DESTROY. */
export const DESTROY = { namespace: HANDSHAKE_NAMESPACE, type: 'DESTROY' } as const;

/** Whether `data` is a handshake message of the default channel (the only one Plugboard speaks). */
export function isHandshakeMessage(data: unknown): data is {
  readonly namespace: string;
  readonly type?: unknown;
  readonly participantId?: unknown;
} {
  const message = data as { namespace?: unknown; channel?: unknown } | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    message.namespace === HANDSHAKE_NAMESPACE &&
    message.channel === undefined
  );
}

/** Whether a message on the port is the other side's DESTROY. */
export function isDestroy(data: unknown): boolean {
  return isHandshakeMessage(data) && data.type === 'DESTROY';
}

/**
 * A random participant id. `crypto.randomUUID` exists only in secure contexts
 * (https, localhost); a page served over plain http elsewhere, in
 * development, still gets one.
 */
export function randomParticipantId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}
