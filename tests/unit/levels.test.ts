import { describe, expect, it } from 'vitest';
import {
  COMPONENT_LEVEL,
  INDICATOR_LEVEL,
  LEVEL_COLOR,
  LEVEL_GLYPH,
  LEVELS,
  componentLevel,
  indicatorLevel,
  isLevel,
  levelSeverity,
  worstBadgeLevel,
  worstProviderLevel,
  type Level,
} from '../../lib/levels';

describe('component status → level (design §2)', () => {
  it.each([
    ['operational', 'operational'],
    ['degraded_performance', 'degraded'],
    ['partial_outage', 'degraded'],
    ['major_outage', 'outage'],
    ['full_outage', 'outage'],
    ['under_maintenance', 'maintenance'],
  ] as const)('%s → %s', (raw, level) => {
    expect(componentLevel(raw)).toBe(level);
  });

  it('has exactly the six documented rows', () => {
    expect(COMPONENT_LEVEL).toEqual({
      operational: 'operational',
      degraded_performance: 'degraded',
      partial_outage: 'degraded',
      major_outage: 'outage',
      full_outage: 'outage',
      under_maintenance: 'maintenance',
    });
  });

  it.each(['melting', 'Operational', 'OPERATIONAL', '', ' operational', 'none', 'maintenance'])(
    'unknown string %j → unknown',
    (raw) => {
      expect(componentLevel(raw)).toBe('unknown');
    },
  );

  it.each([null, undefined, 1, true, {}, ['operational']])('non-string %j → unknown', (raw) => {
    expect(componentLevel(raw)).toBe('unknown');
  });
});

describe('page indicator → level (design §2)', () => {
  it.each([
    ['none', 'operational'],
    ['minor', 'degraded'],
    ['major', 'outage'],
    ['critical', 'outage'],
    ['maintenance', 'maintenance'],
  ] as const)('%s → %s', (raw, level) => {
    expect(indicatorLevel(raw)).toBe(level);
  });

  it('has exactly the five documented rows', () => {
    expect(INDICATOR_LEVEL).toEqual({ none: 'operational', minor: 'degraded', major: 'outage', critical: 'outage', maintenance: 'maintenance' });
  });

  it.each(['catastrophic', 'operational', 'Minor', ''])('unknown indicator %j → unknown', (raw) => {
    expect(indicatorLevel(raw)).toBe('unknown');
  });

  it.each([null, undefined, 0, false])('non-string %j → unknown', (raw) => {
    expect(indicatorLevel(raw)).toBe('unknown');
  });
});

// BUG (lib/levels.ts componentLevel/indicatorLevel): the tables are plain object literals, so a
// status string naming an Object.prototype member ("constructor", "toString", "__proto__"…) maps to
// a function/object instead of 'unknown'. Such a status from the network yields a ServiceStatus
// that fails ServiceStatusSchema (level not in the enum), so its stored snapshot is dropped on
// every read. `it.fails` keeps the suite green while the bug exists; turn these into `it` once fixed.
describe('prototype keys from the network map to unknown', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('component status %j → unknown', (raw) => {
    expect(componentLevel(raw)).toBe('unknown');
  });

  it.each(['constructor', 'toString', '__proto__'])('page indicator %j → unknown', (raw) => {
    expect(indicatorLevel(raw)).toBe('unknown');
  });
});

describe('provider level = worse of page indicator and worst component', () => {
  it.each([
    [['operational', 'operational'], 'operational'],
    [['degraded', 'operational'], 'degraded'],
    [['operational', 'degraded'], 'degraded'],
    [['degraded', 'outage'], 'outage'],
    [['outage', 'degraded', 'maintenance'], 'outage'],
    [['maintenance', 'operational'], 'maintenance'],
    [['maintenance', 'degraded'], 'degraded'],
    [['operational', 'maintenance'], 'maintenance'],
    // unknown is not part of the order: it only wins when nothing usable is known.
    [['unknown', 'operational'], 'unknown'],
    [['unknown', 'maintenance'], 'unknown'],
    [['unknown', 'degraded', 'unknown'], 'degraded'],
    [['unknown'], 'unknown'],
    [[], 'unknown'],
  ] as [Level[], Level][])('%j → %s', (levels, expected) => {
    expect(worstProviderLevel(levels)).toBe(expected);
  });

  it('accepts any iterable', () => {
    expect(worstProviderLevel(new Set<Level>(['operational', 'outage']))).toBe('outage');
  });
});

describe('badge ranking outage > degraded > unknown > maintenance > operational', () => {
  const order: Level[] = ['outage', 'degraded', 'unknown', 'maintenance', 'operational'];

  it('ranks every pair in that order', () => {
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const a = order[i]!;
        const b = order[j]!;
        expect(worstBadgeLevel([a, b]), `${a} vs ${b}`).toBe(a);
        expect(worstBadgeLevel([b, a]), `${b} vs ${a}`).toBe(a);
        expect(levelSeverity(a)).toBeGreaterThan(levelSeverity(b));
      }
    }
  });

  it('unknown beats maintenance and operational but not degraded', () => {
    expect(worstBadgeLevel(['operational', 'unknown', 'maintenance'])).toBe('unknown');
    expect(worstBadgeLevel(['unknown', 'degraded'])).toBe('degraded');
  });

  it('is operational when all are operational and unknown when empty', () => {
    expect(worstBadgeLevel(['operational', 'operational', 'operational'])).toBe('operational');
    expect(worstBadgeLevel([])).toBe('unknown');
  });
});

describe('palette, glyphs and guards', () => {
  it('uses exactly the product palette (6-digit hex)', () => {
    expect(LEVEL_COLOR).toEqual({
      operational: '#22c55e',
      degraded: '#f59e0b',
      outage: '#ef4444',
      maintenance: '#3b82f6',
      unknown: '#6b7280',
    });
    for (const color of Object.values(LEVEL_COLOR)) expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('gives every level a distinct glyph (never color alone)', () => {
    const glyphs = LEVELS.map((l) => LEVEL_GLYPH[l]);
    expect(glyphs.every((g) => typeof g === 'string' && g.length > 0)).toBe(true);
    expect(new Set(glyphs).size).toBe(LEVELS.length);
  });

  it('lists the five levels', () => {
    expect([...LEVELS]).toEqual(['operational', 'degraded', 'outage', 'maintenance', 'unknown']);
  });

  it('isLevel accepts only the five levels', () => {
    for (const l of LEVELS) expect(isLevel(l)).toBe(true);
    for (const v of ['major_outage', 'Operational', '', null, undefined, 3, {}]) expect(isLevel(v)).toBe(false);
  });
});
