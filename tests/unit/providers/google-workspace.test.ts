import { describe, expect, it } from 'vitest';
import { googleIncidentsUrl } from '../../../lib/providers/status-request';
import {
  concerns,
  googleLevel,
  googleText,
  googleWorkspaceAdapter,
  parseGoogleIncidents,
  productComponentId,
} from '../../../lib/providers/google-workspace';
import type { ProviderDefinition } from '../../../lib/providers/types';
import { ctx, fakeFetch, html, json, jsonFixture, loadJson } from '../helpers';
import { catalogDef, expectCleanIncident, expectCleanStatus } from './platform-defs';

const CAPTURE = 'google/workspace-appsstatus-incidents-3-REDUCED-2026-09-15.json';
const SYNTHETIC = 'google/synthetic-workspace-incidents-gemini-open-outage.json';
const gemini = catalogDef('gemini');
const URL = 'https://www.google.com/appsstatus/dashboard/incidents.json';
const NOW = Date.parse('2026-10-10T12:00:00Z');

async function status(def: ProviderDefinition, body: string | object) {
  const fetch = fakeFetch({ [URL]: typeof body === 'string' ? jsonFixture(body) : json(body) });
  const outcome = await def.adapter.fetchStatus(def, ctx(fetch, NOW));
  expect(fetch.unrouted).toEqual([]);
  expect(fetch.calls).toHaveLength(1);
  if (!outcome.ok || outcome.notModified) throw new Error(`expected a status, got ${JSON.stringify(outcome)}`);
  expect(outcome.requests).toBe(1);
  expectCleanStatus(outcome.status);
  return outcome.status;
}

async function history(def: ProviderDefinition, body: string | object) {
  const outcome = await def.adapter.fetchHistory(def, ctx(fakeFetch({ [URL]: typeof body === 'string' ? jsonFixture(body) : json(body) }), NOW));
  if (!outcome.ok) throw new Error(outcome.error.message);
  for (const i of outcome.incidents) expectCleanIncident(i, def.pageUrl);
  return outcome.incidents;
}

describe('Google Workspace: the catalog entry', () => {
  it('reads the dashboard incidents.json for the Gemini product', () => {
    expect(googleIncidentsUrl(gemini.pageUrl)).toBe(URL);
    expect(gemini.product).toBe('Gemini');
    expect(gemini.adapter).toBe(googleWorkspaceAdapter);
    expect(productComponentId('Gemini')).toBe('gemini');
    expect(productComponentId('Google Chat')).toBe('google-chat');
    expect(productComponentId('💥')).toBe('product');
  });

  it('maps the dashboard states, anything else unknown', () => {
    expect(['AVAILABLE', 'SERVICE_INFORMATION', 'SERVICE_DISRUPTION', 'SERVICE_OUTAGE', 'service_outage', 'SERVICE_MELTDOWN', '__proto__'].map(googleLevel)).toEqual([
      'operational',
      'degraded',
      'degraded',
      'outage',
      'outage',
      'unknown',
      'unknown',
    ]);
  });
});

describe('Google Workspace: the real capture (3 resolved incidents, 2 of them Gemini)', () => {
  it('is operational with one Gemini component and no open incident', async () => {
    const s = await status(gemini, CAPTURE);
    expect(s.level).toBe('operational');
    expect(s.components).toEqual([{ id: 'gemini', name: 'Gemini', group: null, rawStatus: 'AVAILABLE', level: 'operational', description: '' }]);
    expect(s.incidents).toEqual([]);
    expect(s.maintenances).toEqual([]);
    expect(s.sourceUpdatedAt).toBe('2026-09-11T20:45:42.000Z');
  });

  it('history keeps only Gemini’s incidents, resolved at their end, titled from their first text', async () => {
    const list = await history(gemini, CAPTURE);
    expect(list.map((i) => [i.id, i.status, i.startedAt, i.resolvedAt, i.url])).toEqual([
      ['fJ4691Pe2g9KsTbP8g5F', 'resolved', '2026-09-11T13:00:00.000Z', '2026-09-11T20:22:00.000Z', 'https://www.google.com/appsstatus/dashboard/incidents/fJ4691Pe2g9KsTbP8g5F'],
      ['6GdahVtGTryxTdh56iLP', 'resolved', '2025-09-29T17:53:00.000Z', '2025-09-29T18:42:00.000Z', 'https://www.google.com/appsstatus/dashboard/incidents/6GdahVtGTryxTdh56iLP'],
    ]);
    expect(list[0]!.title).toBe('Mitigated intermittent elevated error rates with Gemini 3.1 Pro models on Gemini Web and Gemini App.');
    expect(list[1]!.title).toBe("We're investigating reports of an issue with Gemini. We will provide more information shortly.");
    expect(list.every((i) => i.componentIds[0] === 'gemini' && i.componentNames[0] === 'Gemini')).toBe(true);
    expect(list[1]!.phases.map((p) => p.status)).toEqual(['service_information', 'service_information', 'service_information', 'resolved', 'resolved']);
  });

  it('unescapes the dashboard’s Markdown (INTERNAL\\_ERROR, 2026\\.) into plain text', async () => {
    const body = loadJson<{ most_recent_update: { text: string }; updates: { text: string }[]; service_name: string }[]>(CAPTURE);
    const escaped = body.flatMap((i) => i.updates.map((u) => u.text)).find((t) => t.includes('INTERNAL\\_ERROR'))!;
    expect(escaped).toBeDefined();
    const text = googleText(escaped);
    expect(text).toContain('"INTERNAL_ERROR"');
    expect(text).not.toMatch(/\\_|\*\*/);
    const chat = body.find((i) => i.service_name === 'Google Chat')!;
    const dotted = chat.updates.map((u) => u.text).find((t) => t.includes('2026\\.'))!;
    expect(googleText(dotted)).toContain('28 August 2026. This issue');
  });

  it('follows the product named by its key too (a page added by URL)', async () => {
    const byKey: ProviderDefinition = { ...gemini, id: 'custom:www.google.com', product: 'npdyhgECDJ6tB66MxXyo' };
    const list = await history(byKey, CAPTURE);
    expect(list).toHaveLength(2);
    const s = await status(byKey, CAPTURE);
    expect(s.components[0]).toMatchObject({ name: 'Gemini', id: productComponentId('npdyhgECDJ6tB66MxXyo') });
  });
});

