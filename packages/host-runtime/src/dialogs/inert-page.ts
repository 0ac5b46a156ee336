/**
 * While dialogs are open, everything on the page but the top dialog is
 * inert, and the focus stays in the top dialog.
 *
 * The `inert` attribute covers the host's own UI and lower dialogs: no
 * click, no focus, nothing for assistive technology. It does not hold a
 * cross-origin iframe's page: Chromium lets such a page call
 * `window.focus(); input.focus()` through a modal `<dialog>` and through
 * `inert` alike, and keys then go to it. So the guard also watches the
 * focus: the moment it leaves the top dialog for anything behind it (the
 * host window blurs as a frame takes it), it puts it back where it was in
 * the dialog. What a frame can still get is the few milliseconds between
 * its theft and the guard's answer.
 *
 * Only what this sets inert is released: elements the host made inert
 * itself stay so. Elements the page adds while a dialog is open are made
 * inert as they come.
 */
export class InertPage {
  /** The elements this made inert. */
  readonly #made = new Set<Element>();
  #top: Element | undefined;
  /** The last element the focus was on inside the top dialog. */
  #inside: HTMLElement | undefined;
  #observer: MutationObserver | undefined;

  /** Makes all but `top` inert; `undefined` (no dialog left) releases the page. */
  hold(top: Element | undefined): void {
    if (top !== this.#top) this.#inside = undefined;
    this.#top = top;
    if (top === undefined) {
      this.#observer?.disconnect();
      this.#observer = undefined;
      document.removeEventListener('focusin', this.#onFocusIn, true);
      window.removeEventListener('blur', this.#onBlur);
      for (const element of this.#made) element.removeAttribute('inert');
      this.#made.clear();
      return;
    }
    if (this.#made.delete(top)) top.removeAttribute('inert');
    for (const child of document.body.children) this.#consider(child);
    if (!this.#observer) {
      this.#observer = new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node instanceof Element) this.#consider(node);
          }
        }
      });
      this.#observer.observe(document.body, { childList: true });
      document.addEventListener('focusin', this.#onFocusIn, true);
      window.addEventListener('blur', this.#onBlur);
    }
  }

  #consider(element: Element): void {
    if (element === this.#top || element.hasAttribute('inert')) return;
    element.setAttribute('inert', '');
    this.#made.add(element);
  }

  readonly #onFocusIn = (): void => {
    this.#keep();
  };

  // A frame that takes the focus blurs the host window; the frame's
  // element is the active one by then.
  readonly #onBlur = (): void => {
    // Not at once: the frame's focus is still on its way, and would win.
    setTimeout(() => {
      this.#keep();
    });
  };

  /** Remembers the focus inside the top dialog, or takes it back there. */
  #keep(): void {
    const top = this.#top;
    const active = document.activeElement;
    if (!top || !active || active === document.body) return;
    if (top.contains(active)) {
      this.#inside = deepActive(active);
      return;
    }
    const back = this.#inside?.isConnected ? this.#inside : undefined;
    // The host window takes the focus back from the frame first: focusing
    // an element alone leaves the keys with the frame.
    window.focus();
    (back ?? (top as HTMLElement)).focus({ preventScroll: true });
  }
}

/** The focused element inside `active`, through open shadow roots. */
function deepActive(active: Element): HTMLElement | undefined {
  let element: Element = active;
  while (element.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement ? element : undefined;
}
