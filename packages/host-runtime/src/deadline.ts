/**
 * Runs `run` with a signal that aborts after `ms` (with `late()` as its
 * reason) or when `outer` aborts, and settles as soon as either happens,
 * even if `run` ignores its signal.
 */
export async function withDeadline<T>(
  run: (signal: AbortSignal) => Promise<T>,
  ms: number,
  late: () => Error,
  outer?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const { signal } = controller;
  const stop = () => {
    controller.abort(outer?.reason);
  };
  outer?.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(() => {
    controller.abort(late());
  }, ms);
  try {
    return await Promise.race([
      run(signal),
      new Promise<never>((_, reject) => {
        signal.addEventListener('abort', () => {
          reject(signal.reason as Error);
        });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', stop);
  }
}
