import { describe, expect, it } from 'vitest';
import { nativeSummaryUrl } from '../../../lib/providers/status-request';
import {
  historyFromImpacts,
  impactOf,
  incidentIoNativeAdapter,
  parseNativeSummary,
  updateText,
} from '../../../lib/providers/incidentio-native';
import { ComponentImpactsSchema, componentImpactsUrl, readOfficialUptime } from '../../../lib/providers/incidentio-uptime';
import { ctx, fakeFetch, html, json, jsonFixture, loadJson } from '../helpers';
import { catalogDef, customDef, expectCleanIncident, expectCleanStatus } from './platform-defs';

const GROQ = 'incidentio/groq-proxy-summary-all-operational-stale-2025-maintenance.json';
const PERPLEXITY = 'incidentio/perplexity-proxy-summary-all-operational-2026-10-06.json';
const OPENAI = 'openai/incidentio-proxy-summary-2025-04-ongoing-degraded.json';
const OPENAI_IMPACTS = 'openai/incidentio-proxy-component-impacts-90d-2025-04.json';
const SYNTHETIC = 'incidentio/synthetic-incidentio-native-proxy-full-outage-maintenance.json';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const groq = catalogDef('groq');
const perplexity = catalogDef('perplexity');
const openaiNative = customDef('incidentio-native', 'https://status.openai.com');
const example = customDef('incidentio-native', 'https://status.example-ai.com');

async function status(def: typeof groq, fixture: string, now = NOW) {
  const fetch = fakeFetch({ [nativeSummaryUrl(def.pageUrl)]: jsonFixture(fixture) });
  const outcome = await def.adapter.fetchStatus(def, ctx(fetch, now));
  expect(fetch.unrouted).toEqual([]);
  expect(fetch.calls).toHaveLength(1);
  expect(fetch.calls[0]!.init?.credentials).toBe('omit');
  if (!outcome.ok || outcome.notModified) throw new Error(`expected a status, got ${JSON.stringify(outcome)}`);
  expect(outcome.requests).toBe(1);
  expectCleanStatus(outcome.status);
  return outcome.status;
}

describe('incident.io native: the endpoint', () => {
  it('is /proxy/<host> of the page', () => {
    expect(nativeSummaryUrl('https://groqstatus.com')).toBe('https://groqstatus.com/proxy/groqstatus.com');
    expect(groq.adapter).toBe(incidentIoNativeAdapter);
    expect(perplexity.adapter.platform).toBe('incidentio-native');
  });
});

describe('incident.io native: Groq capture (groups, stale scheduled maintenance)', () => {
  it('reads 20 components in page order with their groups and trimmed names', async () => {
    const s = await status(groq, GROQ);
    expect(s.providerId).toBe('groq');
    expect(s.level).toBe('operational');
    expect(s.components).toHaveLength(20);
    expect(s.components[0]).toEqual({ id: '01K053E2FAKWKEYHXEV7WAHJBM', name: 'API', group: null, rawStatus: 'operational', level: 'operational', description: '' });
    const groups = [...new Set(s.components.map((c) => c.group))];
    expect(groups).toEqual([null, 'Production', 'Production Systems', 'Preview Models']);
    expect(s.components.filter((c) => c.group === 'Production')).toHaveLength(7);
    expect(s.components.filter((c) => c.group === 'Production Systems').map((c) => c.name)).toEqual(['groq/compound', 'groq/compound-mini']);
    expect(s.components.at(-1)).toMatchObject({ name: 'Website', group: null });
    expect(s.components.every((c) => c.level === 'operational')).toBe(true);
    expect(s.incidents).toEqual([]);
  });

  it('drops the scheduled maintenance whose window (2025-11-03 00:00–03:00Z) is long past', async () => {
    const s = await status(groq, GROQ);
    expect(s.maintenances).toEqual([]);
  });

  it('shows the same maintenance before and during its window, as plain text', async () => {
    for (const now of [Date.parse('2025-10-30T00:00:00Z'), Date.parse('2025-11-03T01:00:00Z')]) {
      const s = await status(groq, GROQ, now);
      expect(s.maintenances).toHaveLength(1);
      const m = s.maintenances[0]!;
      expect(m).toMatchObject({
        id: '01K8BQGTR04CGHB0Y254CSPX90',
        title: 'Planned Maintenance: meta-llama/llama-4-maverick-17b-128e-instruct (me-central-1)',
        status: 'scheduled',
        scheduledFor: '2025-11-03T00:00:00.000Z',
        scheduledUntil: '2025-11-03T03:00:00.000Z',
        url: 'https://groqstatus.com/incidents/01K8BQGTR04CGHB0Y254CSPX90',
        componentIds: ['01K6Y7AE9BSWJ2SGHJT92HG53X'],
      });
      expect(m.latestUpdate).toContain('When: Monday, Nov 3, 2025');
      expect(m.latestUpdate).not.toContain('**');
      // A scheduled window does not by itself put the provider in maintenance.
      expect(s.level).toBe('operational');
    }
  });
});

