import { describe, expect, it } from 'vitest';
import type { Incident, Uptime } from '../../lib/model';
import { normalizeIncident } from '../../lib/providers/normalize';
import { IncidentsSchema } from '../../lib/providers/statuspage-schema';
import { ComponentImpactsSchema, officialUptimeFrom } from '../../lib/providers/incidentio-uptime';
import {
  dayKey,
  dayKeys,
  daysCovered,
  mergeIncidents,
  mergeIntervals,
  preferredUptime,
  subtractIntervals,
  uptimeFromIncidents,
  uptimeFromObserved,
  componentUptimesFromIncidents,
} from '../../lib/uptime';
import { def, loadJson } from './helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;

function anthropicIncidents(): Incident[] {
  const parsed = IncidentsSchema.parse(loadJson('anthropic/incidents-50-resolved-incl-critical-2026-09-15.json'));
  return parsed.incidents.map((raw) => normalizeIncident(raw, def('anthropic'))).filter((i): i is Incident => i !== null);
}

function bar(uptime: Uptime, date: string) {
  const found = uptime.days.find((d) => d.date === date);
  if (!found) throw new Error(`no bar for ${date}`);
  return found;
}

function incident(overrides: Partial<Incident> & Pick<Incident, 'id' | 'impact' | 'startedAt'>): Incident {
  return {
    title: overrides.id,
    status: 'resolved',
    createdAt: overrides.startedAt,
    resolvedAt: null,
    updatedAt: overrides.startedAt,
    url: 'https://status.claude.com/incidents/x',
    latestUpdate: '',
    componentIds: [],
    componentNames: [],
    phases: [],
    ...overrides,
  };
}

describe('day keys', () => {
  it('lists the last 90 UTC days, oldest first, today last', () => {
    const keys = dayKeys(Date.parse('2026-09-15T12:22:10Z'));
    expect(keys).toHaveLength(90);
    expect(keys[0]).toBe('2026-06-18');
    expect(keys[89]).toBe('2026-09-15');
    expect(new Set(keys).size).toBe(90);
  });

  it('uses UTC, not the local offset', () => {
    expect(dayKey(Date.parse('2026-09-15T23:59:59-07:00'))).toBe('2026-09-16');
    expect(daysCovered(Date.parse('2026-09-15T00:00:00Z'), Date.parse('2026-09-15T23:00:00Z'))).toBe(1);
    expect(daysCovered(Date.parse('2026-09-14T23:59:00Z'), Date.parse('2026-09-15T00:01:00Z'))).toBe(2);
    expect(daysCovered(Date.parse('2020-01-01T00:00:00Z'), Date.parse('2026-09-15T00:00:00Z'))).toBe(90);
  });
});

describe('interval helpers', () => {
  it('merges overlaps and subtracts', () => {
    expect(mergeIntervals([{ start: 5, end: 10 }, { start: 0, end: 6 }, { start: 20, end: 20 }, { start: 10, end: 12 }])).toEqual([{ start: 0, end: 12 }]);
    expect(subtractIntervals([{ start: 0, end: 10 }], [{ start: 2, end: 3 }, { start: 8, end: 20 }])).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 8 },
    ]);
  });
});

