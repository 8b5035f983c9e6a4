/**
 * Fake `UiPorts` for rendering the real app shells (`PopupApp`, `DashboardApp`) in tests: an
 * in-memory store keyed like the extension's storage, a fixed clock, and a "background" that
 * applies `save-settings` messages to the store the way the worker does.
 */
import { vi } from 'vitest';
import type { BackgroundMessage, PollReply } from '../../lib/messages';
import { RECORDS, type RecordDef } from '../../lib/records';
import { sanitizeSettings, type Settings } from '../../lib/settings';
import type { UiPorts } from '../../lib/ui/browser-ports';
import type { ViewStore } from '../../lib/ui/view-store';
import { translator } from './helpers';

/** A stored record's key (`local:settings`). */
export type StorageKey = RecordDef<unknown>['key'];

/** Every record's key by name (`KEYS.settings` = `local:settings`). */
export const KEYS = Object.fromEntries(Object.entries(RECORDS).map(([name, def]) => [name, def.key])) as { [K in keyof typeof RECORDS]: StorageKey };

/** An in-memory ViewStore; `change` plays the worker writing a key. */
export function memoryStore(initial: Partial<Record<StorageKey, unknown>> = {}) {
  const data = new Map<StorageKey, unknown>(Object.entries(initial) as [StorageKey, unknown][]);
  const watchers = new Map<StorageKey, Set<(v: unknown) => void>>();
  const change = (key: StorageKey, value: unknown) => {
    data.set(key, value);
    for (const cb of [...(watchers.get(key) ?? [])]) cb(value);
  };
  const store: ViewStore = {
    get: async ({ key }) => data.get(key),
    watch({ key }, cb) {
      const set = watchers.get(key) ?? new Set();
      set.add(cb);
      watchers.set(key, set);
      return () => void set.delete(cb);
    },
  };
  const watching = () =>
    [...watchers.entries()]
      .filter(([, s]) => s.size > 0)
      .map(([k]) => k)
      .sort();
  return { store, change, data, watching };
}

/** Fake ports over a memory store. `saved` lists the settings the view handed to the background. */
export function fakePorts(initial: Partial<Record<StorageKey, unknown>> = {}, now: number = Date.now(), locale = 'en') {
  const m = memoryStore(initial);
  const saved: Settings[] = [];
  const sent: BackgroundMessage[] = [];
  const granted = new Set<string>();
  const ports = {
    t: translator(locale === 'ko' ? 'ko' : 'en'),
    locale,
    store: m.store,
    now: () => now,
    send: vi.fn(async (message: BackgroundMessage): Promise<PollReply | undefined> => {
      sent.push(message);
      if (message.type === 'save-settings') {
        const next = sanitizeSettings(message.settings);
        saved.push(next);
        m.change(KEYS.settings, next);
      }
      return { result: 'polled', changed: false };
    }),
    openDashboard: vi.fn(async () => undefined),
    close: vi.fn(),
    permissions: {
      request: vi.fn(async (origins: string[]) => {
        origins.forEach((o) => granted.add(o));
        return true;
      }),
      remove: vi.fn(async (origins: string[]) => {
        origins.forEach((o) => granted.delete(o));
        return true;
      }),
      contains: vi.fn(async (origins: string[]) => origins.every((o) => granted.has(o))),
    },
  } satisfies UiPorts;
  return { ...m, ports, saved, sent, granted };
}
