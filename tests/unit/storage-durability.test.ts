/**
 * Storage durability: every stored version has a saved example in tests/fixtures/storage/ (raw
 * `storage.local` contents, see its README). Each is loaded into the fake browser's storage, then a
 * worker start is simulated — fresh modules, so WXT runs its migrations at load as in the real
 * worker — and the data is read back through the real items (lib/storage.ts) and readers
 * (lib/background/stored.ts, observed.ts). Nothing may be lost; corrupt values fall back to
 * defaults without throwing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PROVIDER_IDS as PROVIDER_IDS } from '../../lib/providers/catalog';
import { IncidentSchema, ServiceStatusSchema, UptimeSchema, type ProviderId } from '../../lib/model';
import { DEFAULT_SETTINGS, INTERVALS, type Settings } from '../../lib/settings';
import { migrateNotifyStateV1 } from '../../lib/records';
import type { History, Observed, OfficialUptime, Snapshots } from '../../lib/storage';
import { decideNotifications } from '../../lib/background/notify';
import { PROVIDERS } from '../../lib/providers/registry';
import { FIX, fakeFetch, fixturePath, incidentsUrl, json, loadJson, makeStatus, summaryUrl, translator } from './helpers';

type Raw = Record<string, unknown>;

/** A saved example: the raw contents of storage.local. */
function saved<T extends Raw = Raw>(name: string): T {
  return JSON.parse(readFileSync(resolve(fixturePath('storage'), name), 'utf8')) as T;
}

/** Seeds storage.local with `raw`, then loads the storage modules afresh (WXT migrates at load). */
async function startWorkerOn(raw: Raw) {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(structuredClone(raw));
  vi.resetModules();
  const storage = await import('../../lib/storage');
  const records = await import('../../lib/records');
  // A fresh module has no records added: as every script's start does.
  storage.useStorage({ records: records.RECORDS });
  const stored = await import('../../lib/background/stored');
  const observed = await import('../../lib/background/observed');
  // Let the migrations and the settings item's first-run init settle.
  await storage.load('settings');
  const warn = (m: string) => console.warn(`[ai-status] ${m}`);
  return {
    ...storage,
    ...stored,
    sanitizeObserved: (raw: unknown) => records.readObserved(raw, warn),
    updateObserved: (views: Parameters<typeof observed.updateObserved>[0], now: number) => observed.updateObserved(views, now, 60_000),
  };
}

async function rawLocal(): Promise<Raw> {
  return fakeBrowser.storage.local.get(null);
}

const ALL_ON = { openai: true, anthropic: true, cursor: true };
const ALL_OFF = { openai: false, anthropic: false, cursor: false };
const NONE_STARRED = { openai: [], anthropic: [], cursor: [] };

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('the saved examples are real, non-trivial data', () => {
  it('cover every stored key of the current code, with content worth losing', () => {
    const snapshots = saved<{ snapshots: Snapshots }>('snapshots-v1.json').snapshots;
    expect(Object.keys(snapshots).sort()).toEqual(['anthropic', 'cursor', 'openai']);
    expect(snapshots.openai!.incidents.length).toBe(2);
    expect(snapshots.anthropic!.components.length).toBeGreaterThan(3);
    expect(snapshots.cursor!.via).toBe('html');
    expect(snapshots.cursor!.uptime?.days).toHaveLength(90);
    const history = saved<{ history: History }>('history-v1.json').history;
    expect(history.anthropic!.incidents.length).toBe(6);
    expect(Object.keys(saved<{ officialUptime: OfficialUptime }>('officialUptime-v1.json').officialUptime.openai!.components)).toHaveLength(2);
    expect(saved<{ observed: Observed }>('observed-v1.json').observed.providers.cursor).toHaveLength(3);
    // The capture from the built extension holds every local key the worker writes.
    expect(Object.keys(saved('captured-chrome-install-2026-11-26.json')).sort()).toEqual(
      ['history', 'notifyState', 'observed', 'officialUptime', 'settings', 'settings$', 'snapshots'].sort(),
    );
  });
});

