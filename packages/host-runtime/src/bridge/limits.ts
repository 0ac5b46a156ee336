/** Limits on what one widget may ask of the host. */
export interface HostBridgeLimits {
  /** How long a widget has to finish the handshake, in milliseconds. Default 10 000. */
  readonly handshakeTimeoutMs: number;
  /** How long a host service may take before the widget gets `timeout`. Default 10 000. */
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
  rateWindowMs: 1_000,
};

/**
 * Rate limit and pending cap of one widget: a token bucket that refills
 * continuously (`maxCallsPerWindow` tokens per `rateWindowMs`), and a count
 * of calls still waiting for the host.
 */
export class CallLimiter {
  readonly #limits: HostBridgeLimits;
  #tokens: number;
  #refilledAt: number;
  #pending = 0;

  constructor(limits: HostBridgeLimits, now = performance.now()) {
    this.#limits = limits;
    this.#tokens = limits.maxCallsPerWindow;
    this.#refilledAt = now;
  }

  /** Takes a token for an incoming call; `false` when the widget is over its rate. */
  take(now = performance.now()): boolean {
    const { maxCallsPerWindow, rateWindowMs } = this.#limits;
    const refill = ((now - this.#refilledAt) / rateWindowMs) * maxCallsPerWindow;
    this.#tokens = Math.min(maxCallsPerWindow, this.#tokens + refill);
    this.#refilledAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
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
