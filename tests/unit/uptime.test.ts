import { describe, expect, it } from 'vitest';
import type { Incident, Uptime } from '../../lib/model';
import { normalizeIncident, normalizeSummary } from '../../lib/providers/normalize';
import { IncidentsSchema, SummarySchema } from '../../lib/providers/statuspage-schema';
import {
  aggregateUptime,
  buildUptime,
  dayKey,
  dayKeys,
  daysCovered,
  estimateFromIncidents,
  floor2,
  impactSeverity,
  incidentListCap,
  incidentSegments,
  incidentsCoverStart,
  mergeIncidents,
  mergeIntervals,
  officialAsOf,
  preferredUptime,
  round2,
  statusSeverity,
  subtractIntervals,
  uptimeFromObserved,
} from '../../lib/uptime';
import { def, loadJson } from './helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function anthropicIncidents(): Incident[] {
  const parsed = IncidentsSchema.parse(loadJson('anthropic/incidents-50-resolved-incl-critical-2026-09-15.json'));
  return parsed.incidents.map((raw) => normalizeIncident(raw, def('anthropic'))).filter((i): i is Incident => i !== null);
}

/** Claude's six components, from the real summary capture. */
function claudeComponents() {
  const summary = normalizeSummary(SummarySchema.parse(loadJson('anthropic/summary-all-operational-2026-09-22.json')), def('anthropic'), 0);
  return summary.components.map((c) => ({ id: c.id, name: c.name }));
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

describe('interval helpers and rounding', () => {
  it('merges overlaps and subtracts', () => {
    expect(mergeIntervals([{ start: 5, end: 10 }, { start: 0, end: 6 }, { start: 20, end: 20 }, { start: 10, end: 12 }])).toEqual([{ start: 0, end: 12 }]);
    expect(subtractIntervals([{ start: 0, end: 10 }], [{ start: 2, end: 3 }, { start: 8, end: 20 }])).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 8 },
    ]);
  });

  it('floor2 truncates without float error; round2 rounds', () => {
    expect(floor2(99.999)).toBe(99.99);
    expect(floor2(99.87)).toBe(99.87);
    expect(floor2(100 - 0.13)).toBe(99.87); // 99.86999999999999 in floating point
    expect(floor2(100)).toBe(100);
    expect(round2(99.9549)).toBe(99.95);
    expect(round2(99.955)).toBe(99.96);
  });

  it('maps statuses and impacts to how they are charged', () => {
    expect(['major_outage', 'full_outage', 'partial_outage', 'degraded_performance', 'operational', 'under_maintenance', 'bogus'].map(statusSeverity)).toEqual([
      'major',
      'major',
      'partial',
      'degraded',
      null,
      null,
      null,
    ]);
    expect(['critical', 'major', 'minor', 'none', 'maintenance'].map(impactSeverity)).toEqual(['major', 'partial', 'degraded', null, null]);
  });
});

