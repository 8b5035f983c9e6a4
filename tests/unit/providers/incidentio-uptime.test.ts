import { describe, expect, it } from 'vitest';
import { ComponentImpactsSchema, componentImpactsUrl, officialUptimeFrom, parsePercent, readOfficialUptime, recomputeUptime } from '../../../lib/providers/incidentio-uptime';
import { incidentIoAdapter } from '../../../lib/providers/incidentio';
import { statuspageAdapter } from '../../../lib/providers/statuspage';
import { ctx, def, fakeFetch, html, json, loadFixture, loadJson } from '../helpers';

const NOW = Date.parse('2025-04-10T00:00:00Z');
const URL_90D =
  'https://status.openai.com/proxy/status.openai.com/component_impacts?start_at=2025-01-10T00:00:00.000Z&end_at=2025-04-10T00:00:00.000Z';

describe('componentImpactsUrl', () => {
  it('asks the native proxy of the page host for the last 90 days', () => {
    expect(componentImpactsUrl('https://status.openai.com', NOW)).toBe(URL_90D);
  });
});

describe('parsePercent', () => {
  it('reads strings and numbers, refuses junk', () => {
    expect(parsePercent('99.92')).toBe(99.92);
    expect(parsePercent(' 100 ')).toBe(100);
    expect(parsePercent('98.5%')).toBe(98.5);
    expect(parsePercent(99.1)).toBe(99.1);
    expect(parsePercent('')).toBeNull();
    expect(parsePercent('n/a')).toBeNull();
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent(null)).toBeNull();
  });
});

describe('readOfficialUptime', () => {
  it('reads the real capture: one request, official provider and per-component figures', async () => {
    const fetch = fakeFetch({ [URL_90D]: json(loadFixture('openai/incidentio-proxy-component-impacts-90d-2025-04.json')) });
    const outcome = await readOfficialUptime(def('openai'), ctx(fetch, NOW));
    expect(fetch.unrouted).toEqual([]);
    expect(fetch.calls[0]!.init?.credentials).toBe('omit');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.requests).toBe(1);
    expect(outcome.uptime.source).toBe('official');
    expect(outcome.uptime.percent90d).toBe(99.91); // the average of the 37 published figures (99.9175…), truncated
    expect(outcome.uptime.basis).toMatchObject({ method: 'mean', components: 37 });
    expect(outcome.uptime.coversDays).toBe(90);
    expect(outcome.uptime.days).toHaveLength(90);
    expect(Object.keys(outcome.components)).toHaveLength(37);
    expect(outcome.components['01JMXBRMFE0V9J9X2HY3SKX399']!.percent90d).toBe(99.99);
  });

  it('accepts numeric uptimes and missing keys', async () => {
    const body = {
      component_uptimes: [
        { component_id: 'a', uptime: 99.5, data_available_since: '2020-01-01T00:00:00Z' },
        { component_id: 'b', uptime: '100.00' },
        { status_page_component_group_id: 'g', uptime: '10' },
        { component_id: 'c', uptime: 'garbage' },
        'not an object',
      ],
    };
    const outcome = await readOfficialUptime(def('openai'), ctx(fakeFetch({ [URL_90D]: json(body) }), NOW));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.uptime.percent90d).toBe(99.75); // a and b (published); c has none
    expect(outcome.uptime.percent30d).toBe(100);
    expect(Object.keys(outcome.components).sort()).toEqual(['a', 'b', 'c']);
    expect(outcome.components.c!.percent90d).toBe(100); // none published: computed from (no) impacts
  });

  it('counts full_outage as down in percent30d and on the bars', async () => {
    const body = {
      incident_links: [{ id: 'inc1', name: 'API down' }],
      component_impacts: [
        { component_id: 'a', status: 'full_outage', start_at: '2025-04-09T00:00:00Z', end_at: '2025-04-09T06:00:00Z', status_page_incident_id: 'inc1' },
        { component_id: 'b', status: 'partial_outage', start_at: '2025-04-09T00:00:00Z', end_at: '2025-04-09T12:00:00Z' },
      ],
      component_uptimes: [
        { component_id: 'a', uptime: '99.00', data_available_since: '2021-01-01T00:00:00Z' },
        { component_id: 'b', uptime: '99.50', data_available_since: '2021-01-01T00:00:00Z' },
      ],
    };
    const outcome = await readOfficialUptime(def('openai'), ctx(fakeFetch({ [URL_90D]: json(body) }), NOW));
    if (!outcome.ok) throw new Error('expected ok');
    // The 30-day window is the last 30 day bars, today's up to now (midnight here): 29 × 24 h.
    // a: 6 h of full outage (weight 1); b: 12 h of partial outage (weight 0.3), rounded to two
    // decimals like the published figures; the provider figure is their average.
    const a30 = Math.round(100 * (100 * (1 - 6 / (29 * 24)))) / 100;
    const b30 = Math.round(100 * (100 * (1 - (0.3 * 12) / (29 * 24)))) / 100;
    expect([a30, b30]).toEqual([99.14, 99.48]);
    expect(outcome.components.a!.percent30d).toBe(a30);
    expect(outcome.components.b!.percent30d).toBe(b30);
    expect(outcome.uptime.percent30d).toBe(Math.floor(((a30 + b30) / 2) * 100) / 100);
    expect(outcome.uptime.percent90d).toBe(99.25);
    expect(outcome.uptime.basis).toMatchObject({ worst90: { id: 'a', percent: 99 }, worst30: { id: 'a', percent: 99.14 } });
    const day = outcome.uptime.days.find((d) => d.date === '2025-04-09')!;
    // The provider's bar: the worst component's state and the longest outage of each kind.
    expect(day).toMatchObject({ level: 'outage', outageMinutes: 360, degradedMinutes: 720, majorSeconds: 21_600, partialSeconds: 43_200, incidents: ['API down'] });
  });

  it.each([
    ['an HTML 404', html('<!doctype html><title>404</title>', { status: 404 }), 'http'],
    ['a challenge page with 200', html('<!doctype html><title>Just a moment</title>'), 'not-json'],
    ['a 500', json({ error: 'x' }, { status: 500 }), 'http'],
    ['truncated JSON', json('{"component_uptimes": ['), 'bad-json'],
    ['the wrong shape', json({ something: 'else' }), 'wrong-shape'],
    ['an array', json([1, 2, 3]), 'wrong-shape'],
  ])('fails soft on %s', async (_name, reply, kind) => {
    const outcome = await readOfficialUptime(def('openai'), ctx(fakeFetch({ [URL_90D]: reply }), NOW));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.kind).toBe(kind);
    expect(outcome.requests).toBe(1);
  });

  it('fails soft when fetch itself throws', async () => {
    const outcome = await readOfficialUptime(def('openai'), ctx(() => Promise.reject(new TypeError('offline')), NOW));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.kind).toBe('network');
  });

  it('is the incident.io adapter’s fetchUptime (Statuspage reads its page instead)', () => {
    expect(incidentIoAdapter.fetchUptime).toBe(readOfficialUptime);
    expect(statuspageAdapter.fetchUptime).not.toBe(readOfficialUptime);
  });
});

