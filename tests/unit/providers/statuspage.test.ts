import { describe, expect, it } from 'vitest';
import { readIncidents, readSummary, statuspageAdapter } from '../../../lib/providers/statuspage';
import { PROVIDERS } from '../../../lib/providers/registry';
import { ServiceStatusSchema, type ServiceStatus } from '../../../lib/model';
import type { StatusOutcome } from '../../../lib/providers/types';
import {
  FIX,
  ctx,
  def,
  fakeFetch,
  html,
  incidentsUrl,
  json,
  jsonFixture,
  loadFixture,
  loadJson,
  pageUrl,
  summaryUrl,
  type Route,
} from '../helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const claude = def('anthropic');

function statusOf(outcome: StatusOutcome): ServiceStatus {
  if (!outcome.ok || outcome.notModified) throw new Error(`expected a status, got ${JSON.stringify(outcome)}`);
  expect(ServiceStatusSchema.safeParse(outcome.status).success).toBe(true);
  return outcome.status;
}

async function read(id: 'anthropic' | 'cursor', route: Route, extra: Record<string, Route> = {}) {
  const fetch = fakeFetch({ [summaryUrl(id)]: route, ...extra });
  const outcome = await def(id).adapter.fetchStatus(def(id), ctx(fetch, NOW));
  return { outcome, fetch };
}

describe('registry', () => {
  it('lists the three default providers with the adapters of their platforms', () => {
    expect(PROVIDERS.map((p) => [p.id, p.name, p.pageUrl, p.platform, p.adapter.platform])).toEqual([
      ['openai', 'ChatGPT', 'https://status.openai.com', 'incidentio', 'incident.io'],
      ['anthropic', 'Claude', 'https://status.claude.com', 'statuspage', 'statuspage'],
      ['cursor', 'Cursor', 'https://status.cursor.com', 'statuspage', 'statuspage'],
    ]);
    expect(claude.adapter).toBe(statuspageAdapter);
  });
});

describe('Claude (real summaries)', () => {
  it('all operational', async () => {
    const { outcome, fetch } = await read('anthropic', jsonFixture(FIX.anthropicOk, { headers: { etag: 'W/"a1"' } }));
    expect(outcome).toMatchObject({ ok: true, notModified: false, etag: 'W/"a1"', requests: 1 });
    const s = statusOf(outcome);
    expect(s).toMatchObject({ providerId: 'anthropic', level: 'operational', description: 'All Systems Operational', via: 'api', fetchedAt: NOW });
    expect(s.components).toHaveLength(6);
    expect(s.components.every((c) => c.level === 'operational' && c.group === null)).toBe(true);
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://status.claude.com/api/v2/summary.json']);
  });

  it('page indicator minor while the incident impact is major → degraded (the page judges)', async () => {
    const s = statusOf((await read('anthropic', jsonFixture(FIX.anthropicMinor))).outcome);
    expect(s.level).toBe('degraded');
    expect(s.description).toBe('Minor Service Outage');
    expect(s.components.filter((c) => c.rawStatus === 'partial_outage').map((c) => c.id)).toEqual(['rwppv331jlwc', 'k8w3r06qmzrp', 'yyzkbfz2thpt', 'bpp5gb3hpjcl']);
    expect(s.components.filter((c) => c.level === 'degraded')).toHaveLength(4);
    expect(s.incidents).toHaveLength(1);
    expect(s.incidents[0]).toMatchObject({ id: '7g1qpkyz5gxh', impact: 'major', status: 'investigating', resolvedAt: null });
  });

  it('reminder_intervals as the string "[]" does not break parsing', async () => {
    const raw = loadJson<{ incidents: Record<string, unknown>[] }>(FIX.anthropicMinor);
    raw.incidents[0]!.reminder_intervals = '[]';
    const s = statusOf((await read('anthropic', json(raw))).outcome);
    expect(s.incidents.map((i) => i.id)).toEqual(['7g1qpkyz5gxh']);
  });

  it('a malformed incident is dropped, the rest survives', async () => {
    const raw = loadJson<{ incidents: unknown[] }>(FIX.anthropicMinor);
    raw.incidents.push({ name: 'no id' }, 42, null);
    const s = statusOf((await read('anthropic', json(raw))).outcome);
    expect(s.incidents.map((i) => i.id)).toEqual(['7g1qpkyz5gxh']);
  });
});