describe('buildUptime: one measure for every source', () => {
  const now = Date.parse('2026-09-15T12:00:00Z');
  const at = (iso: string) => Date.parse(iso);

  it('weighs major outage 1, partial outage 0.3, degraded 0; the worst state at each instant', () => {
    const u = buildUptime({
      now,
      coverStart: null,
      source: 'incidents',
      major: [{ start: at('2026-09-14T10:00:00Z'), end: at('2026-09-14T11:00:00Z') }],
      // 2 h of partial outage, one of them under the major outage: 1 h counts.
      partial: [{ start: at('2026-09-14T10:00:00Z'), end: at('2026-09-14T12:00:00Z') }],
      degraded: [{ start: at('2026-09-14T12:00:00Z'), end: at('2026-09-14T20:00:00Z') }],
    });
    const known = 89 * 24 + 12; // hours from the window's first day to now
    expect(u.percent90d).toBe(floor2(100 * (1 - (1 + 0.3 * 1) / known)));
    expect(bar(u, '2026-09-14')).toMatchObject({ level: 'outage', majorSeconds: 3600, partialSeconds: 3600, degradedSeconds: 8 * 3600, outageMinutes: 60, degradedMinutes: 540 });
    expect(u.coversDays).toBe(90);
    expect(u.since).toBeNull();
  });

  it('strict coverage: no figure for a window the data does not reach back to, only "since <date>"', () => {
    const coverStart = at('2026-08-01T06:00:00Z'); // inside the 90-day window, before the 30-day one
    const u = buildUptime({ now, coverStart, source: 'incidents', major: [{ start: at('2026-09-01T00:00:00Z'), end: at('2026-09-01T01:00:00Z') }] });
    expect(u.percent90d).toBeNull();
    expect(u.percent30d).toBe(floor2(100 * (1 - 1 / (29 * 24 + 12))));
    expect(u.since).toBe('2026-08-01');
    expect(u.percentSince).toBe(floor2(100 * (1 - 1 / ((now - coverStart) / HOUR))));
    expect(u.coversDays).toBe(46);
    expect(bar(u, '2026-07-31').noData).toBe(true);
    expect(bar(u, '2026-08-01').noData).toBeUndefined();
  });

  it('lenient coverage (official): the figure over the covered part', () => {
    const u = buildUptime({ now, coverStart: at('2026-09-10T00:00:00Z'), source: 'official', coverage: 'lenient' });
    expect(u).toMatchObject({ percent90d: 100, percent30d: 100, coversDays: 6, since: '2026-09-10', percentSince: null });
  });

  it('gaps (no check at all) are left out of the figures and drawn as no-data', () => {
    const u = buildUptime({
      now,
      coverStart: null,
      source: 'observed',
      major: [{ start: at('2026-09-13T00:00:00Z'), end: at('2026-09-13T02:00:00Z') }],
      gaps: [{ start: at('2026-09-13T01:00:00Z'), end: at('2026-09-14T00:00:00Z') }],
    });
    const known = 89 * 24 + 12 - 23;
    expect(u.percent90d).toBe(floor2(100 * (1 - 1 / known)));
    expect(bar(u, '2026-09-13')).toMatchObject({ level: 'outage', majorSeconds: 3600 });
    expect(u.coversDays).toBe(90);
    const allDay = buildUptime({ now, coverStart: null, source: 'observed', gaps: [{ start: at('2026-09-13T00:00:00Z'), end: at('2026-09-14T00:00:00Z') }] });
    expect(bar(allDay, '2026-09-13')).toMatchObject({ noData: true, level: 'unknown' });
    expect(allDay.coversDays).toBe(89);
  });

  it('today counts from its first instant', () => {
    const midnight = at('2026-09-15T00:00:00Z');
    const u = buildUptime({ now: midnight, coverStart: at('2026-09-14T00:00:00Z'), source: 'official', coverage: 'lenient' });
    expect(u.coversDays).toBe(2);
    expect(u.days.at(-1)).toMatchObject({ date: '2026-09-15', level: 'operational' });
  });
});

describe('coverage of an incident list, decided before any pruning', () => {
  const now = Date.parse('2026-09-15T12:22:10Z');

  it('a full list (as many as the platform returns) covers from its oldest incident: Claude’s 50 reach back to 2026-07-22', () => {
    const incidents = anthropicIncidents();
    expect(incidents).toHaveLength(50);
    expect(incidentListCap('statuspage')).toBe(50);
    expect(incidentsCoverStart(incidents, now, 50)).toBe(Date.parse('2026-07-22T17:27:36.516Z'));
  });

  it('a shorter list is complete (back to the page’s creation): it covers every window', () => {
    expect(incidentsCoverStart(anthropicIncidents().slice(0, 49), now, 50)).toBeNull();
    expect(incidentsCoverStart([], now, 50)).toBeNull();
  });

  it('platforms without a documented cap use the smaller, safe one (25)', () => {
    expect(incidentListCap('incidentio')).toBe(25);
    expect(incidentListCap(undefined)).toBe(25);
    expect(incidentListCap('__proto__')).toBe(25);
  });

  it('regression: one 48-minute outage of one Cursor component in a complete list is about 99.9 % over 30 days, not 93.60 % over "1 day"', () => {
    const cursorNow = Date.parse('2026-10-09T12:00:00Z');
    const only = incident({
      id: 'c1',
      impact: 'critical',
      startedAt: '2026-10-09T09:00:00Z',
      resolvedAt: '2026-10-09T09:48:00Z',
      componentIds: ['ide'],
      componentNames: ['IDE'],
      componentChanges: [
        { id: 'ide', status: 'major_outage', at: '2026-10-09T09:00:00.000Z' },
        { id: 'ide', status: 'operational', at: '2026-10-09T09:48:00.000Z' },
      ],
    });
    const components = ['Automations', 'Review Agents', 'CLI', 'Cloud Agents', 'cursor.com', 'IDE', 'Origin', 'Grok Bot'].map((name) => ({ id: name === 'IDE' ? 'ide' : name, name }));
    const { uptime, components: per } = estimateFromIncidents([only], cursorNow, { coverStart: incidentsCoverStart([only], cursorNow, 50), components });
    expect(uptime.coversDays).toBe(90);
    expect(per.ide!.percent30d).toBe(floor2(100 * (1 - 48 / ((29 * 24 + 12) * 60))));
    expect(per.ide!.percent30d).toBe(99.88);
    expect(uptime.percent30d).toBe(99.98); // the average of 8 components
    expect(uptime.basis).toMatchObject({ components: 8, worst30: { id: 'ide', name: 'IDE', percent: 99.88 } });
  });
});

