/**
 * The background's storage: the records (`records/`) a script stores, read and written through the
 * extension's storage areas under the same keys and version marks the views read
 * (`lib/ui/browser-ports.ts`). Each script says which records it stores and, where it has no
 * storage API of its own (Chrome's parsing document), through which areas (`useStorage`).
 *
 * Nothing is read until it is asked for — a worker woken to poll reads only the records the poll
 * needs (docs/ARCHITECTURE.md#the-worker-wake), in one round trip per area (`loadAll`). Each
 * value is read with its version mark (`<name>$: {v}`, absent = 1); a value stored by an older
 * version is migrated when read and written back with the current mark.
 */
import { browser } from 'wxt/browser';
import { splitKey, type Area, type RecordDef } from './records/core';
import type { Records, RecordValue } from './records';

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

/** A record's name (`settings`, `snapshots`, …). */
export type RecordName = keyof Records;

const metaKey = (name: string) => `${name}$`;
/** One storage area, as this module uses it: `browser.storage.local` / `.session`, or a stand-in for them. */
export interface AreaApi {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** What a script stores, and through which areas (the extension's own when not given). */
export interface StorageSetup {
  records: Partial<Records>;
  areas?: Readonly<Record<Area, AreaApi>>;
}

const registry: Partial<Record<RecordName, RecordDef<unknown>>> = {};
let areas: Readonly<Record<Area, AreaApi>> | null = null;

/**
 * Adds the records this script stores (added to any added before) and sets the areas they go
 * through. Each script's entry calls it before its first read: the worker only the records a poll
 * needs (`WORKER_RECORDS`), so its script carries no other record's reader.
 */
export function useStorage(setup: StorageSetup): void {
  Object.assign(registry, setup.records);
  if (setup.areas) areas = setup.areas;
}

const areaOf = (area: Area): AreaApi => areas?.[area] ?? browser.storage[area];

function defOf<K extends RecordName>(name: K): RecordDef<RecordValue<K>> {
  const def = registry[name];
  // A programming error (a script reading a record it did not add), not bad data: never a fallback.
  if (!def) throw new Error(`${name} is not stored by this script (useStorage)`);
  return def as RecordDef<RecordValue<K>>;
}
const warn = (message: string) => console.warn(`[ai-status] ${message}`);

/**
 * The stored value of a record in its current version: migrations run (and their result is
 * written back) when the version mark is older. Throws on a value from a newer version.
 */
async function current<K extends RecordName>(name: K, raw: unknown, meta: unknown): Promise<unknown> {
  const def = defOf(name);
  if (raw == null) return raw;
  const stored = (meta as { v?: unknown } | undefined)?.v;
  const from = typeof stored === 'number' ? stored : 1;
  if (from > def.version) throw new Error(`stored as version ${from}, newer than this extension's ${def.version}`);
  let value = raw;
  for (let v = from + 1; v <= def.version; v++) value = (def.migrations?.[v] as ((old: unknown) => unknown) | undefined)?.(value) ?? value;
  if (from < def.version) {
    const { area, name: key } = splitKey(def.key);
    await areaOf(area).set({ [key]: value, [metaKey(key)]: { v: def.version } });
  }
  return value;
}

/** Records read before anyone asked (`readAhead`), each kept for the first `loadAll` that asks for it. */
let ahead: { at: number; values: Map<RecordName, Promise<unknown>> } | null = null;

/**
 * How long a read made ahead stays usable: only the event that woke the worker may use it. It is
 * also dropped by any write, from this worker or another context, so it is never older than what
 * is stored.
 */
export const AHEAD_MAX_AGE_MS = 1_000;

/**
 * Starts reading `names` now, in one request per area, for the next `loadAll`s of them: a woken
 * worker reads what its first poll needs while the rest of its script is still evaluated and its
 * event is on the way.
 */
export function readAhead(...names: readonly RecordName[]): void {
  const result = readRecords(names);
  result.catch(() => undefined);
  ahead = { at: Date.now(), values: new Map(names.map((name, i) => [name, result.then((values) => values[i])])) };
  const drop = () => {
    ahead = null;
    browser.storage.onChanged.removeListener(drop);
  };
  browser.storage.onChanged.addListener(drop);
}

/** Reads several records, re-validated, with one storage request per area. */
export async function loadAll<const K extends readonly RecordName[]>(...names: K): Promise<{ [I in keyof K]: RecordValue<K[I]> }> {
  if (ahead && Date.now() - ahead.at > AHEAD_MAX_AGE_MS) ahead = null;
  const early = ahead?.values;
  if (early && names.every((name) => early.has(name))) {
    const values = names.map((name) => early.get(name)!);
    for (const name of names) early.delete(name);
    return Promise.all(values) as Promise<{ [I in keyof K]: RecordValue<K[I]> }>;
  }
  return readRecords(names) as Promise<{ [I in keyof K]: RecordValue<K[I]> }>;
}

async function readRecords(names: readonly RecordName[]): Promise<unknown[]> {
  const keys: Record<Area, string[]> = { local: [], session: [] };
  for (const name of names) {
    const { area, name: key } = splitKey(defOf(name).key);
    keys[area].push(key, metaKey(key));
  }
  // A failed area read is kept as its error: every record in it falls back, the others still read.
  const read = (area: Area) => (keys[area].length ? areaOf(area).get(keys[area]).catch((error: unknown) => error as Error) : Promise.resolve({}));
  const [local, session] = await Promise.all([read('local'), read('session')]);
  const stored: Record<Area, Record<string, unknown> | Error> = { local: local!, session: session! };
  return Promise.all(
    names.map(async (name) => {
      const def = defOf(name);
      const { area, name: key } = splitKey(def.key);
      try {
        const values = stored[area];
        if (values instanceof Error) throw values;
        return def.read(await current(name, values[key], values[metaKey(key)]), warn);
      } catch (error) {
        console.warn(`[ai-status] Could not read ${name}; using its default.`, error);
        return def.fallback();
      }
    }),
  );
}

/** Reads a record, re-validated; unreadable storage yields its fallback (and is reported). */
export async function load<K extends RecordName>(name: K): Promise<RecordValue<K>> {
  const [value] = await loadAll(name);
  return value as RecordValue<K>;
}

/**
 * Writes a record in its stored form (`RecordDef.pack`), with its version mark when that is past
 * 1, so a later read never mistakes it for an older version. Storage reports a change only for
 * keys whose value changed, so the repeated mark costs nothing.
 */
export async function save<K extends RecordName>(name: K, value: RecordValue<K>): Promise<void> {
  const def = defOf(name);
  const { area, name: key } = splitKey(def.key);
  const stored = def.pack ? def.pack(value) : value;
  ahead = null;
  await areaOf(area).set(def.version > 1 ? { [key]: stored, [metaKey(key)]: { v: def.version } } : { [key]: stored });
}

/**
 * Calls `cb` with a record's new and previous values (re-validated) whenever it changes in
 * storage, from any context. Returns the function that stops watching.
 */
export function watch<K extends RecordName>(name: K, cb: (next: RecordValue<K>, previous: RecordValue<K>) => void): () => void {
  const def = defOf(name);
  const { area, name: key } = splitKey(def.key);
  const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, changedArea: string) => {
    const change = changes[key];
    if (changedArea !== area || !change) return;
    cb(def.read(change.newValue), def.read(change.oldValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
