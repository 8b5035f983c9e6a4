import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  activeKeyOf,
  HISTORY_MAX_AGE_MS,
  incidentsToStore,
  MAX_STORED_INCIDENTS,
  pruneIncidents,
  refreshHistory,
  refreshOfficialUptime,
  RETRY_AFTER_FAILURE_MS,
  shouldRefreshHistory,
  type HistoryDeps,
} from '../../../lib/background/history';
import { componentImpactsUrl } from '../../../lib/providers/incidentio-uptime';
import { incidentsCoverStart } from '../../../lib/uptime';
import { load, save, type HistoryEntry } from '../../../lib/storage';
import type { Incident } from '../../../lib/model';
import { def, fakeFetch, html, incidentsUrl, json, jsonFixture, loadFixture, makeStatus } from '../helpers';

const MIN = 60_000;
const NOW = Date.parse('2026-09-15T12:22:10Z');

function incident(id: string, resolvedAt: string | null, startedAt = '2026-09-15T10:00:00.000Z'): Incident {
  return {
    id,
    title: id,
    status: resolvedAt ? 'resolved' : 'investigating',
    impact: 'minor',
    createdAt: startedAt,
    startedAt,
    resolvedAt,
    updatedAt: startedAt,
    url: 'https://status.claude.com/incidents/x',
    latestUpdate: '',
    componentIds: [],
    componentNames: [],
    phases: [],
  };
}

describe('activeKeyOf', () => {
  it('is the sorted ids of the unresolved incidents', () => {
    const status = makeStatus('anthropic', 'degraded', {
      incidents: [incident('zz', null), incident('done', '2026-09-15T11:00:00.000Z'), incident('aa', null)],
    });
    expect(activeKeyOf(status)).toBe('aa,zz');
    expect(activeKeyOf(makeStatus('anthropic'))).toBe('');
  });
});

describe('shouldRefreshHistory', () => {
  const entry: HistoryEntry = { incidents: [], fetchedAt: NOW, activeKey: 'a' };
  it('at most every 10 minutes, or at once when the active set changed', () => {
    expect(shouldRefreshHistory(undefined, '', NOW)).toBe(true);
    expect(shouldRefreshHistory(entry, 'a', NOW + 9 * MIN)).toBe(false);
    expect(shouldRefreshHistory(entry, 'a', NOW + HISTORY_MAX_AGE_MS)).toBe(true);
    expect(shouldRefreshHistory(entry, 'a,b', NOW + MIN)).toBe(true);
    expect(shouldRefreshHistory(entry, '', NOW + MIN)).toBe(true);
    expect(shouldRefreshHistory(entry, 'a', NOW - MIN)).toBe(true); // clock went back
  });
});

describe('pruneIncidents', () => {
  it('drops incidents that ended more than 90 days ago, keeps open ones', () => {
    const now = Date.parse('2026-12-31T00:00:00Z');
    const list = [
      incident('old', '2026-09-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z'),
      incident('recent', '2026-10-15T00:00:00.000Z', '2026-10-15T00:00:00.000Z'),
      incident('open-old', null, '2026-06-01T00:00:00.000Z'),
    ];
    expect(pruneIncidents(list, now).map((i) => i.id)).toEqual(['recent', 'open-old']);
  });
});

