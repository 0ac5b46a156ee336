/**
 * The error codes that cross the bridge, one list for both sides.
 *
 * Every rejected call, in either direction, rejects with a
 * {@link PlugboardError} carrying one of these.
 */
export const ErrorCode = {
  /** The app's manifest (or the host's grants) lacks the permission the call needs. */
  PermissionDenied: 'permission_denied',
  /** The call's parameters do not match the method's schema, or cannot be sent. */
  InvalidParams: 'invalid_params',
  /** No answer within the time limit. */
  Timeout: 'timeout',
  /** What the call names does not exist. */
  NotFound: 'not_found',
  /** Too many calls at once or too fast: try again later. */
  Busy: 'busy',
  /** The connection was destroyed, or the user cancelled, before an answer came. */
  Cancelled: 'cancelled',
  /** The other side does not offer this method (or this host lends no such service). */
  Unsupported: 'unsupported',
  /** The host service failed; the message never carries host internals. */
  HostError: 'host_error',
  /** The two sides share no protocol version. */
  VersionMismatch: 'version_mismatch',
  /** A write expected another version than the stored one (someone wrote in between). */
  Conflict: 'conflict',
  /** A write would pass a storage quota; nothing was changed. */
  QuotaExceeded: 'quota_exceeded',
} as const;

/** One of the {@link ErrorCode} values. */
export type PlugboardErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const CODES = new Set<string>(Object.values(ErrorCode));

/** An error as it crosses the bridge: plain data, structured-cloneable. */
export interface SerializedError {
  readonly code: PlugboardErrorCode;
  readonly message: string;
  /** Machine-readable specifics, for instance `{ path: 'changes.total' }`. */
  readonly details: Readonly<Record<string, string | number | boolean>> | undefined;
}

/**
 * The error every failed Plugboard call rejects with, on both sides:
 * `err instanceof PlugboardError && err.code === 'timeout'`.
 */
export class PlugboardError extends Error {
  override readonly name = 'PlugboardError';
  constructor(
    readonly code: PlugboardErrorCode,
    message: string,
    readonly details?: SerializedError['details'],
  ) {
    super(message);
  }

  /** The plain form that crosses the bridge. */
  toJSON(): SerializedError {
    return { code: this.code, message: this.message, details: this.details };
  }

  /**
   * Rebuilds an error that crossed the bridge. Anything that is not a
   * well-formed serialized error becomes `host_error`, so a malformed reply
   * can never smuggle in an unknown code.
   */
  static from(value: unknown): PlugboardError {
    const { code, message, details } = (value ?? {}) as Record<string, unknown>;
    if (typeof code === 'string' && CODES.has(code) && typeof message === 'string') {
      return new PlugboardError(
        code as PlugboardErrorCode,
        message,
        typeof details === 'object' && details !== null
          ? (details as SerializedError['details'])
          : undefined,
      );
    }
    return new PlugboardError('host_error', 'The other side answered with a malformed error.');
  }
}
