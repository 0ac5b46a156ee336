import type { DialogHost } from './types.js';
import type { HostMethodParams, HostMethodResult } from '@plugboard/widget-sdk/protocol';
import type { HostPickerOutcome } from './selector-types.js';
import type { HostCallInfo } from '../services/host-services.js';
import type { DialogLayer } from './dialog-layer.js';
import type { HostAppDialogOutcome, HostAppDialogRequest, HostDialogAsk } from './types.js';

/**
 * The host's dialog layer: a stack of modal dialogs above the page. App
 * dialogs (an app's own page, params in, result out), standard dialogs
 * (alert, confirm, prompt, choose) and pickers all go on it; the one on top
 * has the focus, and the page and the dialogs below it are inert.
 *
 * Its rules:
 * - A widget waits for one dialog or picker at a time: asking for another
 *   meanwhile is `busy`.
 * - While a dialog is open, only the widget inside the top one may open the
 *   next (a picker from its dialog, say); any other widget gets `busy`. The
 *   stack is at most `MAX_DIALOG_DEPTH` deep.
 * - Every promise settles: with the user's answer, or with the reason its
 *   signal aborted (the widget cancelled, or went away: its dialog closes).
 * - Escape, ✕ and the backdrop dismiss; an app dialog whose page said it
 *   holds unsaved changes (`widget.setDirty`) asks the user first.
 *
 * The layer and its elements (`<pb-dialog>`, `<pb-standard-dialog>`,
 * `<pb-picker>`) load at the first dialog, so a page that opens none never
 * fetches them; `load()` fetches them ahead.
 */
// The methods the class's static block makes (each loads the layer, then asks it).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface HostDialogs {
  /**
   * Opens one of an app's dialogs (its manifest's `dialogs`) for `entity`:
   * `params` reach its page in its context. Rejects with `not_found` for an
   * app or dialog that is not installed.
   */
  openApp(request: HostAppDialogRequest, ask?: HostDialogAsk): Promise<HostAppDialogOutcome>;

  /** A message with one button. */
  alert(
    params: HostMethodParams<'dialogs.alert'>,
    ask?: HostDialogAsk,
  ): Promise<HostMethodResult<'dialogs.alert'>>;

  /** A question: `ok` for confirm, `dismissed` (by `cancel`, `escape`, …) otherwise. */
  confirm(
    params: HostMethodParams<'dialogs.confirm'>,
    ask?: HostDialogAsk,
  ): Promise<HostMethodResult<'dialogs.confirm'>>;

  /** Asks for a line of text. */
  prompt(
    params: HostMethodParams<'dialogs.prompt'>,
    ask?: HostDialogAsk,
  ): Promise<HostMethodResult<'dialogs.prompt'>>;

  /** One of a few options. */
  choose(
    params: HostMethodParams<'dialogs.choose'>,
    ask?: HostDialogAsk,
  ): Promise<HostMethodResult<'dialogs.choose'>>;

  /**
   * Opens one of the host's selectors (`createHost({ selectors })`), for
   * the widget that makes `call`, or for the host itself. Rejects with
   * `not_found` for a selector the host did not register.
   */
  pick(
    params: HostMethodParams<'selectors.open'>,
    ask?: HostDialogAsk & { readonly call?: HostCallInfo },
  ): Promise<HostPickerOutcome>;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class HostDialogs {
  readonly #host: DialogHost;
  #layer: Promise<DialogLayer> | undefined;
  #loaded: DialogLayer | undefined;

  constructor(host: DialogHost) {
    this.#host = host;
  }

  // Each method above loads the layer, then asks it.
  static {
    for (const method of ['openApp', 'alert', 'confirm', 'prompt', 'choose', 'pick'] as const) {
      this.prototype[method] = async function (this: HostDialogs, ...args: unknown[]) {
        const layer = (await this.#load()) as unknown as Record<
          string,
          (...a: unknown[]) => unknown
        >;
        return layer[method]?.(...args);
      } as never;
    }
  }

  /** How many dialogs are open. */
  get depth(): number {
    return this.#loaded?.depth ?? 0;
  }

  /** Loads the layer and defines its elements, if not yet done (for instance when the page is idle). */
  async load(): Promise<void> {
    await this.#load();
  }

  /**
   * Closes what a widget is waiting for (a dialog, a picker): its call ends
   * with `cancelled`. The runtime does it when a card moves its live
   * widgets to another entity.
   */
  cancelFor(instanceId: string, reason: unknown): void {
    this.#loaded?.cancelFor(instanceId, reason);
  }

  #load(): Promise<DialogLayer> {
    return (this.#layer ??= import('./dialog-layer.js').then(({ DialogLayer }) => {
      this.#loaded = new DialogLayer(this.#host);
      return this.#loaded;
    }));
  }
}
