/**
 * Every stored record, defined once: its key (area + name), version, fallback, reader and
 * migrations. The worker builds its WXT storage items from these definitions (`lib/storage.ts`);
 * the views read the same keys through their light store (`lib/ui/browser-ports.ts`) with the same
 * readers. Zod-free and storage-free, so it costs the popup nothing it does not use: zod stays at
 * the network edge (the adapters), and what is read back from storage is re-checked here.
 *
 * A reader never throws: it keeps every valid part of a stored value and drops the rest, so a
 * corrupt record shows as "no data yet" instead of a broken page. docs/ARCHITECTURE.md lists the
 * records and their versions.
 */
import { isLevel, type Level } from './levels';
import type { DayBar, FetchError, Incident, Maintenance, ProviderId, ServiceStatus, Uptime } from './model';
import { DEFAULT_SETTINGS, migrateSettingsV1, migrateSettingsV2, sanitizeSettings, type Settings } from './settings';

// ————————————————————————————————————————————— guards

type Obj = Record<string, unknown>;
/** A plain object (not null, not an array). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
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

function isFetchError(v: unknown): v is FetchError {
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
function perProvider<T>(raw: unknown, keep: (entry: unknown, id: ProviderId) => T | null, what = 'entry', report?: Report): Partial<Record<ProviderId, T>> {
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

// ————————————————————————————————————————————— readers

function readTransitions(raw: unknown): Transition[] | null {
  if (!Array.isArray(raw)) return null;
  return raw
    .filter((t): t is Transition => isObj(t) && isNum(t.at) && isLevel(t.level))
    .map((t) => ({ at: t.at, level: t.level }))
    .sort((a, b) => a.at - b.at);
}

/** Re-validates the observed record; unreadable parts are dropped. */
export function readObserved(raw: unknown, report?: Report): Observed {
  const out: Observed = { since: null, providers: {}, components: {} };
  if (!isObj(raw)) {
    if (raw != null) report?.('Stored observed history was unreadable; starting it afresh.');
    return out;
  }
  out.since = isNum(raw.since) ? raw.since : null;
  if (isNum(raw.seenAt)) out.seenAt = raw.seenAt;
  out.providers = perProvider(raw.providers, readTransitions);
  out.components = perProvider(raw.components, (byComponent) => {
    if (!isObj(byComponent)) return null;
    const record: Record<string, Transition[]> = {};
    for (const [cid, value] of Object.entries(byComponent)) {
      const list = readTransitions(value);
      if (list) record[cid] = list;
    }
    return record;
  });
  return out;
}

function readHealth(v: unknown): Health | null {
  if (!isObj(v)) return null;
  return {
    checkedAt: isNum(v.checkedAt) ? v.checkedAt : null,
    okAt: isNum(v.okAt) ? v.okAt : null,
    error: isFetchError(v.error) ? v.error : null,
    failures: isNum(v.failures) ? v.failures : 0,
    backoffUntil: isNum(v.backoffUntil) ? v.backoffUntil : null,
    retryAfterUntil: isNum(v.retryAfterUntil) ? v.retryAfterUntil : null,
    etag: isStr(v.etag) ? v.etag : null,
  };
}

const PROBLEM = (l: unknown) => l === 'degraded' || l === 'outage';

function readNotifyEntry(v: unknown): NotifyEntry | null {
  if (!isObj(v)) return null;
  return {
    notifiedLevel: isLevel(v.notifiedLevel) ? v.notifiedLevel : null,
    pending: isLevel(v.pending) ? v.pending : null,
    lastNotifiedAt: isNum(v.lastNotifiedAt) ? v.lastNotifiedAt : null,
    announced: PROBLEM(v.announced) ? (v.announced as Level) : null,
    session: isNum(v.session) || isStr(v.session) ? v.session : null,
    providerLevel: isLevel(v.providerLevel) ? v.providerLevel : null,
  };
}

/**
 * Notification state v1 → v2. v1 entries were `{notifiedLevel, pending, lastNotifiedAt}`, later
 * with optional `problemNotified` and `session`; a problem counted as announced when
 * `problemNotified` was true, or (entries without it) when it had a notification time.
 */
