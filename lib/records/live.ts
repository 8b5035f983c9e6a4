/**
 * The records every view reads on its first paint: settings, snapshots, incident history, fetch
 * health and poll bookkeeping (see `index.ts` for all records).
 */
import { DEFAULT_SETTINGS, migrateSettingsV1, migrateSettingsV2, sanitizeSettings, type Settings } from '../settings';
import { packIncident, unpackIncident } from './compact-incident';
import { define, isFetchError, isIncident, isNum, isObj, isStr, perProvider, readStatus, type HealthMap, type Health, type History, type PollState, type Snapshots } from './core';

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

/** User settings (v3: service list; v2: three fixed providers; v1: interval and one switch). */
export const settingsRecord = define<Settings>({
  key: 'local:settings',
  version: 3,
  fallback: () => structuredClone(DEFAULT_SETTINGS),
  read: (raw, report) => {
    if (raw != null && !isObj(raw)) report?.('Stored settings were unreadable; using the defaults.');
    return sanitizeSettings(raw);
  },
});

/**
 * The settings record's migrations (v1 → v2 → v3). Part of its definition; kept in their own
 * export so only the worker, which runs them, bundles them (`index.ts` joins the two).
 */
export const settingsMigrations = { 2: migrateSettingsV1, 3: migrateSettingsV2 };

/** Last good normalized status per provider. Written only when the data changed. */
export const snapshotsRecord = define<Snapshots>({ key: 'local:snapshots', version: 1, fallback: () => ({}), read: (raw, report) => perProvider(raw, readStatus, 'snapshot', report) });

/** Per provider: the most recent incidents and when they were read; component changes stored packed. */
export const historyRecord = define<History>({
  key: 'local:history',
  version: 1,
  fallback: () => ({}),
  read: (raw, report) =>
    perProvider(
      raw,
      (e) =>
        isObj(e) && Array.isArray(e.incidents) && isNum(e.fetchedAt)
          ? { incidents: e.incidents.map(unpackIncident).filter(isIncident), fetchedAt: e.fetchedAt, activeKey: isStr(e.activeKey) ? e.activeKey : '' }
          : null,
      'incident history',
      report,
    ),
  pack: (value) => Object.fromEntries(Object.entries(value).map(([id, e]) => [id, e && { ...e, incidents: e.incidents.map(packIncident) }])),
});

/** Fetch health per provider (survives worker restarts, not browser restarts). */
export const healthRecord = define<HealthMap>({ key: 'session:health', version: 1, fallback: () => ({}), read: (raw, report) => perProvider(raw, readHealth, 'fetch health', report) });

/** Poll bookkeeping. */
export const pollRecord = define<PollState>({
  key: 'session:poll',
  version: 1,
  fallback: () => ({ lastPollAt: null, lastDoneAt: null }),
  read: (raw) => ({
    lastPollAt: isObj(raw) && isNum(raw.lastPollAt) ? raw.lastPollAt : null,
    lastDoneAt: isObj(raw) && isNum(raw.lastDoneAt) ? raw.lastDoneAt : null,
  }),
});