describe('Cursor (synthetic summaries)', () => {
  it('all operational: the eight components in page order, Grok Bot from the real fragment', async () => {
    const s = statusOf((await read('cursor', jsonFixture(FIX.cursorOk))).outcome);
    expect(s.level).toBe('operational');
    expect(s.components.map((c) => c.name)).toEqual(['Automations', 'Review Agents', 'CLI', 'Cloud Agents', 'cursor.com', 'IDE', 'Origin', 'Grok Bot']);
    expect(s.components.at(-1)).toEqual({ id: 'sm5wkcnqkvr9', name: 'Grok Bot', group: null, rawStatus: 'operational', level: 'operational', description: '' });
    expect(s.sourceUpdatedAt).toBe('2026-10-09T00:11:35.742Z');
  });

  it('the fixture reuses the real Grok Bot element verbatim and the real page id', () => {
    const file = loadJson<{ page: { id: string }; components: unknown[] }>(FIX.cursorOk);
    expect(file.page.id).toBe('0tp9ssgtptvs');
    expect(file.components.at(-1)).toEqual(loadJson(FIX.cursorGrokComponent));
    expect(JSON.stringify(file.components.at(-1))).toBe(JSON.stringify(loadJson(FIX.cursorGrokComponent)));
  });

  it('major outage: outage level, component levels and the investigating incident', async () => {
    const s = statusOf((await read('cursor', jsonFixture(FIX.cursorOutage))).outcome);
    expect(s.level).toBe('outage');
    expect(s.description).toBe('Partial System Outage');
    expect(Object.fromEntries(s.components.map((c) => [c.name, c.level]))).toEqual({
      Automations: 'operational',
      'Review Agents': 'outage',
      CLI: 'degraded',
      'Cloud Agents': 'outage',
      'cursor.com': 'operational',
      IDE: 'degraded',
      Origin: 'operational',
      'Grok Bot': 'operational',
    });
    expect(s.incidents).toHaveLength(1);
    expect(s.incidents[0]).toMatchObject({
      id: '9hq2w4rkz7td',
      title: 'Cloud Agents and Review Agents unavailable',
      status: 'investigating',
      impact: 'major',
      resolvedAt: null,
      startedAt: '2026-10-10T13:40:00.000Z',
      url: 'https://status.cursor.com/incidents/9hq2w4rkz7td',
      latestUpdate: 'Cloud Agents and Review Agents are failing to start. The IDE and CLI may be slow while we investigate.',
    });
    expect(new Set(s.incidents[0]!.componentIds)).toEqual(new Set(['p2x8c4n6r9tf', 'b5j0w7y3k1hs', 'm9t4g2v6q8zd', 'f4h6d0l9e2ix']));
  });

  it('maintenance in progress: maintenance level, the running window first, nothing resolved', async () => {
    const s = statusOf((await read('cursor', jsonFixture(FIX.cursorMaintenance))).outcome);
    expect(s.level).toBe('maintenance');
    expect(s.components.find((c) => c.name === 'Origin')).toMatchObject({ rawStatus: 'under_maintenance', level: 'maintenance' });
    expect(s.maintenances.map((m) => [m.id, m.status, m.scheduledFor, m.scheduledUntil])).toEqual([
      ['r2t6y0u4i8op', 'in_progress', '2026-10-11T06:00:00.000Z', '2026-10-11T07:00:00.000Z'],
      ['w8d3k5q1n6zr', 'scheduled', '2026-10-14T06:00:00.000Z', '2026-10-14T08:00:00.000Z'],
    ]);
    expect(s.maintenances[0]).toMatchObject({
      title: 'Origin network maintenance',
      latestUpdate: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
      url: 'https://status.cursor.com/incidents/r2t6y0u4i8op',
    });
    expect(s.maintenances[0]!.componentIds).toEqual(['o3g7n1r5i9kt']);
    expect(s.incidents).toEqual([]);
  });

  it('a degraded component beats the maintenance indicator', async () => {
    const raw = loadJson<{ components: { name: string; status: string }[] }>(FIX.cursorMaintenance);
    raw.components.find((c) => c.name === 'IDE')!.status = 'degraded_performance';
    expect(statusOf((await read('cursor', json(raw))).outcome).level).toBe('degraded');
  });

  it('a worse component beats a milder page indicator', async () => {
    const raw = loadJson<{ components: { name: string; status: string }[]; status: { indicator: string } }>(FIX.cursorOk);
    raw.status.indicator = 'minor';
    raw.components.find((c) => c.name === 'IDE')!.status = 'major_outage';
    expect(statusOf((await read('cursor', json(raw))).outcome).level).toBe('outage');
  });

  it('a worse page indicator beats operational components', async () => {
    const raw = loadJson<{ status: { indicator: string } }>(FIX.cursorOk);
    raw.status.indicator = 'critical';
    expect(statusOf((await read('cursor', json(raw))).outcome).level).toBe('outage');
  });
});