describe('what an incident charges, per named component', () => {
  const now = Date.parse('2026-09-15T12:22:10Z');
  const byId = new Map(anthropicIncidents().map((i) => [i.id, i]));
  const total = (segments: ReturnType<typeof incidentSegments>, id: string, severity: string) =>
    Math.round((segments.get(id) ?? []).filter((s) => s.severity === severity).reduce((a, s) => a + s.end - s.start, 0) / 1000);

  it('6304r9jjhj34 (impact major): 4 components in partial outage 09:48:53 → 11:14:xx, Console untouched', () => {
    const seg = incidentSegments(byId.get('6304r9jjhj34')!, now);
    expect([...seg.keys()].sort()).toEqual(['bpp5gb3hpjcl', 'k8w3r06qmzrp', 'rwppv331jlwc', 'yyzkbfz2thpt']);
    for (const id of seg.keys()) {
      expect(total(seg, id, 'major')).toBe(0);
      expect(total(seg, id, 'partial')).toBeGreaterThan(85 * 60);
      expect(total(seg, id, 'partial')).toBeLessThan(87 * 60);
    }
  });

  it('r1pqn1kb4hvk (impact major, 4 days): Claude Cowork in degraded performance only — weighs 0', () => {
    const seg = incidentSegments(byId.get('r1pqn1kb4hvk')!, now);
    expect([...seg.keys()]).toEqual(['bpp5gb3hpjcl']);
    expect(total(seg, 'bpp5gb3hpjcl', 'degraded')).toBeGreaterThan(4 * 86_400);
    expect(total(seg, 'bpp5gb3hpjcl', 'partial') + total(seg, 'bpp5gb3hpjcl', 'major')).toBe(0);
  });

  it('qt14v73myyy5 (critical): major outage for four components, partial for the API, as the updates set them', () => {
    const seg = incidentSegments(byId.get('qt14v73myyy5')!, now);
    expect(total(seg, 'rwppv331jlwc', 'major')).toBeGreaterThan(30 * 60);
    expect(total(seg, 'k8w3r06qmzrp', 'major')).toBe(0);
    expect(total(seg, 'k8w3r06qmzrp', 'partial')).toBeGreaterThan(30 * 60);
  });

  it('an incident naming no component charges nothing (its impact never makes the provider down)', () => {
    const seg = incidentSegments(byId.get('kmbpgrsszf72')!, now);
    expect(seg.size).toBe(0);
    const critical = incident({ id: 'x', impact: 'critical', startedAt: '2026-09-15T00:00:00Z', resolvedAt: '2026-09-15T06:00:00Z' });
    expect(incidentSegments(critical, now).size).toBe(0);
  });

  it('a component named without a status takes the state its impact stands for; same-instant changes take the worse', () => {
    const named = incident({ id: 'n', impact: 'critical', startedAt: '2026-09-15T00:00:00Z', resolvedAt: '2026-09-15T01:00:00Z', componentIds: ['a'], componentNames: ['A'] });
    expect(incidentSegments(named, now).get('a')).toEqual([{ start: Date.parse('2026-09-15T00:00:00Z'), end: Date.parse('2026-09-15T01:00:00Z'), severity: 'major' }]);
    const twice = incident({
      id: 't',
      impact: 'major',
      startedAt: '2026-09-15T00:00:00Z',
      resolvedAt: '2026-09-15T02:00:00Z',
      componentIds: ['a'],
      componentNames: ['A'],
      componentChanges: [
        { id: 'a', status: 'partial_outage', at: '2026-09-15T00:30:00Z' },
        { id: 'a', status: 'operational', at: '2026-09-15T01:00:00Z' },
        { id: 'a', status: 'partial_outage', at: '2026-09-15T01:00:00Z' },
        { id: 'a', status: 'major_outage', at: '2026-09-15T05:00:00Z' }, // after the end: ignored
      ],
    });
    // Nothing before its first change; partial from 00:30 to the end (02:00).
    expect(incidentSegments(twice, now).get('a')).toEqual([
      { start: Date.parse('2026-09-15T00:30:00Z'), end: Date.parse('2026-09-15T01:00:00Z'), severity: 'partial' },
      { start: Date.parse('2026-09-15T01:00:00Z'), end: Date.parse('2026-09-15T02:00:00Z'), severity: 'partial' },
    ]);
  });
});

