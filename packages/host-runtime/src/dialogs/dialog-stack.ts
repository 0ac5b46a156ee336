import { PlugboardError } from '@plugboard/widget-sdk/protocol';
import { HostDialogElement } from './dialog-element.js';
import { DialogTrap } from './dialog-trap.js';
import { InertPage } from './inert-page.js';
import type { PixelRange } from './sizes.js';
import { MAX_DIALOG_DEPTH, type HostDialogAsk } from './types.js';

// The dialog stack: who may open the next dialog (the top one's page, to a
// depth of MAX_DIALOG_DEPTH, one per widget; the trap of an app that keeps
// reopening them), each dialog's outcome to be, and its element on top of
// an inert page. The dialog layer (dialog-layer.ts) opens app dialogs,
// standard dialogs and pickers on it.

interface Entry {
  readonly element: HostDialogElement;
  /** The widget shown in it (app dialogs): it may open the next dialog. */
  readonly contentInstanceId: string | undefined;
}

/** One dialog while it is open. */
export interface Open<T> {
  readonly promise: Promise<T>;
  /** Ends it with `value`; later calls do nothing. */
  readonly settle: (value: T) => void;
  /** Aborted once it has ended, however it ended. */
  readonly ended: AbortSignal;
}

export interface PresentSpec {
  readonly heading: string;
  readonly width: PixelRange;
  readonly fill?: boolean;
  readonly body: HTMLElement;
  readonly contentInstanceId?: string;
  /** Puts the focus where it belongs once the dialog is shown; default: the browser's choice. */
  readonly focus?: () => void;
  /** The app whose widget asked; `undefined` for the host's own dialogs. */
  readonly appId?: string | undefined;
  readonly appName?: string | undefined;
  /** Ends the dialog when the user stops its app's dialogs. */
  readonly stopped?: () => void;
}

/** The dialogs open on the page, the top one last. */
export class DialogStack {
  readonly #entries: Entry[] = [];
  readonly #inert = new InertPage();
  readonly #trap = new DialogTrap();
  /** Widgets waiting for the user on a dialog or picker. */
  readonly #waiting = new Map<string, (reason: unknown) => void>();

  /** How many dialogs are open. */
  get depth(): number {
    return this.#entries.length;
  }

  /**
   * Cancels what widget `opener` is waiting for (its card moved to another
   * entity): its dialog or picker closes, and its call ends with `reason`.
   */
  cancelFor(opener: string, reason: unknown): void {
    this.#waiting.get(opener)?.(reason);
  }

  /**
   * Lets `ask.opener` ask for one more dialog, or refuses with `busy`; the
   * signal it returns ends the request with the caller's own, or with
   * `cancelFor`.
   */
  admit(ask: HostDialogAsk, what: string): { signal: AbortSignal; release: () => void } {
    if (ask.opener !== undefined) this.#trap.admit(ask.appId, ask.appName ?? 'This app', what);
    const local = new AbortController();
    const outer = ask.signal;
    const follow = () => {
      local.abort(outer?.reason);
    };
    if (outer?.aborted) follow();
    else outer?.addEventListener('abort', follow, { once: true });
    const stop = () => {
      outer?.removeEventListener('abort', follow);
    };
    const { opener } = ask;
    if (opener === undefined) return { signal: local.signal, release: stop };
    if (this.#waiting.has(opener)) {
      throw new PlugboardError(
        'busy',
        `${what} was refused: this widget already has a dialog or picker open; wait for it to end, or cancel it.`,
      );
    }
    const top = this.#entries.at(-1);
    if (top && top.contentInstanceId !== opener) {
      throw new PlugboardError(
        'busy',
        `${what} was refused: another dialog is open, and only the one on top may open the next.`,
      );
    }
    if (this.#entries.length >= MAX_DIALOG_DEPTH) {
      throw new PlugboardError(
        'busy',
        `${what} was refused: dialogs are already ${MAX_DIALOG_DEPTH} deep.`,
      );
    }
    this.#waiting.set(opener, (reason) => {
      local.abort(reason);
    });
    return {
      signal: local.signal,
      release: () => {
        stop();
        this.#waiting.delete(opener);
      },
    };
  }

  /** A dialog's outcome to be: settled once, by the user or by `signal`. */
  open<T>(signal: AbortSignal | undefined): Open<T> {
    const ended = new AbortController();
    let resolve: (value: T) => void = () => undefined;
    let reject: (reason: unknown) => void = () => undefined;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const onAbort = () => {
      if (ended.signal.aborted) return;
      ended.abort();
      reject(signal?.reason);
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    ended.signal.addEventListener('abort', () => {
      signal?.removeEventListener('abort', onAbort);
    });
    return {
      promise,
      settle: (value) => {
        if (ended.signal.aborted) return;
        ended.abort();
        resolve(value);
      },
      ended: ended.signal,
    };
  }

  /**
   * Shows a standard dialog's or a picker's body, which takes the focus and
   * ends the dialog with its outcome event; resolves with that outcome.
   */
  presentBody<T>(signal: AbortSignal, spec: Omit<PresentSpec, 'focus' | 'stopped'>): Promise<T> {
    const open = this.open<T>(signal);
    const { body } = spec;
    body.addEventListener('pb-dialog-outcome', (event) => {
      open.settle((event as Event & { outcome: T }).outcome);
    });
    const element = this.present(open, {
      ...spec,
      focus: () => {
        body.focus();
      },
      stopped: () => {
        open.settle({ status: 'dismissed', by: 'close' } as T);
      },
    });
    element.addEventListener('pb-dialog-dismiss', (event) => {
      open.settle({ status: 'dismissed', by: event.by } as T);
    });
    return open.promise;
  }

  /** Puts a dialog on top of the stack until `open` ends. */
  present<T>(open: Open<T>, spec: PresentSpec): HostDialogElement {
    const element = new HostDialogElement();
    element.heading = spec.heading;
    element.width = spec.width;
    element.fill = spec.fill ?? false;
    element.append(spec.body);
    if (open.ended.aborted) return element;
    const { appId, stopped } = spec;
    if (appId !== undefined && stopped) {
      if (this.#trap.offers(appId)) {
        element.stopOffer = `Stop dialogs from ${spec.appName ?? appId}`;
        element.addEventListener('pb-dialog-stop-app', () => {
          this.#trap.stop(appId);
          stopped();
        });
      }
      open.ended.addEventListener('abort', () => {
        this.#trap.ended(appId);
      });
    }
    const entry: Entry = { element, contentInstanceId: spec.contentInstanceId };
    this.#entries.push(entry);
    document.body.append(element);
    this.#inert.hold(element);
    void element.show().then(() => {
      if (!open.ended.aborted) spec.focus?.();
    });
    open.ended.addEventListener('abort', () => {
      this.#entries.splice(this.#entries.indexOf(entry), 1);
      // The dialog below (or the page) takes input again before the focus
      // goes back there.
      this.#inert.hold(this.#entries.at(-1)?.element);
      element.close();
      // Its page goes with it, once the answer to its own last call (the
      // `dialogs.close` that ended it) is on its way.
      setTimeout(() => {
        element.remove();
      });
    });
    return element;
  }
}

/** `work`, or the reason `signal` aborts, whichever comes first. */
export function until<T>(work: Promise<T> | T, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(work).then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
