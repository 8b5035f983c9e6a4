/**
 * What the dashboard shows of the past for one provider: the uptime figure to trust (official,
 * else estimated from incidents, else observed), per-component figures from the same source, and
 * the 90-day incident timeline. Pure; the popup uses the lighter `recent-incidents.ts` instead.
 */
import type { Incident, ServiceStatus, Uptime, UptimeWorst } from '../model';
import type { HistoryEntry, Observed, OfficialUptimeEntry } from '../storage';
import {
  aggregateUptime,
  DAY_MS,
  estimateFromIncidents,
  incidentListCap,
  incidentsCoverStart,
  mergeIncidents,
  officialAsOf,
  uptimeFromObserved,
  WINDOW_DAYS,
  type Interval,
  unknownSpans,
} from '../uptime';
import type { ProviderId } from '../model';

/** One provider's past, ready to draw. */
export interface ProviderHistoryView {
  uptime: Uptime | null;
  /** Per component id, from the same source as `uptime`. */
  components: Record<string, Uptime>;
  /** Resolved incidents of the last 90 days, newest first (active ones are shown above them). */
  timeline: Incident[];
}

/** What else the view needs to know about the provider. */
export interface HistoryOptions {
  /** Its platform: how many incidents its list holds at most (see `incidentListCap`). */
  platform?: string;
  /** Time to leave out of observed figures; by default the provider's own `unknown` time (`unknownSpans`). */
  gaps?: readonly Interval[];
}

function named(worst: UptimeWorst | null | undefined, names: ReadonlyMap<string, string>): UptimeWorst | null {
  if (!worst) return null;
  return worst.name ? worst : { ...worst, name: names.get(worst.id) ?? '' };
}

/** Fills the lowest components' names from the snapshot where the source had none. */
function withNames(uptime: Uptime, names: ReadonlyMap<string, string>): Uptime {
  if (!uptime.basis) return uptime;
  return { ...uptime, basis: { ...uptime.basis, worst90: named(uptime.basis.worst90, names), worst30: named(uptime.basis.worst30, names) } };
}

/** Builds the history view of `id` from what is stored. */
export function providerHistory(
  id: ProviderId,
  snapshot: ServiceStatus | null,
  history: HistoryEntry | undefined,
  official: OfficialUptimeEntry | undefined,
  observed: Observed,
  now: number,
  options: HistoryOptions = {},
): ProviderHistoryView {
  const incidents = history ? mergeIncidents(history.incidents, snapshot?.incidents ?? []) : [];
  const cutoff = now - WINDOW_DAYS * DAY_MS;
  const timeline = incidents
    .filter((i) => i.resolvedAt !== null && Date.parse(i.resolvedAt) >= cutoff)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const parts = snapshot?.components.map((c) => ({ id: c.id, name: c.name })) ?? [];
  const names = new Map(parts.map((c) => [c.id, c.name]));

  // 1. The provider's own figures, as they stand now (dated and no-data after their last day when old).
  if (official && official.uptime.coversDays > 0) {
    const components: Record<string, Uptime> = {};
    for (const [cid, u] of Object.entries(official.components)) components[cid] = officialAsOf(u, official.fetchedAt, now);
    return { uptime: withNames(officialAsOf(official.uptime, official.fetchedAt, now), names), components, timeline };
  }

  // 2. An estimate from the incidents, its coverage decided on the stored list as read. A source
  //    whose incidents name no component at all (incident.io's compatible layer) allows none.
  if (history && incidents.length > 0) {
    const coverStart = incidentsCoverStart(history.incidents, now, incidentListCap(options.platform));
    const estimate = estimateFromIncidents(incidents, now, { coverStart, components: parts });
    const usable = estimate.charged > 0 || !estimate.uptime.uncounted;
    if (usable && estimate.uptime.coversDays > 0) return { uptime: withNames(estimate.uptime, names), components: estimate.components, timeline };
  }

  // 3. What this extension saw: the average of the components it recorded, else the provider's own record.
  const gaps = options.gaps ?? unknownSpans(observed.providers[id], now);
  const components: Record<string, Uptime> = {};
  for (const { id: cid } of parts) {
    const list = observed.components[id]?.[cid];
    if (list?.length) components[cid] = uptimeFromObserved(list, observed.since, now, gaps);
  }
  const recorded = parts.filter((p) => components[p.id]).map((p) => ({ ...p, uptime: components[p.id]! }));
  let uptime: Uptime | null = null;
  if (recorded.length) uptime = { ...aggregateUptime(recorded, 'observed'), since: recorded[0]!.uptime.since ?? null };
  else {
    const transitions = observed.providers[id] ?? [];
    if (transitions.length) {
      const own = uptimeFromObserved(transitions, observed.since, now, gaps);
      uptime = { ...own, basis: { method: 'own', components: 0, worst90: null, worst30: null } };
    }
  }
  return { uptime: uptime && uptime.coversDays > 0 ? uptime : null, components: uptime && uptime.coversDays > 0 ? components : {}, timeline };
}
