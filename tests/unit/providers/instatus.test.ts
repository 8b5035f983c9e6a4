import { describe, expect, it } from 'vitest';
import { instatusSummaryUrl } from '../../../lib/providers/status-request';
import {
  instatusAdapter,
  instatusComponentLevel,
  instatusComponentsUrl,
  instatusPageLevel,
} from '../../../lib/providers/instatus';
import type { ProviderDefinition } from '../../../lib/providers/types';
import { ctx, fakeFetch, html, json, jsonFixture, loadJson, type Route } from '../helpers';
import { customDef, expectCleanIncident, expectCleanStatus } from './platform-defs';

const GCORE_SUMMARY = 'instatus/gcore-summary-up-2-scheduled-maintenances-2026-09.json';
const GCORE_COMPONENTS = 'instatus/gcore-v3-components-truncated-6.json';
const DEMO_SUMMARY = 'instatus/instatus-demo-summary-hasissues-2-open-incidents.json';
const SYN_SUMMARY = 'instatus/synthetic-instatus-summary-hasissues-major-outage-maintenances.json';
const SYN_COMPONENTS = 'instatus/synthetic-instatus-v3-components-major-outage.json';

const gcore = customDef('instatus', 'https://status.gcore.com');
const demo = customDef('instatus', 'https://instatus.instatus.com');
const example = customDef('instatus', 'https://status.example-ai.com');
const NOW = Date.parse('2026-10-10T12:00:00Z');
const GCORE_NOW = Date.parse('2026-09-09T00:00:00Z');

function pageRoutes(def: ProviderDefinition, summary: Route, components?: Route) {
  return fakeFetch({ [instatusSummaryUrl(def.pageUrl)]: summary, ...(components ? { [instatusComponentsUrl(def.pageUrl)]: components } : {}) });
}

async function status(def: ProviderDefinition, fetch: ReturnType<typeof fakeFetch>, now = NOW) {
  const outcome = await def.adapter.fetchStatus(def, ctx(fetch, now));
  if (!outcome.ok || outcome.notModified) throw new Error(`expected a status, got ${JSON.stringify(outcome)}`);
  expectCleanStatus(outcome.status);
  for (const call of fetch.calls) {
    expect(call.init?.credentials).toBe('omit');
    expect(call.headers['if-none-match']).toBeUndefined();
  }
  return outcome;
}