describe('refreshHistory', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const anthropicUrl = incidentsUrl('anthropic');
  const cursorUrl = incidentsUrl('cursor');

  function setup(now: { value: number }, routes = { [anthropicUrl]: jsonFixture('anthropic/incidents-50-resolved-incl-critical-2026-09-15.json') }) {
    const fetch = fakeFetch(routes);
    const deps: HistoryDeps = { providers: [def('anthropic'), def('cursor')], fetch, now: () => now.value, failures: new Map() };
    return { fetch, deps };
  }

  it('reads incidents.json for providers that succeeded, then not again within 10 minutes', async () => {
    const clock = { value: NOW };
    const { fetch, deps } = setup(clock);
    const snapshots = { anthropic: makeStatus('anthropic'), cursor: makeStatus('cursor') };
    await refreshHistory(deps, snapshots, ['anthropic']);
    expect(fetch.count(anthropicUrl)).toBe(1);
    expect(fetch.count(cursorUrl)).toBe(0); // cursor's status fetch did not succeed
    const stored = await load('history');
    expect(stored.anthropic?.incidents).toHaveLength(50);
    expect(stored.anthropic).toMatchObject({ fetchedAt: NOW, activeKey: '' });
    expect(stored.cursor).toBeUndefined();

    clock.value = NOW + 9 * MIN;
    await refreshHistory(deps, snapshots, ['anthropic']);
    expect(fetch.count(anthropicUrl)).toBe(1);

    clock.value = NOW + 10 * MIN;
    await refreshHistory(deps, snapshots, ['anthropic']);
    expect(fetch.count(anthropicUrl)).toBe(2);
    expect((await load('history')).anthropic?.fetchedAt).toBe(NOW + 10 * MIN);
  });

  it('re-reads at once when the set of active incidents changes', async () => {
    const clock = { value: NOW };
    const { fetch, deps } = setup(clock);
    await refreshHistory(deps, { anthropic: makeStatus('anthropic') }, ['anthropic']);
    clock.value = NOW + MIN;
    const active = makeStatus('anthropic', 'degraded', { incidents: [incident('new1', null)] });
    await refreshHistory(deps, { anthropic: active }, ['anthropic']);
    expect(fetch.count(anthropicUrl)).toBe(2);
    expect((await load('history')).anthropic?.activeKey).toBe('new1');
  });

  it('stores the list as read, before any pruning: its coverage is decided on the whole list', async () => {
    const later = Date.parse('2026-11-01T00:00:00Z'); // 15 of the 50 ended before the 90-day cut-off
    const { deps } = setup({ value: later });
    await refreshHistory(deps, { anthropic: makeStatus('anthropic') }, ['anthropic']);
    const kept = (await load('history')).anthropic?.incidents ?? [];
    expect(kept).toHaveLength(50);
    // Pruned first, the 35 left would read as a complete list (fewer than 50) covering every window.
    expect(pruneIncidents(kept, later)).toHaveLength(35);
    expect(incidentsCoverStart(kept, later, 50)).toBe(Date.parse('2026-07-22T17:27:36.516Z'));
    expect(incidentsCoverStart(pruneIncidents(kept, later), later, 50)).toBeNull();
  });

  it('bounds a list longer than any platform returns to its newest', () => {
    const many = Array.from({ length: MAX_STORED_INCIDENTS + 5 }, (_, i) => incident(`i${i}`, null, new Date(NOW - i * 60_000).toISOString()));
    const kept = incidentsToStore(many);
    expect(kept).toHaveLength(MAX_STORED_INCIDENTS);
    expect(kept[0]!.id).toBe('i0');
  });

  it('keeps the stored entry when the read fails, and waits before asking again', async () => {
    const old: HistoryEntry = { incidents: [incident('kept', '2026-09-15T11:00:00.000Z')], fetchedAt: NOW - 60 * MIN, activeKey: '' };
    await save('history', { anthropic: old });
    const clock = { value: NOW };
    const { fetch, deps } = setup(clock, { [anthropicUrl]: json({ error: 'busy' }, { status: 503 }) });
    await refreshHistory(deps, { anthropic: makeStatus('anthropic') }, ['anthropic']);
    expect(fetch.count(anthropicUrl)).toBe(1);
    expect((await load('history')).anthropic).toEqual(old);

    clock.value = NOW + MIN;
    await refreshHistory(deps, { anthropic: makeStatus('anthropic') }, ['anthropic']);
    expect(fetch.count(anthropicUrl)).toBe(1);

    clock.value = NOW + RETRY_AFTER_FAILURE_MS;
    fetch.routes.set(anthropicUrl, jsonFixture('anthropic/incidents-50-resolved-incl-critical-2026-09-15.json'));
    await refreshHistory(deps, { anthropic: makeStatus('anthropic') }, ['anthropic']);
    expect(fetch.count(anthropicUrl)).toBe(2);
    expect((await load('history')).anthropic?.incidents).toHaveLength(50);
  });

  it('an HTML answer (bot check) keeps the entry too', async () => {
    const old: HistoryEntry = { incidents: [], fetchedAt: NOW - 60 * MIN, activeKey: '' };
    await save('history', { anthropic: old });
    const { deps } = setup({ value: NOW }, {});
    await refreshHistory(deps, { anthropic: makeStatus('anthropic') }, ['anthropic']);
    expect((await load('history')).anthropic).toEqual(old);
  });
});