describe('Google Workspace: synthetic open outage', () => {
  it('is an outage from the latest update, ignoring other products’ incidents', async () => {
    const s = await status(gemini, SYNTHETIC);
    expect(s.level).toBe('outage');
    expect(s.components[0]).toMatchObject({ rawStatus: 'SERVICE_OUTAGE', level: 'outage' });
    expect(s.incidents).toHaveLength(1);
    const i = s.incidents[0]!;
    expect(i).toMatchObject({
      id: 'synthGeminiOpen000001',
      status: 'service_outage',
      impact: 'major',
      resolvedAt: null,
      createdAt: '2026-10-10T09:30:00.000Z',
      updatedAt: '2026-10-10T11:05:00.000Z',
      url: 'https://www.google.com/appsstatus/dashboard/incidents/synthGeminiOpen000001',
    });
    expect(i.title).toBe('Gemini requests fail with "INTERNAL_ERROR" for some users.');
    expect(i.latestUpdate).toContain('Gemini is unavailable for most users.');
    expect(i.latestUpdate).not.toContain('https://support.google.com');
    expect(i.latestUpdate).not.toMatch(/\*\*|##|\\\./);
  });

  it('a Google Chat service sees only its own disruption', async () => {
    const chat: ProviderDefinition = { ...gemini, id: 'custom:chat', name: 'Google Chat', product: 'Google Chat' };
    const s = await status(chat, SYNTHETIC);
    expect(s.level).toBe('degraded');
    expect(s.incidents.map((i) => i.id)).toEqual(['synthChatOpen00000001']);
  });

  it('an open incident in a state nobody documented makes the product unknown, never green', async () => {
    const body = loadJson<{ most_recent_update: { status: string } }[]>(SYNTHETIC);
    body[0]!.most_recent_update.status = 'SERVICE_MELTDOWN';
    const s = await status(gemini, body);
    expect(s.level).toBe('unknown');
    expect(s.components[0]!.rawStatus).toBe('SERVICE_MELTDOWN');
  });

  it('an incident whose latest update says AVAILABLE but has no end is operational', async () => {
    const body = loadJson<{ most_recent_update: { status: string } }[]>(SYNTHETIC);
    body[0]!.most_recent_update.status = 'AVAILABLE';
    expect((await status(gemini, body)).level).toBe('operational');
  });
});

describe('Google Workspace: matching and failures', () => {
  it('matches service_name, service_key and affected products, trimmed and case-insensitive', () => {
    const base = { id: 'x', most_recent_update: null, affected_products: [], updates: [] };
    expect(concerns({ ...base, service_name: ' gemini ' }, 'Gemini')).toBe(true);
    expect(concerns({ ...base, service_key: 'ABC' }, 'abc')).toBe(true);
    expect(concerns({ ...base, affected_products: [{ title: 'Gemini', id: 'k' }] }, 'Gemini')).toBe(true);
    expect(concerns({ ...base, service_name: 'Gemini for Workspace' }, 'Gemini')).toBe(false);
    expect(concerns({ ...base, service_name: 'Gemini' }, '  ')).toBe(false);
  });

  it.each([
    ['an HTML page', html('<!doctype html><title>Google</title>'), 'not-json'],
    ['a 503', { status: 503 }, 'http'],
    ['an object instead of a list', json({ incidents: [] }), 'wrong-shape'],
    ['truncated JSON', json('[{"id":"x"'), 'bad-json'],
  ])('%s is a typed failure', async (_name, reply, kind) => {
    const outcome = await gemini.adapter.fetchStatus(gemini, ctx(fakeFetch({ [URL]: reply }), NOW));
    expect(outcome).toMatchObject({ ok: false, error: { kind }, requests: 1 });
  });

  it('an empty list is operational; malformed incidents are dropped', async () => {
    expect((await status(gemini, [])).level).toBe('operational');
    expect(parseGoogleIncidents([null, 1, { id: 'x', service_name: 'Gemini', affected_products: 'no' }, { id: 'y' }])?.map((i) => i.id)).toEqual(['x', 'y']);
    expect(parseGoogleIncidents({})).toBeNull();
  });
});
