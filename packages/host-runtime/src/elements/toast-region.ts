import { LitElement, css, html, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PlugboardError } from '@plugboard/widget-sdk/protocol';

import type { HostToast } from '../services/host-ui.js';

export type { HostToast, HostToastTone } from '../services/host-ui.js';

/** How many of one app's toasts show at once; a newer one pushes its oldest out. */
const MAX_TOASTS_PER_APP = 3;
/** How many toasts one app may show within `TOAST_WINDOW_MS`; more are refused with `busy`. */
const MAX_TOASTS_PER_WINDOW = 10;
const TOAST_WINDOW_MS = 10_000;

interface Shown {
  readonly id: number;
  readonly toast: HostToast;
  /** How many times it was asked for while on screen. */
  count: number;
  remainingMs: number;
  startedAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

let ids = 0;

/**
 * `<pb-toast-region>`: where the host shows widgets' toasts, fixed at the
 * bottom end of the viewport. Toasts are announced politely
 * (`role="status"`), errors assertively (`role="alert"`); each names its app
 * and has a dismiss button. A toast leaves by itself after its duration, which
 * stops running while the pointer is over it or focus is in it, so nobody
 * loses a message they are reading.
 *
 * The host runtime creates one when a widget shows a toast and the host has
 * none of its own; place one in an attached root to choose where it goes, or
 * lend `toasts.show` in `createHost({ services })` to show toasts your way.
 *
 * @cssprop --pb-toast-surface - background of a toast.
 * @cssprop --pb-toast-text - text colour of a toast.
 */
export class HostToastRegionElement extends LitElement {
  static override properties: PropertyDeclarations = { shown: { state: true } };

  static override styles = css`
    :host {
      position: fixed;
      inset-block-end: 16px;
      inset-inline-end: 16px;
      z-index: 2147483000;
      display: grid;
      gap: 8px;
      max-width: min(420px, calc(100vw - 32px));
      font: inherit;
    }
    .stack {
      display: grid;
      gap: 8px;
    }
    .toast {
      display: flex;
      gap: 12px;
      align-items: start;
      padding: 10px 12px;
      border-radius: 8px;
      border-inline-start: 4px solid #2f54eb;
      background: var(--pb-toast-surface, #101828);
      color: var(--pb-toast-text, #ffffff);
      box-shadow: 0 4px 12px rgb(16 24 40 / 0.25);
    }
    .success {
      border-color: #12b76a;
    }
    .warning {
      border-color: #f79009;
    }
    .error {
      border-color: #f04438;
    }
    .text {
      flex: 1;
      overflow-wrap: break-word;
    }
    .count {
      font-variant-numeric: tabular-nums;
      opacity: 0.8;
    }
    .app {
      font-weight: 600;
      margin-inline-end: 4px;
    }
    button {
      font: inherit;
      color: inherit;
      background: none;
      border: 0;
      cursor: pointer;
      padding: 0 4px;
    }
    button:focus-visible {
      outline: 2px solid currentColor;
    }
  `;

  declare private shown: readonly Shown[];

  constructor() {
    super();
    this.shown = [];
  }

  /**
   * Shows a toast; returns a function that dismisses it early. An app's
   * toast that repeats one it shows is counted on that one (×2), which
   * starts its time again; one past the app's `MAX_TOASTS_PER_APP`
   * pushes its oldest out, so no app covers the screen or another app's
   * toasts. Throws `busy` past the app's rate.
   */
  show(toast: HostToast): () => void {
    const tone = toast.tone ?? 'info';
    const durationMs = toast.durationMs ?? (tone === 'error' ? 8_000 : 5_000);
    const { appId } = toast;
    if (appId !== undefined) {
      this.#admit(appId, toast.appName ?? appId);
      const mine = this.shown.filter((entry) => entry.toast.appId === appId);
      const same = mine.find(
        (entry) => entry.toast.message === toast.message && (entry.toast.tone ?? 'info') === tone,
      );
      if (same) {
        same.count += 1;
        this.#pause(same);
        same.remainingMs = durationMs;
        this.#run(same);
        this.requestUpdate();
        return () => {
          this.#dismiss(same.id);
        };
      }
      for (const old of mine.slice(0, Math.max(0, mine.length - MAX_TOASTS_PER_APP + 1))) {
        this.#dismiss(old.id);
      }
    }
    const entry: Shown = {
      id: ++ids,
      toast,
      count: 1,
      remainingMs: durationMs,
      startedAt: 0,
      timer: undefined,
    };
    this.shown = [...this.shown, entry];
    this.#run(entry);
    return () => {
      this.#dismiss(entry.id);
    };
  }