describe('uptimeFromIncidents on the real Claude incidents.json (retrieved 2026-09-15T12:22:10Z)', () => {
  const now = Date.parse('2026-09-15T12:22:10Z');
  const incidents = anthropicIncidents();
  const uptime = uptimeFromIncidents(incidents, now);

  it('reads all 50 incidents', () => {
    expect(incidents).toHaveLength(50);
  });

  it('covers the 56 days from the oldest incident (2026-07-22) to today', () => {
    expect(uptime.source).toBe('incidents');
    expect(uptime.coversDays).toBe(56);
    expect(uptime.days).toHaveLength(90);
    expect(bar(uptime, '2026-07-21').level).toBe('unknown');
    expect(bar(uptime, '2026-07-22').level).not.toBe('unknown');
    expect(uptime.days.filter((d) => d.level !== 'unknown')).toHaveLength(56);
  });

  it('counts the critical incident of 2026-08-16 as 36 outage minutes (21:58:56 → 22:34:39)', () => {
    const day = bar(uptime, '2026-08-16');
    expect(day.outageMinutes).toBe(36);
    expect(day.degradedMinutes).toBe(0);
    expect(day.level).toBe('outage');
    expect(day.incidents).toEqual(['Service disruption on Claude services']);
  });

  it('counts the critical incident of 2026-07-29 as 167 outage minutes', () => {
    expect(bar(uptime, '2026-07-29').outageMinutes).toBe(167);
  });

  it('splits a 4-day major incident per UTC day, capped at 1440 minutes a day', () => {
    // r1pqn1kb4hvk: 2026-09-10T15:54:10Z → 2026-09-14T19:14:45Z
    expect(bar(uptime, '2026-09-10').outageMinutes).toBe(486);
    expect(bar(uptime, '2026-09-11').outageMinutes).toBe(1440); // a second major that day overlaps: merged
    expect(bar(uptime, '2026-09-12').outageMinutes).toBe(1440);
    expect(bar(uptime, '2026-09-13').outageMinutes).toBe(1440);
    expect(bar(uptime, '2026-09-14').outageMinutes).toBe(1155);
    expect(bar(uptime, '2026-09-11').incidents).toEqual([
      'Degraded functionality for Claude Cowork on Windows',
      'Elevated errors for Claude Mythos 5.1 and Claude Fable 5.1',
    ]);
  });

  it('does not count degraded time that is already outage time', () => {
    // 2pt83vlkk7x7 (minor) runs 21:43 → 23:24 on 2026-09-10, inside the major incident above.
    const day = bar(uptime, '2026-09-10');
    expect(day.degradedMinutes).toBe(0);
    expect(day.incidents).toContain('Elevated latency on the Claude API for some users');
    for (const d of uptime.days) expect(d.outageMinutes + d.degradedMinutes).toBeLessThanOrEqual(1440);
  });

  it('counts minor incidents as degraded, not as down', () => {
    const day = bar(uptime, '2026-08-17'); // zhk4v3yv1lsf, minor, 13:56:41 → 15:29:25
    expect(day.level).toBe('degraded');
    expect(day.degradedMinutes).toBe(93);
    expect(day.outageMinutes).toBe(0);
  });

  it('lists the incident whose resolution precedes its start (clamped to zero length)', () => {
    const day = bar(uptime, '2026-07-25');
    expect(day.incidents).toContain('Sonnet 4.6 and Sonnet 5 errors elevated');
    expect(day.outageMinutes).toBe(98); // the two majors of that day, not the zero-length one
  });

  it('computes the percentages over the covered part of each window', () => {
    // 7641.46 outage minutes since 2026-07-22T00:00Z; the last 30 days hold the 4-day incident.
    expect(uptime.percent90d).toBeCloseTo(90.4413, 3);
    expect(uptime.percent30d).toBeCloseTo(84.2852, 3);
    expect(uptime.percent30d!).toBeLessThan(uptime.percent90d!);
  });

  it('per component: only the incidents naming it, over the provider coverage', () => {
    const ids = [...new Set(incidents.flatMap((i) => i.componentIds))];
    const perComponent = componentUptimesFromIncidents(incidents, ids, now);
    expect(Object.keys(perComponent)).toHaveLength(ids.length);
    for (const u of Object.values(perComponent)) {
      expect(u.coversDays).toBe(56);
      expect(u.percent90d!).toBeGreaterThanOrEqual(uptime.percent90d!);
    }
  });
});