describe('edge-case summaries', () => {
  it('unknown enum values map to unknown and keep the panel', async () => {
    const s = statusOf((await read('cursor', jsonFixture(FIX.unknownEnums))).outcome);
    expect(s.components).toEqual([
      { id: '7q1d5mzk3w0b', name: 'Automations', group: null, rawStatus: 'melting', level: 'unknown', description: '' },
      { id: 'f4h6d0l9e2ix', name: 'IDE', group: null, rawStatus: 'operational', level: 'operational', description: '' },
    ]);
    // "catastrophic" and "melting" are values we do not know: never shown as operational.
    expect(s.level).toBe('unknown');
    expect(s.description).toBe('Catastrophic Failure');
    expect(s.incidents[0]).toMatchObject({ status: 'smouldering', impact: 'apocalyptic', resolvedAt: null });
  });

  it('an unknown indicator with only unknown components → unknown', async () => {
    const raw = loadJson<{ components: { status: string }[] }>(FIX.unknownEnums);
    for (const c of raw.components) c.status = 'melting';
    expect(statusOf((await read('cursor', json(raw))).outcome).level).toBe('unknown');
  });

  it('timestamps with offsets are normalized to UTC and sorted by instant', async () => {
    const s = statusOf((await read('cursor', jsonFixture(FIX.offsets))).outcome);
    expect(s.sourceUpdatedAt).toBe('2026-10-09T17:15:00.000Z');
    // 09:00-07:00 (16:00Z) is newer than 15:30Z although its raw string sorts first.
    expect(s.incidents.map((i) => i.id)).toEqual(['g7h8i9j0k1l2', 'a1b2c3d4e5f6', 'm3n4o5p6q7r8']);
    const pacific = s.incidents[0]!;
    expect(pacific).toMatchObject({ createdAt: '2026-10-09T16:00:00.000Z', startedAt: '2026-10-09T15:55:00.000Z', updatedAt: '2026-10-09T16:58:12.000Z' });
    expect(pacific.latestUpdate).toBe('Later update, Pacific time.');
    expect(pacific.phases.map((p) => p.at)).toEqual(['2026-10-09T16:30:00.000Z', '2026-10-09T16:58:12.000Z']);
    expect(s.incidents[2]).toMatchObject({ createdAt: '2026-10-08T08:00:00.000Z', resolvedAt: '2026-10-08T09:30:00.000Z' });
  });

  it('groups: group rows dropped, children carry the group name, in page order', async () => {
    const s = statusOf((await read('cursor', jsonFixture(FIX.groups))).outcome);
    expect(s.components.map((c) => `${c.group ?? '-'}/${c.name}`)).toEqual([
      '-/IDE',
      'Agents/Review Agents',
      'Agents/Cloud Agents',
      'Agents/Automations',
      '-/cursor.com',
      '-/Status webhooks',
    ]);
    expect(s.components.some((c) => c.id === 'g1r0u2p3agnt')).toBe(false);
    expect(s.level).toBe('degraded');
  });

  it('hostile text: stays literal (rendered as text), benign HTML is reduced, links stay on the page host', async () => {
    const s = statusOf((await read('cursor', jsonFixture(FIX.hostile))).outcome);
    expect(s.pageUrl).toBe('https://status.cursor.com');
    expect(s.description).toBe('<img src=x onerror=alert(1)>');
    expect(s.components[0]).toMatchObject({ name: 'IDE <img src=x onerror=alert(1)>', description: '<script>alert(1)</script>' });
    expect(s.incidents.map((i) => i.id)).toEqual(['x55h0st1le01', 'x55h0st1le02', 'x55h0st1le03']);
    const [plain, mixed, benign] = s.incidents;
    expect(plain).toMatchObject({
      title: '<img src=x onerror=alert(1)>',
      latestUpdate: '<script>alert(1)</script> We are looking into <img src=x onerror=alert(1)> reports.',
      url: 'https://status.cursor.com/incidents/x55h0st1le01',
    });
    expect(mixed).toMatchObject({
      title: 'Formatted update <script>alert(1)</script>',
      latestUpdate:
        '<p>A fix is <strong>deployed</strong>.</p><script>alert(1)</script><img src=x onerror=alert(1)><p><a href="javascript:alert(1)">Details</a></p>',
      url: 'https://status.cursor.com/incidents/x55h0st1le02',
    });
    expect(benign).toMatchObject({
      title: 'Benign <b>formatting</b>',
      latestUpdate: 'Fixed for most users & teams.\nIDE\nCLI\nSee the incident.',
      url: 'https://status.cursor.com/incidents/x55h0st1le03',
    });
    for (const i of s.incidents) expect(i.url).not.toMatch(/javascript|evil|stspg/);
  });
});

