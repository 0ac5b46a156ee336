import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { dialogStyles } from './dialog-styles.js';

/** How the user asked to dismiss a dialog, from its own chrome. */
export type HostDialogDismissal = 'escape' | 'close' | 'backdrop';

/**
 * Fired by `<pb-dialog>` when the user presses Escape, its ✕, or the
 * backdrop. The dialog stays open: whoever owns it decides (it may ask about
 * unsaved changes first), and calls `close()`.
 */
export class HostDialogDismissEvent extends Event {
  static readonly type = 'pb-dialog-dismiss';
  constructor(
    /** What the user pressed. */
    readonly by: HostDialogDismissal,
  ) {
    super(HostDialogDismissEvent.type);
  }
}

/**
 * Fired by `<pb-dialog>` when the user takes its offer to stop the app that
 * keeps opening dialogs (see `stopOffer`). The owner ends the dialog.
 */
export class HostDialogStopAppEvent extends Event {
  static readonly type = 'pb-dialog-stop-app';
  constructor() {
    super(HostDialogStopAppEvent.type);
  }
}

/**
 * The width of a dialog, in CSS pixels, and whether it fills the window.
 * Heights are its content's business (an app dialog's iframe follows its
 * page within the manifest's bounds); the dialog never outgrows the window.
 */
export interface HostDialogWidth {
  readonly min: number;
  readonly max: number;
}

let titles = 0;

/**
 * `<pb-dialog>`: one modal dialog of the dialog layer, in the browser's top
 * layer (a native `<dialog>` opened with `showModal()`), so the page behind
 * it is inert and focus stays inside. It has a title bar with the dialog's
 * accessible name and a ✕, and shows its content (the default slot).
 *
 * Escape, ✕ and a click on the backdrop never close it by themselves: they
 * fire {@link HostDialogDismissEvent}, and the owner closes it (or not).
 * Focus goes back where it was when `show()` ran, on `close()`.
 *
 * @fires pb-dialog-dismiss - {@link HostDialogDismissEvent}
 * @fires pb-dialog-stop-app - {@link HostDialogStopAppEvent}
 * @csspart dialog - the `<dialog>` element.
 * @cssprop --pb-dialog-surface - background of the dialog.
 * @cssprop --pb-dialog-text - text colour.
 * @cssprop --pb-dialog-radius - corner radius.
 * @cssprop --pb-dialog-backdrop - the backdrop's colour.
 */
export class HostDialogElement extends LitElement {
  static override properties: PropertyDeclarations = {
    heading: {},
    width: { attribute: false },
    fill: { type: Boolean, reflect: true },
    stopOffer: { attribute: false },
  };

  static override styles = dialogStyles;

  /** The title: shown in the title bar, and the dialog's accessible name. */
  declare heading: string;
  /** Width bounds in CSS pixels; the window's width caps them. */
  declare width: HostDialogWidth;
  /** Fills the window (a fullscreen dialog); reflected to `fill`. */
  declare fill: boolean;
  /**
   * When set, the label of a button under the content that stops the app
   * behind this dialog from opening more ("Stop dialogs from …"): the
   * dialog layer sets it for an app that keeps reopening its dialogs.
   */
  declare stopOffer: string | undefined;

  readonly #titleId = `pb-dialog-title-${++titles}`;
  /** Where focus was before `show()`. */
  #returnFocus: HTMLElement | undefined;
  /** Between `show()` and `close()`. */
  #shown = false;
  /** Whether the pointer went down on the backdrop (a click that ends there after a drag is not one). */
  #downOnBackdrop = false;

  constructor() {
    super();
    this.heading = '';
    this.width = { min: 280, max: 600 };
    this.fill = false;
    this.stopOffer = undefined;
  }

  /** The native dialog, once rendered. */
  get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Opens the dialog as modal, above everything, remembering where focus was. */
  async show(): Promise<void> {
    if (!this.#shown) this.#returnFocus = deepActiveElement();
    this.#shown = true;
    await this.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** Closes the dialog and returns focus where it was before `show()`. */
  close(): void {
    if (!this.#shown) return;
    this.#shown = false;
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    if (target?.isConnected) target.focus({ preventScroll: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
  }

  override render() {
    const { min, max } = this.width;
    const width = this.fill
      ? ''
      : `width: min(${max}px, calc(100vw - 32px)); min-width: min(${min}px, calc(100vw - 32px));`;
    return html`<dialog
      part="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby=${this.#titleId}
      style=${width}
      @keydown=${this.#onKeydown}
      @cancel=${this.#onCancel}
      @close=${this.#onClose}
      @pointerdown=${this.#onPointerDown}
      @click=${this.#onClick}
    >
      <header>
        <h2 id=${this.#titleId}>${this.heading}</h2>
        <button
          class="close"
          type="button"
          aria-label="Close"
          title="Close"
          @click=${() => {
            this.#dismiss('close');
          }}
        >
          ×
        </button>
      </header>
      <div class="body"><slot></slot></div>
      ${
        this.stopOffer === undefined
          ? nothing
          : html`<footer>
              <button
                class="stop-app"
                type="button"
                @click=${() => this.dispatchEvent(new HostDialogStopAppEvent())}
              >
                ${this.stopOffer}
              </button>
            </footer>`
      }
    </dialog>`;
  }

  #dismiss(by: HostDialogDismissal): void {
    this.dispatchEvent(new HostDialogDismissEvent(by));
  }

  // Escape is taken at keydown, before the browser turns it into a close
  // request: a close request it does not let the page cancel (twice in a
  // row without a click between) would close the dialog past the owner.
  readonly #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    this.#dismiss('escape');
  };

  // Other close requests (a device's back gesture) end up here.
  readonly #onCancel = (event: Event) => {
    event.preventDefault();
    this.#dismiss('escape');
  };

  // The browser closed it anyway: open it again, and let the owner decide.
  readonly #onClose = () => {
    if (this.#shown && this.isConnected) {
      this.dialog?.showModal();
      this.#dismiss('escape');
    }
  };

  readonly #onPointerDown = (event: PointerEvent) => {
    this.#downOnBackdrop = event.target === this.dialog && this.#outside(event);
  };

  readonly #onClick = (event: MouseEvent) => {
    if (event.target === this.dialog && this.#downOnBackdrop && this.#outside(event)) {
      this.#dismiss('backdrop');
    }
    this.#downOnBackdrop = false;
  };

  /** Whether a pointer event fell outside the dialog's box (on its backdrop). */
  #outside(event: MouseEvent): boolean {
    const box = this.dialog?.getBoundingClientRect();
    return (
      !!box &&
      (event.clientX < box.left ||
        event.clientX > box.right ||
        event.clientY < box.top ||
        event.clientY > box.bottom)
    );
  }
}

/** The focused element, through open shadow roots (an iframe when a widget has focus). */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

if (!customElements.get('pb-dialog')) {
  customElements.define('pb-dialog', HostDialogElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-dialog': HostDialogElement;
  }
  interface HTMLElementEventMap {
    'pb-dialog-dismiss': HostDialogDismissEvent;
    'pb-dialog-stop-app': HostDialogStopAppEvent;
  }
}