  /** When each app's recent toasts were asked for. */
  readonly #asked = new Map<string, number[]>();

  #admit(appId: string, appName: string): void {
    const now = performance.now();
    const recent = (this.#asked.get(appId) ?? []).filter((at) => now - at < TOAST_WINDOW_MS);
    if (recent.length >= MAX_TOASTS_PER_WINDOW) {
      this.#asked.set(appId, recent);
      throw new PlugboardError(
        'busy',
        `${appName} showed ${MAX_TOASTS_PER_WINDOW} toasts within ${TOAST_WINDOW_MS / 1000} s; this one was refused. Show fewer, or try again shortly.`,
      );
    }
    recent.push(now);
    this.#asked.set(appId, recent);
  }

  /** The toasts on screen now, oldest first. */
  get toasts(): readonly HostToast[] {
    return this.shown.map((entry) => entry.toast);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const entry of this.shown) clearTimeout(entry.timer);
    this.shown = [];
  }

  #run(entry: Shown): void {
    entry.startedAt = performance.now();
    entry.timer = setTimeout(() => {
      this.#dismiss(entry.id);
    }, entry.remainingMs);
  }

  #pause(entry: Shown): void {
    if (entry.timer === undefined) return;
    clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.remainingMs = Math.max(0, entry.remainingMs - (performance.now() - entry.startedAt));
  }

  #resume(entry: Shown, element: HTMLElement): void {
    // Still hovered or focused: keep it paused.
    if (entry.timer !== undefined || element.matches(':hover, :focus-within')) return;
    this.#run(entry);
  }

  #dismiss(id: number): void {
    const entry = this.shown.find((shown) => shown.id === id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.shown = this.shown.filter((shown) => shown.id !== id);
  }

  #renderToast(entry: Shown) {
    const { message, appName, tone = 'info' } = entry.toast;
    const { count } = entry;
    const resume = (event: Event) => {
      const element = event.currentTarget as HTMLElement;
      // After the event, so :hover and :focus-within describe the new state.
      setTimeout(() => {
        this.#resume(entry, element);
      });
    };
    return html`<div
      class="toast ${tone}"
      data-tone=${tone}
      @pointerenter=${() => {
        this.#pause(entry);
      }}
      @pointerleave=${resume}
      @focusin=${() => {
        this.#pause(entry);
      }}
      @focusout=${resume}
    >
      <span class="text"
        >${appName ? html`<span class="app">${appName}</span>` : ''}${message}${
          count > 1
            ? html` <span class="count" aria-label=${`${count} times`}>×${count}</span>`
            : ''
        }</span
      >
      <button
        type="button"
        aria-label="Dismiss"
        @click=${() => {
          this.#dismiss(entry.id);
        }}
      >
        ✕
      </button>
    </div>`;
  }

  override render() {
    const polite = this.shown.filter((entry) => entry.toast.tone !== 'error');
    const urgent = this.shown.filter((entry) => entry.toast.tone === 'error');
    const key = (entry: Shown) => entry.id;
    return html`
      <div class="stack" role="status" aria-live="polite">
        ${repeat(polite, key, (entry) => this.#renderToast(entry))}
      </div>
      <div class="stack" role="alert" aria-live="assertive">
        ${repeat(urgent, key, (entry) => this.#renderToast(entry))}
      </div>
    `;
  }
}

if (!customElements.get('pb-toast-region')) {
  customElements.define('pb-toast-region', HostToastRegionElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-toast-region': HostToastRegionElement;
  }
}
