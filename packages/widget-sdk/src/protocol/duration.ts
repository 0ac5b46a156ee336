/**
 * A duration as people read it in a message: whole milliseconds under a
 * second (`200 ms`), else seconds to one decimal (`10 s`, `2.5 s`). A
 * deadline's remaining time is fractional (`9999.89`); this rounds it.
 */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${Math.round(ms / 100) / 10} s`;
}