describe('uptimeFromIncidents edge cases', () => {
  const now = Date.parse('2026-09-15T12:00:00Z');

  it('merges overlapping incidents of one level', () => {
    const u = uptimeFromIncidents(
      [
        incident({ id: 'a', impact: 'major', startedAt: '2026-09-14T10:00:00Z', resolvedAt: '2026-09-14T12:00:00Z' }),
        incident({ id: 'b', impact: 'critical', startedAt: '2026-09-14T11:00:00Z', resolvedAt: '2026-09-14T13:00:00Z' }),
      ],
      now,
    );
    expect(bar(u, '2026-09-14').outageMinutes).toBe(180);
    expect(u.coversDays).toBe(2);
    // covered: 2026-09-14T00:00Z → now = 36 h; down 3 h
    expect(u.percent90d).toBeCloseTo(100 * (1 - 3 / 36), 6);
    expect(u.percent30d).toBeCloseTo(100 * (1 - 3 / 36), 6);
  });

  it('runs an open incident to now and splits it at midnight', () => {
    const u = uptimeFromIncidents([incident({ id: 'open', impact: 'minor', startedAt: '2026-09-14T22:00:00Z', resolvedAt: null })], now);
    expect(bar(u, '2026-09-14').degradedMinutes).toBe(120);
    expect(bar(u, '2026-09-15').degradedMinutes).toBe(720);
    expect(bar(u, '2026-09-15').level).toBe('degraded');
    expect(u.percent90d).toBe(100);
  });

  it('clamps an end before its start and ignores impact none', () => {
    const u = uptimeFromIncidents(
      [
        incident({ id: 'backwards', impact: 'major', startedAt: '2026-09-15T10:00:00Z', resolvedAt: '2026-09-15T09:00:00Z' }),
        incident({ id: 'info', impact: 'none', startedAt: '2026-09-15T01:00:00Z', resolvedAt: '2026-09-15T05:00:00Z' }),
      ],
      now,
    );
    const today = bar(u, '2026-09-15');
    expect(today.outageMinutes).toBe(0);
    expect(today.degradedMinutes).toBe(0);
    expect(today.level).toBe('operational');
    expect(today.incidents).toEqual(['info', 'backwards']);
    expect(u.percent90d).toBe(100);
  });

  it('with no incidents covers today only', () => {
    const u = uptimeFromIncidents([], now);
    expect(u.coversDays).toBe(1);
    expect(u.percent90d).toBe(100);
    expect(u.days.filter((d) => d.level === 'operational')).toHaveLength(1);
  });

  it('caps coverage at 90 days', () => {
    const u = uptimeFromIncidents([incident({ id: 'old', impact: 'major', startedAt: '2026-01-01T00:00:00Z', resolvedAt: '2026-01-01T01:00:00Z' })], now);
    expect(u.coversDays).toBe(90);
    expect(u.percent90d).toBe(100);
    expect(u.days.every((d) => d.level === 'operational')).toBe(true);
  });
});

describe('uptimeFromObserved', () => {
  const now = Date.parse('2026-09-15T12:00:00Z');
  const since = Date.parse('2026-09-13T12:00:00Z');

  it('holds each level until the next transition and leaves unknown time out', () => {
    const u = uptimeFromObserved(
      [
        { at: since, level: 'operational' },
        { at: Date.parse('2026-09-14T10:00:00Z'), level: 'outage' },
        { at: Date.parse('2026-09-14T11:00:00Z'), level: 'unknown' },
        { at: Date.parse('2026-09-14T13:00:00Z'), level: 'degraded' },
        { at: Date.parse('2026-09-14T13:30:00Z'), level: 'operational' },
      ],
      since,
      now,
    );
    expect(u.source).toBe('observed');
    expect(u.coversDays).toBe(3);
    // 48 h covered, 2 h unknown → 46 h known, 1 h down
    expect(u.percent90d).toBeCloseTo(100 * (1 - 1 / 46), 6);
    expect(u.percent30d).toBeCloseTo(100 * (1 - 1 / 46), 6);
    const day = bar(u, '2026-09-14');
    expect(day).toMatchObject({ level: 'outage', outageMinutes: 60, degradedMinutes: 30 });
    expect(bar(u, '2026-09-13').level).toBe('operational');
    expect(bar(u, '2026-09-12').level).toBe('unknown');
  });

  it('a day that was unknown throughout is an unknown bar; all-unknown gives null percentages', () => {
    const u = uptimeFromObserved([{ at: since, level: 'unknown' }], since, now);
    expect(bar(u, '2026-09-14').level).toBe('unknown');
    expect(u.percent90d).toBeNull();
    expect(u.percent30d).toBeNull();
  });

  it('time between install and the first transition is unknown', () => {
    const u = uptimeFromObserved([{ at: Date.parse('2026-09-15T06:00:00Z'), level: 'operational' }], since, now);
    expect(u.percent90d).toBe(100);
    expect(bar(u, '2026-09-14').level).toBe('unknown');
    expect(bar(u, '2026-09-15').level).toBe('operational');
  });

  it('uses the transition before the window as the level at its start', () => {
    const u = uptimeFromObserved([{ at: Date.parse('2026-01-01T00:00:00Z'), level: 'maintenance' }], Date.parse('2025-12-01T00:00:00Z'), now);
    expect(u.coversDays).toBe(90);
    expect(u.days.every((d) => d.level === 'maintenance')).toBe(true);
    expect(u.percent90d).toBe(100);
  });

  it('nothing observed yet', () => {
    const u = uptimeFromObserved([], null, now);
    expect(u.coversDays).toBe(0);
    expect(u.percent90d).toBeNull();
    expect(u.days.every((d) => d.level === 'unknown')).toBe(true);
  });
});

