/**
 * Light structural checks for what views read from storage (the worker validates with zod; views
 * stay zod-free). Anything that would break drawing is dropped, so a corrupt record shows as
 * "no data yet" instead of a broken page.
 */
import { isLevel } from '../levels';
import type { DayBar, Incident, Uptime } from '../model';
import type { History, HistoryEntry, OfficialUptime, OfficialUptimeEntry } from '../storage';
import { PROVIDER_INFO } from '../providers/catalog';
import { sanitizeObserved } from '../observed-record';
import type { HistoryReaders } from './dashboard-state';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const strings = (v: unknown) => Array.isArray(v) && v.every(isStr);

/** Does `v` have every field an incident row reads? */
export function isIncident(v: unknown): v is Incident {
  return (
    isObj(v) &&
    [v.id, v.title, v.status, v.impact, v.startedAt, v.createdAt, v.url, v.latestUpdate].every(isStr) &&
    (v.resolvedAt === null || isStr(v.resolvedAt)) &&
    strings(v.componentIds) &&
    strings(v.componentNames) &&
    Array.isArray(v.phases) &&
    v.phases.every((p) => isObj(p) && isStr(p.status) && isStr(p.at))
  );
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
    (v.percent30d === null || isNum(v.percent30d)) &&
    (v.percent90d === null || isNum(v.percent90d)) &&
    Array.isArray(v.days) &&
    v.days.every(isDay)
  );
}

function perProvider<T>(raw: unknown, keep: (entry: Obj) => T | null): Partial<Record<string, T>> {
  const out: Partial<Record<string, T>> = {};
  if (!isObj(raw)) return out;
  for (const { id } of PROVIDER_INFO) {
    const entry = raw[id];
    const kept = isObj(entry) ? keep(entry) : null;
    if (kept) out[id] = kept;
  }
  return out;
}

/** Stored incident history, keeping only drawable incidents. */
export function sanitizeHistory(raw: unknown): History {
  return perProvider<HistoryEntry>(raw, (e) =>
    Array.isArray(e.incidents) && isNum(e.fetchedAt)
      ? { incidents: e.incidents.filter(isIncident), fetchedAt: e.fetchedAt, activeKey: isStr(e.activeKey) ? e.activeKey : '' }
      : null,
  );
}

/** Stored official uptime, keeping only drawable figures. */
export function sanitizeOfficialUptime(raw: unknown): OfficialUptime {
  return perProvider<OfficialUptimeEntry>(raw, (e) => {
    if (!isUptime(e.uptime) || !isNum(e.fetchedAt)) return null;
    const components: Record<string, Uptime> = {};
    if (isObj(e.components)) for (const [id, u] of Object.entries(e.components)) if (isUptime(u)) components[id] = u;
    return { uptime: e.uptime, components, fetchedAt: e.fetchedAt };
  });
}

/** The dashboard's readers: full re-validation of every history record. */
export const FULL_READERS: Required<HistoryReaders> = {
  history: sanitizeHistory,
  officialUptime: sanitizeOfficialUptime,
  observed: (raw) => sanitizeObserved(raw, () => undefined),
};
