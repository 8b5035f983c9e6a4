import { afterEach, describe, expect, it, vi } from 'vitest';
import { effect, signal } from '@preact/signals';
import { storageSignal } from '../../../lib/ui/storage-signal';
import type { ViewStore } from '../../../lib/ui/view-store';
import type { RecordDef } from '../../../lib/records';

type StorageKey = RecordDef<unknown>['key'];
/** A record definition over `key` read by `read` (its fallback: read(undefined)). */
const rec = <R,>(key: StorageKey, read: (raw: unknown) => R): RecordDef<R> => ({ key, version: 1, fallback: () => read(undefined), read });

/** A store whose `get` answers are released by hand, with every watch/unwatch counted. */
function manualStore() {
  const pending: { key: StorageKey; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  const watchers = new Map<StorageKey, Set<(v: unknown) => void>>();
  const calls = { get: [] as StorageKey[], watch: [] as StorageKey[], unwatch: [] as StorageKey[] };
  const store: ViewStore = {
    get: vi.fn(({ key }: RecordDef<unknown>) => {
      calls.get.push(key);
      return new Promise<unknown>((resolve, reject) => pending.push({ key, resolve, reject }));
    }),
    watch({ key }, cb) {
      calls.watch.push(key);
      const set = watchers.get(key) ?? new Set();
      set.add(cb);
      watchers.set(key, set);
      return () => {
        calls.unwatch.push(key);
        set.delete(cb);
      };
    },
  };
  const emit = (key: StorageKey, value: unknown) => watchers.get(key)?.forEach((cb) => cb(value));
  return { store, pending, calls, emit, listeners: (key: StorageKey) => watchers.get(key)?.size ?? 0 };
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));
const readNumber = (raw: unknown) => (typeof raw === 'number' ? raw : -1);

let disposers: (() => void)[] = [];
afterEach(() => {
  disposers.forEach((d) => d());
  disposers = [];
});

describe('storageSignal', () => {
  it('starts with read(undefined) and touches the store only once observed', () => {
    const m = manualStore();
    const s = storageSignal(m.store, rec('local:settings', readNumber));
    expect(s.peek()).toBe(-1);
    expect(m.calls.watch).toEqual([]);
    expect(m.calls.get).toEqual([]);
  });

  it('on the first subscriber: watches then reads the key, and applies read() to the stored value', async () => {
    const m = manualStore();
    const loaded = signal(0);
    const s = storageSignal(m.store, rec('session:health', (raw) => (typeof raw === 'number' ? raw * 2 : 0)), loaded);
    const seen: number[] = [];
    disposers.push(effect(() => void seen.push(s.value)));
    expect(m.calls.watch).toEqual(['session:health']);
    expect(m.calls.get).toEqual(['session:health']);
    expect(loaded.value).toBe(0);
    m.pending[0]!.resolve(21);
    await flush();
    expect(s.value).toBe(42);
    expect(loaded.value).toBe(1);
    expect(seen).toEqual([0, 42]);
  });

  it('follows changes reported by watch, sanitized by read()', async () => {
    const m = manualStore();
    const s = storageSignal(m.store, rec('local:snapshots', readNumber));
    disposers.push(effect(() => void s.value));
    m.emit('local:snapshots', 7);
    expect(s.value).toBe(7);
    m.emit('local:snapshots', 'not a number');
    expect(s.value).toBe(-1);
    m.emit('local:history', 99); // another key: ignored
    expect(s.value).toBe(-1);
  });

  it('falls back to the initial value when read() throws', async () => {
    const m = manualStore();
    const s = storageSignal(m.store, rec('local:settings', (raw) => {
      if (raw === 'boom') throw new Error('bad');
      return typeof raw === 'string' ? raw : 'default';
    }));
    disposers.push(effect(() => void s.value));
    m.emit('local:settings', 'ok');
    expect(s.value).toBe('ok');
    m.emit('local:settings', 'boom');
    expect(s.value).toBe('default');
    m.pending[0]!.resolve('boom');
    await flush();
    expect(s.value).toBe('default');
  });

  it('a failed read keeps the initial value and still counts as loaded', async () => {
    const m = manualStore();
    const loaded = signal(0);
    const s = storageSignal(m.store, rec('local:settings', readNumber), loaded);
    disposers.push(effect(() => void s.value));
    m.pending[0]!.reject(new Error('storage gone'));
    await flush();
    expect(s.value).toBe(-1);
    expect(loaded.value).toBe(1);
  });

  it('unwatches when the last subscriber goes, and ignores a read answering after that', async () => {
    const m = manualStore();
    const loaded = signal(0);
    const s = storageSignal(m.store, rec('local:settings', readNumber), loaded);
    const a = effect(() => void s.value);
    const b = effect(() => void s.value);
    expect(m.calls.watch).toEqual(['local:settings']); // one watch for both subscribers
    a();
    expect(m.calls.unwatch).toEqual([]);
    b();
    expect(m.calls.unwatch).toEqual(['local:settings']);
    expect(m.listeners('local:settings')).toBe(0);
    m.pending[0]!.resolve(5);
    await flush();
    expect(s.peek()).toBe(-1);
    expect(loaded.value).toBe(0);
  });

  it('watches again (and re-reads) for a new subscriber after being unwatched', async () => {
    const m = manualStore();
    const s = storageSignal(m.store, rec('local:settings', readNumber));
    effect(() => void s.value)();
    disposers.push(effect(() => void s.value));
    expect(m.calls.watch).toEqual(['local:settings', 'local:settings']);
    expect(m.calls.get).toHaveLength(2);
    m.pending[1]!.resolve(2);
    m.pending[0]!.resolve(1); // the first subscription's read answers last: ignored
    await flush();
    expect(s.value).toBe(2);
  });
});