export function migrateNotifyStateV1(old: unknown): NotifyStates {
  return perProvider(old, (e) => {
    const entry = readNotifyEntry(e);
    if (!entry || !isObj(e)) return null;
    const notified = e.problemNotified === true || (e.problemNotified === undefined && isNum(e.lastNotifiedAt));
    return { ...entry, announced: notified && PROBLEM(entry.notifiedLevel) ? entry.notifiedLevel : null };
  });
}

// ————————————————————————————————————————————— definitions

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
  /** `version → (value of version-1) → value of version`, run by the worker's storage items. */
  readonly migrations?: Record<number, (old: never) => unknown>;
}

/** Splits `local:settings` into its area and its name in that area. */
export function splitKey(key: RecordDef<unknown>['key']): { area: Area; name: string } {
  const i = key.indexOf(':');
  return { area: key.slice(0, i) as Area, name: key.slice(i + 1) };
}

const define = <T>(def: RecordDef<T>): RecordDef<T> => def;

/** Every stored record. */
export const RECORDS = {
  /** User settings (v3: service list; v2: three fixed providers; v1: interval and one switch). */
  settings: define<Settings>({
    key: 'local:settings',
    version: 3,
    fallback: () => structuredClone(DEFAULT_SETTINGS),
    read: (raw, report) => {
      if (raw != null && !isObj(raw)) report?.('Stored settings were unreadable; using the defaults.');
      return sanitizeSettings(raw);
    },
    migrations: { 2: migrateSettingsV1, 3: migrateSettingsV2 },
  }),
  snapshots: define<Snapshots>({ key: 'local:snapshots', version: 1, fallback: () => ({}), read: (raw, report) => perProvider(raw, readStatus, 'snapshot', report) }),
  history: define<History>({
    key: 'local:history',
    version: 1,
    fallback: () => ({}),
    read: (raw, report) =>
      perProvider(
        raw,
        (e) =>
          isObj(e) && Array.isArray(e.incidents) && isNum(e.fetchedAt)
            ? { incidents: e.incidents.filter(isIncident), fetchedAt: e.fetchedAt, activeKey: isStr(e.activeKey) ? e.activeKey : '' }
            : null,
        'incident history',
        report,
      ),
  }),
  officialUptime: define<OfficialUptime>({
    key: 'local:officialUptime',
    version: 1,
    fallback: () => ({}),
    read: (raw, report) =>
      perProvider(
        raw,
        (e) => {
          if (!isObj(e) || !isUptime(e.uptime) || !isNum(e.fetchedAt)) return null;
          const components: Record<string, Uptime> = {};
          if (isObj(e.components)) for (const [id, u] of Object.entries(e.components)) if (isUptime(u)) components[id] = u;
          return { uptime: e.uptime, components, fetchedAt: e.fetchedAt };
        },
        'official uptime',
        report,
      ),
  }),
  observed: define<Observed>({ key: 'local:observed', version: 1, fallback: () => ({ since: null, providers: {}, components: {} }), read: readObserved }),
  /** v2: `announced` level and `session` always present (v1: optional `problemNotified`, `session`). */
  notifyState: define<NotifyStates>({
    key: 'local:notifyState',
    version: 2,
    fallback: () => ({}),
    read: (raw, report) => perProvider(raw, readNotifyEntry, 'notification state', report),
    migrations: { 2: migrateNotifyStateV1 },
  }),
  health: define<HealthMap>({ key: 'session:health', version: 1, fallback: () => ({}), read: (raw) => perProvider(raw, readHealth) }),
  poll: define<PollState>({
    key: 'session:poll',
    version: 1,
    fallback: () => ({ lastPollAt: null, lastDoneAt: null }),
    read: (raw) => ({
      lastPollAt: isObj(raw) && isNum(raw.lastPollAt) ? raw.lastPollAt : null,
      lastDoneAt: isObj(raw) && isNum(raw.lastDoneAt) ? raw.lastDoneAt : null,
    }),
  }),
  /** When this browser session's first worker started: a new value means the browser restarted. */
  browserSession: define<number | null>({ key: 'session:browserSession', version: 1, fallback: () => null, read: (raw) => (isNum(raw) ? raw : null) }),
} as const;

/** The records by name. */
export type Records = typeof RECORDS;
/** The value type of a record. */
export type RecordValue<K extends keyof Records> = Records[K] extends RecordDef<infer T> ? T : never;
