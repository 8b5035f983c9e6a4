import { afterEach, describe, expect, it } from 'vitest';
import { effect } from '@preact/signals';
import { createDashboardState, type DashboardState } from '../../../lib/ui/dashboard-state';
import { DASHBOARD_RECORDS } from '../../../components/DashboardApp';
import type { ViewStore } from '../../../lib/ui/view-store';
import { RECORDS, type RecordDef } from '../../../lib/records';

type StorageKey = RecordDef<unknown>['key'];
const KEYS = Object.fromEntries(Object.entries(RECORDS).map(([name, def]) => [name, def.key])) as { [K in keyof typeof RECORDS]: StorageKey };
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { EMPTY_HEALTH, type Health } from '../../../lib/status';
import { makeStatus } from '../helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');

/** An in-memory ViewStore: `change` plays the worker writing a key; watchers are counted per key. */
function memoryStore(initial: Partial<Record<StorageKey, unknown>> = {}) {
  const data = new Map<StorageKey, unknown>(Object.entries(initial) as [StorageKey, unknown][]);
  const watchers = new Map<StorageKey, Set<(v: unknown) => void>>();
  const log = { watch: [] as StorageKey[], unwatch: [] as StorageKey[], get: [] as StorageKey[] };
  const change = (key: StorageKey, value: unknown) => {
    data.set(key, value);
    for (const cb of watchers.get(key) ?? []) cb(value);
  };
  const store: ViewStore = {
    async get({ key }) {
      log.get.push(key);
      return data.get(key);
    },
    watch({ key }, cb) {
      log.watch.push(key);
      const set = watchers.get(key) ?? new Set();
      set.add(cb);
      watchers.set(key, set);
      return () => {
        log.unwatch.push(key);
        set.delete(cb);
      };
    },
  };
  const active = (key: StorageKey) => watchers.get(key)?.size ?? 0;
  return { store, change, log, active };
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));
const health = (over: Partial<Health>): Health => ({ ...EMPTY_HEALTH, ...over });

let disposers: (() => void)[] = [];
afterEach(() => {
  disposers.forEach((d) => d());
  disposers = [];
});

/** Observes everything a view reads and waits for the first reads. */
async function observed(state: DashboardState) {
  disposers.push(
    effect(() => {
      void state.views.value;
      void state.overall.value;
      void state.lane.value;
      void state.ready.value;
      void state.history.value;
      void state.pollState.value;
    }),
  );
  await flush();
}

describe('createDashboardState: watching follows observation', () => {
  it('watches a key when its signal gets its first subscriber and unwatches when the last goes', () => {
    const m = memoryStore();
    const state = createDashboardState(m.store, DASHBOARD_RECORDS, NOW);
    expect(m.log.watch).toEqual([]);
    const stop = effect(() => void state.settings.value);
    expect(m.log.watch).toEqual([KEYS.settings]);
    expect(m.log.get).toEqual([KEYS.settings]);
    expect(m.active(KEYS.settings)).toBe(1);
    const second = effect(() => void state.settings.value);
    expect(m.log.watch).toEqual([KEYS.settings]);
    stop();
    expect(m.log.unwatch).toEqual([]);
    second();
    expect(m.log.unwatch).toEqual([KEYS.settings]);
    expect(m.active(KEYS.settings)).toBe(0);
  });

  it('observing views watches settings, snapshots and health only; history stays unwatched', () => {
    const m = memoryStore();
    const state = createDashboardState(m.store, DASHBOARD_RECORDS, NOW);
    const stop = effect(() => void state.views.value);
    expect([...m.log.watch].sort()).toEqual([KEYS.settings, KEYS.snapshots, KEYS.health].sort());
    expect(m.active(KEYS.history)).toBe(0);
    stop();
    expect([...m.log.unwatch].sort()).toEqual([KEYS.settings, KEYS.snapshots, KEYS.health].sort());
  });

  it('ready turns true after settings, snapshots and health were read (while views are observed)', async () => {
    const m = memoryStore();
    const state = createDashboardState(m.store, DASHBOARD_RECORDS, NOW);
    const seen: boolean[] = [];
    disposers.push(effect(() => void state.views.value));
    disposers.push(effect(() => void seen.push(state.ready.value)));
    expect(seen).toEqual([false]);
    await flush();
    expect(state.ready.value).toBe(true);
    expect(seen).toEqual([false, true]);
  });

  // The dashboard draws nothing until `ready`: watching it alone must ask for what it waits for.
  it('observing ready alone asks for settings, snapshots and health (and nothing else) at once', async () => {
    const m = memoryStore();
    const state = createDashboardState(m.store, DASHBOARD_RECORDS, NOW);
    disposers.push(effect(() => void state.ready.value));
    expect([...m.log.get].sort()).toEqual([KEYS.settings, KEYS.snapshots, KEYS.health].sort());
    await flush();
    expect(state.ready.value).toBe(true);
  });
});

