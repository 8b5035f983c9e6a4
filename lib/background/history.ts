/**
 * The heavier reads run after a poll: `incidents.json` (history) at most every 10 minutes or at
 * once when the set of active incidents changed, and official uptime figures at most hourly
 * (conditionally, with the ETag of the last read, where the page sends one). Both fail soft: a
 * failed read keeps the stored entry, and a provider whose read just failed is not asked again for
 * a couple of minutes.
 *
 * The incident list is stored **as read**: whether it covers a window (it is complete when it holds
 * fewer incidents than the platform returns at most, else it reaches back to its oldest incident)
 * can only be decided on the whole list, so nothing is pruned before that (lib/uptime.ts,
 * `incidentsCoverStart`). The list is bounded by the source (50 on Statuspage).
 */
import type { ProviderId, ServiceStatus } from '../model';
import { NOT_MODIFIED, type FetchLike } from '../providers/http';
import type { ProviderDefinition } from '../providers/types';
import { save, type History, type HistoryEntry, type OfficialUptimeEntry, type Snapshots } from '../storage';
import { incidentInterval, DAY_MS, WINDOW_DAYS } from '../uptime';
import { readHistory, readOfficialUptime } from './stored';

/** History is re-read at most this often unless the active incidents changed. */
export const HISTORY_MAX_AGE_MS = 10 * 60_000;
/** Official uptime is re-read at most this often. */
export const OFFICIAL_UPTIME_MAX_AGE_MS = 60 * 60_000;
/** After a failed read, wait this long before trying that source again. */
export const RETRY_AFTER_FAILURE_MS = 2 * 60_000;

/** What the refreshers need. */
export interface HistoryDeps {
  providers: readonly ProviderDefinition[];
  fetch: FetchLike;
  now: () => number;
  /**
   * Time of the last failed read per source (`history:<id>` / `uptime:<id>`), to avoid re-asking a
   * failing endpoint every poll: one map per worker life (`AfterPollDeps.failures`).
   */
  failures: Map<string, number>;
}

/** Sorted ids of a snapshot's active (unresolved) incidents, joined with `,`. */
export function activeKeyOf(status: Pick<ServiceStatus, 'incidents'>): string {
  return status.incidents
    .filter((i) => i.resolvedAt === null)
    .map((i) => i.id)
    .sort()
    .join(',');
}

/** Is the stored history due: none yet, older than 10 minutes, from the future, or the active set changed? */
export function shouldRefreshHistory(entry: HistoryEntry | undefined, activeKey: string, now: number): boolean {
  if (!entry) return true;
  if (entry.activeKey !== activeKey) return true;
  const age = now - entry.fetchedAt;
  return age < 0 || age >= HISTORY_MAX_AGE_MS;
}

/** Is the stored official uptime due (none yet, older than an hour, or from the future)? */
export function shouldRefreshOfficialUptime(entry: OfficialUptimeEntry | undefined, now: number): boolean {
  if (!entry) return true;
  const age = now - entry.fetchedAt;
  return age < 0 || age >= OFFICIAL_UPTIME_MAX_AGE_MS;
}

/** Most incidents kept per provider: more than any platform's list holds (Statuspage: 50). */
export const MAX_STORED_INCIDENTS = 100;

/**
 * The list to store: as read (coverage is decided on the whole list), newest first, bounded by
 * `MAX_STORED_INCIDENTS` (a longer list keeps its newest, and then never reads as complete).
 */
export function incidentsToStore<T extends HistoryEntry['incidents'][number]>(incidents: readonly T[]): T[] {
  const sorted = [...incidents].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return (sorted.length > MAX_STORED_INCIDENTS ? sorted.slice(0, MAX_STORED_INCIDENTS) : incidents.slice()).map(storedIncident);
}

/**
 * An incident as kept in the history: without its update text (the timeline shows titles, phases
 * and links; an active incident's text comes from the live snapshot) and with its lists bounded,
 * so 20 services' histories stay small (docs/ARCHITECTURE.md#storage). Coverage and the estimate
 * read only times, statuses and component ids, which are kept whole up to these bounds.
 */
function storedIncident<T extends HistoryEntry['incidents'][number]>(i: T): T {
  return {
    ...i,
    latestUpdate: '',
    componentNames: i.componentNames.slice(0, 30),
    phases: i.phases.slice(-12),
    ...(i.componentChanges ? { componentChanges: statusChanges(i.componentChanges).slice(-120) } : {}),
  };
}