describe('incident.io native: Perplexity capture (flat)', () => {
  it('reads four ungrouped operational components', async () => {
    const s = await status(perplexity, PERPLEXITY);
    expect(s.components.map((c) => [c.name, c.group, c.level])).toEqual([
      ['Website', null, 'operational'],
      ['App', null, 'operational'],
      ['Computer', null, 'operational'],
      ['API', null, 'operational'],
    ]);
    expect(s.level).toBe('operational');
    expect(s.maintenances).toEqual([]);
    expect(s.incidents).toEqual([]);
  });
});

describe('incident.io native: OpenAI capture (ongoing degraded incident)', () => {
  it('reads 37 components (three groups, then top-level ones), one degraded, and the provider degraded', async () => {
    const s = await status(openaiNative, OPENAI, Date.parse('2025-04-10T00:00:00Z'));
    expect(s.components).toHaveLength(37);
    expect([...new Set(s.components.map((c) => c.group))]).toEqual(['APIs', 'ChatGPT', 'Sora', null]);
    const degraded = s.components.filter((c) => c.level !== 'operational');
    expect(degraded).toEqual([
      { id: '01JMXCAX0QN2ZHVMS54EEN1HXB', name: 'Video generation', group: 'Sora', rawStatus: 'degraded_performance', level: 'degraded', description: '' },
    ]);
    expect(s.level).toBe('degraded');
  });

  it('reads the ongoing incident: phase, impact, start, latest update, on-host link', async () => {
    const s = await status(openaiNative, OPENAI, Date.parse('2025-04-10T00:00:00Z'));
    expect(s.incidents).toHaveLength(1);
    const i = s.incidents[0]!;
    expect(i).toMatchObject({
      id: '01JRB888M6TJVDDKGCA1YZ3ZHT',
      title: 'New users may experience temporary delays in video generation capabilities',
      status: 'monitoring',
      impact: 'minor',
      createdAt: '2025-04-08T17:48:00.517Z',
      startedAt: '2025-04-01T06:30:00.000Z',
      resolvedAt: null,
      url: 'https://status.openai.com/incidents/01JRB888M6TJVDDKGCA1YZ3ZHT',
      componentIds: ['01JMXCAX0QN2ZHVMS54EEN1HXB'],
      componentNames: ['Video generation'],
      phases: [{ status: 'monitoring', at: '2025-04-08T17:48:00.517Z' }],
    });
    expect(i.latestUpdate).toBe('New users may experience temporary delays in video generation capabilities. We are applying the mitigation and are monitoring the recovery.');
  });
});