describe('settings', () => {
  it('v1 {intervalSec, notify} without a version mark → v3, both fields carried over, marked v3', async () => {
    const s = await startWorkerOn(saved('settings-v1.json')); // { intervalSec: 300, notify: false }
    const expected: Settings = {
      intervalSec: 300,
      services: ['openai', 'anthropic', 'cursor'],
      custom: [],
      notifications: { enabled: false, minLevel: 'outage', providers: ALL_ON, whenBack: ALL_OFF },
      starred: NONE_STARRED,
    };
    expect(await s.load('settings')).toEqual(expected);
    expect(await s.readSettings()).toEqual(expected);
    const raw = await rawLocal();
    expect(raw.settings).toEqual(expected);
    expect(raw.settings$).toEqual({ v: 3 });
  });

  it.each(INTERVALS.flatMap((intervalSec) => [true, false].map((notify) => ({ intervalSec, notify }))))(
    'v1 %j keeps its interval and switch exactly',
    async (v1) => {
      const s = await startWorkerOn({ settings: v1 });
      const read = await s.readSettings();
      expect(read.intervalSec).toBe(v1.intervalSec);
      expect(read.notifications.enabled).toBe(v1.notify);
    },
  );

  it('v1 with an interval no longer offered → the nearest offered one; without "notify" → notifications on', async () => {
    const s = await startWorkerOn({ settings: { intervalSec: 120 } });
    expect(await s.readSettings()).toEqual({ ...DEFAULT_SETTINGS, intervalSec: 60 });
  });

  it('v2 with its settings$ mark → v3: every choice kept, the three providers become the service list', async () => {
    const file = saved<{ settings: Settings }>('settings-v2.json');
    const s = await startWorkerOn(file);
    const expected = { ...file.settings, services: ['openai', 'anthropic', 'cursor'], custom: [] };
    expect(await s.load('settings')).toEqual(expected);
    expect(await s.readSettings()).toEqual(expected);
    expect(await rawLocal()).toEqual({ settings: expected, settings$: { v: 3 } });
  });

  it('a v2-shaped value that lost its mark is kept, not reset to defaults', async () => {
    const { settings } = saved<{ settings: Settings }>('settings-v2.json');
    const s = await startWorkerOn({ settings });
    expect(await s.readSettings()).toEqual({ ...settings, services: ['openai', 'anthropic', 'cursor'], custom: [] });
  });

  it('v3 with its settings$ mark (services, a page added by URL) is read unchanged and not rewritten', async () => {
    const file = saved<{ settings: Settings }>('settings-v3.json');
    const s = await startWorkerOn(file);
    expect(await s.load('settings')).toEqual(file.settings);
    expect(await s.readSettings()).toEqual(file.settings);
    expect(await rawLocal()).toEqual(file);
  });
});

describe('snapshots v1', () => {
  it.each([
    ['without a version mark (as the worker writes it)', false],
    ['with snapshots$ {v:1}', true],
  ])('%s: read back whole through readSnapshots (zod re-validation), every field', async (_name, withMark) => {
    const file = saved<{ snapshots: Snapshots }>('snapshots-v1.json');
    const s = await startWorkerOn(withMark ? { ...file, snapshots$: { v: 1 } } : file);
    expect(await s.readSnapshots()).toEqual(file.snapshots);
    expect(await s.load('snapshots')).toEqual(file.snapshots);
    for (const id of PROVIDER_IDS) expect(ServiceStatusSchema.parse(file.snapshots[id])).toEqual(file.snapshots[id]);
    expect(console.warn).not.toHaveBeenCalled();
  });
});

