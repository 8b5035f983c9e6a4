/**
 * The stored records (lib/records.ts): every reader keeps what is valid and drops the rest, and
 * every key reads the same through the worker's storage (lib/storage.ts) and through the views'
 * light store (lib/ui/browser-ports.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RECORDS, migrateNotifyStateV1, readStatus, type RecordDef } from '../../lib/records';
import { load, save } from '../../lib/storage';
import { extensionStore } from '../../lib/ui/browser-ports';
import { normalizeSummary } from '../../lib/providers/normalize';
import { SummarySchema } from '../../lib/providers/statuspage-schema';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { FIX, def, loadJson, makeStatus } from './helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const snapshots = RECORDS.snapshots;

describe('snapshots reader', () => {
  it('keeps valid snapshots under their own provider id, reporting nothing', () => {
    const report = vi.fn();
    const claude = normalizeSummary(SummarySchema.parse(loadJson(FIX.anthropicMinor)), def('anthropic'), NOW);
    expect(snapshots.read({ anthropic: claude, cursor: makeStatus('cursor', 'outage') }, report)).toEqual({ anthropic: claude, cursor: makeStatus('cursor', 'outage') });
    expect(report).not.toHaveBeenCalled();
  });

  it('drops an invalid snapshot and keeps the others, reporting each', () => {
    const report = vi.fn();
    const good = makeStatus('openai', 'degraded');
    const out = snapshots.read({ openai: good, anthropic: { ...makeStatus('anthropic'), level: 'major_outage' }, cursor: 'garbage' }, report);
    expect(out).toEqual({ openai: good });
    expect(report.mock.calls.map((c) => c[0])).toEqual([
      'Stored snapshot for anthropic was unreadable; it will be read again.',
      'Stored snapshot for cursor was unreadable; it will be read again.',
    ]);
  });

  it('drops a snapshot stored under the wrong provider id; ignores keys that are not provider ids', () => {
    expect(snapshots.read({ anthropic: makeStatus('openai') })).toEqual({});
    const report = vi.fn();
    expect(snapshots.read({ 'Not a provider!': makeStatus('cursor') }, report)).toEqual({});
    expect(report).not.toHaveBeenCalled();
  });

  it('keeps the valid rows of a list and defaults what an older snapshot lacked', () => {
    const { via: _via, ...old } = makeStatus('cursor', 'degraded');
    const withBadRow = { ...old, components: [...old.components, { id: 1 }] };
    expect(readStatus(withBadRow, 'cursor')).toEqual(makeStatus('cursor', 'degraded'));
  });

  it.each([['a string', 'garbage'], ['a number', 42], ['true', true]])('unreadable %s → {} and one report', (_name, raw) => {
    const report = vi.fn();
    expect(snapshots.read(raw, report)).toEqual({});
    expect(report).toHaveBeenCalledWith('Stored snapshot was unreadable; starting fresh.');
  });

  it.each([null, undefined])('%j → {} silently', (raw) => {
    const report = vi.fn();
    expect(snapshots.read(raw, report)).toEqual({});
    expect(report).not.toHaveBeenCalled();
  });
});

describe('notification state v1 → v2', () => {
  it('keeps every entry and derives `announced` from the v1 fields', () => {
    const v1 = {
      openai: { notifiedLevel: 'operational', pending: null, lastNotifiedAt: null },
      anthropic: { notifiedLevel: 'degraded', pending: 'outage', lastNotifiedAt: 5, problemNotified: true, session: 7 },
      cursor: { notifiedLevel: 'outage', pending: 'operational', lastNotifiedAt: 9 },
    };
    expect(migrateNotifyStateV1(v1)).toEqual({
      openai: { notifiedLevel: 'operational', pending: null, lastNotifiedAt: null, announced: null, session: null, providerLevel: null },
      anthropic: { notifiedLevel: 'degraded', pending: 'outage', lastNotifiedAt: 5, announced: 'degraded', session: 7, providerLevel: null },
      cursor: { notifiedLevel: 'outage', pending: 'operational', lastNotifiedAt: 9, announced: 'outage', session: null, providerLevel: null },
    });
  });
});

/** A representative value of each record (what a real install holds). */
const SAMPLES: { [K in keyof typeof RECORDS]: unknown } = {
  settings: { ...structuredClone(DEFAULT_SETTINGS), intervalSec: 10, services: ['cursor', 'github', 'openai'] },
  snapshots: { cursor: makeStatus('cursor', 'outage'), openai: makeStatus('openai') },
  history: { anthropic: { incidents: normalizeSummary(SummarySchema.parse(loadJson(FIX.anthropicMinor)), def('anthropic'), NOW).incidents, fetchedAt: NOW, activeKey: 'x' } },
  officialUptime: {},
  observed: { since: NOW - 1000, seenAt: NOW, providers: { cursor: [{ at: NOW - 1000, level: 'outage' }] }, components: { cursor: { ide: [{ at: NOW - 1000, level: 'outage' }] } } },
  notifyState: { cursor: { notifiedLevel: 'outage', pending: null, lastNotifiedAt: NOW, announced: 'outage', session: 3, providerLevel: 'outage' } },
  health: { cursor: { checkedAt: NOW, okAt: NOW, error: null, failures: 0, backoffUntil: null, retryAfterUntil: null, etag: 'W/"1"' } },
  poll: { lastPollAt: NOW - 5, lastDoneAt: NOW },
  browserSession: NOW,
};

describe('every key: one definition, read the same by the worker and the views', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each(Object.keys(RECORDS) as (keyof typeof RECORDS)[])('%s round-trips through the worker item and the view store', async (name) => {
    const def = RECORDS[name] as RecordDef<unknown>;
    const value = def.read(SAMPLES[name]);
    await save(name, value as never);
    const viewStore = extensionStore(fakeBrowser as never);
    const viaView = def.read(await viewStore.get(def));
    const viaWorker = await load(name);
    expect(viaWorker).toEqual(value);
    expect(viaView).toEqual(value);
    // The view store watches the same key the worker writes.
    const seen = vi.fn();
    const stop = viewStore.watch(def, seen);
    await save(name, def.fallback() as never);
    await vi.waitFor(() => expect(seen).toHaveBeenCalled());
    stop();
  });

  it('unreadable stored values fall back to defaults, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: 'garbage', settings$: { v: 3 }, snapshots: 'corrupted' });
    expect(await load('settings')).toEqual(DEFAULT_SETTINGS);
    expect(await load('snapshots')).toEqual({});
    expect(warn).toHaveBeenCalledWith('[ai-status] Stored snapshot was unreadable; starting fresh.');
  });

  it('a storage failure → defaults, no throw', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error'));
    expect(await load('snapshots')).toEqual({});
    expect(await load('settings')).toEqual(DEFAULT_SETTINGS);
  });
});