describe('createDashboardState: values', () => {
  it('with nothing stored: defaults, every provider loading, overall unknown, background lane', async () => {
    const m = memoryStore();
    const state = createDashboardState(m.store, DASHBOARD_RECORDS, NOW);
    await observed(state);
    expect(state.settings.value).toEqual(DEFAULT_SETTINGS);
    expect(state.views.value.map((v) => [v.info.id, v.level, v.loading])).toEqual([
      ['openai', 'unknown', true],
      ['anthropic', 'unknown', true],
      ['cursor', 'unknown', true],
    ]);
    expect(state.overall.value).toBe('unknown');
    expect(state.lane.value).toBe('background');
    expect(state.pollState.value).toEqual({ lastPollAt: null, lastDoneAt: null, });
    expect(state.observed.value).toEqual({ since: null, providers: {}, components: {} });
  });

  it('resolves each provider from the stored snapshot and health', async () => {
    const m = memoryStore({
      [KEYS.snapshots]: {
        openai: makeStatus('openai', 'operational', { fetchedAt: NOW - 10_000 }),
        anthropic: makeStatus('anthropic', 'degraded', { fetchedAt: NOW - 10_000 }),
      },
      [KEYS.health]: {
        cursor: health({ checkedAt: NOW - 5_000, error: { kind: 'timeout', message: 't', httpStatus: null, at: NOW - 5_000 }, failures: 1, backoffUntil: NOW + 60_000 }),
      },
    });
    const state = createDashboardState(m.store, DASHBOARD_RECORDS, NOW);
    await observed(state);
    const [openai, anthropic, cursor] = state.views.value;
    expect(openai).toMatchObject({ level: 'operational', loading: false, stale: false });
    expect(anthropic).toMatchObject({ level: 'degraded', loading: false });
    expect(cursor).toMatchObject({ level: 'unknown', loading: false, status: null, retryAt: NOW + 60_000, checkedAt: NOW - 5_000 });
    expect(cursor!.error?.kind).toBe('timeout');
    expect(state.overall.value).toBe('degraded');
  });

  it('a store change re-derives views and overall', async () => {
    const m = memoryStore({ [KEYS.snapshots]: { anthropic: makeStatus('anthropic', 'operational', { fetchedAt: NOW }) } });
    const state = createDashboardState(m.store, DASHBOARD_RECORDS, NOW);
    const overall: string[] = [];
    disposers.push(effect(() => void overall.push(state.overall.value)));
    await flush();
    expect(state.views.value[1]!.level).toBe('operational');
    m.change(KEYS.snapshots, { anthropic: makeStatus('anthropic', 'outage', { fetchedAt: NOW }) });
    expect(state.views.value[1]!.level).toBe('outage');
    expect(state.overall.value).toBe('outage');
    expect(overall).toEqual(['unknown', 'outage']);
  });

  it('the now signal drives staleness (3 × the alarm period at 60 s = 180 s)', async () => {
    const m = memoryStore({ [KEYS.snapshots]: { openai: makeStatus('openai', 'outage', { fetchedAt: NOW }) } });
    const state = createDashboardState(m.store, DASHBOARD_RECORDS, NOW);
    await observed(state);
    expect(state.views.value[0]).toMatchObject({ level: 'outage', stale: false });
    state.now.value = NOW + 180_000;
    expect(state.views.value[0]).toMatchObject({ level: 'outage', stale: false });
    state.now.value = NOW + 180_001;
    expect(state.views.value[0]).toMatchObject({ level: 'unknown', stale: true });
    expect(state.views.value[0]!.status?.level).toBe('outage');
  });

  it('starred components decide the focus level (badge); the overall level stays the providers’ own', async () => {
    const snap = makeStatus('openai', 'outage', {
      fetchedAt: NOW,
      components: [
        { id: 'api', name: 'API', group: null, rawStatus: 'operational', level: 'operational', description: '' },
        { id: 'sora', name: 'Sora', group: null, rawStatus: 'major_outage', level: 'outage', description: '' },
      ],
    });
    const settings: Settings = { ...DEFAULT_SETTINGS, starred: { openai: ['api'], anthropic: [], cursor: [] } };
    const m = memoryStore({
      [KEYS.settings]: settings,
      [KEYS.snapshots]: {
        openai: snap,
        anthropic: makeStatus('anthropic', 'operational', { fetchedAt: NOW }),
        cursor: makeStatus('cursor', 'operational', { fetchedAt: NOW }),
      },
    });
    const state = createDashboardState(m.store, DASHBOARD_RECORDS, NOW);
    await observed(state);
    expect(state.views.value[0]).toMatchObject({ level: 'outage', focusLevel: 'operational' });
    // The badge (focus) follows the starred parts; the summary (overall) keeps the provider's own outage.
    expect(state.focus.value).toBe('operational');
    expect(state.overall.value).toBe('outage');
    m.change(KEYS.settings, { ...settings, starred: { openai: ['sora'], anthropic: [], cursor: [] } });
    expect(state.focus.value).toBe('outage');
  });

  it.each([
    [5, 'live'],
    [10, 'live'],
    [30, 'background'],
    [60, 'background'],
    [300, 'background'],
  ] as const)('interval %d s → %s lane', async (intervalSec, lane) => {
    const m = memoryStore({ [KEYS.settings]: { ...DEFAULT_SETTINGS, intervalSec } });
    const state = createDashboardState(m.store, DASHBOARD_RECORDS, NOW);
    await observed(state);
    expect(state.settings.value.intervalSec).toBe(intervalSec);
    expect(state.lane.value).toBe(lane);
  });

  it('sanitizes what it reads: garbage settings → defaults, an array of snapshots → {}, a bad snapshot is ignored', async () => {
    const m = memoryStore({
      [KEYS.settings]: { intervalSec: 7, notifications: 'yes' },
      [KEYS.snapshots]: [makeStatus('openai', 'outage', { fetchedAt: NOW })],
      [KEYS.health]: 'nope',
      [KEYS.poll]: null,
    });
    const state = createDashboardState(m.store, DASHBOARD_RECORDS, NOW);
    await observed(state);
    expect(state.settings.value).toEqual(DEFAULT_SETTINGS);
    expect(state.snapshots.value).toEqual({});
    expect(state.health.value).toEqual({});
    expect(state.pollState.value).toEqual({ lastPollAt: null, lastDoneAt: null });
    m.change(KEYS.snapshots, { openai: { providerId: 'anthropic', level: 'outage' } });
    expect(state.views.value[0]).toMatchObject({ level: 'unknown', status: null, loading: true });
  });

  it('history, official uptime, observed and poll state mirror their keys', async () => {
    const history = { anthropic: { incidents: [], fetchedAt: NOW, activeKey: '' } };
    const poll = { lastPollAt: NOW - 2_000, lastDoneAt: NOW - 1_000 };
    const m = memoryStore({ [KEYS.history]: history, [KEYS.poll]: poll });
    const state = createDashboardState(m.store, DASHBOARD_RECORDS, NOW);
    disposers.push(effect(() => void [state.history.value, state.pollState.value, state.officialUptime.value, state.observed.value]));
    await flush();
    expect(state.history.value).toEqual(history);
    expect(state.pollState.value).toEqual(poll);
    m.change(KEYS.observed, { since: NOW - 1000, providers: { openai: [{ at: NOW - 1000, level: 'operational' }] }, components: {} });
    expect(state.observed.value.since).toBe(NOW - 1000);
  });
});