describe('history, official uptime, observed, notification state (v1)', () => {
  it('history v1: every entry and incident read back, and still valid under the current schema', async () => {
    const file = saved<{ history: History }>('history-v1.json');
    const s = await startWorkerOn(file);
    expect(await s.load('history')).toEqual(file.history);
    for (const entry of Object.values(file.history)) {
      expect(typeof entry!.fetchedAt).toBe('number');
      expect(typeof entry!.activeKey).toBe('string');
      for (const incident of entry!.incidents) expect(IncidentSchema.parse(incident)).toEqual(incident);
    }
  });

  it('official uptime v1: figures, per-component figures and day bars read back, valid under the current schema', async () => {
    const file = saved<{ officialUptime: OfficialUptime }>('officialUptime-v1.json');
    const s = await startWorkerOn(file);
    expect(await s.load('officialUptime')).toEqual(file.officialUptime);
    const entry = file.officialUptime.openai!;
    expect(UptimeSchema.parse(entry.uptime)).toEqual(entry.uptime);
    for (const u of Object.values(entry.components)) expect(UptimeSchema.parse(u)).toEqual(u);
  });

  it('observed v1: read back, and the re-validation the worker applies (sanitizeObserved) keeps every transition', async () => {
    const file = saved<{ observed: Observed }>('observed-v1.json');
    const s = await startWorkerOn(file);
    const value = await s.load('observed');
    expect(value).toEqual(file.observed);
    expect(s.sanitizeObserved(value)).toEqual(file.observed);
  });

  it('notification state v1 (old entries without problemNotified/session, and new ones) → v2, every entry kept', async () => {
    const file = saved<{ notifyState: Raw }>('notifyState-v1.json');
    const s = await startWorkerOn(file);
    const expected = migrateNotifyStateV1(file.notifyState);
    expect(Object.keys(expected).sort()).toEqual(Object.keys(file.notifyState).sort());
    expect(expected.anthropic).toMatchObject({ notifiedLevel: 'degraded', pending: 'outage', lastNotifiedAt: 1791630000000, announced: 'degraded', session: 1791590400000 });
    expect(await s.load('notifyState')).toEqual(expected);
    expect(await s.readNotifyState()).toEqual(expected);
    expect((await rawLocal()).notifyState$).toEqual({ v: 2 });
  });

  it('notification state v2 is read unchanged and not rewritten', async () => {
    const file = saved<{ notifyState: Raw }>('notifyState-v2.json');
    const s = await startWorkerOn(file);
    expect(await s.readNotifyState()).toEqual(file.notifyState);
    const { notifyState, notifyState$ } = await rawLocal();
    expect({ notifyState, notifyState$ }).toEqual(file);
  });

  it('a poll over the saved observed record only appends: no earlier transition is lost', async () => {
    const file = saved<{ observed: Observed; snapshots: Snapshots }>('observed-v1.json');
    const s = await startWorkerOn(file);
    const now = Date.parse('2026-10-10T12:00:00Z');
    const views = PROVIDER_IDS.map((id) => ({ info: { id }, level: 'operational' as const, stale: false, status: makeStatus(id) }));
    const next = await s.updateObserved(views, now);
    for (const id of PROVIDER_IDS) {
      const before = file.observed.providers[id]!;
      expect(next.providers[id]!.slice(0, before.length)).toEqual(before);
    }
    expect(next.since).toBe(file.observed.since);
  });
});

