import { describe, expect, it } from 'vitest';
import { providerHistory } from '../../../lib/ui/history-view';
import { IncidentsSchema } from '../../../lib/providers/statuspage-schema';
import { normalizeIncident } from '../../../lib/providers/normalize';
import { officialUptimeFromHtml } from '../../../lib/providers/statuspage-uptime';
import { buildUptime } from '../../../lib/uptime';
import type { ComponentStatus, Incident } from '../../../lib/model';
import type { HistoryEntry, Observed, OfficialUptimeEntry } from '../../../lib/storage';
import { FIX, def, loadFixture, loadJson, makeStatus } from '../helpers';

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

function incident(id: string, start: number, end: number | null, impact = 'major', componentIds = ['rwppv331jlwc']): Incident {
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
    componentIds,
    componentNames: componentIds.map(() => 'claude.ai'),
    phases: [],
  };
}

describe('providerHistory', () => {
  it('nothing stored: no uptime, no components, empty timeline', () => {
    expect(providerHistory('anthropic', null, undefined, undefined, EMPTY_OBSERVED, NOW)).toEqual({ uptime: null, components: {}, timeline: [] });
  });

  it('from the real incident history: an estimate per component, coverage decided on the list as read (50 = the cap: 56 days)', () => {
    const incidents = claudeIncidents();
    expect(incidents).toHaveLength(50);
    const snap = makeStatus('anthropic', 'operational', { components: [component('rwppv331jlwc', 'claude.ai'), component('0qbwn08sd68x', 'Console')] });
    const h = providerHistory('anthropic', snap, entry(incidents), undefined, EMPTY_OBSERVED, NOW, { platform: 'statuspage' });
    expect(h.uptime?.source).toBe('incidents');
    expect(h.uptime?.coversDays).toBe(56); // 2026-07-22 … 2026-09-15
    expect(h.uptime?.days).toHaveLength(90);
    expect(h.uptime?.percent90d).toBeNull(); // the list does not reach back 90 days
    expect(h.uptime?.since).toBe('2026-07-22');
    // The average of the snapshot's two components, the lowest named.
    expect(h.components.rwppv331jlwc!.percent30d).toBe(99.61);
    expect(h.components['0qbwn08sd68x']!.percent30d).toBe(100);
    expect(h.uptime?.percent30d).toBe(99.8);
    expect(h.uptime?.basis).toMatchObject({ method: 'mean', components: 2, worst30: { id: 'rwppv331jlwc', name: 'claude.ai', percent: 99.61 } });
    const aug16 = h.uptime!.days.find((d) => d.date === '2026-08-16')!;
    expect(aug16.level).toBe('outage'); // the critical "Service disruption on Claude services": claude.ai in major outage
    expect(aug16.incidents).toContain('Service disruption on Claude services');
    expect(h.timeline).toHaveLength(50);
    expect(h.timeline[0]!.id).toBe('6304r9jjhj34');
    expect(h.timeline.at(-1)!.id).toBe('ng5shnqxj1r7');
    for (let i = 1; i < h.timeline.length; i++) expect(h.timeline[i - 1]!.startedAt >= h.timeline[i]!.startedAt).toBe(true);
    expect(Object.keys(h.components).sort()).toEqual(['0qbwn08sd68x', 'rwppv331jlwc']);
    expect(h.components.rwppv331jlwc!.source).toBe('incidents');
  });

  it('a list shorter than the platform’s cap is complete: it covers the whole window', () => {
    const list = claudeIncidents().slice(0, 49);
    const snap = makeStatus('anthropic', 'operational', { components: [component('rwppv331jlwc', 'claude.ai')] });
    const h = providerHistory('anthropic', snap, entry(list), undefined, EMPTY_OBSERVED, NOW, { platform: 'statuspage' });
    expect(h.uptime?.coversDays).toBe(90);
    expect(h.uptime?.percent90d).not.toBeNull();
    // Without knowing the platform, 49 is over the safe default cap (25): not complete.
    expect(providerHistory('anthropic', snap, entry(list), undefined, EMPTY_OBSERVED, NOW).uptime?.percent90d).toBeNull();
  });

  it('an active incident from the snapshot counts in the uptime but not in the timeline; old ones leave the timeline', () => {
    const old = incident('old', NOW - 95 * DAY, NOW - 95 * DAY + HOUR);
    const recent = incident('recent', NOW - 2 * DAY, NOW - 2 * DAY + HOUR, 'minor');
    const active = incident('active', NOW - 2 * HOUR, null, 'critical');
    const snap = makeStatus('anthropic', 'outage', { incidents: [active], components: [component('rwppv331jlwc', 'claude.ai')] });
    const h = providerHistory('anthropic', snap, entry([old, recent]), undefined, EMPTY_OBSERVED, NOW);
    expect(h.timeline.map((i) => i.id)).toEqual(['recent']);
    const today = h.uptime!.days.at(-1)!;
    expect(today.date).toBe('2026-09-15');
    // Named without a status: a critical incident stands for a major outage of what it names.
    expect(today).toMatchObject({ level: 'outage', outageMinutes: 120, majorSeconds: 7200, incidents: ['Incident active'] });
  });

  it('incidents that name no component (incident.io’s compatible layer) allow no estimate: observed data is used', () => {
    const quiet = incident('q', NOW - DAY, NOW - DAY + HOUR, 'major', []);
    const observed: Observed = { since: NOW - DAY, providers: { openai: [{ at: NOW - DAY, level: 'operational' }] }, components: {} };
    const h = providerHistory('openai', makeStatus('openai'), entry([quiet]), undefined, observed, NOW, { platform: 'incidentio' });
    expect(h.uptime?.source).toBe('observed');
    expect(h.timeline.map((i) => i.id)).toEqual(['q']);
  });

  it('official figures win over incidents and observed data, with their per-component figures and the names from the snapshot', () => {
    const official: OfficialUptimeEntry = {
      uptime: { ...buildUptime({ now: NOW, coverStart: null, source: 'official', coverage: 'lenient' }), percent90d: 99.5, asOf: NOW, basis: { method: 'mean', components: 1, worst90: { id: 'api', name: '', percent: 99.1 }, worst30: null } },
      components: { api: { ...buildUptime({ now: NOW, coverStart: null, source: 'official', coverage: 'lenient' }), percent90d: 99.1, asOf: NOW } },
      fetchedAt: NOW,
    };
    const observed: Observed = { since: NOW - DAY, providers: { openai: [{ at: NOW - DAY, level: 'operational' }] }, components: {} };
    const snap = makeStatus('openai', 'operational', { components: [component('api', 'API')] });
    const h = providerHistory('openai', snap, entry([incident('x', NOW - DAY, NOW - DAY + HOUR)]), official, observed, NOW);
    expect(h.uptime?.source).toBe('official');
    expect(h.uptime?.percent90d).toBe(99.5);
    expect(h.uptime?.basis?.worst90).toEqual({ id: 'api', name: 'API', percent: 99.1 });
    expect(h.components.api!.percent90d).toBe(99.1);
    expect(h.timeline.map((i) => i.id)).toEqual(['x']);
  });

  it('an official figure read long ago keeps its figures and date; the days after its last day are no-data', () => {
    // The real balena page, last day 2021-01-22, read then and shown now.
    const read = officialUptimeFromHtml(loadFixture('statuspage-html/page-5b4dcn321xtp-2021.html'), Date.parse('2021-01-23T01:00:00Z'))!;
    const official: OfficialUptimeEntry = { ...read, fetchedAt: Date.parse('2021-01-23T01:00:00Z') };
    const h = providerHistory('anthropic', makeStatus('anthropic'), undefined, official, EMPTY_OBSERVED, NOW);
    expect(h.uptime?.source).toBe('official');
    expect(h.uptime?.asOf).toBe(Date.parse('2021-01-23T00:00:00Z'));
    expect(h.uptime?.percent90d).toBe(read.uptime.percent90d);
    expect(h.uptime?.days.every((d) => d.noData)).toBe(true); // 2021 is outside today's 90 days
    expect(h.components.xw9ff7ygkmwb!.percent90d).toBe(99.92);
    expect(h.components.xw9ff7ygkmwb!.days.at(-1)).toMatchObject({ date: '2026-09-15', noData: true });
    // Read fresh (within a day of its last day): the page's own 90 days.
    const fresh = providerHistory('anthropic', null, undefined, official, EMPTY_OBSERVED, Date.parse('2021-01-23T06:00:00Z'));
    expect(fresh.uptime?.days.at(-1)).toMatchObject({ date: '2021-01-22' });
  });

  it('observed data only: the average of the components it recorded, else the provider’s own record', () => {
    const since = NOW - 100 * DAY;
    const observed: Observed = {
      since,
      providers: {
        cursor: [
          { at: since, level: 'operational' },
          { at: NOW - DAY, level: 'outage' },
          { at: NOW - DAY + HOUR, level: 'operational' },
        ],
      },
      components: { cursor: { ide: [{ at: since, level: 'operational' }, { at: NOW - DAY, level: 'outage' }, { at: NOW - DAY + HOUR, level: 'operational' }] } },
    };
    const snap = makeStatus('cursor', 'operational', { components: [component('ide', 'IDE'), component('cli', 'CLI')] });
    // An empty history does not make an incidents figure: observed is used.
    const h = providerHistory('cursor', snap, entry([]), undefined, observed, NOW);
    expect(h.uptime?.source).toBe('observed');
    expect(h.uptime?.coversDays).toBe(90);
    const ide = Math.floor(100 * 100 * (1 - 1 / (89 * 24 + 12))) / 100;
    expect(h.components.ide!.percent90d).toBe(ide);
    expect(Object.keys(h.components)).toEqual(['ide']);
    expect(h.uptime?.percent90d).toBe(ide); // one component recorded: its figure
    expect(h.uptime?.basis).toMatchObject({ method: 'mean', components: 1 });
    const own = providerHistory('cursor', makeStatus('cursor'), undefined, undefined, { ...observed, components: {} }, NOW);
    expect(own.uptime?.percent90d).toBe(ide);
    expect(own.uptime?.basis).toMatchObject({ method: 'own' });
    expect(own.uptime?.since).toBe('2026-06-07');
  });
});
