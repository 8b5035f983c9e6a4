import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings, readSnapshots, validateSnapshots } from '../../../lib/background/stored';
import { normalizeSummary } from '../../../lib/providers/normalize';
import { SummarySchema } from '../../../lib/providers/statuspage-schema';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { FIX, def, loadJson, makeStatus } from '../helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');

describe('validateSnapshots', () => {
  it('keeps valid snapshots under their own provider id', () => {
    const report = vi.fn();
    const claude = normalizeSummary(SummarySchema.parse(loadJson(FIX.anthropicMinor)), def('anthropic'), NOW);
    const out = validateSnapshots({ anthropic: claude, cursor: makeStatus('cursor', 'outage') }, report);
    expect(out).toEqual({ anthropic: claude, cursor: makeStatus('cursor', 'outage') });
    expect(report).not.toHaveBeenCalled();
  });

  it('drops an invalid snapshot and keeps the others', () => {
    const report = vi.fn();
    const good = makeStatus('openai', 'degraded');
    const out = validateSnapshots({ openai: good, anthropic: { ...makeStatus('anthropic'), level: 'major_outage' }, cursor: 'garbage' }, report);
    expect(out).toEqual({ openai: good });
    expect(report.mock.calls.map((c) => c[0])).toEqual([
      'Stored snapshot for anthropic was unreadable; it will be refetched.',
      'Stored snapshot for cursor was unreadable; it will be refetched.',
    ]);
  });

  it('drops a snapshot stored under the wrong provider id', () => {
    const report = vi.fn();
    expect(validateSnapshots({ anthropic: makeStatus('openai') }, report)).toEqual({});
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('drops snapshots missing a field of the current schema (e.g. an older version without "via")', () => {
    const { via: _via, ...old } = makeStatus('cursor');
    expect(validateSnapshots({ cursor: old }, () => {})).toEqual({});
  });

  it('ignores keys that are not providers', () => {
    const report = vi.fn();
    expect(validateSnapshots({ 'Not a provider!': makeStatus('cursor') }, report)).toEqual({});
    expect(report).not.toHaveBeenCalled();
  });

  it.each([['a string', 'garbage'], ['a number', 42], ['true', true]])('unreadable %s → {} and one report', (_name, raw) => {
    const report = vi.fn();
    expect(validateSnapshots(raw, report)).toEqual({});
    expect(report).toHaveBeenCalledWith('Stored snapshots were unreadable; starting fresh.');
  });

  it.each([null, undefined])('%j → {} silently', (raw) => {
    const report = vi.fn();
    expect(validateSnapshots(raw, report)).toEqual({});
    expect(report).not.toHaveBeenCalled();
  });
});

describe('readSnapshots / readSettings from storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('empty storage → {} and default settings', async () => {
    expect(await readSnapshots()).toEqual({});
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads back valid snapshots', async () => {
    const s = makeStatus('cursor', 'maintenance', { fetchedAt: NOW });
    await fakeBrowser.storage.local.set({ snapshots: { cursor: s } });
    expect(await readSnapshots()).toEqual({ cursor: s });
  });

  it('drops invalid stored snapshots, keeping the valid ones, and warns', async () => {
    const good = makeStatus('openai', 'operational', { fetchedAt: NOW });
    await fakeBrowser.storage.local.set({ snapshots: { openai: good, cursor: { providerId: 'cursor' } } });
    expect(await readSnapshots()).toEqual({ openai: good });
    expect(console.warn).toHaveBeenCalledWith('[ai-status] Stored snapshot for cursor was unreadable; it will be refetched.');
  });

  it('unreadable stored snapshots → {}', async () => {
    await fakeBrowser.storage.local.set({ snapshots: 'corrupted' });
    expect(await readSnapshots()).toEqual({});
  });

  it('a storage failure → {} and defaults, no throw', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error'));
    expect(await readSnapshots()).toEqual({});
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('garbage settings → defaults; partial settings keep their valid fields', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage', settings$: { v: 2 } });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ settings: { intervalSec: 10, notifications: { enabled: 'x' }, starred: null } });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, intervalSec: 10 });
  });
});
