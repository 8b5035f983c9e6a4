import { describe, expect, it } from 'vitest';
import { incidentIoAdapter } from '../../../lib/providers/incidentio';
import { ServiceStatusSchema, type ServiceStatus } from '../../../lib/model';
import type { StatusOutcome } from '../../../lib/providers/types';
import { FIX, ctx, def, fakeFetch, html, incidentsUrl, json, jsonFixture, loadFixture, loadJson, summaryUrl, type Route } from '../helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const openai = def('openai');
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

interface RawSummary {
  page: { url: string };
  components: { id: string; name: string; status: string; position: number }[];
  incidents?: unknown[];
  scheduled_maintenances?: unknown[];
}

function statusOf(outcome: StatusOutcome): ServiceStatus {
  if (!outcome.ok || outcome.notModified) throw new Error(`expected a status, got ${JSON.stringify(outcome)}`);
  expect(ServiceStatusSchema.safeParse(outcome.status).success).toBe(true);
  return outcome.status;
}

async function read(route: Route, extra: Record<string, Route> = {}) {
  const fetch = fakeFetch({ [summaryUrl('openai')]: route, ...extra });
  const outcome = await openai.adapter.fetchStatus(openai, ctx(fetch, NOW));
  return { outcome, fetch };
}

describe('OpenAI via the incident.io compatible layer', () => {
  it('uses the incident.io adapter without HTML fallback', () => {
    expect(openai.adapter).toBe(incidentIoAdapter);
    expect(openai.adapter.platform).toBe('incident.io');
    expect(openai.platform).not.toBe('statuspage');
  });

  it('the real all-operational summary has the documented quirks', () => {
    const raw = loadJson<RawSummary>(FIX.openaiOk);
    expect('incidents' in raw).toBe(false);
    expect('scheduled_maintenances' in raw).toBe(false);
    expect(raw.page.url).toBe('https://status.openai.com/');
    expect(raw.components).toHaveLength(25);
    for (const c of raw.components) {
      expect(Object.keys(c).sort()).toEqual(['created_at', 'id', 'name', 'page_id', 'position', 'status', 'updated_at']);
      expect(c.id).toMatch(ULID);
    }
  });

  it('all operational: 25 components, no incidents key, no maintenances key, page url from the registry', async () => {
    const { outcome, fetch } = await read(jsonFixture(FIX.openaiOk));
    expect(outcome).toMatchObject({ ok: true, etag: null, requests: 1 });
    const s = statusOf(outcome);
    expect(s).toMatchObject({ providerId: 'openai', name: 'ChatGPT', pageUrl: 'https://status.openai.com', level: 'operational', incidents: [], maintenances: [], via: 'api' });
    expect(s.components).toHaveLength(25);
    expect(s.components.every((c) => c.level === 'operational' && c.group === null && c.description === '' && ULID.test(c.id))).toBe(true);
    expect(s.components.slice(0, 3).map((c) => c.name)).toEqual(['Images', 'Login', 'Audio']);
    expect(s.sourceUpdatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    // Only summary.json: never the endpoints that answer HTML 404 on incident.io.
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://status.openai.com/api/v2/summary.json']);
  });

  it('minor with two incidents: degraded, 22 degraded components, Markdown bodies kept as text', async () => {
    const s = statusOf((await read(jsonFixture(FIX.openaiMinor))).outcome);
    expect(s.level).toBe('degraded');
    expect(s.description).toBe('Partial System Degradation');
    expect(s.components.filter((c) => c.level === 'degraded')).toHaveLength(22);
    expect(s.components.filter((c) => c.level === 'operational').map((c) => c.name)).toEqual(['Ads API', 'Decisions', 'dots']);
    expect(s.incidents.map((i) => [i.id, i.impact, i.status])).toEqual([
      ['01M3Q4RK1SM4EMK445GGPG7C0N', 'minor', 'investigating'],
      ['01M3Q4HMNP8SZ27DTZKW6F5BJ4', 'none', 'investigating'],
    ]);
    const first = s.incidents[0]!;
    expect(first).toMatchObject({
      title: 'Elevated errors across ChatGPT, Codex, and the API including the Agents API',
      createdAt: '2026-09-29T17:52:52.000Z',
      startedAt: '2026-09-29T17:52:52.000Z', // no started_at in the compatible layer
      resolvedAt: null,
      url: 'https://status.openai.com/incidents/01M3Q4RK1SM4EMK445GGPG7C0N',
      componentIds: [],
    });
    expect(first.latestUpdate).toBe(
      'We’re investigating elevated errors affecting ChatGPT, Codex, and the API including the Agents API.\n\nSome users may experience failed requests, difficulty logging in or signing up, and tasks that do not complete. We’ll share updates as we learn more.',
    );
    // Markdown links read as their label; the URL is never kept as a clickable target.
    expect(s.incidents[1]!.latestUpdate).toBe(
      'Our Help Center is available, but support chat remains unavailable. If you need assistance, you can browse the Help Center or email support@openai.com.',
    );
  });

  it('two components sharing a name are kept apart by id', async () => {
    const raw = loadJson<RawSummary>(FIX.openaiOk);
    const [a, b] = [raw.components[0]!, raw.components[1]!];
    b.name = a.name;
    b.status = 'major_outage';
    const s = statusOf((await read(json(raw))).outcome);
    expect(s.components).toHaveLength(25);
    const same = s.components.filter((c) => c.name === a.name);
    expect(same.map((c) => [c.id, c.level])).toEqual([
      [a.id, 'operational'],
      [b.id, 'outage'],
    ]);
    expect(s.level).toBe('outage');
  });

  it('full_outage (synthetic) → outage', async () => {
    const s = statusOf((await read(jsonFixture(FIX.openaiFullOutage))).outcome);
    expect(s.level).toBe('outage');
    expect(s.components.map((c) => [c.name, c.rawStatus, c.level])).toEqual([
      ['Chat Completions', 'full_outage', 'outage'],
      ['Responses', 'partial_outage', 'degraded'],
      ['Conversations', 'degraded_performance', 'degraded'],
      ['Login', 'operational', 'operational'],
    ]);
    expect(s.incidents[0]).toMatchObject({ id: '01M4A0Z7Q1XK3V9T2B8N6C5D4E', impact: 'critical', status: 'identified', latestUpdate: 'Chat Completions requests are failing for all users.\n\nWe are working on a fix.' });
  });

  it('full_outage with a calm indicator still shows an outage', async () => {
    const raw = loadJson<{ status: { indicator: string } }>(FIX.openaiFullOutage);
    raw.status.indicator = 'none';
    expect(statusOf((await read(json(raw))).outcome).level).toBe('outage');
  });

  it('no HTML fallback: an HTML answer is an error after one request', async () => {
    const { outcome, fetch } = await read(html(loadFixture(FIX.cursorPage)), { 'https://status.openai.com/': html(loadFixture(FIX.cursorPage)) });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-json', httpStatus: 200 }, requests: 1 });
    expect(fetch.count()).toBe(1);
  });

  it('no HTML fallback on 403 either', async () => {
    const { outcome, fetch } = await read({ status: 403 }, { 'https://status.openai.com/': html(loadFixture(FIX.cursorPage)) });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'challenge', httpStatus: 403 }, requests: 1 });
    expect(fetch.count()).toBe(1);
  });

  it('never sends If-None-Match unless given an etag (incident.io sends none)', async () => {
    const { fetch } = await read(jsonFixture(FIX.openaiOk));
    expect(fetch.calls[0]!.headers['if-none-match']).toBeUndefined();
  });

  it('fetchHistory reads incidents.json', async () => {
    const incidents = loadJson<RawSummary>(FIX.openaiMinor).incidents!;
    const fetch = fakeFetch({ [incidentsUrl('openai')]: json({ incidents }) });
    const outcome = await openai.adapter.fetchHistory(openai, ctx(fetch, NOW));
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.incidents.map((i) => i.id)).toEqual(['01M3Q4RK1SM4EMK445GGPG7C0N', '01M3Q4HMNP8SZ27DTZKW6F5BJ4']);
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://status.openai.com/api/v2/incidents.json']);
  });
});
