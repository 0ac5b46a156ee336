import type { PlugboardError } from '@plugboard/widget-sdk/protocol';
import type { HostConnection } from '../bridge/connection-types.js';

/** What a mount saw of the page in its iframe, for telling failures apart. */
export interface PageSignals {
  /** The iframe fired `load`. */
  loaded: boolean;
  /** The page on the app's origin began the handshake. */
  spoke: boolean;
  /** The origin of a page on another origin that posted from the iframe. */
  foreignOrigin: string | undefined;
  /** How the page behind the last connection went away, if it did. */
  ended: 'destroyed' | 'restarted' | undefined;
}

/** Which failure the mount saw. */
export type Failure = 'timeout' | 'refused' | 'unreachable' | 'foreign' | 'host-origin' | 'removed';

/** What the messages name. */
export interface DiagnosisFacts {
  readonly url: string;
  readonly appOrigin: string;
  readonly hostOrigin: string;
  readonly handshakeTimeoutMs: number;
}

/**
 * One or two sentences on why a widget is not running, with the likely fix,
 * for the frame to show after the app's name ("Delivery tracker could not be
 * loaded. …"): the messages never repeat the name.
 *
 * Across origins the browser hides a page's HTTP status, so a 404 or 500
 * page reads as a page that loaded but never spoke; the message says so.
 */
export function diagnose(what: Failure, signals: PageSignals, facts: DiagnosisFacts): string {
  const { url, appOrigin, hostOrigin, handshakeTimeoutMs: ms } = facts;
  const foreign = signals.foreignOrigin;
  switch (what) {
    case 'removed':
      return 'Its iframe was removed from the page.';
    case 'refused':
      return `It refused to connect to this host: its connect({ hostOrigins }) does not include ${hostOrigin}. The vendor must add ${hostOrigin} to hostOrigins.`;
    case 'unreachable':
      return `Nothing answered at ${url}. Check that the vendor's server is running and that the manifest's URL is right.`;
    case 'foreign':
      return `The page in its frame is on ${foreign === 'null' ? 'an opaque origin (a data: or sandboxed page)' : (foreign ?? 'another origin')}, not the app's origin ${appOrigin}, so it gets nothing from this host. Serve the widget's pages from ${appOrigin}, or correct the manifest's origin.`;
    case 'host-origin':
      return `Its page navigated its frame to this host's own origin ${hostOrigin}, which a widget may never do: the frame was emptied. Keep the widget's pages on ${appOrigin}.`;
    case 'timeout':
      if (signals.ended) {
        return `Its page went away (it navigated, reloaded or closed its connection) and no page from ${appOrigin} connected in its place within ${ms} ms.`;
      }
      if (!signals.loaded) return `Its page at ${url} did not finish loading within ${ms} ms.`;
      if (!signals.spoke) {
        return `Its page loaded but never started the handshake within ${ms} ms: it must call connect() from @plugboard/widget-sdk. (An HTTP error page at ${url} looks the same from here.)`;
      }
      return `It began the handshake but did not complete it within ${ms} ms.`;
  }
}

/**
 * Whether the page at `url` could not be fetched at all. A page that failed
 * to load (connection refused, DNS failure) still fires `load` with an
 * error page the host cannot see into; a no-cors request to the same URL
 * tells a network failure apart. An HTTP error page cannot be told apart
 * across origins (it ends in `timeout`). Here, with the diagnoses: only a
 * page still silent after it loaded is probed.
 */
export async function unreachable(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal });
    return false;
  } catch {
    return true;
  }
}

/**
 * Whether the page behind `connection` still answers (a `load` event while
 * it was ready: a new document, or the first one finishing late). Any
 * answer within a second, even an error, means it is there.
 */
export async function answers(connection: HostConnection): Promise<boolean> {
  try {
    await connection.call('ping', undefined, { timeoutMs: 1_000 });
    return true;
  } catch (error) {
    return (error as PlugboardError).code !== 'timeout';
  }
}
