/**
 * Derived history views for the dashboard, recomputed when stored data changes or once a minute
 * (not on every one-second clock tick).
 */
import { computed, type ReadonlySignal } from '@preact/signals-core';
import type { ProviderId } from '../model';
import { catalogEntry } from '../providers/catalog';
import { activeServices } from '../settings';
import { isRenderableStatus } from '../status';
import type { DashboardState } from './dashboard-state';
import { providerHistory, type ProviderHistoryView } from './history-view';

/** Per-provider history views derived from `state`: the services the user watches, and any with a snapshot. */
export function createHistoryState(state: DashboardState): ReadonlySignal<Partial<Record<ProviderId, ProviderHistoryView>>> {
  // Rounded up so data observed within the current minute is never "in the future".
  const minute = computed(() => Math.ceil(state.now.value / 60_000) * 60_000);
  return computed(() => {
    const now = minute.value;
    const out: Partial<Record<ProviderId, ProviderHistoryView>> = {};
    // Reads the settings and stored snapshots, not `state.views`, which changes with every clock tick.
    const services = activeServices(state.settings.value);
    const snapshots = state.snapshots.value;
    const ids = [...new Set([...services.map((info) => info.id), ...Object.keys(snapshots)])];
    for (const id of ids) {
      const raw = snapshots[id];
      const snapshot = isRenderableStatus(raw, id) ? raw : null;
      // Its platform says how many incidents its list holds at most (the coverage of the estimate).
      const platform = services.find((info) => info.id === id)?.platform ?? catalogEntry(id)?.platform;
      out[id] = providerHistory(id, snapshot, state.history.value[id], state.officialUptime.value[id], state.observed.value, now, { platform });
    }
    return out;
  });
}
