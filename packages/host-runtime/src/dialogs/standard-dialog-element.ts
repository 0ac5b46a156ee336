import type { HostMethodParams, HostMethodResult } from '@plugboard/widget-sdk/protocol';
import { LitElement, css, html, nothing, type PropertyDeclarations } from 'lit';

/**
 * A standard dialog to show: what a widget passed to `dialogs.alert`,
 * `dialogs.confirm`, `dialogs.prompt` or `dialogs.choose` (or the host
 * itself, for instance to confirm discarding changes), with `kind` saying
 * which, and `appName` saying who asks (`undefined`: the host).
 */
export type HostStandardDialogRequest = (
  | ({ readonly kind: 'alert' } & HostMethodParams<'dialogs.alert'>)
  | ({ readonly kind: 'confirm' } & HostMethodParams<'dialogs.confirm'>)
  | ({ readonly kind: 'prompt' } & HostMethodParams<'dialogs.prompt'>)
  | ({ readonly kind: 'choose' } & HostMethodParams<'dialogs.choose'>)
) & { readonly appName?: string | undefined };

/** What the user did with a standard dialog; its shape follows the request's kind. */
export type HostStandardDialogOutcome =
  | HostMethodResult<'dialogs.alert'>
  | HostMethodResult<'dialogs.prompt'>
  | HostMethodResult<'dialogs.choose'>;

/** The title a standard dialog shows: its own, else who asks. */
export function standardDialogTitle(request: HostStandardDialogRequest): string {
  return request.title ?? request.appName ?? '';
}

/**
 * Fired by a dialog's body (`<pb-standard-dialog>`, `<pb-picker>`) when the
 * user is done with it, with what they did.
 */
export class HostDialogOutcomeEvent<T = unknown> extends Event {
  static readonly type = 'pb-dialog-outcome';
  constructor(readonly outcome: T) {
    super(HostDialogOutcomeEvent.type);
  }
}

/**
 * `<pb-standard-dialog>`: the body of a standard dialog (alert, confirm,
 * prompt, choose): its message and buttons, all plain text: whatever the
 * request says is shown as text, never parsed as HTML. The dialog layer puts
 * it in a `<pb-dialog>` with the title; a host with its own design passes
 * `standardDialogs` to `createHost` instead.
 *
 * Buttons end it with {@link HostDialogOutcomeEvent}: the main one with
 * `ok` (and the text or the option), Cancel with `dismissed` by `cancel`.
 *
 * @fires pb-dialog-outcome - {@link HostDialogOutcomeEvent}
 * @cssprop --pb-dialog-accent - the main button's colour.
 * @cssprop --pb-dialog-danger - a destructive button's colour.
 */
export class HostStandardDialogElement extends LitElement {
  static override properties: PropertyDeclarations = {
    request: { attribute: false },
    value: { state: true },
  };

  static override styles = css`
    :host {
      display: block;
      padding: 16px 20px 20px;
    }
    p {
      margin: 0 0 16px;
      white-space: pre-line;
      overflow-wrap: break-word;
      /* A long message (up to 4 096 characters) scrolls; the buttons stay in view. */
      max-height: 60vh;
      overflow-y: auto;
    }
    label {
      display: block;
      margin-bottom: 6px;
      font-size: 0.9em;
    }
    input {
      box-sizing: border-box;
      width: 100%;
      margin-bottom: 16px;
      padding: 8px 10px;
      border: 1px solid #d0d5dd;
      border-radius: 6px;
      font: inherit;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 8px;
    }
    button {
      padding: 8px 14px;
      border: 1px solid #d0d5dd;
      border-radius: 6px;
      background: #fff;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    button.main {
      border-color: var(--pb-dialog-accent, #2f54eb);
      background: var(--pb-dialog-accent, #2f54eb);
      color: #fff;
    }
    button.danger {
      border-color: var(--pb-dialog-danger, #d92d20);
      background: var(--pb-dialog-danger, #d92d20);
      color: #fff;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    button:focus-visible,
    input:focus-visible {
      outline: 2px solid var(--pb-dialog-accent, #2f54eb);
      outline-offset: 1px;
    }
  `;

