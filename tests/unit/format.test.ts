import { describe, expect, it } from 'vitest';
import { dateTime, duration, levelLabel, relativeTime } from '../../lib/format';
import { percent } from '../../lib/ui/uptime-format';
import { LEVELS } from '../../lib/levels';
import { translator } from './helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');

describe('levelLabel', () => {
  it('gives every level its English label', () => {
    const t = translator('en');
    expect(LEVELS.map((l) => levelLabel(l, t))).toEqual(['Operational', 'Degraded', 'Outage', 'Maintenance', 'Unknown']);
  });

  it('gives every level a distinct Korean label', () => {
    const t = translator('ko');
    const labels = LEVELS.map((l) => levelLabel(l, t));
    expect(labels[0]).toBe('정상');
    expect(new Set(labels).size).toBe(5);
    for (const label of labels) expect(label).not.toMatch(/^level/);
  });
});

describe('relativeTime', () => {
  it.each([
    [0, 'now'],
    [-400, 'now'],
    [-999, 'now'],
    [-1_000, '1 second ago'],
    [-3_000, '3 seconds ago'],
    [-59_000, '59 seconds ago'],
    [-60_000, '1 minute ago'],
    [-5 * 60_000, '5 minutes ago'],
    [2 * 60_000, 'in 2 minutes'],
    [-5 * 3_600_000, '5 hours ago'],
    [-86_400_000, 'yesterday'],
    [-3 * 86_400_000, '3 days ago'],
    [86_400_000, 'tomorrow'],
  ])('%d ms → %s', (delta, expected) => {
    expect(relativeTime(NOW + delta, NOW, 'en')).toBe(expected);
  });

  it('localizes', () => {
    expect(relativeTime(NOW - 3_000, NOW, 'ko')).toBe('3초 전');
  });
});

describe('duration', () => {
  it.each([
    [0, '0m'],
    [-60_000, '0m'],
    [29_000, '0m'],
    [5 * 60_000, '5m'],
    [59 * 60_000, '59m'],
    [60 * 60_000, '1h'],
    [125 * 60_000, '2h 5m'],
    [(47 * 60 + 59) * 60_000, '47h 59m'],
    [48 * 3_600_000, '2d'],
    [50 * 3_600_000, '2d 2h'],
  ])('%d ms → %s', (ms, expected) => {
    expect(duration(ms, 'en')).toBe(expected);
  });

  it('localizes', () => {
    expect(duration(125 * 60_000, 'ko')).toBe('2시간 5분');
  });
});

describe('dateTime', () => {
  it('formats ISO strings and epoch ms the same way, with the date', () => {
    const iso = '2026-10-10T12:00:00Z';
    expect(dateTime(iso, 'en-US')).toBe(dateTime(NOW, 'en-US'));
    expect(dateTime(iso, 'en-US')).toContain('Oct 10, 2026');
  });

  it('honours offsets in the source timestamp', () => {
    expect(dateTime('2026-10-10T05:00:00-07:00', 'en-US')).toBe(dateTime('2026-10-10T12:00:00Z', 'en-US'));
  });
});

describe('percent', () => {
  it.each([
    [99.92, '99.92%'],
    [100, '100.00%'],
    [99.9876, '99.98%'], // two decimals, truncated, as the status pages show them
    [99.999, '99.99%'],
    [0, '0.00%'],
  ])('%d → %s', (value, expected) => {
    expect(percent(value, 'en')).toBe(expected);
  });

  it('shows a dash for no figure', () => {
    expect(percent(null, 'en')).toBe('—');
  });
});
