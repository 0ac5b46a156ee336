import type { InitializeMessengerOptions, Message, MessageHandler, Messenger } from 'penpal';
import { isExactOrigin } from './origins.js';

/**
 * A penpal messenger (the interface that the host's handshake, and penpal's
 * own `connect()`, drive) between a host page and one widget iframe,
 * stricter than penpal's own WindowMessenger. "penpal" below is whichever
 * handshake drives it:
 *
 * - It accepts a message only from `remoteWindow` and only from one of
 *   `origins`: exact origins, never `'*'`, never a pattern. A well-formed
 *   message from any other window or origin is dropped before penpal sees it.
 * - It posts only to those exact origins, the handshake's first message
 *   included (penpal posts that one to `'*'`).
 * - Through the window it takes the handshake (SYN, ACK1, ACK2) and nothing
 *   else; after the handshake everything travels over a MessageChannel port
 *   that only the two sides hold. There it hands call frames (strings, see
 *   channel.ts) to `onFrame` and penpal's DESTROY to penpal; nothing else.
 * - It never throws at penpal or at a message: a message it cannot send yet
 *   is dropped (penpal only sends DESTROY outside the handshake).
 * - It reports a message from the right window but an untrusted origin, so
 *   the widget can say why it will not connect instead of timing out.
 * - It reports the other side's DESTROY, and a new handshake from the same
 *   window after this one completed (a new page in the iframe), so the owner
 *   learns the connection ended.
 */
export interface OriginMessengerOptions {
  /**
   * The window on the other side: the iframe's `contentWindow`, or
   * `window.parent`; or a function that returns it when needed. The host
   * passes a function, because reading a new iframe's `contentWindow` costs
   * milliseconds (it creates the frame there and then), and the window is
   * not needed before the widget speaks.
   */
  readonly remoteWindow: Window | (() => Window | null);
  /** The exact origins the other side may have, for instance `https://vendor.example`. */
  readonly origins: readonly string[];
  /** Called with the origin of a handshake message that came from an untrusted origin. */
  readonly onUntrustedOrigin?: (origin: string) => void;
  /** Called once when the other side destroys the connection. */
  readonly onRemoteDestroy?: () => void;
  /**
   * Called with the SYN of a new handshake from the remote window after this
   * one completed: the iframe holds a new page. The SYN is not given to
   * penpal; hand it to a new messenger (`replay`) to answer it.
   */
  readonly onRemoteRestart?: (syn: Message) => void;
  /** Called with every call frame (a string, see channel.ts) that arrives on the port. */
  readonly onFrame?: (data: string) => void;
  /**
   * Say nothing until the other side has spoken. The host sets it: it starts
   * listening before the widget's page loads, so the widget always speaks
   * first, and posting earlier would hit the iframe's initial `about:blank`
   * (on the host's origin), which the browser drops with a console warning.
   */
  readonly waitForRemote?: boolean;
  /** A SYN that arrived before this messenger existed (see `onRemoteRestart`), with its origin. */
  readonly replay?: { readonly syn: Message; readonly origin: string };
}

/**
 * The handshake message penpal may see, rebuilt from the fields it reads
 * and nothing else, or `undefined` for anything that is not one. penpal
 * compares participant ids with `>`, so an id that is not a short string
 * (an object with a hostile `toString`, say) must never reach it.
 */
function handshakeMessage(data: Message): Message | undefined {
  const { namespace, channel, type } = data;
  if (type === 'SYN') {
    const { participantId } = data as { participantId?: unknown };
    if (typeof participantId !== 'string' || participantId.length > 100) return undefined;
    return { namespace, channel, type, participantId };
  }
  if (type === 'ACK1') return { namespace, channel, type, methodPaths: [] };
  if (type === 'ACK2') return { namespace, channel, type };
  return undefined;
}

export class OriginMessenger implements Messenger {
  readonly #options: OriginMessengerOptions;
  readonly #handlers = new Set<MessageHandler>();
  #validate: InitializeMessengerOptions['validateReceivedMessage'] | undefined;
  #remoteOrigin: string | undefined;
  #remoteParticipant: unknown;
  #port: MessagePort | undefined;

  constructor(options: OriginMessengerOptions) {
    const bad = options.origins.find((origin) => !isExactOrigin(origin));
    if (bad !== undefined || options.origins.length === 0) {
      throw new TypeError(
        `Origins must be exact origins such as "https://app.example" (got ${JSON.stringify(bad ?? options.origins)}).`,
      );
    }
    this.#options = options;
  }