describe('failures', () => {
  it('wrong shape {"foo":1} → wrong-shape', async () => {
    const { outcome } = await read('cursor', json({ foo: 1 }));
    expect(outcome).toEqual({
      ok: false,
      error: { kind: 'wrong-shape', message: 'status.cursor.com sent data in an unexpected shape', httpStatus: 200, at: NOW },
      retryAfterSec: null,
      requests: 1,
    });
  });

  it.each([['[]', []], ['null', null], ['a string', 'hello'], ['a number', 7], ['components not an array', { components: 'x' }], ['status not an object', { status: 'none', components: [] }]])(
    'wrong shape %s → wrong-shape',
    async (_name, body) => {
      const { outcome } = await read('cursor', json(JSON.stringify(body)));
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'wrong-shape' } });
    },
  );

  it('truncated JSON → bad-json, no fallback request', async () => {
    const full = loadFixture(FIX.cursorOk);
    const { outcome, fetch } = await read('cursor', json(full.slice(0, 500)));
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'bad-json' }, requests: 1 });
    expect(fetch.calls).toHaveLength(1);
  });

  it('500 → http error, no fallback request', async () => {
    const { outcome, fetch } = await read('cursor', { status: 500 });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'http', httpStatus: 500 }, retryAfterSec: null, requests: 1 });
    expect(fetch.calls).toHaveLength(1);
  });

  it('429 → rate-limited with Retry-After, no fallback request', async () => {
    const { outcome, fetch } = await read('anthropic', { status: 429, headers: { 'retry-after': '90' } });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'rate-limited' }, retryAfterSec: 90, requests: 1 });
    expect(fetch.calls).toHaveLength(1);
  });

  it('304 → not modified', async () => {
    const fetch = fakeFetch({ [summaryUrl('anthropic')]: { status: 304, headers: { etag: 'W/"a1"' } } });
    const outcome = await readSummary(claude, ctx(fetch, NOW, { etag: 'W/"a1"' }));
    expect(outcome).toEqual({ ok: true, notModified: true, etag: 'W/"a1"', bytes: 0, requests: 1 });
    expect(fetch.calls[0]!.headers['if-none-match']).toBe('W/"a1"');
  });
});