describe('the incidents estimate on the real Claude incidents.json (retrieved 2026-09-15T12:22:10Z)', () => {
  const now = Date.parse('2026-09-15T12:22:10Z');
  const incidents = anthropicIncidents();
  const components = claudeComponents();
  const estimate = estimateFromIncidents(incidents, now, { coverStart: incidentsCoverStart(incidents, now, 50), components });
  const { uptime } = estimate;

  it('covers 56 days (2026-07-22 → today): 30 d is covered, 90 d is not ("—", since Jul 22)', () => {
    expect(uptime.source).toBe('incidents');
    expect(uptime.coversDays).toBe(56);
    expect(uptime.days).toHaveLength(90);
    expect(bar(uptime, '2026-07-21').noData).toBe(true);
    expect(bar(uptime, '2026-07-22').noData).toBeUndefined();
    expect(uptime.percent90d).toBeNull();
    expect(uptime.since).toBe('2026-07-22');
  });

  it('per component, with the official weights (was 30 d 84.26 % / 90 d 90.43 % for the whole provider)', () => {
    const figures = Object.fromEntries(components.map((c) => [c.name, [estimate.components[c.id]!.percent30d, estimate.components[c.id]!.percentSince]]));
    expect(figures).toEqual({
      'claude.ai': [99.61, 99.41],
      'Claude Console (platform.claude.com)': [100, 99.95],
      'Claude API (api.anthropic.com)': [99.61, 99.41],
      'Claude Code': [99.49, 99.31],
      'Claude Cowork': [99.48, 99.31],
      'Claude for Government': [100, 100],
    });
  });

  it('the provider figure is the average of its 6 components, never lower than every one, the lowest named', () => {
    expect(uptime.percent30d).toBe(99.69);
    expect(uptime.percentSince).toBe(99.56);
    const thirty = Object.values(estimate.components).map((u) => u.percent30d!);
    expect(uptime.percent30d).toBe(floor2(thirty.reduce((a, b) => a + b, 0) / thirty.length));
    expect(uptime.percent30d!).toBeGreaterThanOrEqual(Math.min(...thirty));
    expect(uptime.basis).toEqual({ method: 'mean', components: 6, worst90: null, worst30: { id: 'bpp5gb3hpjcl', name: 'Claude Cowork', percent: 99.48 } });
  });

  it('the 3 incidents naming no component are listed on the provider’s bars, not counted', () => {
    expect(uptime.uncounted).toBe(3);
    expect(estimate.charged).toBe(47);
    expect(bar(uptime, '2026-08-14').incidents).toContain('Issues reaching status.claude.com');
    expect(bar(uptime, '2026-07-25').incidents).toContain('Sonnet 4.6 and Sonnet 5 errors elevated');
  });

  it('day bars: the critical 2026-07-29 incident is 109 min of major and 42 min of partial outage; the 4-day Cowork one is degraded', () => {
    expect(bar(uptime, '2026-07-29')).toMatchObject({ level: 'outage', majorSeconds: 6529, partialSeconds: 2502, incidents: ['Elevated errors across all models'] });
    expect(bar(uptime, '2026-09-12')).toMatchObject({ level: 'degraded', majorSeconds: 0, partialSeconds: 0, degradedSeconds: 86_400 });
    expect(bar(estimate.components.bpp5gb3hpjcl!, '2026-09-12').incidents).toEqual(['Degraded functionality for Claude Cowork on Windows']);
  });

  it('the same list read as complete would cover 90 days', () => {
    const complete = estimateFromIncidents(incidents, now, { coverStart: null, components });
    expect(complete.uptime.coversDays).toBe(90);
    expect(complete.uptime.percent90d).toBe(99.73);
  });
});