describe('Instatus: tables', () => {
  it('maps page and component statuses, anything else unknown', () => {
    expect(['UP', 'HASISSUES', 'UNDERMAINTENANCE', 'up', 'DOWN', '__proto__', null].map(instatusPageLevel)).toEqual([
      'operational',
      'degraded',
      'maintenance',
      'operational',
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect(['OPERATIONAL', 'DEGRADEDPERFORMANCE', 'PARTIALOUTAGE', 'MAJOROUTAGE', 'UNDERMAINTENANCE', 'MINOROUTAGE', 'constructor'].map(instatusComponentLevel)).toEqual([
      'operational',
      'degraded',
      'degraded',
      'outage',
      'maintenance',
      'unknown',
      'unknown',
    ]);
    expect(instatusAdapter.platform).toBe('instatus');
  });
});

describe('Instatus: Gcore captures (UP, NOTSTARTEDYET maintenances, nested groups)', () => {
  it('reads summary.json then v3/components.json: two requests', async () => {
    const fetch = pageRoutes(gcore, jsonFixture(GCORE_SUMMARY), jsonFixture(GCORE_COMPONENTS));
    const outcome = await status(gcore, fetch, GCORE_NOW);
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://status.gcore.com/summary.json', 'https://status.gcore.com/v3/components.json']);
    expect(outcome.requests).toBe(2);
    expect(outcome.etag).toBeNull();
    const s = outcome.status;
    expect(s.level).toBe('operational');
    // Group rows (Gcore Systems, CDN, Global services) are not components; nesting shows in `group`.
    expect(s.components.map((c) => [c.name, c.group, c.rawStatus, c.level])).toEqual([
      ['API', 'Gcore Systems', 'OPERATIONAL', 'operational'],
      ['Advanced Analytics', 'CDN › Global services', 'OPERATIONAL', 'operational'],
      ['API Documentation', 'Gcore Systems', 'OPERATIONAL', 'operational'],
    ]);
    expect(s.incidents).toEqual([]); // no activeIncidents key at all
  });

  it('computes maintenance ends from start + duration minutes', async () => {
    const s = (await status(gcore, pageRoutes(gcore, jsonFixture(GCORE_SUMMARY), jsonFixture(GCORE_COMPONENTS)), GCORE_NOW)).status;
    expect(s.maintenances.map((m) => [m.title, m.status, m.scheduledFor, m.scheduledUntil, m.url])).toEqual([
      ['[Scheduled] Cloud | Chicago Maintenance', 'scheduled', '2026-09-10T08:00:00.000Z', '2026-09-10T08:15:00.000Z', 'https://status.gcore.com/cmtlnoty400tz1bk3ehvx261c'],
      ['[Scheduled] Cloud | Global Maintenance', 'scheduled', '2026-09-14T05:00:00.000Z', '2026-09-14T09:00:00.000Z', 'https://status.gcore.com/cmsdeath700px0zppe9l2xz6p'],
    ]);
  });

  it('drops NOTSTARTEDYET windows that are already over', async () => {
    const later = await status(gcore, pageRoutes(gcore, jsonFixture(GCORE_SUMMARY), jsonFixture(GCORE_COMPONENTS)), Date.parse('2026-09-12T00:00:00Z'));
    expect(later.status.maintenances.map((m) => m.title)).toEqual(['[Scheduled] Cloud | Global Maintenance']);
    const muchLater = await status(gcore, pageRoutes(gcore, jsonFixture(GCORE_SUMMARY), jsonFixture(GCORE_COMPONENTS)), NOW);
    expect(muchLater.status.maintenances).toEqual([]);
  });
});

describe('Instatus: demo capture (HASISSUES, two open incidents, no activeMaintenances key)', () => {
  it('shows the open incidents; without a components endpoint (404) the page state alone', async () => {
    const fetch = pageRoutes(demo, jsonFixture(DEMO_SUMMARY)); // v3/components.json is unrouted: HTML 404
    const outcome = await status(demo, fetch);
    expect(outcome.requests).toBe(2);
    const s = outcome.status;
    expect(s.components).toEqual([]);
    expect(s.level).toBe('degraded');
    expect(s.maintenances).toEqual([]);
    expect(s.incidents.map((i) => [i.id, i.title, i.status, i.impact, i.createdAt, i.resolvedAt, i.url])).toEqual([
      ['clq3wc2ap1350bronl8974nko', 'partial', 'investigating', 'major', '2023-12-13T14:58:14.917Z', null, 'https://instatus.instatus.com/clq3wc2ap1350bronl8974nko'],
      ['clq3wa0jh18301b7ogv9747apy', 'degraded', 'investigating', 'minor', '2023-12-13T14:56:36.026Z', null, 'https://instatus.instatus.com/clq3wa0jh18301b7ogv9747apy'],
    ]);
  });

  it('history is the open incidents of summary.json (one request)', async () => {
    const fetch = pageRoutes(demo, jsonFixture(DEMO_SUMMARY));
    const outcome = await demo.adapter.fetchHistory(demo, ctx(fetch, NOW));
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.requests).toBe(1);
    expect(outcome.incidents.map((i) => i.id)).toEqual(['clq3wc2ap1350bronl8974nko', 'clq3wa0jh18301b7ogv9747apy']);
    for (const i of outcome.incidents) expectCleanIncident(i, demo.pageUrl);
  });
});

describe('Instatus: synthetic major outage', () => {
  it('is an outage; every status maps; an undocumented one is unknown', async () => {
    const s = (await status(example, pageRoutes(example, jsonFixture(SYN_SUMMARY), jsonFixture(SYN_COMPONENTS)))).status;
    expect(s.level).toBe('outage');
    expect(s.components.map((c) => [c.name, c.group, c.level])).toEqual([
      ['API', 'Platform', 'outage'],
      ['Dashboard', 'Platform', 'degraded'],
      ['Webhooks', null, 'degraded'],
      ['Database', null, 'maintenance'],
      ['Search', null, 'unknown'],
      ['Docs', null, 'operational'],
    ]);
    expect(s.components[0]!.description).toBe('REST API');
  });

  it('links an incident whose url is off the page host to the page itself', async () => {
    const s = (await status(example, pageRoutes(example, jsonFixture(SYN_SUMMARY), jsonFixture(SYN_COMPONENTS)))).status;
    expect(s.incidents).toHaveLength(1);
    expect(s.incidents[0]).toMatchObject({
      status: 'identified',
      impact: 'critical',
      url: 'https://status.example-ai.com/cmsynthinc0000000000000001',
      phases: [{ status: 'identified', at: '2026-10-10T11:00:00.000Z' }],
    });
  });

  it('keeps the running maintenance (string duration), drops the expired and the completed ones', async () => {
    const s = (await status(example, pageRoutes(example, jsonFixture(SYN_SUMMARY), jsonFixture(SYN_COMPONENTS)))).status;
    expect(s.maintenances.map((m) => [m.title, m.status, m.scheduledFor, m.scheduledUntil])).toEqual([
      ['Database upgrade', 'in_progress', '2026-10-10T11:30:00.000Z', '2026-10-10T12:30:00.000Z'],
    ]);
  });

  it('is unknown, not operational, for a page status nobody documented', async () => {
    const body = loadJson<{ page: { status: string } }>(GCORE_SUMMARY);
    body.page.status = 'EXPLODING';
    const s = (await status(gcore, pageRoutes(gcore, json(body), jsonFixture(GCORE_COMPONENTS)), GCORE_NOW)).status;
    expect(s.level).toBe('unknown');
  });
});

describe('Instatus: requests per poll', () => {
  it('one request when summary.json carries the components itself', async () => {
    const body = { ...loadJson(GCORE_SUMMARY), components: loadJson<{ components: unknown[] }>(GCORE_COMPONENTS).components };
    const fetch = pageRoutes(gcore, json(body));
    const outcome = await status(gcore, fetch, GCORE_NOW);
    expect(fetch.calls).toHaveLength(1);
    expect(outcome.requests).toBe(1);
    expect(outcome.status.components).toHaveLength(3);
  });

  it.each([
    ['a 500', { status: 500 }, 'http'],
    ['a 429', { status: 429, headers: { 'retry-after': '120' } }, 'rate-limited'],
    ['an HTML 200 page', html('<!doctype html><p>x</p>'), 'not-json'],
    ['JSON of another shape', json({ nope: true }), 'wrong-shape'],
  ])('components answering %s fail the whole read (last good data stays)', async (_name, reply, kind) => {
    const outcome = await gcore.adapter.fetchStatus(gcore, ctx(pageRoutes(gcore, jsonFixture(GCORE_SUMMARY), reply), GCORE_NOW));
    expect(outcome).toMatchObject({ ok: false, error: { kind }, requests: 2 });
  });

  it.each([
    ['an HTML 404', html('<!doctype html>', { status: 404 }), 'http'],
    ['truncated JSON', json('{"page":{"status":"UP"'), 'bad-json'],
    ['a Statuspage summary', json({ page: { id: 'x', name: 'x' }, status: { indicator: 'none' } }), 'wrong-shape'],
  ])('summary.json answering %s is one failed request', async (_name, reply, kind) => {
    const fetch = pageRoutes(gcore, reply, jsonFixture(GCORE_COMPONENTS));
    const outcome = await gcore.adapter.fetchStatus(gcore, ctx(fetch, GCORE_NOW));
    expect(outcome).toMatchObject({ ok: false, error: { kind }, requests: 1 });
    expect(fetch.calls).toHaveLength(1);
  });
});
