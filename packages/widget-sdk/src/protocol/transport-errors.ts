import { PlugboardError } from './errors.js';

/**
 * Turns what a penpal call rejected with into a {@link PlugboardError} that
 * names the call, so both sides report transport failures the same way.
 *
 * @param what the call, for messages: `"entity.get"`.
 */
export function fromTransportError(error: unknown, what: string): PlugboardError {
  if (error instanceof PlugboardError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'CONNECTION_DESTROYED':
      return new PlugboardError('cancelled', `${what} was cancelled: the connection was closed.`);
    case 'METHOD_CALL_TIMEOUT':
    case 'CONNECTION_TIMEOUT':
      return new PlugboardError('timeout', `${what} got no answer in time (${detail}).`);
    case 'TRANSMISSION_FAILED':
      return new PlugboardError(
        'invalid_params',
        `${what} could not be sent: ${detail} Pass plain data only: no functions, DOM nodes or class instances.`,
      );
    case 'METHOD_NOT_FOUND':
      return new PlugboardError('unsupported', `${what}: the other side is not a Plugboard peer.`);
    default:
      return new PlugboardError('host_error', `${what} failed: ${detail}`);
  }
}
