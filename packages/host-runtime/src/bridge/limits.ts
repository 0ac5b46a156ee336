/** Limits on what one widget may ask of the host. */
export interface HostBridgeLimits {
  /** How long a widget has to finish the handshake, in milliseconds. Default 10 000. */
  readonly handshakeTimeoutMs: number;
  /**
   * How long a host service may take before the widget gets `timeout`.
   * Default 10 000. Calls that wait for the user (dialogs, pickers) have none.
   */
  readonly serviceTimeoutMs: number;
  /** How long a host-to-widget call waits for the widget. Default 10 000. */
  readonly widgetCallTimeoutMs: number;
  /**
   * The largest call a widget may send, in bytes of JSON (its method and
   * parameters). A larger one is refused without being read. Default 256 KiB.
   */
  readonly maxPayloadBytes: number;
  /** How many calls of one widget may wait for the host at once. Default 32. */
  readonly maxPendingCalls: number;
  /** How many calls one widget may start within `rateWindowMs`. Default 200. */
  readonly maxCallsPerWindow: number;
  /**
   * How many bytes of calls the host reads from one widget within
   * `rateWindowMs`; calls past it are refused with `busy` before they are
   * read. It bounds the host's work when calls are as large as allowed (200
   * calls of 256 KiB a second would keep the host busy parsing). Default
   * 1 MiB: four calls of the largest size a second, or thousands of small
   * ones.
   */
  readonly maxBytesPerWindow: number;
  /** The window of the rate limit, in milliseconds. Default 1 000. */
  readonly rateWindowMs: number;
}

export const DEFAULT_LIMITS: HostBridgeLimits = {
  handshakeTimeoutMs: 10_000,
  serviceTimeoutMs: 10_000,
  widgetCallTimeoutMs: 10_000,
  maxPayloadBytes: 256 * 1024,
  maxPendingCalls: 32,
  maxCallsPerWindow: 200,
  maxBytesPerWindow: 1024 * 1024,
  rateWindowMs: 1_000,
};

/**
 * Rate limits and pending cap of one widget: two token buckets that refill
 * continuously, one of calls (`maxCallsPerWindow` per `rateWindowMs`) and one
 * of bytes (`maxBytesPerWindow` per `rateWindowMs`), and a count of calls
 * still waiting for the host.
 */
export class CallLimiter {
  readonly #limits: HostBridgeLimits;
  #calls: number;
  #bytes: number;
  #refilledAt: number;
  #pending = 0;

  constructor(limits: HostBridgeLimits, now = performance.now()) {
    this.#limits = limits;
    this.#calls = limits.maxCallsPerWindow;
    this.#bytes = limits.maxBytesPerWindow;
    this.#refilledAt = now;
  }

  /** Takes a token for an incoming call; `false` when the widget is over its rate. */
  take(now = performance.now()): boolean {
    this.#refill(now);
    if (this.#calls < 1) return false;
    this.#calls -= 1;
    return true;
  }

  /** Takes `bytes` of the byte budget; `false`, taking nothing, when too few are left. */
  takeBytes(bytes: number, now = performance.now()): boolean {
    this.#refill(now);
    if (this.#bytes < bytes) return false;
    this.#bytes -= bytes;
    return true;
  }

  #refill(now: number): void {
    const { maxCallsPerWindow, maxBytesPerWindow, rateWindowMs } = this.#limits;
    const share = (now - this.#refilledAt) / rateWindowMs;
    this.#calls = Math.min(maxCallsPerWindow, this.#calls + share * maxCallsPerWindow);
    this.#bytes = Math.min(maxBytesPerWindow, this.#bytes + share * maxBytesPerWindow);
    this.#refilledAt = now;
  }

  /** Starts a pending call; `false` when the widget already has the most it may. */
  begin(): boolean {
    if (this.#pending >= this.#limits.maxPendingCalls) return false;
    this.#pending += 1;
    return true;
  }

  /** Ends a call started with {@link CallLimiter.begin}. */
  end(): void {
    this.#pending -= 1;
  }
}
