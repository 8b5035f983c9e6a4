import { describe, expect, it, vi } from 'vitest';
import { extensionStore } from '../../../lib/ui/browser-ports';
import { RECORDS } from '../../../lib/records';

const KEYS = RECORDS;

type Api = NonNullable<Parameters<typeof extensionStore>[0]>;
type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

/** A hand-written extension API: two storage areas backed by objects, and onChanged listeners. */
function fakeApi() {
  const areas = { local: {} as Record<string, unknown>, session: {} as Record<string, unknown> };
  const listeners = new Set<Listener>();
  const area = (name: 'local' | 'session') => ({
    get: vi.fn(async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in areas[name]).map((k) => [k, areas[name][k]]))),
    set: vi.fn(async (items: Record<string, unknown>) => {
      Object.assign(areas[name], items);
      const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }]));
      for (const l of [...listeners]) l(changes, name);
    }),
  });
  const api = {
    runtime: { sendMessage: vi.fn(async () => undefined), openOptionsPage: vi.fn(async () => undefined) },
    permissions: { request: vi.fn(async () => true), remove: vi.fn(async () => true), contains: vi.fn(async () => true) },
    i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
    storage: {
      local: area('local'),
      session: area('session'),
      onChanged: {
        addListener: vi.fn((cb: Listener) => void listeners.add(cb)),
        removeListener: vi.fn((cb: Listener) => void listeners.delete(cb)),
      },
    },
  } satisfies Api;
  const fire = (changes: Record<string, { newValue?: unknown }>, areaName: string) => [...listeners].forEach((l) => l(changes, areaName));
  return { api, areas, listeners, fire };
}

describe('extensionStore', () => {
  it('get reads the key in its own area', async () => {
    const f = fakeApi();
    f.areas.local.settings = { intervalSec: 30 };
    f.areas.session.health = { openai: { failures: 2 } };
    const store = extensionStore(f.api);
    expect(await store.get(KEYS.settings)).toEqual({ intervalSec: 30 });
    expect(f.api.storage.local.get).toHaveBeenCalledWith(['settings']);
    expect(await store.get(KEYS.health)).toEqual({ openai: { failures: 2 } });
    expect(f.api.storage.session.get).toHaveBeenCalledWith(['health']);
    expect(await store.get(KEYS.snapshots)).toBeUndefined();
  });

  it('watch reports only changes of its key in its area, with the new value', () => {
    const f = fakeApi();
    const store = extensionStore(f.api);
    const cb = vi.fn();
    store.watch(KEYS.settings, cb);
    f.fire({ settings: { newValue: 1 } }, 'session'); // same name, other area
    f.fire({ snapshots: { newValue: 2 } }, 'local'); // other key
    f.fire({ 'settings$': { newValue: { v: 2 } } }, 'local'); // the version mark is not the value
    expect(cb).not.toHaveBeenCalled();
    f.fire({ settings: { newValue: { intervalSec: 5 } }, snapshots: { newValue: {} } }, 'local');
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb).toHaveBeenLastCalledWith({ intervalSec: 5 });
    f.fire({ settings: {} }, 'local'); // removed
    expect(cb).toHaveBeenCalledTimes(2);
    expect(cb).toHaveBeenLastCalledWith(undefined);
  });

  it('session keys are watched in the session area', () => {
    const f = fakeApi();
    const cb = vi.fn();
    extensionStore(f.api).watch(KEYS.poll, cb);
    f.fire({ poll: { newValue: { polls: 1 } } }, 'local');
    expect(cb).not.toHaveBeenCalled();
    f.fire({ poll: { newValue: { polls: 1 } } }, 'session');
    expect(cb).toHaveBeenCalledWith({ polls: 1 });
  });

  it('the unwatch function removes exactly its listener', () => {
    const f = fakeApi();
    const store = extensionStore(f.api);
    const a = vi.fn();
    const b = vi.fn();
    const unwatchA = store.watch(KEYS.settings, a);
    store.watch(KEYS.settings, b);
    expect(f.listeners.size).toBe(2);
    unwatchA();
    expect(f.listeners.size).toBe(1);
    expect(f.api.storage.onChanged.removeListener).toHaveBeenCalledWith(f.api.storage.onChanged.addListener.mock.calls[0]![0]);
    f.fire({ settings: { newValue: 3 } }, 'local');
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledWith(3);
  });

  it('is read-only: views never write storage (settings go to the background)', () => {
    const store = extensionStore(fakeApi().api) as unknown as Record<string, unknown>;
    expect(Object.keys(store).sort()).toEqual(['get', 'watch']);
  });
});