  /** The port calls travel on, once the handshake has set it up. */
  get port(): MessagePort | undefined {
    return this.#port;
  }

  initialize = ({ validateReceivedMessage }: InitializeMessengerOptions): void => {
    this.#validate = validateReceivedMessage;
    window.addEventListener('message', this.#onWindowMessage);
    const { replay } = this.#options;
    if (replay) {
      queueMicrotask(() => {
        this.#onHandshake(replay.syn, replay.origin, []);
      });
    }
  };

  #remote(): Window | null {
    const { remoteWindow } = this.#options;
    return typeof remoteWindow === 'function' ? remoteWindow() : remoteWindow;
  }

  sendMessage = (message: Message, transferables?: Transferable[]): void => {
    const { origins } = this.#options;
    // Until the other side answers we do not know which of the trusted
    // origins it is on; a message posted to a wrong origin is dropped. A
    // messenger that waits for the other side sends nothing before it (and
    // does not even ask for the window).
    const targets = this.#remoteOrigin
      ? [this.#remoteOrigin]
      : this.#options.waitForRemote
        ? []
        : origins;
    if (targets.length === 0) return;
    const remoteWindow = this.#remote();
    if (!remoteWindow) return;
    if (message.type === 'SYN') {
      for (const origin of targets) {
        remoteWindow.postMessage(message, { targetOrigin: origin });
      }
      return;
    }
    if (message.type === 'ACK1' || message.type === 'ACK2') {
      if (this.#remoteOrigin === undefined) return;
      const transfer = [...(transferables ?? [])];
      if (message.type === 'ACK2') {
        const { port1, port2 } = new MessageChannel();
        this.#usePort(port1);
        transfer.unshift(port2);
      }
      remoteWindow.postMessage(message, { targetOrigin: this.#remoteOrigin, transfer });
      return;
    }
    this.#port?.postMessage(message);
  };

  addMessageHandler = (handler: MessageHandler): void => {
    this.#handlers.add(handler);
  };

  removeMessageHandler = (handler: MessageHandler): void => {
    this.#handlers.delete(handler);
  };

  destroy = (): void => {
    window.removeEventListener('message', this.#onWindowMessage);
    this.#closePort();
    this.#handlers.clear();
  };

  #onWindowMessage = (event: MessageEvent): void => {
    const { origins, onUntrustedOrigin } = this.#options;
    if (event.source === null || event.source !== this.#remote() || !this.#validate?.(event.data)) {
      return;
    }
    const message = handshakeMessage(event.data);
    if (!message) return;
    if (!origins.includes(event.origin)) {
      if (message.type === 'SYN') onUntrustedOrigin?.(event.origin);
      return;
    }
    this.#onHandshake(message, event.origin, event.ports);
  };

  #onHandshake(message: Message, origin: string, ports: readonly MessagePort[]): void {
    if (message.type === 'SYN') {
      const participant = (message as { participantId?: unknown }).participantId;
      if (this.#port) {
        // The handshake is complete: a SYN now is a new page in the iframe.
        if (participant !== this.#remoteParticipant) this.#options.onRemoteRestart?.(message);
        return;
      }
      this.#remoteParticipant = participant;
      this.#remoteOrigin = origin;
    } else if (origin !== this.#remoteOrigin) {
      return;
    }
    if (message.type === 'ACK2') {
      const [port] = ports;
      if (!port) return;
      this.#usePort(port);
    }
    this.#deliver(message);
  }

  #onPortMessage = (event: MessageEvent<unknown>): void => {
    const { data } = event;
    if (typeof data === 'string') this.#options.onFrame?.(data);
    else if (this.#validate?.(data) && data.type === 'DESTROY') this.#deliver(data);
  };

  #deliver(message: Message): void {
    if (message.type === 'DESTROY') this.#options.onRemoteDestroy?.();
    for (const handler of this.#handlers) handler(message);
  }

  #usePort(port: MessagePort): void {
    this.#closePort();
    this.#port = port;
    port.addEventListener('message', this.#onPortMessage);
    port.start();
  }

  #closePort(): void {
    this.#port?.removeEventListener('message', this.#onPortMessage);
    this.#port?.close();
    this.#port = undefined;
  }
}
