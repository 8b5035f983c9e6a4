import { describe, expect, it } from 'vitest';
import { providerHistory } from '../../../lib/ui/history-view';
import { IncidentsSchema } from '../../../lib/providers/statuspage-schema';
import { normalizeIncident } from '../../../lib/providers/normalize';
import { uptimeFromIncidents } from '../../../lib/uptime';
import type { ComponentStatus, Incident } from '../../../lib/model';
import type { HistoryEntry, Observed, OfficialUptimeEntry } from '../../../lib/storage';
import { FIX, def, loadJson, makeStatus } from '../helpers';

const NOW = Date.parse('2026-09-15T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 86_400_000;
const EMPTY_OBSERVED: Observed = { since: null, providers: {}, components: {} };

/** The real 50 resolved Claude incidents, normalized. */
function claudeIncidents(): Incident[] {
  const raw = IncidentsSchema.parse(loadJson(FIX.anthropicIncidents));
  return raw.incidents.map((i) => normalizeIncident(i, def('anthropic'))).filter((i): i is Incident => i !== null);
}
const entry = (incidents: Incident[]): HistoryEntry => ({ incidents, fetchedAt: NOW, activeKey: '' });
const component = (id: string, name: string): ComponentStatus => ({ id, name, group: null, rawStatus: 'operational', level: 'operational', description: '' });

function incident(id: string, start: number, end: number | null, impact = 'major'): Incident {
  return {
    id,
    title: `Incident ${id}`,
    status: end === null ? 'investigating' : 'resolved',
    impact,
    createdAt: new Date(start).toISOString(),
    startedAt: new Date(start).toISOString(),
    resolvedAt: end === null ? null : new Date(end).toISOString(),
    updatedAt: new Date(start).toISOString(),
    url: '',
    latestUpdate: '',
    componentIds: ['rwppv331jlwc'],
    componentNames: ['claude.ai'],
    phases: [],
  };
}

describe('providerHistory', () => {
  it('nothing stored: no uptime, no components, empty timeline', () => {
    expect(providerHistory('anthropic', null, undefined, undefined, EMPTY_OBSERVED, NOW)).toEqual({ uptime: null, components: {}, timeline: [] });
  });

  it('from the real incident history: incidents source, 56 covered days, a newest-first timeline of the 50', () => {
    const incidents = claudeIncidents();
    expect(incidents).toHaveLength(50);
    const snap = makeStatus('anthropic', 'operational', { components: [component('rwppv331jlwc', 'claude.ai'), component('0qbwn08sd68x', 'Console')] });
    const h = providerHistory('anthropic', snap, entry(incidents), undefined, EMPTY_OBSERVED, NOW);
    expect(h.uptime?.source).toBe('incidents');
    expect(h.uptime?.coversDays).toBe(56); // 2026-07-22 … 2026-09-15
    expect(h.uptime?.days).toHaveLength(90);
    // Merged major/critical time over 2026-07-22T00:00Z…now (checked independently): 90.4386 %.
    expect(h.uptime!.percent90d!).toBeCloseTo(90.4386, 3);
    const aug16 = h.uptime!.days.find((d) => d.date === '2026-08-16')!;
    expect(aug16.level).toBe('outage'); // the critical "Service disruption on Claude services"
    expect(aug16.incidents).toContain('Service disruption on Claude services');
    expect(h.timeline).toHaveLength(50);
    expect(h.timeline[0]!.id).toBe('6304r9jjhj34');
    expect(h.timeline.at(-1)!.id).toBe('ng5shnqxj1r7');
    for (let i = 1; i < h.timeline.length; i++) expect(h.timeline[i - 1]!.startedAt >= h.timeline[i]!.startedAt).toBe(true);
    // Per-component figures for the snapshot's components, from the incidents naming them.
    expect(Object.keys(h.components).sort()).toEqual(['0qbwn08sd68x', 'rwppv331jlwc']);
    expect(h.components.rwppv331jlwc!.source).toBe('incidents');
    expect(h.components.rwppv331jlwc!.coversDays).toBe(56);
    expect(h.components['0qbwn08sd68x']!.percent90d!).toBeGreaterThan(h.components.rwppv331jlwc!.percent90d!);
  });

  it('an active incident from the snapshot counts in the uptime but not in the timeline; old ones leave the timeline', () => {
    const old = incident('old', NOW - 95 * DAY, NOW - 95 * DAY + HOUR);
    const recent = incident('recent', NOW - 2 * DAY, NOW - 2 * DAY + HOUR, 'minor');
    const active = incident('active', NOW - 2 * HOUR, null, 'major');
    const snap = makeStatus('anthropic', 'outage', { incidents: [active] });
    const h = providerHistory('anthropic', snap, entry([old, recent]), undefined, EMPTY_OBSERVED, NOW);
    expect(h.timeline.map((i) => i.id)).toEqual(['recent']);
    const today = h.uptime!.days.at(-1)!;
    expect(today.date).toBe('2026-09-15');
    expect(today.level).toBe('outage');
    expect(today.outageMinutes).toBe(120);
    expect(today.incidents).toEqual(['Incident active']);
  });

  it('official figures win over incidents and observed data, with their per-component figures', () => {
    const officialUptime = { ...uptimeFromIncidents([], NOW), source: 'official' as const, coversDays: 90, percent90d: 99.5 };
    const official: OfficialUptimeEntry = { uptime: officialUptime, components: { api: { ...officialUptime, percent90d: 99.1 } }, fetchedAt: NOW };
    const observed: Observed = { since: NOW - DAY, providers: { openai: [{ at: NOW - DAY, level: 'operational' }] }, components: {} };
    const h = providerHistory('openai', makeStatus('openai'), entry([incident('x', NOW - DAY, NOW - DAY + HOUR)]), official, observed, NOW);
    expect(h.uptime).toBe(officialUptime);
    expect(h.components).toBe(official.components);
    expect(h.timeline.map((i) => i.id)).toEqual(['x']);
  });

  it('observed data only: 1 h of outage in 48 h observed, and per-component observed figures', () => {
    const since = NOW - 2 * DAY;
    const observed: Observed = {
      since,
      providers: {
        cursor: [
          { at: since, level: 'operational' },
          { at: NOW - DAY, level: 'outage' },
          { at: NOW - DAY + HOUR, level: 'operational' },
        ],
      },
      components: { cursor: { ide: [{ at: since, level: 'degraded' }] } },
    };
    const snap = makeStatus('cursor', 'operational', { components: [component('ide', 'IDE'), component('cli', 'CLI')] });
    // An empty history does not make an incidents figure: observed is used.
    const h = providerHistory('cursor', snap, entry([]), undefined, observed, NOW);
    expect(h.uptime?.source).toBe('observed');
    expect(h.uptime?.coversDays).toBe(3);
    expect(h.uptime!.percent90d!).toBeCloseTo(100 * (1 - 1 / 48), 9);
    expect(Object.keys(h.components)).toEqual(['ide']);
    expect(h.components.ide!.percent90d).toBe(100);
    expect(h.components.ide!.days.at(-1)!.level).toBe('degraded');
  });
});