describe('the incidents estimate on the real OpenAI compatible-layer incidents (2026-09-29)', () => {
  it('they name no component: nothing can be charged (charged 0, both listed as uncounted)', () => {
    const now = Date.parse('2026-09-29T18:30:00Z');
    const status = normalizeSummary(SummarySchema.parse(loadJson('openai/summary-incidentio-compat-minor-2-incidents-2026-09-29.json')), def('openai'), now);
    expect(status.incidents).toHaveLength(2);
    const estimate = estimateFromIncidents(status.incidents, now, { coverStart: incidentsCoverStart(status.incidents, now, incidentListCap('incidentio')), components: status.components });
    expect(estimate.charged).toBe(0);
    expect(estimate.uptime.uncounted).toBe(2);
    expect(estimate.uptime.days.at(-1)!.incidents).toHaveLength(2);
  });
});

describe('aggregateUptime', () => {
  const now = Date.parse('2026-09-15T12:00:00Z');
  const one = (major: number) =>
    buildUptime({ now, coverStart: null, source: 'official', major: major ? [{ start: now - 2 * DAY, end: now - 2 * DAY + major }] : [] });

  it('averages per window, names the lowest, shows the longest outage of any component each day', () => {
    const parts = [
      { id: 'a', name: 'A', uptime: one(3 * HOUR) },
      { id: 'b', name: 'B', uptime: one(HOUR) },
      { id: 'c', name: '', uptime: one(0) },
    ];
    const u = aggregateUptime(parts, 'official');
    expect(u.percent90d).toBe(floor2((parts[0]!.uptime.percent90d! + parts[1]!.uptime.percent90d! + 100) / 3));
    expect(u.percent90d!).toBeGreaterThanOrEqual(parts[0]!.uptime.percent90d!);
    expect(u.basis).toEqual({ method: 'mean', components: 3, worst90: { id: 'a', name: 'A', percent: parts[0]!.uptime.percent90d }, worst30: { id: 'a', name: 'A', percent: parts[0]!.uptime.percent30d } });
    expect(bar(u, dayKey(now - 2 * DAY))).toMatchObject({ level: 'outage', majorSeconds: 3 * 3600, outageMinutes: 180 });
  });
});

