/**
 * The widget's side of the handshake, spoken exactly as penpal speaks it
 * (SYN, ACK1, ACK2), so that the host's penpal connection completes with it,
 * without penpal's call layer in the widget's bundle: calls then travel over
 * the port it sets up (see protocol/channel.ts).
 *
 * What it must guarantee, and why:
 * - It speaks only to `window.parent`, and only to the exact `origins` it
 *   trusts: its first message goes to each of them (a message posted to a
 *   wrong origin is dropped by the browser), later ones only to the origin
 *   that answered. Never `'*'`.
 * - It hears only `window.parent`, on a trusted origin. A handshake message
 *   from the parent on another origin is reported (`onUntrustedOrigin`), so
 *   `connect()` can say why instead of timing out.
 * - It ends with a MessagePort that only the two sides hold, as penpal does:
 *   whichever side has the lower participant id sends ACK2 with the port.
 */
import {
  HANDSHAKE_NAMESPACE as NAMESPACE,
  isHandshakeMessage,
  randomParticipantId,
} from './protocol/handshake-messages.js';

/** Options of {@link shakeHands}. */
export interface HandshakeOptions {
  /** The exact origins of the hosts this widget trusts. */
  readonly origins: readonly string[];
  /** Called with the origin of a handshake message from an untrusted origin. */
  readonly onUntrustedOrigin: (origin: string) => void;
}

/** A handshake under way; `port` resolves when it completes. */
export interface Handshake {
  readonly port: Promise<MessagePort>;
  /** Stops listening; `port` then never resolves. */
  stop(): void;
}

interface HandshakeMessage {
  readonly namespace?: unknown;
  readonly channel?: unknown;
  readonly type?: unknown;
  readonly participantId?: unknown;
}

/** Starts the handshake with the embedding page. */
export function shakeHands({ origins, onUntrustedOrigin }: HandshakeOptions): Handshake {
  const participantId = randomParticipantId();
  const syn = { namespace: NAMESPACE, type: 'SYN', participantId };
  let remoteOrigin: string | undefined;
  let remoteId: string | undefined;
  let resolve: (port: MessagePort) => void = () => undefined;
  const port = new Promise<MessagePort>((done) => {
    resolve = done;
  });
  const finish = (channel: MessagePort) => {
    stop();
    resolve(channel);
  };
  const onMessage = (event: MessageEvent<HandshakeMessage | null>) => {
    const message = event.data;
    if (event.source !== window.parent || !isHandshakeMessage(message)) return;
    if (!origins.includes(event.origin)) {
      if (message.type === 'SYN') onUntrustedOrigin(event.origin);
      return;
    }
    if (message.type === 'SYN') {
      const id = message.participantId;
      if (typeof id !== 'string' || id === remoteId) return;
      remoteId = id;
      remoteOrigin = event.origin;
      window.parent.postMessage(syn, remoteOrigin);
      if (participantId > id) {
        window.parent.postMessage(
          { namespace: NAMESPACE, type: 'ACK1', methodPaths: [] },
          remoteOrigin,
        );
      }
    } else if (event.origin === remoteOrigin && message.type === 'ACK1') {
      const { port1, port2 } = new MessageChannel();
      window.parent.postMessage({ namespace: NAMESPACE, type: 'ACK2' }, remoteOrigin, [port2]);
      finish(port1);
    } else if (event.origin === remoteOrigin && message.type === 'ACK2' && event.ports[0]) {
      finish(event.ports[0]);
    }
  };
  function stop() {
    window.removeEventListener('message', onMessage);
  }
  window.addEventListener('message', onMessage);
  for (const origin of origins) window.parent.postMessage(syn, origin);
  return { port, stop };
}
