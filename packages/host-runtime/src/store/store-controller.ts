import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HostState, HostStore } from './host-store.js';

/**
 * Gives an element a selection of the host store, kept current: it
 * subscribes when the element connects, unsubscribes when it disconnects,
 * and asks for an update only when the selection changes.
 */
export class StoreController<T> implements ReactiveController {
  #value: T | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly element: ReactiveControllerHost,
    private readonly store: () => HostStore | undefined,
    private readonly select: (state: HostState) => T,
    private readonly equals: (a: T, b: T) => boolean = Object.is,
  ) {
    element.addController(this);
  }

  /** The selection, or `undefined` while the element has no host. */
  get value(): T | undefined {
    return this.#value;
  }

  hostConnected(): void {
    const store = this.store();
    if (!store) return;
    this.#value = this.select(store.getState());
    this.#unsubscribe = store.subscribe((state) => {
      const next = this.select(state);
      if (this.#value !== undefined && this.equals(next, this.#value)) return;
      this.#value = next;
      this.element.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#value = undefined;
  }
}
