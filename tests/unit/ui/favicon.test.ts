import { describe, expect, it } from 'vitest';
import { faviconUrl } from '../../../lib/ui/favicon';
import { LEVELS, type Level } from '../../../lib/levels';

const svgOf = (url: string) => decodeURIComponent(url.slice('data:image/svg+xml,'.length));

describe('faviconUrl', () => {
  it.each([
    ['operational', '#22c55e'],
    ['degraded', '#f59e0b'],
    ['outage', '#ef4444'],
    ['maintenance', '#3b82f6'],
    ['unknown', '#6b7280'],
  ] as [Level, string][])('%s → a dot filled %s', (level, color) => {
    const url = faviconUrl(level);
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    expect(url).not.toMatch(/[<>"# ]/); // fully encoded: safe in an href attribute
    const svg = svgOf(url);
    expect(svg).toBe(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="${color}"/></svg>`);
  });

  it('gives five distinct icons', () => {
    expect(new Set(LEVELS.map(faviconUrl)).size).toBe(5);
  });
});
