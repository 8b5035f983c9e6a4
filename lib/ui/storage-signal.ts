/**
 * A signal bound to a storage key: it loads and watches the key while something observes the
 * signal, and stops watching when nothing does. Values are sanitized by `read`.
 */
import { signal, type Signal } from '@preact/signals';
import type { StorageKey } from '../storage-keys';
import type { ViewStore } from './view-store';

/** A signal mirroring `key`; `loaded` is incremented after the first read. */
export function storageSignal<R>(store: ViewStore, key: StorageKey, read: (raw: unknown) => R, loaded?: Signal<number>): Signal<R> {
  let unwatch: (() => void) | null = null;
  let generation = 0;
  const initial = safeRead(read, undefined, undefined as R);
  const s: Signal<R> = signal(initial, {
    watched() {
      const mine = ++generation;
      unwatch = store.watch(key, (next) => {
        s.value = safeRead(read, next, initial);
      });
      store
        .get(key)
        .then((value) => {
          if (mine === generation) s.value = safeRead(read, value, initial);
        })
        .catch(() => undefined)
        .finally(() => {
          if (loaded && mine === generation) loaded.value += 1;
        });
    },
    unwatched() {
      generation++;
      unwatch?.();
      unwatch = null;
    },
  });
  return s;
}

function safeRead<R>(read: (raw: unknown) => R, raw: unknown, fallback: R): R {
  try {
    return read(raw);
  } catch {
    return fallback;
  }
}
