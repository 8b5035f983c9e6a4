/**
 * The worker's storage items, built from the record definitions in `records.ts` (one definition
 * per record: key, version, fallback, migrations). WXT runs the migrations when an item is first
 * read; `load` re-validates every value with the record's own reader. Worker-only: views read the
 * same records through `lib/ui/browser-ports.ts`.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { RECORDS, type RecordDef, type Records, type RecordValue } from './records';

export type {
  Health,
  HealthMap,
  History,
  HistoryEntry,
  NotifyEntry,
  NotifyStates,
  Observed,
  OfficialUptime,
  OfficialUptimeEntry,
  PollState,
  Snapshots,
  Transition,
} from './records';

function itemOf<T>(def: RecordDef<T>): WxtStorageItem<T, Record<string, unknown>> {
  return storage.defineItem<T>(def.key, {
    fallback: def.fallback(),
    version: def.version,
    ...(def.migrations ? { migrations: def.migrations as Record<number, (old: unknown) => unknown> } : {}),
    // Settings are written with their version on first run, so a later start never mistakes
    // the defaults for version 1.
    ...(def.key === RECORDS.settings.key ? { init: def.fallback } : {}),
  }) as WxtStorageItem<T, Record<string, unknown>>;
}

/** Every record's WXT item. */
export const items: { [K in keyof Records]: WxtStorageItem<RecordValue<K>, Record<string, unknown>> } = {
  settings: itemOf(RECORDS.settings),
  snapshots: itemOf(RECORDS.snapshots),
  history: itemOf(RECORDS.history),
  officialUptime: itemOf(RECORDS.officialUptime),
  observed: itemOf(RECORDS.observed),
  notifyState: itemOf(RECORDS.notifyState),
  health: itemOf(RECORDS.health),
  poll: itemOf(RECORDS.poll),
  browserSession: itemOf(RECORDS.browserSession),
};

/** Reads a record, re-validated; unreadable storage yields its fallback (and is reported). */
export async function load<K extends keyof Records>(name: K): Promise<RecordValue<K>> {
  const def = RECORDS[name] as unknown as RecordDef<RecordValue<K>>;
  try {
    return def.read(await items[name].getValue(), (m) => console.warn(`[ai-status] ${m}`));
  } catch (error) {
    console.warn(`[ai-status] Could not read ${name}; using its default.`, error);
    return def.fallback();
  }
}

/** Writes a record, in its stored form (`RecordDef.pack`). */
export function save<K extends keyof Records>(name: K, value: RecordValue<K>): Promise<void> {
  const def = RECORDS[name] as unknown as RecordDef<RecordValue<K>>;
  return items[name].setValue((def.pack ? def.pack(value) : value) as RecordValue<K>);
}

// The names the rest of the worker and the tests use.
export const settingsItem = items.settings;
export const snapshotsItem = items.snapshots;
export const historyItem = items.history;
export const officialUptimeItem = items.officialUptime;
export const observedItem = items.observed;
export const notifyStateItem = items.notifyState;
export const healthItem = items.health;
export const pollStateItem = items.poll;
export const browserSessionItem = items.browserSession;
