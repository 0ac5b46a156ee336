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
 * Resolves when the fixture page in `source()`'s window listens for
 * commands. Call it before the page can load (it may load a new page later:
 * call it again before that).
 */
export function fixtureReady(source: () => Window | null): Promise<void> {
  return new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent<{ fixture?: string } | null>) => {
      if (event.source === source() && event.data?.fixture === 'ready') {
        window.removeEventListener('message', onMessage);
        resolve();
      }
    };
    window.addEventListener('message', onMessage);
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