describe('HTML fallback (Claude and Cursor)', () => {
  it.each(['anthropic', 'cursor'] as const)('%s: summary 403 → reads the page, via html', async (id) => {
    const { outcome, fetch } = await read(id, html(loadFixture(FIX.challengePage), { status: 403 }), { [pageUrl(id)]: html(loadFixture(FIX.cursorPage)) });
    expect(fetch.calls.map((c) => c.url)).toEqual([summaryUrl(id), pageUrl(id)]);
    expect(fetch.calls[1]!.headers.accept).toBe('text/html');
    expect(fetch.calls[1]!.headers['if-none-match']).toBeUndefined();
    expect(fetch.calls[1]!.init?.credentials).toBe('omit');
    expect(outcome).toMatchObject({ ok: true, notModified: false, etag: null, requests: 2 });
    const s = statusOf(outcome);
    expect(s).toMatchObject({ providerId: id, via: 'html', level: 'degraded', description: 'Minor Service Outage', incidents: [], maintenances: [] });
    expect(s.components).toHaveLength(8);
  });

  it.each(['anthropic', 'cursor'] as const)('%s: summary 405 → reads the page', async (id) => {
    const { outcome } = await read(id, { status: 405 }, { [pageUrl(id)]: html(loadFixture(FIX.cursorPage)) });
    expect(statusOf(outcome).via).toBe('html');
  });

  it.each(['anthropic', 'cursor'] as const)('%s: summary answers a challenge page with 200 → reads the page', async (id) => {
    const { outcome, fetch } = await read(id, html(loadFixture(FIX.challengePage)), { [pageUrl(id)]: html(loadFixture(FIX.cursorPage)) });
    expect(fetch.count()).toBe(2);
    expect(statusOf(outcome).via).toBe('html');
  });

  it('summary answering HTML that already holds component rows needs no second request', async () => {
    const { outcome, fetch } = await read('cursor', html(loadFixture(FIX.cursorPage)));
    expect(fetch.count()).toBe(1);
    expect(outcome).toMatchObject({ ok: true, requests: 1 });
    expect(statusOf(outcome).via).toBe('html');
  });

  it('HTML served as application/json also falls back', async () => {
    const { outcome } = await read('cursor', json(loadFixture(FIX.challengePage)), { [pageUrl('cursor')]: html(loadFixture(FIX.cursorPage)) });
    expect(statusOf(outcome).via).toBe('html');
  });

  it('when the page is a challenge too, the original error is kept', async () => {
    const { outcome, fetch } = await read('anthropic', { status: 403 }, { [pageUrl('anthropic')]: html(loadFixture(FIX.challengePage)) });
    expect(fetch.count()).toBe(2);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'challenge', httpStatus: 403 }, requests: 1 });
  });

  it('when the page fails, the original error is kept', async () => {
    const { outcome } = await read('cursor', html('<html>bot check</html>'), { [pageUrl('cursor')]: { status: 503 } });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-json' } });
  });
});

