import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, backoffDelayMs } from '../../../lib/background/backoff';

const BASE = 60_000;

describe('backoffDelayMs', () => {
  it('is 0 without failures', () => {
    expect(backoffDelayMs(0, BASE, 0.5)).toBe(0);
    expect(backoffDelayMs(-3, BASE, 0.5)).toBe(0);
  });

  it('doubles per failure from the base period, jittered between 50 % and 100 % of the step', () => {
    expect([1, 2, 3, 4].map((f) => backoffDelayMs(f, BASE, 0))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect([1, 2, 3, 4].map((f) => backoffDelayMs(f, BASE, 1))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect([1, 2, 3, 4].map((f) => backoffDelayMs(f, BASE, 0.5))).toEqual([45_000, 90_000, 180_000, 360_000]);
  });

  it('grows monotonically with failures for the same jitter', () => {
    let last = 0;
    for (let f = 1; f <= 30; f++) {
      const d = backoffDelayMs(f, 30_000, 0.3);
      expect(d).toBeGreaterThanOrEqual(last);
      last = d;
    }
  });

  it('caps the step at 15 minutes', () => {
    expect(MAX_BACKOFF_MS).toBe(900_000);
    expect(backoffDelayMs(5, BASE, 1)).toBe(900_000);
    expect(backoffDelayMs(5, BASE, 0)).toBe(450_000);
    expect(backoffDelayMs(1_000, BASE, 1)).toBe(900_000);
    expect(backoffDelayMs(1_000, 300_000, 0.999)).toBeLessThanOrEqual(900_000);
  });

  it('clamps out-of-range random values', () => {
    expect(backoffDelayMs(1, BASE, -5)).toBe(30_000);
    expect(backoffDelayMs(1, BASE, 7)).toBe(60_000);
  });

  it('returns whole milliseconds', () => {
    expect(Number.isInteger(backoffDelayMs(3, 30_000, 0.123456))).toBe(true);
  });
});