describe('the published 90-day figure, recomputed from the real capture’s impacts', () => {
  const raw = loadJson('openai/incidentio-proxy-component-impacts-90d-2025-04.json');
  const data = ComponentImpactsSchema.parse(raw);
  // The capture was made on 2025-04-10 (its query: the 90 days before; the last impact ends 2025-04-09T19:34Z).
  const end = Date.parse('2025-04-10T00:00:00Z');
  const rows = data.component_uptimes.filter((r) => r.component_id);
  const recompute = (days: number) =>
    rows.map((r) => {
      const since = Date.parse(r.data_available_since ?? '');
      const from = Math.max(end - days * 86_400_000, Number.isNaN(since) ? -Infinity : since);
      const value = recomputeUptime(data, r.component_id!, from, end);
      return { id: r.component_id!, published: parsePercent(r.uptime)!, value, rounded: Math.round(value * 100) / 100 };
    });

  it('reproduces all 37 component figures: full outage 1, partial 0.3, degraded 0, worst impact at each instant, rounded, over 91 days', () => {
    const results = recompute(91);
    expect(results).toHaveLength(37);
    expect(results.filter((r) => r.rounded !== r.published)).toEqual([]);
  });

  it('over exactly 90 days, 34 of 37 match and 3 are 0.01 lower: rounding-boundary cases one day of denominator decides', () => {
    const off = recompute(90).filter((r) => r.rounded !== r.published);
    expect(off.map((r) => [r.id, r.published, Number(r.value.toFixed(4))])).toEqual([
      ['01JMXBRMFEV0AJ0VVS68N9CD6R', 99.96, 99.9545],
      ['01JMXBRMFEKVBWKK82B44QFMCE', 99.96, 99.9549],
      ['01JMXBNJXG1S2D9V65P1ZZTD94', 99.79, 99.783],
    ]);
    for (const r of off) expect(Math.round((r.published - r.rounded) * 100)).toBe(1);
  });

  it('the 30-day figure uses the same weights: partial outage in the last 30 days lowers it', () => {
    const { components } = officialUptimeFrom(data, end);
    const u = components['01JMXBRMFEV0AJ0VVS68N9CD6R']!; // 141 min of partial outage on 2025-03-25
    expect(u.percent30d).toBe(Math.round(100 * (100 * (1 - (0.3 * 141 * 60) / (29 * 86_400)))) / 100);
    expect(u.percent30d).toBeLessThan(100);
  });
});