describe('incident.io native: synthetic outage', () => {
  it('maps full_outage, partial_outage, under_maintenance and an unknown status; hidden components are skipped', async () => {
    const s = await status(example, SYNTHETIC);
    expect(s.components.map((c) => [c.name, c.group, c.rawStatus, c.level])).toEqual([
      ['API', 'Platform', 'full_outage', 'outage'],
      ['Billing', 'Platform', 'under_maintenance', 'maintenance'],
      ['Chat', null, 'partial_outage', 'degraded'],
      ['Images', 'Media', 'operational', 'operational'],
      ['Voice', 'Media', 'melting', 'unknown'],
    ]);
    expect(s.components.find((c) => c.name === 'Chat')!.description).toBe('The chat app');
    expect(s.level).toBe('outage');
  });

  it('reads the incident with a ProseMirror update as plain text, and keeps hostile text literal', async () => {
    const s = await status(example, SYNTHETIC);
    expect(s.incidents).toHaveLength(1);
    const i = s.incidents[0]!;
    expect(i).toMatchObject({ title: 'API unavailable', status: 'identified', impact: 'critical', startedAt: '2026-10-10T09:45:00.000Z', updatedAt: '2026-10-10T11:00:00.000Z' });
    expect(i.latestUpdate).toBe('We found the cause: a bad deploy.\n<script>alert(1)</script> stays text.');
    expect(i.componentNames).toEqual(['API', 'Chat']);
    expect(i.phases.map((p) => p.status)).toEqual(['investigating', 'identified']);
  });

  it('lists the running and the future maintenance, soonest first, and drops the stale one', async () => {
    const s = await status(example, SYNTHETIC);
    expect(s.maintenances.map((m) => [m.title, m.status, m.scheduledFor, m.scheduledUntil])).toEqual([
      ['Billing database upgrade', 'in_progress', '2026-10-10T11:30:00.000Z', '2026-10-10T13:30:00.000Z'],
      ['Images storage migration', 'scheduled', '2026-10-20T02:00:00.000Z', '2026-10-20T03:00:00.000Z'],
    ]);
    expect(s.maintenances[0]!.latestUpdate).toBe('The upgrade has started.');
  });

  it('is unknown, not operational, when the only problem is a status nobody documented', async () => {
    const body = loadJson<{ summary: { affected_components: unknown[]; ongoing_incidents: unknown[] } }>(SYNTHETIC);
    body.summary.affected_components = [{ component_id: '01KSYNTHCOMP000000000VOICE', status: 'melting' }];
    body.summary.ongoing_incidents = [];
    const fetch = fakeFetch({ [nativeSummaryUrl(example.pageUrl)]: json(body) });
    const outcome = await example.adapter.fetchStatus(example, ctx(fetch, NOW));
    if (!outcome.ok || outcome.notModified) throw new Error('expected a status');
    expect(outcome.status.level).toBe('unknown');
  });
});

describe('incident.io native: update text', () => {
  it('prefers message_string, then the ProseMirror document, then Markdown', () => {
    expect(updateText({ message_string: 'plain', message: { markdown: '**md**' } })).toBe('plain');
    expect(updateText({ message: { text_node: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'doc' }] }] }, markdown: '**md**' } })).toBe('doc');
    expect(updateText({ message: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'bare doc' }] }] } })).toBe('bare doc');
    expect(updateText({ message: 'text' })).toBe('text');
    expect(updateText({ message: [1, 2] })).toBe('');
    expect(updateText({})).toBe('');
  });

  it('ranks impacts', () => {
    expect(impactOf(['degraded_performance', 'full_outage', 'partial_outage'])).toBe('critical');
    expect(impactOf(['partial_outage', 'degraded_performance'])).toBe('major');
    expect(impactOf(['__proto__', 'constructor', null])).toBe('none');
  });
});

describe('incident.io native: failures', () => {
  const url = nativeSummaryUrl(groq.pageUrl);
  it.each([
    ['an HTML 404', html('<!doctype html><title>Not found</title>', { status: 404 }), 'http'],
    ['an HTML page with 200', html('<!doctype html><p>hi</p>'), 'not-json'],
    ['a 503', { status: 503, headers: { 'retry-after': '30' } }, 'http'],
    ['truncated JSON', json('{"summary":{"components":['), 'bad-json'],
    ['JSON of another shape', json({ page: { id: 'x' }, status: { indicator: 'none' } }), 'wrong-shape'],
    ['a summary without components or structure', json({ summary: { name: 'x', components: [] } }), 'wrong-shape'],
  ])('%s is a typed failure', async (_name, reply, kind) => {
    const outcome = await groq.adapter.fetchStatus(groq, ctx(fakeFetch({ [url]: reply }), NOW));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.kind).toBe(kind);
    expect(outcome.requests).toBe(1);
  });

  it('revalidates with the ETag it was given', async () => {
    const fetch = fakeFetch({ [url]: { status: 304, headers: { etag: '"v1"' } } });
    const outcome = await groq.adapter.fetchStatus(groq, ctx(fetch, NOW, { etag: '"v1"' }));
    expect(fetch.calls[0]!.headers['if-none-match']).toBe('"v1"');
    expect(outcome).toMatchObject({ ok: true, notModified: true, requests: 1 });
  });

  it('parseNativeSummary refuses non-objects', () => {
    for (const v of [null, 1, 'x', [], {}, { summary: null }, { summary: [] }]) expect(parseNativeSummary(v)).toBeNull();
  });
});

