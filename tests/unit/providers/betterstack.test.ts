import { describe, expect, it } from 'vitest';
import { betterstackAdapter, betterstackLevel, betterstackPercent, parseIndex } from '../../../lib/providers/betterstack';
import { indexUrl } from '../../../lib/providers/status-request';
import type { ProviderDefinition } from '../../../lib/providers/types';
import { ctx, fakeFetch, html, json, jsonFixture, loadJson } from '../helpers';
import { catalogDef, customDef, expectCleanIncident, expectCleanStatus } from './platform-defs';

const HF = 'betterstack/huggingface-index-operational-8-resources-8-reports-2026-09-19.json';
const TOGETHER = 'betterstack/together-index-operational-REDUCED-2026-09-15.json';
const OWN = 'betterstack/betterstack-own-index-operational-resolved-reports-trimmed-2026-09-07.json';
const SYNTHETIC = 'betterstack/synthetic-betterstack-index-downtime-open-report.json';

const huggingface = catalogDef('huggingface');
const together = catalogDef('together');
const own = customDef('betterstack', 'https://status.betterstack.com');
const example = customDef('betterstack', 'https://status.example-ai.com');

const HF_NOW = Date.parse('2026-09-19T04:00:00Z');
const OWN_NOW = Date.parse('2026-09-07T13:00:00Z');
const TOGETHER_NOW = Date.parse('2026-09-15T21:00:00Z');
const NOW = Date.parse('2026-10-10T12:00:00Z');

function routes(def: ProviderDefinition, body: string | object) {
  return fakeFetch({ [indexUrl(def.pageUrl)]: typeof body === 'string' ? jsonFixture(body) : json(body) });
}

async function status(def: ProviderDefinition, body: string | object, now: number) {
  const fetch = routes(def, body);
  const outcome = await def.adapter.fetchStatus(def, ctx(fetch, now));
  expect(fetch.unrouted).toEqual([]);
  expect(fetch.calls).toHaveLength(1);
  expect(fetch.calls[0]!.init?.credentials).toBe('omit');
  if (!outcome.ok || outcome.notModified) throw new Error(`expected a status, got ${JSON.stringify(outcome)}`);
  expect(outcome.requests).toBe(1);
  expectCleanStatus(outcome.status);
  return outcome.status;
}

async function history(def: ProviderDefinition, body: string | object, now: number) {
  const outcome = await def.adapter.fetchHistory(def, ctx(routes(def, body), now));
  if (!outcome.ok) throw new Error(outcome.error.message);
  for (const i of outcome.incidents) expectCleanIncident(i, def.pageUrl);
  return outcome.incidents;
}

async function uptime(def: ProviderDefinition, body: string | object, now: number) {
  const outcome = await def.adapter.fetchUptime!(def, ctx(routes(def, body), now));
  if (!outcome.ok) throw new Error(outcome.error.message);
  expect(outcome.requests).toBe(1);
  return outcome;
}

