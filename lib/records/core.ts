/**
 * The shared part of the stored records (see `index.ts`): the guards every reader is built from,
 * the record types, and `RecordDef`. Zod-free and storage-free.
 */
import { isLevel, type Level } from '../levels';
import type { DayBar, FetchError, Incident, Maintenance, ProviderId, ServiceStatus, Uptime } from '../model';

// ————————————————————————————————————————————— guards

type Obj = Record<string, unknown>;
/** A plain object (not null, not an array). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isStr = (v: unknown): v is string => typeof v === 'string';
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const strOrNull = (v: unknown) => v === null || isStr(v);
const numOrNull = (v: unknown) => v === null || isNum(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const PROVIDER_ID = /^(?:[a-z0-9-]{1,40}|custom:[a-z0-9.-]{1,253})$/;

/** Is `id` shaped like a provider id (catalog id or `custom:<hostname>`)? */
export function isProviderId(id: unknown): id is ProviderId {
  return isStr(id) && PROVIDER_ID.test(id);
}

/** Does `v` have every field an incident row reads? */
export function isIncident(v: unknown): v is Incident {
  return (
    isObj(v) &&
    [v.id, v.title, v.status, v.impact, v.startedAt, v.createdAt, v.updatedAt, v.url, v.latestUpdate].every(isStr) &&
    strOrNull(v.resolvedAt) &&
    strings(v.componentIds) &&
    strings(v.componentNames) &&
    Array.isArray(v.phases) &&
    v.phases.every((p) => isObj(p) && isStr(p.status) && isStr(p.at))
  );
}

function isMaintenance(v: unknown): v is Maintenance {
  return isObj(v) && [v.id, v.title, v.status, v.scheduledFor, v.url, v.latestUpdate].every(isStr) && strOrNull(v.scheduledUntil) && strings(v.componentIds);
}

function isDay(v: unknown): v is DayBar {
  return isObj(v) && isStr(v.date) && isLevel(v.level) && isNum(v.outageMinutes) && isNum(v.degradedMinutes) && strings(v.incidents);
}

/** Does `v` have every field an uptime strip reads? */
export function isUptime(v: unknown): v is Uptime {
  return (
    isObj(v) &&
    (v.source === 'official' || v.source === 'incidents' || v.source === 'observed') &&
    isNum(v.coversDays) &&
    numOrNull(v.percent30d) &&
    numOrNull(v.percent90d) &&
    Array.isArray(v.days) &&
    v.days.every(isDay)
  );
}

export function isFetchError(v: unknown): v is FetchError {
  return isObj(v) && isStr(v.kind) && isStr(v.message) && numOrNull(v.httpStatus) && isNum(v.at);
}

function isComponent(v: unknown): v is ServiceStatus['components'][number] {
  return isObj(v) && isStr(v.id) && isStr(v.name) && strOrNull(v.group) && isStr(v.rawStatus) && isLevel(v.level) && isStr(v.description);
}

/**
 * A stored snapshot of provider `id`, or null when it cannot be drawn. Lists keep their valid
 * elements only.
 */
export function readStatus(v: unknown, id: ProviderId): ServiceStatus | null {
  if (!isObj(v) || v.providerId !== id || !isLevel(v.level) || !isNum(v.fetchedAt)) return null;
  if (![v.name, v.pageUrl, v.description].every(isStr) || !strOrNull(v.sourceUpdatedAt)) return null;
  if (!Array.isArray(v.components) || !Array.isArray(v.incidents) || !Array.isArray(v.maintenances)) return null;
  return {
    ...(v as unknown as ServiceStatus),
    components: v.components.filter(isComponent),
    incidents: v.incidents.filter(isIncident),
    maintenances: v.maintenances.filter(isMaintenance),
    uptime: isUptime(v.uptime) ? v.uptime : null,
    error: isFetchError(v.error) ? v.error : null,
    stale: v.stale === true,
    via: v.via === 'html' ? 'html' : 'api',
  };
}

/** Told about each stored value a reader had to drop (the worker logs it; views stay silent). */
export type Report = (message: string) => void;

/** Keeps, per provider id, the entries `keep` accepts; reports what it drops. */
export function perProvider<T>(raw: unknown, keep: (entry: unknown, id: ProviderId) => T | null, what = 'entry', report?: Report): Partial<Record<ProviderId, T>> {
  const out: Partial<Record<ProviderId, T>> = {};
  if (!isObj(raw)) {
    if (raw != null) report?.(`Stored ${what} was unreadable; starting fresh.`);
    return out;
  }
  for (const [id, entry] of Object.entries(raw)) {
    if (!isProviderId(id) || entry === undefined) continue;
    const kept = keep(entry, id);
    if (kept !== null) out[id] = kept;
    else report?.(`Stored ${what} for ${id} was unreadable; it will be read again.`);
  }
  return out;
}

