import { isRefusal } from '@plugboard/widget-sdk/protocol';

/** What the host can see happen to the page in a widget's iframe. */
export interface PageEvents {
  /** A message from the frame's window on another origin than the app's. */
  readonly foreign: (origin: string) => void;
  /** The widget refused this host (its hostOrigins leave this page out). */
  readonly refused: () => void;
  /** The page began the handshake. */
  readonly spoke: () => void;
  /** A document finished loading in the frame. */
  readonly loaded: () => void;
  /** A while after a load: time to check whether a silent page loaded at all. */
  readonly settled: () => void;
  /**
   * The frame held a page of the host's own origin, where the sandbox's
   * allow-same-origin would let it reach into the host page: it has been
   * emptied, and watching has stopped.
   */
  readonly hostOrigin: () => void;
}

/** How long after a load event `settled` comes. */
const SETTLE_MS = 1_000;

/**
 * Watches the page in `iframe` for as long as the iframe lives: its
 * messages (only the frame's own window counts) and each document that
 * loads. Returns a function that stops watching.
 */
export function watchPage(iframe: HTMLIFrameElement, appOrigin: string, events: PageEvents) {
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  // Once this document has spoken, its messages say nothing more to the
  // watch, so it stops reading them: the browser copies a message's data
  // out only when it is read, and a page that floods the window with huge
  // messages costs the host nothing here.
  let spoke = false;
  const onMessage = (event: MessageEvent<unknown>) => {
    if (event.source !== iframe.contentWindow) return;
    if (event.origin !== appOrigin) events.foreign(event.origin);
    else if (spoke) return;
    else if (isRefusal(event.data)) events.refused();
    else if ((event.data as { namespace?: unknown } | null)?.namespace === 'penpal') {
      spoke = true;
      events.spoke();
    }
  };
  const onLoad = () => {
    spoke = false;
    if (iframe.contentDocument !== null) {
      // Readable: the frame's page is on the host's origin. Stop first:
      // emptying the frame fires `load` again.
      stop();
      iframe.src = 'about:blank';
      events.hostOrigin();
      return;
    }
    events.loaded();
    clearTimeout(settleTimer);
    settleTimer = setTimeout(events.settled, SETTLE_MS);
  };
  function stop() {
    clearTimeout(settleTimer);
    window.removeEventListener('message', onMessage);
    iframe.removeEventListener('load', onLoad);
  }
  window.addEventListener('message', onMessage);
  iframe.addEventListener('load', onLoad);
  return stop;
}
