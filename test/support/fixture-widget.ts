import { fixtureOrigin } from './origins.js';

/** An error a fixture widget reported back. */
export interface FixtureError {
  readonly name: string;
  readonly message: string;
  /** The PlugboardError code, if it was one. */
  readonly code: string | undefined;
  readonly isPlugboardError: boolean;
}

/** The outcome of one fixture command. */
export type FixtureResult<T> = { ok: true; value: T } | { ok: false; error: FixtureError };

/** A fixture widget iframe, driven by commands (see test/fixtures/widget.ts). */
export interface FixtureWidget {
  readonly iframe: HTMLIFrameElement;
  /** Runs a command in the widget; never rejects, so tests can assert errors. */
  run<T = unknown>(command: string, args?: Record<string, unknown>): Promise<FixtureResult<T>>;
  /** Runs a command that must succeed, and returns its value. */
  value<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T>;
  remove(): void;
}

let nextId = 1;

/**
 * Loads test/fixtures/widget.html in an iframe, by default from the fixture
 * origin, and waits until it listens for commands.
 */
export async function loadFixtureWidget(origin = fixtureOrigin): Promise<FixtureWidget> {
  const iframe = document.createElement('iframe');
  const ready = fixtureReady(() => iframe.contentWindow);
  iframe.src = `${origin}/test/fixtures/widget.html`;
  document.body.append(iframe);
  await ready;
  return driveFixture(iframe, origin);
}

/**
 * How many times each window's fixture page said it listens for commands,
 * counted from the moment a test module loads this file: a page may say so
 * before the test has found its iframe (a host element creates it), and
 * that must not be missed.
 */
const readyCounts = new WeakMap<Window, number>();
window.addEventListener('message', (event: MessageEvent<{ fixture?: string } | null>) => {
  if (event.data?.fixture !== 'ready' || !event.source) return;
  const source = event.source as Window;
  readyCounts.set(source, (readyCounts.get(source) ?? 0) + 1);
});

/**
 * Resolves when the fixture page in `source()`'s window listens for
 * commands: the next page to load there, counted from this call (it may
 * load a new page later: call it again before that). `source()` may be null
 * until the iframe is found; a page that said so before counts.
 */
export function fixtureReady(source: () => Window | null): Promise<void> {
  const at = source();
  const before = at ? (readyCounts.get(at) ?? 0) : 0;
  return new Promise<void>((resolve) => {
    const check = () => {
      const window_ = source();
      // Pages said ready before this call count only for another window.
      if (!window_ || (readyCounts.get(window_) ?? 0) <= (window_ === at ? before : 0)) return;
      window.removeEventListener('message', check);
      clearInterval(poll);
      resolve();
    };
    // At each message (after the count above, whose listener came first), and
    // now and then for a window found after its page said so.
    window.addEventListener('message', check);
    const poll = setInterval(check, 20);
  });
}

/** Drives the fixture widget page already loaded in `iframe` (see test/fixtures/widget.ts). */
export function driveFixture(iframe: HTMLIFrameElement, origin = fixtureOrigin): FixtureWidget {
  const source = () => iframe.contentWindow;
  const run = <T>(command: string, args: Record<string, unknown> = {}) =>
    new Promise<FixtureResult<T>>((resolve) => {
      const id = nextId++;
      const onMessage = (
        event: MessageEvent<({ fixture?: string; id?: number } & FixtureResult<T>) | null>,
      ) => {
        const message = event.data;
        if (event.source !== source() || message?.fixture !== 'result' || message.id !== id) return;
        window.removeEventListener('message', onMessage);
        resolve(
          message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error },
        );
      };
      window.addEventListener('message', onMessage);
      source()?.postMessage({ fixture: 'command', id, command, args }, origin);
    });

  return {
    iframe,
    run,
    async value<T>(command: string, args?: Record<string, unknown>) {
      const result = await run<T>(command, args);
      if (!result.ok) throw new Error(`fixture ${command} failed: ${result.error.message}`);
      return result.value;
    },
    remove() {
      iframe.remove();
    },
  };
}
