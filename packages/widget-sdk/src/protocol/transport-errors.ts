import { PlugboardError } from './errors.js';

/**
 * Turns what penpal's `connect()` rejected with into a {@link PlugboardError}
 * that names what was under way. The host runtime uses it; the widget SDK
 * speaks the handshake without penpal and needs none.
 *
 * @param what for messages, for instance `"connect()"`.
 */
export function fromTransportError(error: unknown, what: string): PlugboardError {
  if (error instanceof PlugboardError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'CONNECTION_DESTROYED') {
    return new PlugboardError('cancelled', `${what} was cancelled: the connection was closed.`);
  }
  if (code === 'CONNECTION_TIMEOUT') {
    return new PlugboardError('timeout', `${what} got no answer in time (${detail}).`);
  }
  return new PlugboardError('host_error', `${what} failed: ${detail}`);
}
