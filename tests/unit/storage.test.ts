import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { load, loadAll, readAhead, save, watch } from '../../lib/storage';
import { DEFAULT_SETTINGS } from '../../lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('loadAll', () => {
  it('reads several records with one request per storage area', async () => {
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    const [settings, poll, snapshots, health] = await loadAll('settings', 'poll', 'snapshots', 'health');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(poll).toEqual({ lastPollAt: null, lastDoneAt: null });
    expect(snapshots).toEqual({});
    expect(health).toEqual({});
    expect(local).toHaveBeenCalledTimes(1);
    expect(local).toHaveBeenCalledWith(['settings', 'settings$', 'snapshots', 'snapshots$']);
    expect(session).toHaveBeenCalledTimes(1);
  });

  it('migrates a value stored by an older version when it is read, and writes it back with its mark', async () => {
    await fakeBrowser.storage.local.set({ settings: { intervalSec: 300, notify: false } });
    expect((await load('settings')).intervalSec).toBe(300);
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: 3 });
    expect(stored.settings).toEqual(await load('settings'));
  });

  it('a value from a newer version is not guessed at: the default, reported', async () => {
    await fakeBrowser.storage.local.set({ settings: { intervalSec: 10 }, settings$: { v: 99 } });
    expect(await load('settings')).toEqual(DEFAULT_SETTINGS);
    expect(console.warn).toHaveBeenCalledWith('[ai-status] Could not read settings; using its default.', expect.any(Error));
  });

  it('a failed read of one area leaves the other area readable', async () => {
    await fakeBrowser.storage.session.set({ poll: { lastPollAt: 5, lastDoneAt: 6 } });
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error'));
    const [settings, poll] = await loadAll('settings', 'poll');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(poll).toEqual({ lastPollAt: 5, lastDoneAt: 6 });
  });
});

describe('save', () => {
  it('writes the version mark of records past version 1, and only the value otherwise', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await save('settings', DEFAULT_SETTINGS);
    await save('snapshots', {});
    expect(set.mock.calls.map(([items]) => Object.keys(items))).toEqual([['settings', 'settings$'], ['snapshots']]);
  });
});

describe('readAhead', () => {
  it('the next loadAll of the same records uses the read already made', async () => {
    readAhead('settings', 'snapshots');
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await loadAll('settings', 'snapshots');
    expect(get).not.toHaveBeenCalled();
    // Used once: the next read asks again.
    await loadAll('settings', 'snapshots');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('each record read ahead serves the first loadAll that asks for it; a set not all read ahead reads for itself', async () => {
    readAhead('settings', 'poll', 'snapshots', 'health');
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    // A poll's two steps (the interval gate, then the data) both use the one read made ahead.
    await loadAll('settings', 'poll');
    await loadAll('snapshots', 'health');
    expect(local).not.toHaveBeenCalled();
    expect(session).not.toHaveBeenCalled();
    // Used once: the next read asks again; one not read ahead reads for itself.
    await load('settings');
    await loadAll('settings', 'history');
    expect(local).toHaveBeenCalledTimes(2);
  });

  it('is dropped by a write from this worker', async () => {
    readAhead('settings', 'snapshots');
    await save('settings', { ...DEFAULT_SETTINGS, intervalSec: 300 });
    const [settings] = await loadAll('settings', 'snapshots');
    expect(settings.intervalSec).toBe(300);
  });

  it('is dropped by a change made from another context', async () => {
    readAhead('settings', 'snapshots');
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, intervalSec: 300 }, settings$: { v: 3 } });
    await new Promise((r) => setTimeout(r, 0));
    const [settings] = await loadAll('settings', 'snapshots');
    expect(settings.intervalSec).toBe(300);
  });

  it('is not used once older than a second (it was for the event that woke the worker)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    readAhead('settings', 'snapshots');
    vi.setSystemTime(Date.now() + 1_001);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await loadAll('settings', 'snapshots');
    expect(get).toHaveBeenCalledTimes(1);
  });
});

describe('watch', () => {
  it('hands the new and previous values, re-validated, and stops when asked', async () => {
    const seen = vi.fn();
    const stop = watch('settings', seen);
    await save('settings', { ...DEFAULT_SETTINGS, intervalSec: 300 });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    expect(seen.mock.calls[0]![0].intervalSec).toBe(300);
    expect(seen.mock.calls[0]![1]).toEqual(DEFAULT_SETTINGS);
    stop();
    await save('settings', DEFAULT_SETTINGS);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