describe('incident.io native: history from component_impacts', () => {
  const now = Date.parse('2025-04-10T00:00:00Z');
  it('reads the 72 resolved incidents of the capture (the open one stays with the status)', async () => {
    const fetch = fakeFetch({ [componentImpactsUrl(openaiNative.pageUrl, now)]: jsonFixture(OPENAI_IMPACTS) });
    const outcome = await openaiNative.adapter.fetchHistory(openaiNative, ctx(fetch, now));
    expect(fetch.unrouted).toEqual([]);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.requests).toBe(1);
    expect(outcome.incidents).toHaveLength(72);
    expect(outcome.incidents.every((i) => i.resolvedAt !== null && i.status === 'resolved')).toBe(true);
    expect(outcome.incidents.some((i) => i.id === '01JRB888M6TJVDDKGCA1YZ3ZHT')).toBe(false);
    const newest = outcome.incidents[0]!;
    expect(newest).toMatchObject({
      id: '01JRDXYAM1WF8CE9FW17T9N2M9',
      title: 'Increased error rates in Moderation API and DALL·E API',
      impact: 'minor',
      startedAt: '2025-04-09T18:45:32.416Z',
      resolvedAt: '2025-04-09T19:34:01.506Z',
      url: 'https://status.openai.com/incidents/01JRDXYAM1WF8CE9FW17T9N2M9',
    });
    for (const i of outcome.incidents) expectCleanIncident(i, openaiNative.pageUrl);
    const sorted = [...outcome.incidents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    expect(outcome.incidents.map((i) => i.id)).toEqual(sorted.map((i) => i.id));
  });

  it('skips maintenance-only groups, impacts without an incident and impacts ending after now', () => {
    const data = ComponentImpactsSchema.parse({
      incident_links: [{ id: 'a', name: 'A' }],
      component_impacts: [
        { component_id: 'c1', status: 'full_outage', start_at: '2025-04-01T00:00:00Z', end_at: '2025-04-01T01:00:00Z', status_page_incident_id: 'a' },
        { component_id: 'c2', status: 'under_maintenance', start_at: '2025-04-02T00:00:00Z', end_at: '2025-04-02T01:00:00Z', status_page_incident_id: 'm' },
        { component_id: 'c3', status: 'partial_outage', start_at: '2025-04-03T00:00:00Z', end_at: '2025-04-03T01:00:00Z' },
        { component_id: 'c4', status: 'partial_outage', start_at: '2025-04-09T00:00:00Z', end_at: '2025-04-11T01:00:00Z', status_page_incident_id: 'future' },
      ],
    });
    const list = historyFromImpacts(data, openaiNative, now);
    expect(list.map((i) => [i.id, i.title, i.impact])).toEqual([['a', 'A', 'critical']]);
  });

  it('fails soft on a wrong shape', async () => {
    const fetch = fakeFetch({ [componentImpactsUrl(groq.pageUrl, NOW)]: json({ summary: {} }) });
    const outcome = await groq.adapter.fetchHistory(groq, ctx(fetch, NOW));
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'wrong-shape' }, requests: 1 });
  });

  it('reads official uptime the incident.io way', () => {
    expect(incidentIoNativeAdapter.fetchUptime).toBe(readOfficialUptime);
  });
});