describe('Better Stack: levels', () => {
  it('maps the page words and nothing else', () => {
    expect(['operational', 'degraded', 'downtime', 'maintenance', 'not_monitored', 'resolved', '__proto__', 'OPERATIONAL', null].map(betterstackLevel)).toEqual([
      'operational',
      'degraded',
      'outage',
      'maintenance',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect(betterstackAdapter.platform).toBe('betterstack');
    expect(huggingface.adapter).toBe(betterstackAdapter);
  });
});

describe('Better Stack: Hugging Face capture (complete)', () => {
  it('reads 8 resources grouped by section, in page order, all operational', async () => {
    const s = await status(huggingface, HF, HF_NOW);
    expect(s.level).toBe('operational');
    expect(s.components.map((c) => [c.id, c.name, c.group])).toEqual([
      ['84641', 'Huggingface Hub', 'Current status by service'],
      ['84642', 'Git Hosting and Serving', 'Current status by service'],
      ['8379104', 'Inference Endpoints UI', 'Inference Endpoints'],
      ['8379105', 'Inference Endpoints API', 'Inference Endpoints'],
      ['306621', 'Spaces Proxy', 'Spaces'],
      ['8810148', 'AWS CDN', 'CDN'],
      ['8810143', 'Google cloud CDN', 'CDN'],
      ['8951453', 'Jobs', 'Jobs'],
    ]);
    expect(s.components[0]!.description).toBe('huggingface.co');
    expect(s.components.every((c) => c.rawStatus === 'operational' && c.level === 'operational')).toBe(true);
    expect(s.incidents).toEqual([]);
    expect(s.maintenances).toEqual([]); // all six maintenance reports are resolved
    expect(s.sourceUpdatedAt).toBe('2026-09-19T03:17:48.321Z');
  });

  it('history: the two manual reports, resolved although ends_at is null', async () => {
    const list = await history(huggingface, HF, HF_NOW);
    expect(list.map((i) => [i.id, i.title, i.status, i.impact, i.resolvedAt])).toEqual([
      ['1004901', 'Elevated error rate - AWS CDN (Singapore)', 'resolved', 'minor', '2026-08-07T23:14:00.000Z'],
      ['965809', 'Hub unavailable', 'resolved', 'critical', '2026-07-16T10:07:00.000Z'],
    ]);
    const hub = list[1]!;
    expect(hub.url).toBe('https://status.huggingface.co/incident/965809');
    expect(hub.componentNames).toEqual(['Huggingface Hub', 'Git Hosting and Serving', 'Inference Endpoints UI']);
    expect(hub.phases).toEqual([
      { status: 'downtime', at: '2026-07-16T08:30:00.000Z' },
      { status: 'degraded', at: '2026-07-16T08:43:00.000Z' },
      { status: 'resolved', at: '2026-07-16T10:07:00.000Z' },
    ]);
    expect(hub.latestUpdate).toBe('Services are back to nominal operations.\n\nRoot cause confirmed to global Amazon Web Services outage.');
  });

  it('uptime: each resource’s 90 d is the page’s own availability, and the page’s formula reproduces it', async () => {
    const { uptime: page, components } = await uptime(huggingface, HF, HF_NOW);
    const doc = loadJson<{ included: { id: string; type: string; attributes: { availability: number; status_history: { status: string }[] } }[] }>(HF);
    const resources = doc.included.filter((i) => i.type === 'status_page_resource');
    expect(Object.keys(components).sort()).toEqual(resources.map((r) => r.id).sort());
    for (const r of resources) {
      const u = components[r.id]!;
      expect(u.source).toBe('official');
      expect(u.percent90d).toBeCloseTo(r.attributes.availability * 100, 9);
      expect(u.days).toHaveLength(90);
      expect(u.coversDays).toBe(90);
      // The published fraction has 6 decimals: downtime days over monitored days matches it to that precision.
      if (!r.attributes.status_history.some((d) => d.status === 'not_monitored')) {
        expect(Math.abs(betterstackPercent(r.attributes.status_history as never)! - r.attributes.availability * 100)).toBeLessThanOrEqual(0.00005);
      }
    }
    const hub = components['84641']!;
    // 30 d: the last 30 day bars; 2026-09-19 has no history yet, so 29 monitored days with 627.29 s down.
    expect(hub.percent30d).toBeCloseTo(100 * (1 - 627.290232 / (29 * 86400)), 9);
    expect(hub.days.at(-1)).toEqual({ date: '2026-09-19', level: 'unknown', outageMinutes: 0, degradedMinutes: 0, incidents: [] });
    expect(hub.days.find((d) => d.date === '2026-07-16')).toEqual({ date: '2026-07-16', level: 'outage', outageMinutes: 131.45, degradedMinutes: 0, incidents: ['Hub unavailable'] });
    expect(hub.days.find((d) => d.date === '2026-09-02')).toMatchObject({ level: 'maintenance', incidents: ['Scheduled maintenance: Hub'] });
    const cdn = components['8810148']!;
    expect(cdn.days.find((d) => d.date === '2026-08-07')).toMatchObject({ level: 'degraded', outageMinutes: 0, degradedMinutes: 480 });
    expect(cdn.percent30d).toBe(100); // degraded time counts as up, as in the page's own figure
    expect(page.percent90d).toBeCloseTo((resources.reduce((a, r) => a + r.attributes.availability, 0) / resources.length) * 100, 9);
    expect(page.coversDays).toBe(90);
    expect(page.days.find((d) => d.date === '2026-07-16')!.level).toBe('outage');
    expect(page.days.find((d) => d.date === '2026-06-25')!.level).toBe('operational'); // Jobs not monitored, the rest fine
  });
});

describe('Better Stack: its own page (not_monitored, ends_at null, missing resource)', () => {
  it('shows the not_monitored resource gray without making the page Unknown', async () => {
    const s = await status(own, OWN, OWN_NOW);
    expect(s.components.map((c) => [c.name, c.group, c.level])).toEqual([
      ['Better Stack', 'Better Stack', 'operational'],
      ['Uptime', 'Uptime', 'operational'],
      ['Uptime backend processing health', 'Uptime', 'unknown'],
    ]);
    expect(s.components[2]).toMatchObject({
      rawStatus: 'not_monitored',
      description: 'Not monitored. We have strict checks for making sure millions of requests are processed as intended',
    });
    expect(s.level).toBe('operational');
    expect(s.incidents).toEqual([]);
    expect(s.maintenances).toEqual([]);
  });

  it('history: resolved reports with ends_at null end at their last update; names only for included resources', async () => {
    const list = await history(own, OWN, OWN_NOW);
    expect(list.map((i) => [i.id, i.status, i.resolvedAt])).toEqual([
      ['1050825', 'resolved', '2026-09-06T19:13:00.000Z'],
      ['1049150', 'resolved', '2026-09-03T02:15:00.000Z'], // its updates are not in the trimmed capture
    ]);
    expect(list[0]!.componentIds).toEqual(['4188758']);
    expect(list[0]!.componentNames).toEqual([]);
    expect(list[0]!.latestUpdate).toContain('Please reach out to hello@betterstack.com if you have any questions.');
    expect(list[0]!.latestUpdate).not.toContain('mailto:');
  });

  it('uptime covers the three days the trimmed capture has', async () => {
    const { uptime: page, components } = await uptime(own, OWN, OWN_NOW);
    expect(page.coversDays).toBe(3);
    expect(components['4018902']!.percent90d).toBe(100);
    expect(components['4018902']!.days.slice(0, 87).every((d) => d.level === 'unknown')).toBe(true);
  });
});

describe('Better Stack: Together capture (reduced: references without bodies)', () => {
  it('reads the two included resources and ignores the missing ones', async () => {
    const s = await status(together, TOGETHER, TOGETHER_NOW);
    expect(s.components.map((c) => [c.id, c.name, c.group, c.level])).toEqual([
      ['8475065', 'Website', 'Website', 'operational'],
      ['8475068', 'Playground', 'Website', 'operational'],
    ]);
    expect(s.level).toBe('operational');
    expect(s.maintenances).toEqual([]);
    expect(await history(together, TOGETHER, TOGETHER_NOW)).toEqual([]); // its one report is a maintenance
  });
});

describe('Better Stack: synthetic outage', () => {
  it('is an outage, with the announcement as the page text', async () => {
    const s = await status(example, SYNTHETIC, NOW);
    expect(s.level).toBe('outage');
    expect(s.description).toBe('We are working on an API outage.');
    expect(s.components.map((c) => [c.name, c.group, c.level])).toEqual([
      ['Inference API', 'API', 'outage'],
      ['Batch jobs', 'API', 'unknown'],
      ['Web app', 'Apps', 'degraded'],
      ['Mobile app', 'Apps', 'operational'],
    ]);
  });

  it('reads the open report: the page’s state word, critical impact, latest update, on-host link', async () => {
    const s = await status(example, SYNTHETIC, NOW);
    expect(s.incidents).toHaveLength(1);
    const i = s.incidents[0]!;
    expect(i).toMatchObject({
      id: '8001',
      title: 'Inference API down',
      status: 'downtime',
      impact: 'critical',
      resolvedAt: null,
      createdAt: '2026-10-10T10:00:00.000Z',
      updatedAt: '2026-10-10T11:00:00.000Z',
      url: 'https://status.example-ai.com/incident/8001',
      componentIds: ['7001', '7003'],
      componentNames: ['Inference API', 'Web app'],
      phases: [
        { status: 'degraded', at: '2026-10-10T10:00:00.000Z' },
        { status: 'downtime', at: '2026-10-10T11:00:00.000Z' },
      ],
    });
    // The latest update, as text (a body with a javascript: link stays literal and inert).
    expect(i.latestUpdate.startsWith('The API is down. Details:')).toBe(true);
  });

  it('lists the running and the future maintenance, and drops the one past its end', async () => {
    const s = await status(example, SYNTHETIC, NOW);
    expect(s.maintenances.map((m) => [m.title, m.status, m.scheduledFor, m.scheduledUntil, m.url])).toEqual([
      ['Network maintenance', 'in_progress', '2026-10-10T11:00:00.000Z', '2026-10-10T13:00:00.000Z', 'https://status.example-ai.com/incident/8003'],
      ['Database upgrade', 'scheduled', '2026-10-12T02:00:00.000Z', '2026-10-12T04:00:00.000Z', 'https://status.example-ai.com/incident/8002'],
    ]);
  });

  it('not_monitored alone never makes the provider Unknown; an undocumented status does', async () => {
    const body = loadJson<{ data: { attributes: Record<string, unknown> }; included: { id: string; type: string; attributes: Record<string, unknown> }[] }>(SYNTHETIC);
    body.data.attributes.aggregate_state = 'operational';
    for (const item of body.included) if (item.type === 'status_page_resource' && item.id !== '7002') item.attributes.status = 'operational';
    expect((await status(example, body, NOW)).level).toBe('operational');
    body.included.find((i) => i.id === '7004')!.attributes.status = 'exploding';
    expect((await status(example, body, NOW)).level).toBe('unknown');
    body.data.attributes.aggregate_state = 'catastrophic';
    body.included.find((i) => i.id === '7004')!.attributes.status = 'operational';
    expect((await status(example, body, NOW)).level).toBe('unknown');
  });

  it('uptime: official availability, 30 d from the days, not-monitored days left out', async () => {
    const { uptime: page, components } = await uptime(example, SYNTHETIC, NOW);
    expect(components['7001']).toMatchObject({ percent90d: 99, coversDays: 3 });
    expect(components['7001']!.percent30d).toBeCloseTo(100 * (1 - 7200 / (3 * 86400)), 9);
    expect(components['7001']!.days.at(-1)).toEqual({ date: '2026-10-10', level: 'outage', outageMinutes: 120, degradedMinutes: 0, incidents: ['Inference API down'] });
    expect(components['7001']!.days.at(-2)).toMatchObject({ date: '2026-10-09', level: 'maintenance' });
    expect(components['7002']).toMatchObject({ percent90d: 100, percent30d: null });
    expect(components['7002']!.days.at(-1)!.level).toBe('unknown');
    expect(components['7003']).toMatchObject({ percent90d: 100, percent30d: 100 });
    expect(components['7003']!.days.at(-2)).toMatchObject({ level: 'degraded', degradedMinutes: 30 });
    expect(components['7004']).toMatchObject({ percent90d: 100, coversDays: 1 }); // no availability: computed
    expect(page.percent90d).toBeCloseTo(99.75, 9);
    expect(page.days.at(-1)).toMatchObject({ level: 'outage', outageMinutes: 120, degradedMinutes: 10 });
    expect(page.coversDays).toBe(3);
  });
});

describe('Better Stack: failures', () => {
  const url = indexUrl(huggingface.pageUrl);
  it.each([
    ['the single-page app shell (HTML 200)', html('<!doctype html><div id="app"></div>'), 'not-json'],
    ['a 500', { status: 500 }, 'http'],
    ['a 429', { status: 429, headers: { 'retry-after': '60' } }, 'rate-limited'],
    ['truncated JSON', json('{"data":{"type":"status_page"'), 'bad-json'],
    ['a Statuspage summary', json({ page: { id: 'abc' }, status: { indicator: 'none' }, components: [] }), 'wrong-shape'],
    ['another JSON:API type', json({ data: { type: 'monitor', attributes: {} } }), 'wrong-shape'],
    ['a status page with nothing in it', json({ data: { type: 'status_page', attributes: {} }, included: [] }), 'wrong-shape'],
  ])('%s is a typed failure', async (_name, reply, kind) => {
    const fetch = fakeFetch({ [url]: reply });
    const outcome = await huggingface.adapter.fetchStatus(huggingface, ctx(fetch, NOW));
    expect(outcome).toMatchObject({ ok: false, error: { kind }, requests: 1 });
    const hist = await huggingface.adapter.fetchHistory(huggingface, ctx(fetch, NOW));
    expect(hist).toMatchObject({ ok: false, requests: 1 });
    const up = await huggingface.adapter.fetchUptime!(huggingface, ctx(fetch, NOW));
    expect(up).toMatchObject({ ok: false, requests: 1 });
  });

  it('parseIndex drops malformed included elements instead of failing', () => {
    const page = parseIndex({
      data: { type: 'status_page', attributes: { aggregate_state: 'operational' } },
      included: [null, 5, { id: 1, type: 'status_page_resource', attributes: { public_name: ' A ', status: 'operational', status_history: 'x' } }, { type: 'status_page_resource' }],
    });
    // A history that is not a list reads as empty; elements that are not objects are dropped.
    expect(page?.resources.map((r) => [r.id, r.name, r.history])).toEqual([['1', 'A', []]]);
    const bad = parseIndex({
      data: { type: 'status_page', attributes: { aggregate_state: 'operational' } },
      included: [{ id: 1, type: 'status_page_resource', attributes: 'x' }, { id: 2, type: 'status_report', attributes: { title: 5 } }],
    });
    expect(bad).toMatchObject({ resources: [], reports: [], state: 'operational' });
  });
});