describe('refreshOfficialUptime', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const now = Date.parse('2025-04-10T00:00:00Z');

  it('reads official figures hourly (incident.io: component_impacts; Statuspage: the page HTML), and fails soft', async () => {
    const clock = { value: now };
    const url = () => componentImpactsUrl('https://status.openai.com', clock.value);
    const fetch = fakeFetch({
      [url()]: jsonFixture('openai/incidentio-proxy-component-impacts-90d-2025-04.json'),
      'https://status.claude.com/': html(loadFixture('statuspage-html/page-5b4dcn321xtp-2021.html')),
    });
    const deps: HistoryDeps = { providers: [def('openai'), def('anthropic'), def('cursor')], fetch, now: () => clock.value, failures: new Map() };

    await refreshOfficialUptime(deps, ['openai', 'anthropic']);
    expect(fetch.calls.map((c) => c.url).sort()).toEqual(['https://status.claude.com/', url()]);
    const stored = await load('officialUptime');
    expect(stored.openai?.uptime.source).toBe('official');
    expect(stored.openai?.uptime.percent90d).toBe(99.91);
    expect(Object.keys(stored.openai?.components ?? {})).toHaveLength(37);
    expect(stored.openai?.fetchedAt).toBe(now);
    expect(stored.anthropic?.components.xw9ff7ygkmwb?.percent90d).toBe(99.92);
    expect(stored.cursor).toBeUndefined(); // its status fetch did not succeed in this poll

    clock.value = now + 59 * MIN;
    await refreshOfficialUptime(deps, ['openai', 'anthropic']);
    expect(fetch.calls).toHaveLength(2);

    // an hour later the endpoints fail: the stored figures stay
    clock.value = now + 60 * MIN;
    fetch.routes.clear();
    await refreshOfficialUptime(deps, ['openai', 'anthropic']);
    expect(fetch.calls).toHaveLength(4);
    expect(fetch.unrouted).toHaveLength(2);
    const after = await load('officialUptime');
    expect(after.openai?.fetchedAt).toBe(now);
    expect(after.anthropic?.fetchedAt).toBe(now);
  });

  it('re-reads a Statuspage page conditionally: a 304 keeps the figures and marks them read now', async () => {
    const clock = { value: now };
    const page = 'https://status.claude.com/';
    const fetch = fakeFetch({ [page]: html(loadFixture('statuspage-html/page-5b4dcn321xtp-2021.html'), { headers: { etag: 'W/"p1"' } }) });
    const deps: HistoryDeps = { providers: [def('anthropic')], fetch, now: () => clock.value, failures: new Map() };
    await refreshOfficialUptime(deps, ['anthropic']);
    const first = (await load('officialUptime')).anthropic!;
    expect(first.uptime.etag).toBe('W/"p1"');
    expect(fetch.calls[0]!.headers['if-none-match']).toBeUndefined();

    clock.value = now + 61 * MIN;
    fetch.routes.set(page, { status: 304, headers: { etag: 'W/"p1"' } });
    await refreshOfficialUptime(deps, ['anthropic']);
    expect(fetch.calls[1]!.headers['if-none-match']).toBe('W/"p1"');
    const second = (await load('officialUptime')).anthropic!;
    expect(second.fetchedAt).toBe(now + 61 * MIN);
    expect(second.uptime).toEqual(first.uptime);
    expect(second.components).toEqual(first.components);
  });

  it('a 304 without an ETag sent is a failure, not "unchanged"', async () => {
    const fetch = fakeFetch({ 'https://status.claude.com/': { status: 304 } });
    const failures = new Map<string, number>();
    await refreshOfficialUptime({ providers: [def('anthropic')], fetch, now: () => now, failures }, ['anthropic']);
    expect(await load('officialUptime')).toEqual({});
    expect(failures.get('uptime:anthropic')).toBe(now);
  });

  it('skips providers whose status fetch failed in this poll', async () => {
    const fetch = fakeFetch({});
    await refreshOfficialUptime({ providers: [def('openai'), def('anthropic')], fetch, now: () => now, failures: new Map() }, []);
    expect(fetch.calls).toHaveLength(0);
  });
});