describe('fetchHistory (incidents.json)', () => {
  async function history(id: 'anthropic' | 'cursor', route: Route) {
    const fetch = fakeFetch({ [incidentsUrl(id)]: route });
    const outcome = await readIncidents(def(id), ctx(fetch, NOW, { etag: 'W/"ignored"' }));
    return { outcome, fetch };
  }

  it('reads the real 50 Anthropic incidents, all resolved, sorted newest first', async () => {
    const { outcome, fetch } = await history('anthropic', jsonFixture(FIX.anthropicIncidents));
    expect(fetch.calls[0]!.headers['if-none-match']).toBeUndefined();
    if (!outcome.ok) throw new Error(outcome.error.message);
    const list = outcome.incidents;
    expect(outcome.requests).toBe(1);
    expect(list).toHaveLength(50);
    expect(list.every((i) => i.status === 'resolved' && i.resolvedAt !== null)).toBe(true);
    const created = list.map((i) => i.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const impacts: Record<string, number> = {};
    for (const i of list) impacts[i.impact] = (impacts[i.impact] ?? 0) + 1;
    expect(impacts).toEqual({ minor: 28, major: 17, none: 3, critical: 2 });
    expect(list.filter((i) => i.impact === 'critical').map((i) => i.id).sort()).toEqual(['q2kg8n613kr3', 'qt14v73myyy5']);
    expect(list.reduce((n, i) => n + i.phases.length, 0)).toBe(155);
    for (const i of list) expect(i.url).toBe(`https://status.claude.com/incidents/${i.id}`);
  });

  it('keeps the incident whose resolved_at is before started_at, with its own times', async () => {
    const { outcome } = await history('anthropic', jsonFixture(FIX.anthropicIncidents));
    if (!outcome.ok) throw new Error('expected ok');
    const odd = outcome.incidents.find((i) => i.id === '1019wwb67615')!;
    expect(odd).toMatchObject({
      title: 'Sonnet 4.6 and Sonnet 5 errors elevated',
      impact: 'none',
      createdAt: '2026-07-25T18:13:01.000Z',
      startedAt: '2026-07-25T18:14:56.438Z',
      resolvedAt: '2026-07-25T18:13:01.000Z',
      componentIds: [],
    });
    // Consumers computing a duration must clamp: resolvedAt is not after startedAt here.
    expect(Date.parse(odd.resolvedAt!) - Date.parse(odd.startedAt)).toBeLessThan(0);
    expect(Date.parse(odd.resolvedAt!) - Date.parse(odd.createdAt)).toBeGreaterThanOrEqual(0);
  });

  it('keeps U+2236 (∶) and en dashes in update text', async () => {
    const { outcome } = await history('anthropic', jsonFixture(FIX.anthropicIncidents));
    if (!outcome.ok) throw new Error('expected ok');
    const ratio = outcome.incidents.find((i) => i.id === 'r82kdk0m7vqh')!;
    expect(ratio.latestUpdate).toContain('16∶55 to 19∶16 UTC');
    // The en dashes sit in an older update of w43j3xmngxgj: serve that incident with only that update.
    const raw = loadJson<{ incidents: { id: string; incident_updates: { body: string }[] }[] }>(FIX.anthropicIncidents);
    const inc = raw.incidents.find((i) => i.id === 'w43j3xmngxgj')!;
    inc.incident_updates = inc.incident_updates.filter((u) => u.body.includes('–'));
    expect(inc.incident_updates).toHaveLength(1);
    const single = await history('anthropic', json({ incidents: [inc] }));
    if (!single.outcome.ok) throw new Error('expected ok');
    expect(single.outcome.incidents[0]!.latestUpdate.startsWith('From 9:02–9:08am PT / 16:02–16:08 UTC) users experienced issues')).toBe(true);
  });

  it('tolerates components: [] and affected_components: null; component ids are the union of both', async () => {
    const { outcome } = await history('anthropic', jsonFixture(FIX.anthropicIncidents));
    if (!outcome.ok) throw new Error('expected ok');
    type RawInc = { id: string; components: { id: string }[]; incident_updates: { affected_components: { code: string }[] | null }[] };
    const raw = loadJson<{ incidents: RawInc[] }>(FIX.anthropicIncidents).incidents;
    expect(raw.filter((i) => i.components.length === 0).map((i) => i.id)).toEqual(['kmbpgrsszf72', 'bdr3fq2rkchr', 'q2kg8n613kr3', '1019wwb67615', 'yc7mr2gvl914']);
    expect(raw.flatMap((i) => i.incident_updates).filter((u) => u.affected_components === null)).toHaveLength(11);
    for (const r of raw) {
      const expected = new Set([...r.components.map((c) => c.id), ...r.incident_updates.flatMap((u) => (u.affected_components ?? []).map((a) => a.code))]);
      const got = outcome.incidents.find((i) => i.id === r.id)!;
      expect(new Set(got.componentIds), r.id).toEqual(expected);
    }
    expect(new Set(outcome.incidents.flatMap((i) => i.componentNames)).size).toBeGreaterThanOrEqual(5);
  });

  it('Cursor: an empty incidents list (real unresolved.json body, same shape)', async () => {
    const { outcome } = await history('cursor', jsonFixture(FIX.cursorUnresolved));
    expect(outcome).toEqual({ ok: true, incidents: [], requests: 1 });
  });

  it('failures are typed', async () => {
    expect((await history('cursor', { status: 500 })).outcome).toMatchObject({ ok: false, error: { kind: 'http' }, requests: 1 });
    expect((await history('cursor', html('<html></html>'))).outcome).toMatchObject({ ok: false, error: { kind: 'not-json' } });
    expect((await history('cursor', json('[]'))).outcome).toMatchObject({ ok: false, error: { kind: 'wrong-shape' } });
    expect((await history('cursor', json('{"incidents":'))).outcome).toMatchObject({ ok: false, error: { kind: 'bad-json' } });
  });
});
