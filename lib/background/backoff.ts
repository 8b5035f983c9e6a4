/**
 * Per-source backoff after failures: exponential from the alarm period, with jitter, capped, and
 * never shorter than the server's `Retry-After`.
 */

/** Longest wait between attempts at a failing source. */
export const MAX_BACKOFF_MS = 15 * 60_000;

/**
 * Delay before the next scheduled attempt after `failures` consecutive failures.
 * `random` in [0, 1) spreads retries (jitter between 50 % and 100 % of the step).
 */
export function backoffDelayMs(failures: number, baseMs: number, random: number): number {
  if (failures <= 0) return 0;
  const step = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.min(failures - 1, 16));
  return Math.round(step * (0.5 + 0.5 * Math.min(Math.max(random, 0), 1)));
}