/**
 * Only the real changes: Statuspage updates restate every affected component's status, so most
 * entries repeat the previous one for that component (two thirds of Claude's stored history). A
 * repeat changes nothing the estimate reads (it charges each status until the next change).
 */
function statusChanges(list: NonNullable<HistoryEntry['incidents'][number]['componentChanges']>): typeof list {
  const last = new Map<string, string>();
  return list.filter((c) => {
    if (last.get(c.id) === c.status) return false;
    last.set(c.id, c.status);
    return true;
  });
}

/**
 * Drops incidents that ended more than 90 days before `now` (open ones always stay). For display
 * only: never apply it to a list before its coverage is decided.
 */
export function pruneIncidents<T extends HistoryEntry['incidents'][number]>(incidents: readonly T[], now: number): T[] {
  const cutoff = now - WINDOW_DAYS * DAY_MS;
  return incidents.filter((i) => {
    const interval = incidentInterval(i, now);
    return interval !== null && interval.end >= cutoff;
  });
}

function recentlyFailed(failures: Map<string, number>, key: string, now: number): boolean {
  const at = failures.get(key);
  return at !== undefined && now - at >= 0 && now - at < RETRY_AFTER_FAILURE_MS;
}

/**
 * Re-reads `incidents.json` for the providers whose status fetch succeeded in this poll, when due
 * (see `shouldRefreshHistory`), and stores the list as read in `historyItem` (see
 * `incidentsToStore`). A failed read keeps the stored entry. Writes only when something was read.
 * Call after each poll with `ctx.after` and `ctx.succeeded`.
 */
export async function refreshHistory(deps: HistoryDeps, snapshots: Snapshots, succeeded: readonly ProviderId[]): Promise<void> {
  const { failures } = deps;
  const stored: History = await readHistory();
  const next: History = { ...stored };
  let changed = false;
  await Promise.all(
    deps.providers.map(async (def) => {
      const snapshot = snapshots[def.id];
      if (!snapshot || !succeeded.includes(def.id)) return;
      const key = `history:${def.id}`;
      const activeKey = activeKeyOf(snapshot);
      const now = deps.now();
      if (!shouldRefreshHistory(stored[def.id], activeKey, now) || recentlyFailed(failures, key, now)) return;
      try {
        const outcome = await def.adapter.fetchHistory(def, { fetch: deps.fetch, now: deps.now });
        if (!outcome.ok) {
          failures.set(key, deps.now());
          return;
        }
        failures.delete(key);
        const at = deps.now();
        next[def.id] = { incidents: incidentsToStore(outcome.incidents), fetchedAt: at, activeKey };
        changed = true;
      } catch {
        failures.set(key, deps.now());
      }
    }),
  );
  if (changed) await save('history', next);
}

/**
 * Re-reads official uptime figures, at most hourly, for the providers whose adapter publishes them
 * (`fetchUptime`) and whose status fetch succeeded in this poll; stores them in
 * the `officialUptime` record. The read is conditional on the stored figures' ETag where there is one: a
 * 304 keeps the figures and marks them read now. Fails soft: a failed read keeps the stored entry.
 * Call after each poll.
 */
export async function refreshOfficialUptime(deps: HistoryDeps, succeeded: readonly ProviderId[]): Promise<void> {
  const { failures } = deps;
  const stored = await readOfficialUptime();
  const next = { ...stored };
  let changed = false;
  await Promise.all(
    deps.providers.map(async (def) => {
      const fetchUptime = def.adapter.fetchUptime;
      if (!fetchUptime || !succeeded.includes(def.id)) return;
      const key = `uptime:${def.id}`;
      const now = deps.now();
      const previous = stored[def.id];
      if (!shouldRefreshOfficialUptime(previous, now) || recentlyFailed(failures, key, now)) return;
      const etag = previous?.uptime.etag ?? null;
      try {
        const outcome = await fetchUptime(def, { fetch: deps.fetch, now: deps.now, etag });
        if (!outcome.ok) {
          if (previous && etag && outcome.error.httpStatus === NOT_MODIFIED) {
            failures.delete(key);
            next[def.id] = { ...previous, fetchedAt: deps.now() };
            changed = true;
          } else failures.set(key, deps.now());
          return;
        }
        failures.delete(key);
        next[def.id] = { uptime: outcome.uptime, components: outcome.components, fetchedAt: deps.now() };
        changed = true;
      } catch {
        failures.set(key, deps.now());
      }
    }),
  );
  if (changed) await save('officialUptime', next);
}