describe('official uptime from the real incident.io component_impacts capture (to 2025-04-10)', () => {
  const now = Date.parse('2025-04-10T00:00:00Z');
  const raw = loadJson<{ component_uptimes: Array<{ component_id?: string; uptime: string }> }>(
    'openai/incidentio-proxy-component-impacts-90d-2025-04.json',
  );
  const { uptime, components } = officialUptimeFrom(ComponentImpactsSchema.parse(raw), now);

  it('percent90d is the mean of the 37 component-level uptimes (string percentages parsed)', () => {
    expect(uptime.source).toBe('official');
    expect(uptime.percent90d).toBeCloseTo(99.917568, 5);
    // The 3 group-level rows (no component_id) are not part of it: with them the mean would be 99.91325.
    const all = raw.component_uptimes.map((r) => Number(r.uptime));
    expect(all).toHaveLength(40);
    expect(uptime.percent90d).not.toBeCloseTo(all.reduce((a, b) => a + b, 0) / all.length, 4);
  });

  it('keys per-component uptime by component id, ignoring group rows', () => {
    expect(Object.keys(components)).toHaveLength(37);
    expect(components['01JMXBRMFE6N2NNT7DG6XZQ6PW']!.percent90d).toBe(99.92);
    expect(components['01JQ7EKWQ2Q810TGEQ7A6V44HC']).toBeUndefined();
  });

  it('covers 90 days (data available since 2021) and a component added in March 2025 less', () => {
    expect(uptime.coversDays).toBe(90);
    const recent = Object.values(components).filter((c) => c.coversDays < 90);
    expect(recent.length).toBeGreaterThan(0);
    expect(Math.min(...recent.map((c) => c.coversDays))).toBe(17); // data since 2025-03-25
  });

  it('runs the open impact (Sora, degraded since 2025-04-01T06:30Z) up to now', () => {
    const sora = components['01JMXCAX0QN2ZHVMS54EEN1HXB']!;
    expect(bar(sora, '2025-04-01').degradedMinutes).toBe(1050);
    for (const date of ['2025-04-02', '2025-04-05', '2025-04-09']) {
      expect(bar(sora, date)).toMatchObject({ level: 'degraded', degradedMinutes: 1440, outageMinutes: 0 });
    }
    expect(bar(sora, '2025-04-09').incidents).toContain('New users may experience temporary delays in video generation capabilities');
    expect(bar(uptime, '2025-04-09').level).not.toBe('operational');
  });

  it('counts full_outage as outage on the provider bars and in percent30d', () => {
    // 2025-01-23 15:11:09 → 16:05:28: full_outage on 15 components
    expect(bar(uptime, '2025-01-23').outageMinutes).toBeGreaterThanOrEqual(54);
    expect(bar(uptime, '2025-01-23').level).toBe('outage');
    expect(uptime.percent30d).not.toBeNull();
    expect(uptime.percent30d!).toBeGreaterThan(99);
    expect(uptime.percent30d!).toBeLessThanOrEqual(100);
  });
});

describe('preferredUptime and mergeIncidents', () => {
  const now = Date.parse('2026-09-15T12:00:00Z');
  it('prefers official, then incidents, then observed with data', () => {
    const incidents = uptimeFromIncidents([], now);
    const observedEmpty = uptimeFromObserved([], null, now);
    const observed = uptimeFromObserved([{ at: now - HOUR, level: 'operational' }], now - HOUR, now);
    expect(preferredUptime({ official: null, incidents, observed })?.source).toBe('incidents');
    expect(preferredUptime({ observed: observedEmpty })).toBeNull();
    expect(preferredUptime({ observed })?.source).toBe('observed');
  });

  it('lays the snapshot incidents over the history by id', () => {
    const old = incident({ id: 'x', impact: 'minor', startedAt: '2026-09-15T01:00:00Z' });
    const newer = { ...old, impact: 'major' };
    const other = incident({ id: 'y', impact: 'minor', startedAt: '2026-09-15T02:00:00Z' });
    expect(mergeIncidents([old, other], [newer]).map((i) => [i.id, i.impact])).toEqual([
      ['x', 'major'],
      ['y', 'minor'],
    ]);
  });
});
