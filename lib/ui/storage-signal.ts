/**
 * A signal bound to a stored record: it loads and watches the record while something observes the
 * signal, and stops watching when nothing does. Values go through the record's own reader.
 */
import { signal, type Signal } from '@preact/signals-core';
import type { RecordDef } from '../records/core';
import type { ViewStore } from './view-store';

/**
 * A signal mirroring `def`'s stored value. `read` defaults to the record's reader (a view may pass
 * a lighter one for records it only partly shows); `loaded` is incremented after the first read.
 */
export function storageSignal<R>(store: ViewStore, def: RecordDef<R>, loaded?: Signal<number>, read: (raw: unknown) => R = def.read): Signal<R> {
  let unwatch: (() => void) | null = null;
  let generation = 0;
  const initial = def.fallback();
  const s: Signal<R> = signal(initial, {
    watched() {
      const mine = ++generation;
      unwatch = store.watch(def as RecordDef<unknown>, (next) => {
        s.value = safeRead(read, next, initial);
      });
      store
        .get(def as RecordDef<unknown>)
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