// ————————————————————————————————————————————— record types

/** Last good normalized status per provider. Written only when the data changed. */
export type Snapshots = Partial<Record<ProviderId, ServiceStatus>>;

/** Per provider: the 50 most recent incidents (`incidents.json`) and when they were read. */
export interface HistoryEntry {
  incidents: Incident[];
  fetchedAt: number;
  /** Sorted ids of the active incidents when this was read: a change triggers a re-read. */
  activeKey: string;
}
export type History = Partial<Record<ProviderId, HistoryEntry>>;

/** Per provider: official uptime figures, where the provider publishes them. */
export interface OfficialUptimeEntry {
  uptime: Uptime;
  components: Record<string, Uptime>;
  fetchedAt: number;
}
export type OfficialUptime = Partial<Record<ProviderId, OfficialUptimeEntry>>;

/** One level change this extension saw. */
export interface Transition {
  at: number;
  level: Level;
}
/** Level transitions observed since install, per provider and per component, 90 days, bounded. */
export interface Observed {
  since: number | null;
  /** Last time a poll recorded here (refreshed at most every few minutes): gaps after it are no data. */
  seenAt?: number | null;
  providers: Partial<Record<ProviderId, Transition[]>>;
  components: Partial<Record<ProviderId, Record<string, Transition[]>>>;
}

/** Notification state per provider (version 2). */
export interface NotifyEntry {
  /** Level last notified about (or accepted as the baseline). */
  notifiedLevel: Level | null;
  /** A level seen once, waiting for a second poll to confirm. */
  pending: Level | null;
  /** Last problem notification (ms). */
  lastNotifiedAt: number | null;
  /**
   * The worst level a problem notification was shown for during the ongoing problem (null: none):
   * its recovery will be announced, and only a worse level is announced again.
   */
  announced: Level | null;
  /** The browser session this state was last baselined in (null: none yet). */
  session: number | string | null;
  /** The provider's own level at its last successful poll ("notify me when it's back" follows it). */
  providerLevel: Level | null;
}
export type NotifyStates = Partial<Record<ProviderId, NotifyEntry>>;

/** Per-provider fetch health, kept in `storage.session` (survives worker restarts). */
export interface Health {
  /** Last poll attempt that reached the network (ms). */
  checkedAt: number | null;
  /** Last successful read (ms). */
  okAt: number | null;
  error: FetchError | null;
  /** Consecutive failures. */
  failures: number;
  /** Our own backoff: no scheduled poll before this (ms). "Refresh now" skips it. */
  backoffUntil: number | null;
  /** The server's `Retry-After`: no request at all before this (ms), even on "Refresh now". */
  retryAfterUntil: number | null;
  etag: string | null;
}
export type HealthMap = Partial<Record<ProviderId, Health>>;

/** Health before anything was tried. */
export const EMPTY_HEALTH: Health = { checkedAt: null, okAt: null, error: null, failures: 0, backoffUntil: null, retryAfterUntil: null, etag: null };

/** Poll bookkeeping. */
export interface PollState {
  /** Start of the last poll (ms). */
  lastPollAt: number | null;
  /** End of the last poll (ms). */
  lastDoneAt: number | null;
}


/** Where a record lives. `local` keeps what is worth keeping; `session` what a browser restart may lose. */
export type Area = 'local' | 'session';

/** One stored record. */
export interface RecordDef<T> {
  /** `area:name`, the WXT key form. */
  readonly key: `${Area}:${string}`;
  /** Current version; a value stored by an older one is migrated on the worker's first read. */
  readonly version: number;
  /** The value when nothing (or nothing readable) is stored. */
  readonly fallback: () => T;
  /** Re-validates a stored value; never throws. `report` hears what was dropped. */
  readonly read: (raw: unknown, report?: Report) => T;
  /**
   * The stored form of a value, where it differs (uptime day bars are packed: `compact.ts`); `read`
   * accepts it. Applied by the worker's `save`.
   */
  pack?(value: T): unknown; // method syntax: a RecordDef<Settings> is still a RecordDef<unknown>
  /** `version → (value of version-1) → value of version`, run by the worker's storage items. */
  readonly migrations?: Record<number, (old: never) => unknown>;
}

/** Splits `local:settings` into its area and its name in that area. */
export function splitKey(key: RecordDef<unknown>['key']): { area: Area; name: string } {
  const i = key.indexOf(':');
  return { area: key.slice(0, i) as Area, name: key.slice(i + 1) };
}

/** Declares a record (only for its type). */
export const define = <T,>(def: RecordDef<T>): RecordDef<T> => def;