describe('uptimeFromObserved', () => {
  const now = Date.parse('2026-09-15T12:00:00Z');
  const since = Date.parse('2026-09-13T12:00:00Z');

  it('holds each level until the next transition, leaves unknown time out, and shows the figure only "since" install', () => {
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
    expect(u.since).toBe('2026-09-13');
    // Installed two days ago: neither window is covered; 48 h seen, 2 h unknown → 46 h known, 1 h down.
    expect(u.percent90d).toBeNull();
    expect(u.percent30d).toBeNull();
    expect(u.percentSince).toBe(floor2(100 * (1 - 1 / 46)));
    expect(bar(u, '2026-09-14')).toMatchObject({ level: 'outage', outageMinutes: 60, degradedMinutes: 30 });
    expect(bar(u, '2026-09-13').level).toBe('operational');
    expect(bar(u, '2026-09-12').noData).toBe(true);
  });

  it('a raw partial_outage weighs 0.3 (the level alone cannot tell it from degraded performance)', () => {
    const longAgo = now - 100 * DAY;
    const u = uptimeFromObserved(
      [
        { at: longAgo, level: 'operational' },
        { at: now - 2 * DAY, level: 'degraded', raw: 'partial_outage' },
        { at: now - 2 * DAY + 10 * HOUR, level: 'degraded' },
        { at: now - 2 * DAY + 20 * HOUR, level: 'operational' },
      ],
      longAgo,
      now,
    );
    const known = 89 * 24 + 12;
    expect(u.percent90d).toBe(floor2(100 * (1 - (0.3 * 10) / known)));
  });

  it('time with no check at all is no-data: out of the figures and drawn as no-data days', () => {
    const longAgo = now - 100 * DAY;
    const transitions = [
      { at: longAgo, level: 'operational' as const },
      { at: now - 3 * DAY, level: 'outage' as const },
    ];
    // The browser was closed from 3 days ago until now − 1 day: only the last day of outage was seen.
    const gaps = [{ start: now - 3 * DAY + HOUR, end: now - DAY }];
    const u = uptimeFromObserved(transitions, longAgo, now, gaps);
    const known = (89 * 24 + 12) - 47;
    expect(u.percent90d).toBe(floor2(100 * (1 - 25 / known)));
    expect(bar(u, dayKey(now - 2 * DAY))).toMatchObject({ noData: true });
    expect(u.coversDays).toBe(89);
    const without = uptimeFromObserved(transitions, longAgo, now);
    expect(without.percent90d).toBe(floor2(100 * (1 - 72 / (89 * 24 + 12))));
  });

  it('a day without any known time (checks failed, or none: the worker records unknown) is a no-data bar; all-unknown gives no figure', () => {
    const u = uptimeFromObserved([{ at: since, level: 'unknown' }], since, now);
    expect(bar(u, '2026-09-14')).toMatchObject({ level: 'unknown', noData: true });
    expect(u.coversDays).toBe(0);
    expect(u.percentSince).toBeNull();
    // As recordObserved writes a gap: `unknown` right after the last check, until checks resume.
    const gapped = uptimeFromObserved(
      [
        { at: now - 100 * DAY, level: 'operational' },
        { at: now - 3 * DAY + 1, level: 'unknown' },
        { at: now - DAY, level: 'outage' },
      ],
      now - 100 * DAY,
      now,
    );
    expect(bar(gapped, dayKey(now - 2 * DAY)).noData).toBe(true);
    expect(gapped.percent90d).toBe(floor2(100 * (1 - 24 / (89 * 24 + 12 - 48))));
  });

  it('uses the transition before the window as the level at its start', () => {
    const u = uptimeFromObserved([{ at: Date.parse('2026-01-01T00:00:00Z'), level: 'maintenance' }], Date.parse('2025-12-01T00:00:00Z'), now);
    expect(u.coversDays).toBe(90);
    expect(u.days.every((d) => d.level === 'maintenance')).toBe(true);
    expect(u.percent90d).toBe(100);
    expect(u.since).toBe('2025-12-01');
  });

  it('nothing observed yet', () => {
    const u = uptimeFromObserved([], null, now);
    expect(u.coversDays).toBe(0);
    expect(u.percent90d).toBeNull();
    expect(u.days.every((d) => d.noData)).toBe(true);
  });
});

describe('officialAsOf', () => {
  const now = Date.parse('2026-09-15T12:00:00Z');
  const fetchedAt = now - 3 * DAY;
  const u = { ...buildUptime({ now: fetchedAt, coverStart: null, source: 'official', coverage: 'lenient' }), asOf: fetchedAt };

  it('fresh: the figures and bars as read', () => {
    const fresh = { ...u, asOf: now - HOUR };
    expect(officialAsOf(fresh, now - HOUR, now)).toEqual(fresh);
    // A page whose own last day ended more than a day before the read is not fresh, read now or not.
    expect(officialAsOf(u, now - HOUR, now).asOf).toBe(fetchedAt);
  });

  it('older than a day: keeps the figures, lays the bars on today’s window, days after its last day no-data', () => {
    const aged = officialAsOf(u, fetchedAt, now);
    expect(aged.asOf).toBe(fetchedAt);
    expect(aged.percent90d).toBe(100);
    expect(aged.days.at(-1)).toMatchObject({ date: '2026-09-15', noData: true });
    expect(aged.days.at(-3)).toMatchObject({ date: '2026-09-13', noData: true });
    expect(aged.days.at(-4)).toMatchObject({ date: '2026-09-12', level: 'operational' });
    expect(aged.days).toHaveLength(90);
  });
});

describe('preferredUptime and mergeIncidents', () => {
  const now = Date.parse('2026-09-15T12:00:00Z');
  it('prefers official, then incidents, then observed with data', () => {
    const incidents = estimateFromIncidents([], now, { coverStart: null, components: [{ id: 'a', name: 'A' }] }).uptime;
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
