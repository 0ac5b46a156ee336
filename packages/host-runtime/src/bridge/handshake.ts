/**
 * The host's side of the handshake, spoken exactly as penpal's `connect()`
 * speaks it (SYN both ways; the side with the higher participant id sends
 * ACK1, the other answers ACK2), over the messenger that checks every
 * message's window and origin (OriginMessenger). It was penpal's own
 * `connect()`, which brought penpal's whole call layer (a Proxy, replies,
 * its timeouts) to every host page, 2.9 KB of it, for a handshake that the
 * calls no longer need past the port it sets up: see `bundle_size`.
 *
 * The widget's side is the SDK's handshake.ts; a widget that runs penpal
 * itself completes it too (the test fixtures do).
 */
import {
  HANDSHAKE_NAMESPACE as NAMESPACE,
  isHandshakeMessage,
  randomParticipantId,
} from '@plugboard/widget-sdk/protocol';
import type { Message, Messenger } from 'penpal';

/** A handshake under way over `messenger`. */
export interface HostHandshakeRun {
  /** Resolves once the port is set up. */
  readonly promise: Promise<void>;
  /** Ends it (and the connection): tells the widget with DESTROY, and closes the messenger. */
  destroy(): void;
}

/** Starts the handshake over `messenger`, which must not have been used before. */
export function shakeHands(messenger: Messenger): HostHandshakeRun {
  const participantId = randomParticipantId();
  let remoteId: string | undefined;
  let complete: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    complete = resolve;
  });
  // Every message carries penpal's namespace, on its default channel.
  const send = (message: Pick<Message, 'type'> & Record<string, unknown>) => {
    messenger.sendMessage({ namespace: NAMESPACE, channel: undefined, ...message } as Message);
  };
  const syn = { type: 'SYN', participantId } as const;
  let destroyed = false;
  const close = (notify: boolean) => {
    if (destroyed) return;
    destroyed = true;
    if (notify) send({ type: 'DESTROY' });
    messenger.destroy();
  };
  messenger.initialize({
    validateReceivedMessage: (data): data is Message => isHandshakeMessage(data),
  });
  messenger.addMessageHandler((message) => {
    switch (message.type) {
      case 'SYN': {
        const id = (message as { participantId?: unknown }).participantId;
        if (typeof id !== 'string' || id === remoteId) return;
        remoteId = id;
        send(syn);
        if (participantId > id) send({ type: 'ACK1', methodPaths: [] });
        return;
      }
      case 'ACK1':
        send({ type: 'ACK2' });
        complete();
        return;
      case 'ACK2':
        complete();
        return;
      case 'DESTROY':
        close(false);
    }
  });
  send(syn);
  return {
    promise,
    destroy: () => {
      close(true);
    },
  };
}