  /** What to show. */
  declare request: HostStandardDialogRequest | undefined;
  /** A prompt's text as the user types it. */
  declare value: string;

  constructor() {
    super();
    this.request = undefined;
    this.value = '';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('request') && this.request?.kind === 'prompt') {
      this.value = this.request.value ?? '';
    }
  }

  /** Focuses the control the user most likely wants: the field, Cancel for a destructive confirm, else the main button. */
  override focus(): void {
    void this.updateComplete.then(() => {
      this.#focusNow();
    });
  }

  #focusNow(): void {
    const request = this.request;
    const selector =
      request?.kind === 'prompt'
        ? 'input'
        : request?.kind === 'confirm' && request.intent === 'destructive'
          ? 'button.cancel'
          : request?.kind === 'choose'
            ? 'button[data-option]'
            : 'button';
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  override render() {
    const request = this.request;
    if (!request) return nothing;
    return html`<form @submit=${this.#submit}>
      <p id="message">${request.message}</p>
      ${request.kind === 'prompt' ? this.#field(request) : nothing}
      <div class="buttons">${this.#buttons(request)}</div>
    </form>`;
  }

  #field(request: Extract<HostStandardDialogRequest, { kind: 'prompt' }>) {
    return html`${request.label ? html`<label for="field">${request.label}</label>` : nothing}
      <input
        id="field"
        maxlength="500"
        aria-describedby=${request.label ? 'message' : nothing}
        aria-labelledby=${request.label ? nothing : 'message'}
        placeholder=${request.placeholder ?? nothing}
        ?required=${request.required === true}
        .value=${this.value}
        @input=${(event: Event) => {
          this.value = (event.target as HTMLInputElement).value;
        }}
      />`;
  }

  #buttons(request: HostStandardDialogRequest) {
    const cancel = (label: string | undefined) =>
      html`<button class="cancel" type="button" @click=${this.#cancel}>
        ${label ?? 'Cancel'}
      </button>`;
    switch (request.kind) {
      case 'alert':
        return html`<button class="main" type="submit">${request.ok ?? 'OK'}</button>`;
      case 'confirm':
        return html`${cancel(request.cancel)}
          <button class=${request.intent === 'destructive' ? 'danger' : 'main'} type="submit">
            ${request.confirm ?? 'OK'}
          </button>`;
      case 'prompt':
        return html`${cancel(request.cancel)}
          <button
            class="main"
            type="submit"
            ?disabled=${request.required === true && this.value.trim() === ''}
          >
            ${request.ok ?? 'OK'}
          </button>`;
      case 'choose':
        return html`${cancel(request.cancel)}
        ${request.options.map(
          (option) =>
            html`<button
              type="button"
              data-option=${option.id}
              @click=${() => {
                this.#end({ status: 'ok', value: option.id });
              }}
            >
              ${option.label}
            </button>`,
        )}`;
    }
  }

  readonly #submit = (event: SubmitEvent) => {
    event.preventDefault();
    const request = this.request;
    if (!request || request.kind === 'choose') return;
    if (request.kind !== 'prompt') {
      this.#end({ status: 'ok' });
    } else if (request.required !== true || this.value.trim() !== '') {
      this.#end({ status: 'ok', value: this.value });
    }
  };

  readonly #cancel = () => {
    this.#end({ status: 'dismissed', by: 'cancel' });
  };

  #end(outcome: HostStandardDialogOutcome): void {
    this.dispatchEvent(new HostDialogOutcomeEvent(outcome));
  }
}

if (!customElements.get('pb-standard-dialog')) {
  customElements.define('pb-standard-dialog', HostStandardDialogElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-standard-dialog': HostStandardDialogElement;
  }
  interface HTMLElementEventMap {
    'pb-dialog-outcome': HostDialogOutcomeEvent;
  }
}
