/** What auto-widget fixtures report to the test page. */
export interface FixtureEvent {
  readonly source: MessageEventSource | null;
  readonly type: string;
  readonly data: unknown;
}

/** Records fixture events from now on; call `stop()` when done. */
export function recordFixtureEvents(): { readonly events: FixtureEvent[]; stop(): void } {
  const events: FixtureEvent[] = [];
  // Anything may arrive here (the fuzz suite sends nulls and worse).
  const onMessage = (
    event: MessageEvent<{ fixture?: string; type?: string; data?: unknown } | null>,
  ) => {
    const message = event.data;
    if (message?.fixture !== 'event') return;
    events.push({ source: event.source, type: String(message.type), data: message.data });
  };
  window.addEventListener('message', onMessage);
  return {
    events,
    stop() {
      window.removeEventListener('message', onMessage);
    },
  };
}

/**
 * Waits until `check` holds, polling; fails after `timeoutMs` saying what it
 * waited for (`what` may be a function, read at that moment).
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string | (() => string),
  timeoutMs = 8_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline)
      throw new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
