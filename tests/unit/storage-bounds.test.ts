/**
 * Storage stays bounded (issue: "Every AI service…", cost and growth): 20 services watched for 90
 * days, every one filled like the busiest real page we captured: Claude's real incident list (50
 * incidents in under two months), 25 components (incident.io's summary maximum), an incident on
 * every part one day in fifteen, parts changing level every ~10 days, an active incident each, take under 2 MB of storage.local in the
 * form the worker writes them (`save` → `RecordDef.pack`). The fill runs the real bounding code:
 * observed levels through `recordObserved` poll by poll (with the browser closed every night),
 * incident lists through `incidentsToStore`, official strips through the record's packing.
 */
import { describe, expect, it } from 'vitest';
import { statuspageAdapter } from '../../lib/providers/statuspage';
import { ctx, def, fakeFetch, FIX, jsonFixture } from './helpers';
import { recordObserved } from '../../lib/background/observed';
import { incidentsToStore } from '../../lib/background/history';
import type { ComponentStatus, DayBar, Incident, Level, ServiceStatus, Uptime } from '../../lib/model';
import { CATALOG } from '../../lib/providers/catalog';
import { RECORDS, type RecordValue } from '../../lib/records';
import type { Observed } from '../../lib/records/core';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-01T12:00:00Z');
const SERVICES = 20;
const COMPONENTS = 25; // as many as incident.io's summary lists (OpenAI's page); Claude's has 6
const LIMIT = 2 * 1024 * 1024;

/** A deterministic pseudo-random sequence (the same fill every run). */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}
const rnd = random(42);
const text = (n: number, word = 'update ') => word.repeat(Math.ceil(n / word.length)).slice(0, n);
const iso = (ms: number) => new Date(ms).toISOString();

const ids = [...CATALOG.map((e) => e.id), 'custom:status.example.com'].slice(0, SERVICES);
const componentIds = Array.from({ length: COMPONENTS }, (_, i) => `component-${String(i).padStart(3, '0')}-abcdef`);

function incident(service: string, n: number, startedAt: number, open = false): Incident {
  return {
    id: `${service}-incident-${n}-01HZXY`,
    title: `Elevated error rates for requests to ${service} model endpoint number ${n}`,
    status: open ? 'investigating' : 'resolved',
    impact: n % 3 ? 'minor' : 'major',
    createdAt: iso(startedAt),
    startedAt: iso(startedAt),
    resolvedAt: open ? null : iso(startedAt + 2 * HOUR),
    updatedAt: iso(startedAt + 2 * HOUR),
    url: `https://status.example.com/incidents/${service}-${n}`,
    latestUpdate: text(1_500),
    componentIds: componentIds.slice(n % 10, (n % 10) + 3),
    componentNames: componentIds.slice(n % 10, (n % 10) + 3).map((c) => `Component ${c}`),
    phases: ['investigating', 'identified', 'monitoring', 'resolved'].map((status, i) => ({ status, at: iso(startedAt + i * 30 * 60_000) })),
    componentChanges: componentIds.slice(0, 3).flatMap((id, i) => [
      { id, status: 'partial_outage', at: iso(startedAt + i * 60_000) },
      { id, status: 'operational', at: iso(startedAt + 2 * HOUR) },
    ]),
  };
}

function components(levels: (i: number) => Level): ComponentStatus[] {
  return componentIds.map((id, i) => ({ id, name: `Component ${id}`, group: i % 4 ? 'API' : null, rawStatus: levels(i) === 'operational' ? 'operational' : 'partial_outage', level: levels(i), description: text(60, 'describes ') }));
}

function snapshot(service: string): ServiceStatus {
  return {
    providerId: service,
    name: service,
    pageUrl: 'https://status.example.com',
    level: 'degraded',
    description: 'Partially Degraded Service',
    components: components((i) => (i < 3 ? 'degraded' : 'operational')),
    incidents: [{ ...incident(service, 900, NOW - HOUR, true), latestUpdate: text(1_500) }],
    maintenances: [],
    uptime: null,
    sourceUpdatedAt: iso(NOW),
    fetchedAt: NOW,
    error: null,
    stale: false,
    via: 'api',
  };
}

