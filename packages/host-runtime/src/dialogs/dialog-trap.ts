import { PlugboardError } from '@plugboard/widget-sdk/protocol';

/** How many of an app's dialogs may end within {@link WINDOW_MS} before the host offers to stop them. */
const OFFER_AFTER = 3;
const WINDOW_MS = 10_000;

/**
 * Keeps an app that reopens its dialogs as soon as they end from trapping
 * the user. Once {@link OFFER_AFTER} of an app's dialogs ended within
 * {@link WINDOW_MS}, its next dialog offers to stop the app's dialogs; once
 * the user takes that offer, every further dialog, confirm or picker the
 * app asks for on this page is refused with `permission_denied`.
 */
export class DialogTrap {
  /** When each app's recent dialogs ended. */
  readonly #ended = new Map<string, number[]>();
  readonly #stopped = new Set<string>();

  /** Throws `permission_denied` when the user stopped `appId`'s dialogs. */
  admit(appId: string | undefined, appName: string, what: string): void {
    if (appId !== undefined && this.#stopped.has(appId)) {
      throw new PlugboardError(
        'permission_denied',
        `${what} was refused: the user stopped dialogs from ${appName} on this page. They come back when the page reloads.`,
      );
    }
  }

  /** Whether the app's next dialog offers to stop its dialogs. */
  offers(appId: string): boolean {
    const now = performance.now();
    const recent = (this.#ended.get(appId) ?? []).filter((at) => now - at < WINDOW_MS);
    this.#ended.set(appId, recent);
    return recent.length >= OFFER_AFTER;
  }

  /** One of the app's dialogs ended. */
  ended(appId: string): void {
    const times = this.#ended.get(appId) ?? [];
    times.push(performance.now());
    this.#ended.set(appId, times.slice(-OFFER_AFTER));
  }

  /** The user took the offer: the app opens no more dialogs on this page. */
  stop(appId: string): void {
    this.#stopped.add(appId);
  }
}
