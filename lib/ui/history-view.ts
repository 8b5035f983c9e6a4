/**
 * What the dashboard shows of the past for one provider: the uptime figure to trust (official,
 * else computed from incidents, else observed), per-component figures where the data allows, and
 * the 90-day incident timeline. Pure; the popup uses the lighter `recent-incidents.ts` instead.
 */
import type { Incident, ServiceStatus, Uptime } from '../model';
import type { HistoryEntry, Observed, OfficialUptimeEntry } from '../storage';
import { componentUptimesFromIncidents, mergeIncidents, preferredUptime, uptimeFromIncidents, uptimeFromObserved, WINDOW_DAYS, DAY_MS } from '../uptime';
import type { ProviderId } from '../model';

/** One provider's past, ready to draw. */
export interface ProviderHistoryView {
  uptime: Uptime | null;
  /** Per component id, from the same source as `uptime` where it has per-component data. */
  components: Record<string, Uptime>;
  /** Resolved incidents of the last 90 days, newest first (active ones are shown above them). */
  timeline: Incident[];
}

/** Builds the history view of `id` from what is stored. */
export function providerHistory(
  id: ProviderId,
  snapshot: ServiceStatus | null,
  history: HistoryEntry | undefined,
  official: OfficialUptimeEntry | undefined,
  observed: Observed,
  now: number,
): ProviderHistoryView {
  const incidents = history ? mergeIncidents(history.incidents, snapshot?.incidents ?? []) : [];
  const cutoff = now - WINDOW_DAYS * DAY_MS;
  const timeline = incidents
    .filter((i) => i.resolvedAt !== null && Date.parse(i.resolvedAt) >= cutoff)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const fromIncidents = history && incidents.length > 0 ? uptimeFromIncidents(incidents, now) : null;
  const transitions = observed.providers[id] ?? [];
  const fromObserved = transitions.length ? uptimeFromObserved(transitions, observed.since, now) : null;
  const uptime = preferredUptime({ official: official?.uptime ?? null, incidents: fromIncidents, observed: fromObserved });
  const componentIds = snapshot?.components.map((c) => c.id) ?? [];
  let components: Record<string, Uptime> = {};
  if (uptime?.source === 'official' && official) components = official.components;
  else if (uptime?.source === 'incidents') components = componentUptimesFromIncidents(incidents, componentIds, now);
  else if (uptime?.source === 'observed') {
    for (const cid of componentIds) {
      const list = observed.components[id]?.[cid];
      if (list?.length) components[cid] = uptimeFromObserved(list, observed.since, now);
    }
  }
  return { uptime, components, timeline };
}