describe('a whole real install (captured from the built extension) survives a worker start', () => {
  it('every key reads back exactly, and the migrations leave storage untouched', async () => {
    const file = saved<{ settings: Settings; snapshots: Snapshots; history: History; officialUptime: OfficialUptime; observed: Observed; notifyState: Raw }>(
      'captured-chrome-install-2026-11-26.json',
    );
    const s = await startWorkerOn(file);
    // Settings (v2) and notification state (v1) migrate losslessly; everything else is untouched.
    const settings = { ...file.settings, services: ['openai', 'anthropic', 'cursor'], custom: [] };
    expect(await s.readSettings()).toEqual(settings);
    expect(await s.readSnapshots()).toEqual(file.snapshots);
    expect(await s.load('history')).toEqual(file.history);
    expect(await s.load('officialUptime')).toEqual(file.officialUptime);
    expect(s.sanitizeObserved(await s.load('observed'))).toEqual(file.observed);
    expect(await s.load('notifyState')).toEqual(migrateNotifyStateV1(file.notifyState));
    expect(await rawLocal()).toEqual({ ...file, settings, settings$: { v: 3 }, notifyState: migrateNotifyStateV1(file.notifyState), notifyState$: { v: 2 } });
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('all saved examples together (settings v1 among them): only settings and notification state change, to their current form', async () => {
    const all = {
      ...saved('settings-v1.json'),
      ...saved('snapshots-v1.json'),
      ...saved('history-v1.json'),
      ...saved('officialUptime-v1.json'),
      ...saved('observed-v1.json'),
      ...saved('notifyState-v1.json'),
    };
    const s = await startWorkerOn(all);
    // Each record is migrated when the worker first reads it.
    await s.load('notifyState');
    const { settings, settings$, notifyState, notifyState$, ...rest } = await rawLocal();
    const { settings: _v1, notifyState: v1State, ...expectedRest } = all as Raw;
    expect(rest).toEqual(expectedRest);
    expect(settings$).toEqual({ v: 3 });
    expect(notifyState).toEqual(migrateNotifyStateV1(v1State));
    expect(notifyState$).toEqual({ v: 2 });
    expect((settings as Settings).intervalSec).toBe(300);
  });
});

// ——— corrupt values ———

/** Wrong types, a string instead of an object, truncated objects. */
const CORRUPT: Record<string, unknown[]> = {
  settings: ['garbage', 42, true, [], [1, 2], { intervalSec: 'soon' }, { intervalSec: 7, notifications: 'on', starred: [] }, { notifications: { providers: 'all' } }],
  snapshots: ['garbage', 42, true, { openai: 'garbage' }, { anthropic: { providerId: 'anthropic', level: 'operational' } }, { cursor: { ...makeStatus('cursor'), components: 'none' } }],
  history: ['garbage', 42, [], { anthropic: 'garbage' }, { anthropic: { incidents: 'none', fetchedAt: 'yesterday' } }, { openai: { fetchedAt: 1 } }],
  officialUptime: ['garbage', 42, [], { openai: 'garbage' }, { openai: { uptime: { percent90d: 'high' } } }],
  observed: ['garbage', 42, [], { since: 'yesterday', providers: 'none' }, { since: 1, providers: { openai: [{ at: 'x', level: 'operational' }, 'y', null] }, components: { openai: 'none' } }],
  notifyState: ['garbage', 42, [], { openai: 'garbage' }, { anthropic: { notifiedLevel: 'catastrophic' } }],
};

describe('corrupt stored values: defaults, never a throw', () => {
  it.each(CORRUPT.settings!.map((v) => [JSON.stringify(v), v]))('settings %s (no mark, so migrated) → valid settings, default where unreadable', async (_s, value) => {
    const s = await startWorkerOn({ settings: value });
    const read = await s.readSettings();
    expect(read).toEqual({ ...DEFAULT_SETTINGS, intervalSec: read.intervalSec });
    expect(INTERVALS).toContain(read.intervalSec);
    // What is left in storage is a valid v3 value.
    expect((await rawLocal()).settings$).toEqual({ v: 3 });
  });

  it.each(CORRUPT.settings!.map((v) => [JSON.stringify(v), v]))('settings %s marked v3 → the defaults (valid parts kept)', async (_s, value) => {
    const s = await startWorkerOn({ settings: value, settings$: { v: 3 } });
    expect(await s.readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it.each(CORRUPT.snapshots!.map((v) => [JSON.stringify(v).slice(0, 80), v]))('snapshots %s → {} and a console.warn report', async (_s, value) => {
    const s = await startWorkerOn({ snapshots: value });
    expect(await s.readSnapshots()).toEqual({});
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/^\[ai-status\] Stored snapshots? .*unreadable/));
  });

  it('snapshots stored as an array → {} (reading is safe; the report is missing, see the todo below)', async () => {
    const s = await startWorkerOn({ snapshots: [makeStatus('openai')] });
    expect(await s.readSnapshots()).toEqual({});
  });

  it('snapshots with one corrupt provider keep the other providers, and report the corrupt one', async () => {
    const good = saved<{ snapshots: Snapshots }>('snapshots-v1.json').snapshots;
    const s = await startWorkerOn({ snapshots: { ...good, cursor: { ...good.cursor, level: 'melting' } } });
    expect(await s.readSnapshots()).toEqual({ openai: good.openai, anthropic: good.anthropic });
    expect(console.warn).toHaveBeenCalledWith('[ai-status] Stored snapshot for cursor was unreadable; it will be read again.');
  });

  it('a storage read failure → defaults, reported', async () => {
    const s = await startWorkerOn({});
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error'));
    expect(await s.readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await s.readSnapshots()).toEqual({});
    expect(console.warn).toHaveBeenCalledWith('[ai-status] Could not read snapshots; using its default.', expect.any(Error));
  });

  it.each(CORRUPT.observed!.map((v) => [JSON.stringify(v), v]))('observed %s → a valid record (empty where unreadable)', async (_s, value) => {
    const s = await startWorkerOn({ observed: value });
    const read = s.sanitizeObserved(await s.load('observed'));
    expect(read.since === null || Number.isFinite(read.since)).toBe(true);
    for (const id of Object.keys(read.providers)) {
      expect(PROVIDER_IDS).toContain(id);
      for (const t of read.providers[id as ProviderId]!) expect(Number.isFinite(t.at)).toBe(true);
    }
    for (const byComponent of Object.values(read.components)) expect(typeof byComponent).toBe('object');
  });

  it.each(Object.entries(CORRUPT).flatMap(([key, values]) => values.map((v): [string, string, unknown] => [key, JSON.stringify(v).slice(0, 60), v])))(
    'the worker’s own readers survive %s = %s (no throw at worker start or on read)',
    async (key, _s, value) => {
      const s = await startWorkerOn({ [key]: value });
      await expect(s.readSettings()).resolves.toBeTruthy();
      await expect(s.readSnapshots()).resolves.toBeTruthy();
      for (const name of ['history', 'officialUptime', 'observed', 'notifyState'] as const) await expect(s.load(name)).resolves.not.toBeUndefined();
    },
  );
});

describe('corrupt stored values: what a poll does with them (never a throw, good data written over)', () => {
  const NOW = Date.parse('2026-10-10T12:00:00Z');

  it.each(CORRUPT.history!.map((v) => [JSON.stringify(v), v]))('history %s → the next poll stores a valid entry for the polled provider', async (_s, value) => {
    const s = await startWorkerOn({ history: value });
    const { refreshHistory } = await import('../../lib/background/history');
    const fetch = fakeFetch({ [incidentsUrl('anthropic')]: json({ incidents: [] }) });
    const snapshots = { anthropic: makeStatus('anthropic') };
    await expect(refreshHistory({ providers: PROVIDERS, fetch, now: () => NOW, failures: new Map() }, snapshots, ['anthropic'])).resolves.toBeUndefined();
    const next = (await s.load('history')) as History;
    expect(next.anthropic).toEqual({ incidents: [], fetchedAt: NOW, activeKey: '' });
  });

  it.each(CORRUPT.observed!.map((v) => [JSON.stringify(v), v]))('observed %s → the next poll records a valid transition', async (_s, value) => {
    const s = await startWorkerOn({ observed: value });
    const views = PROVIDER_IDS.map((id) => ({ info: { id }, level: 'degraded' as const, stale: false, status: makeStatus(id, 'degraded') }));
    const next = await s.updateObserved(views, NOW);
    for (const id of PROVIDER_IDS) expect(next.providers[id]!.at(-1)).toEqual({ at: NOW, level: 'degraded' });
    expect(s.sanitizeObserved(await s.load('observed'))).toEqual(next);
  });

  it.each(CORRUPT.notifyState!.map((v) => [JSON.stringify(v), v]))('notification state %s → deciding never throws and yields a valid entry', async (_s, value) => {
    const s = await startWorkerOn({ notifyState: value });
    const state = ((await s.load('notifyState')) ?? {}) as Record<string, never>;
    const result = decideNotifications({
      state,
      snapshots: { openai: makeStatus('openai', 'outage') },
      succeeded: ['openai'],
      settings: DEFAULT_SETTINGS,
      now: NOW,
      session: 1,
      t: translator(),
    });
    expect(['operational', 'degraded', 'outage', 'maintenance', null]).toContain(result.nextState.openai?.notifiedLevel ?? null);
  });

  it('a poll over corrupt snapshots replaces them with the fresh, valid data', async () => {
    await startWorkerOn({ snapshots: 'garbage' });
    const { createPoller } = await import('../../lib/background/poll');
    const fetch = fakeFetch({
      [summaryUrl('openai')]: json(loadJson(FIX.openaiOk)),
      [summaryUrl('anthropic')]: json(loadJson(FIX.anthropicOk)),
      [summaryUrl('cursor')]: json(loadJson(FIX.cursorOk)),
    });
    const { localParts: workerParts } = await import('../../lib/background/local-parts');
    const poller = createPoller({ fetch, now: () => NOW, random: () => 0.5, readStatus: workerParts.readStatus });
    expect(await poller.poll('refresh')).toEqual({ result: 'polled', changed: true });
    const stored = (await rawLocal()).snapshots as Snapshots;
    expect(Object.keys(stored).sort()).toEqual(['anthropic', 'cursor', 'openai']);
    for (const id of PROVIDER_IDS) expect(ServiceStatusSchema.safeParse(stored[id]).success).toBe(true);
  });
});

describe('corrupt stored values are reported with console.warn', () => {
  it('snapshots stored as an array are reported', async () => {
    const s = await startWorkerOn({ snapshots: [makeStatus('openai')] });
    await s.readSnapshots();
    expect(console.warn).toHaveBeenCalled();
  });

  it('unreadable settings are reported and fall back to the defaults', async () => {
    const s = await startWorkerOn({ settings: 'garbage', settings$: { v: 3 } });
    expect(await s.readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(console.warn).toHaveBeenCalled();
  });

  it('an unreadable observed record is reported', async () => {
    const s = await startWorkerOn({ observed: 'garbage' });
    s.sanitizeObserved(await s.load('observed'));
    expect(console.warn).toHaveBeenCalled();
  });

  it('history, official uptime and notification state: unreadable entries are dropped and reported, good ones kept', async () => {
    const s = await startWorkerOn({
      history: { openai: { incidents: 'nope', fetchedAt: 1, activeKey: '' }, anthropic: { incidents: [], fetchedAt: 5, activeKey: '' } },
      officialUptime: 'garbage',
      notifyState: { cursor: { notifiedLevel: 'melting', pending: null, lastNotifiedAt: null }, openai: { notifiedLevel: 'degraded', pending: null, lastNotifiedAt: 7 } },
    });
    const stored = await import('../../lib/background/stored');
    expect(await stored.readHistory()).toEqual({ anthropic: { incidents: [], fetchedAt: 5, activeKey: '' } });
    expect(await stored.readOfficialUptime()).toEqual({});
    // Notification state v1 is migrated to v2 on the way: the unreadable level restarts that
    // provider from a new baseline; the good entry is kept with what v1 said.
    expect((await stored.readNotifyState()).openai).toEqual({ notifiedLevel: 'degraded', pending: null, lastNotifiedAt: 7, announced: 'degraded', session: null, providerLevel: null });
    expect(vi.mocked(console.warn).mock.calls.map((c) => String(c[0]))).toEqual(
      expect.arrayContaining([expect.stringContaining('incident history for openai'), expect.stringContaining('official uptime was unreadable')]),
    );
    void s;
  });
});