/** A 90-day official strip shaped like the Statuspage page's (seconds fields on every day). */
function officialStrip(seed: number): Uptime {
  const days: DayBar[] = Array.from({ length: 90 }, (_, i) => {
    const date = iso(NOW - (89 - i) * DAY).slice(0, 10);
    const hit = (i * 7 + seed) % 15 === 0; // one day in fifteen has an incident on every part
    const m = hit && i % 2 ? 1_800 : 0;
    const p = hit ? 3_600 : 0;
    return { date, level: m ? 'outage' : p ? 'degraded' : 'operational', outageMinutes: m / 60, degradedMinutes: p / 60, incidents: hit ? [`Elevated error rates on day ${i}`, `Degraded performance ${seed}`] : [], majorSeconds: m, partialSeconds: p, degradedSeconds: 0 };
  });
  return { percent90d: 99.93, percent30d: 99.95, days, source: 'official', coversDays: 90, since: null, percentSince: null, asOf: NOW, etag: null };
}

/** 90 days of hourly polls, the browser closed 8 hours every night, a component changing now and then. */
function observedFill(): Observed {
  let observed: Observed = { since: null, providers: {}, components: {} };
  const state = new Map<string, Level>();
  for (let t = NOW - 90 * DAY; t <= NOW; t += HOUR) {
    if (new Date(t).getUTCHours() < 8) continue; // closed at night: the next poll records the gap
    const views = ids.map((id) => {
      const levels = componentIds.map((cid) => {
        const key = `${id}/${cid}`;
        if (rnd() < 0.005) state.set(key, state.get(key) === 'degraded' ? 'operational' : 'degraded');
        return state.get(key) ?? 'operational';
      });
      const status = { ...snapshot(id), components: components((i) => levels[i]!), incidents: [] };
      const level: Level = levels.includes('degraded') ? 'degraded' : 'operational';
      return { info: { id }, level, stale: false, status };
    });
    observed = recordObserved(observed, views, t, 2 * HOUR).observed;
  }
  return observed;
}

function bytes<K extends keyof typeof RECORDS>(name: K, value: RecordValue<K>): number {
  const def = RECORDS[name] as unknown as { pack?: (v: unknown) => unknown };
  return name.length + JSON.stringify(def.pack ? def.pack(value) : value).length;
}

describe('storage bound: 20 services, 90 days', () => {
  it('the records the worker writes stay under 2 MB, and each reads back whole', { timeout: 60_000 }, async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, services: ids, custom: [{ id: ids[SERVICES - 1]!, name: 'Example', vendor: '', pageUrl: 'https://status.example.com', platform: 'statuspage', addedAt: NOW }] };
    const snapshots = Object.fromEntries(ids.map((id) => [id, snapshot(id)]));
    const claude = await statuspageAdapter.fetchHistory(def('anthropic'), ctx(fakeFetch({ 'https://status.claude.com/api/v2/incidents.json': jsonFixture(FIX.anthropicIncidents) }), NOW));
    if (!claude.ok) throw new Error(claude.error.message);
    expect(claude.incidents).toHaveLength(50);
    const history = Object.fromEntries(ids.map((id) => [id, { incidents: incidentsToStore(claude.incidents), fetchedAt: NOW, activeKey: '' }]));
    const officialUptime = Object.fromEntries(
      ids.map((id, s) => [id, { uptime: officialStrip(s), components: Object.fromEntries(componentIds.map((cid, c) => [cid, officialStrip(s * COMPONENTS + c)])), fetchedAt: NOW }]),
    );
    const observed = observedFill();
    const sizes = {
      settings: bytes('settings', settings),
      snapshots: bytes('snapshots', snapshots),
      history: bytes('history', history),
      officialUptime: bytes('officialUptime', officialUptime),
      observed: bytes('observed', observed),
    };
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    console.info(`storage for ${SERVICES} services × 90 days: ${(total / 1024).toFixed(0)} KB`, Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, `${(v / 1024).toFixed(0)} KB`])));
    expect(total).toBeLessThan(LIMIT);
    // Packed is not lossy: what the views read back is what was written.
    const stored = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
    expect(RECORDS.officialUptime.read(stored(RECORDS.officialUptime.pack!(officialUptime)))).toEqual(officialUptime);
    expect(RECORDS.history.read(stored(RECORDS.history.pack!(history)))).toEqual(history);
    expect(RECORDS.observed.read(stored(RECORDS.observed.pack!(observed)))).toEqual(observed);
    // The fill is real: every service kept its nightly gaps and its components' changes.
    expect(Object.keys(observed.providers)).toHaveLength(SERVICES);
    expect(observed.providers[ids[0]!]!.filter((t) => t.level === 'unknown').length).toBeGreaterThan(80);
    expect(Object.keys(observed.components[ids[0]!]!)).toHaveLength(COMPONENTS);
  });
});
