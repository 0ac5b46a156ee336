import type { InitializeMessengerOptions, Message, MessageHandler, Messenger } from 'penpal';

/**
 * A penpal messenger between a host page and one widget iframe, stricter than
 * penpal's own WindowMessenger:
 *
 * - It accepts a message only from `remoteWindow` and only from one of
 *   `origins`: exact origins, never `'*'`, never a pattern. A well-formed
 *   message from any other window or origin is dropped before penpal sees it.
 * - It posts only to those exact origins, the handshake's first message
 *   included (penpal posts that one to `'*'`).
 * - It reports a message from the right window but an untrusted origin, so
 *   the widget can say why it will not connect instead of timing out.
 * - It reports the other side's DESTROY, so the owner learns the connection
 *   ended.
 *
 * After the handshake all traffic moves to a MessageChannel port that only
 * the two sides hold, as in penpal.
 */
export interface OriginMessengerOptions {
  /** The window on the other side: the iframe's `contentWindow`, or `window.parent`. */
  readonly remoteWindow: Window;
  /** The exact origins the other side may have, for instance `https://vendor.example`. */
  readonly origins: readonly string[];
  /** Called with the origin of a handshake message that came from an untrusted origin. */
  readonly onUntrustedOrigin?: (origin: string) => void;
  /** Called once when the other side destroys the connection. */
  readonly onRemoteDestroy?: () => void;
  /**
   * Say nothing until the other side has spoken. The host sets it: it starts
   * listening before the widget's page loads, so the widget always speaks
   * first, and posting earlier would hit the iframe's initial `about:blank`
   * (on the host's origin), which the browser drops with a console warning.
   */
  readonly waitForRemote?: boolean;
}

/**
 * Whether `origin` is an exact origin (`scheme://host[:port]`), the only form
 * a messenger accepts. Rejects `'*'`, `'null'`, paths and patterns.
 */
export function isExactOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin;
  } catch {
    return false;
  }
}

export class OriginMessenger implements Messenger {
  readonly #options: OriginMessengerOptions;
  readonly #handlers = new Set<MessageHandler>();
  #validate: InitializeMessengerOptions['validateReceivedMessage'] | undefined;
  #remoteOrigin: string | undefined;
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

  initialize = ({ validateReceivedMessage }: InitializeMessengerOptions): void => {
    this.#validate = validateReceivedMessage;
    window.addEventListener('message', this.#onWindowMessage);
  };

  sendMessage = (message: Message, transferables?: Transferable[]): void => {
    const { remoteWindow, origins } = this.#options;
    if (message.type === 'SYN') {
      // Until the other side answers we do not know which of the trusted
      // origins it is on; a message posted to a wrong origin is dropped.
      const targets = this.#remoteOrigin
        ? [this.#remoteOrigin]
        : this.#options.waitForRemote
          ? []
          : origins;
      for (const origin of targets) {
        remoteWindow.postMessage(message, { targetOrigin: origin });
      }
      return;
    }
    if (message.type === 'ACK1' || message.type === 'ACK2') {
      if (this.#remoteOrigin === undefined) throw new Error('The remote origin is not known yet.');
      const transfer = [...(transferables ?? [])];
      if (message.type === 'ACK2') {
        const { port1, port2 } = new MessageChannel();
        this.#usePort(port1);
        transfer.unshift(port2);
      }
      remoteWindow.postMessage(message, { targetOrigin: this.#remoteOrigin, transfer });
      return;
    }
    if (!this.#port) throw new Error('The connection has no message port yet.');
    this.#port.postMessage(message, { transfer: transferables ?? [] });
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
    const { remoteWindow, origins, onUntrustedOrigin } = this.#options;
    if (event.source !== remoteWindow || !this.#validate?.(event.data)) return;
    const message = event.data;
    if (!origins.includes(event.origin)) {
      if (message.type === 'SYN') onUntrustedOrigin?.(event.origin);
      return;
    }
    if (message.type === 'SYN') {
      this.#closePort();
      this.#remoteOrigin = event.origin;
    }
    if (message.type === 'ACK2') {
      const [port] = event.ports;
      if (!port) return;
      this.#usePort(port);
    }
    this.#deliver(message);
  };

  #onPortMessage = (event: MessageEvent): void => {
    if (this.#validate?.(event.data)) this.#deliver(event.data);
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
