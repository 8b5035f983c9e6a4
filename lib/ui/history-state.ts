/**
 * Derived history views for the dashboard, recomputed when stored data changes or once a minute
 * (not on every one-second clock tick).
 */
import { computed, type ReadonlySignal } from '@preact/signals';
import type { ProviderId } from '../model';
import { catalogEntry, PROVIDER_INFO } from '../providers/catalog';
import { isRenderableStatus } from '../status';
import type { DashboardState } from './dashboard-state';
import { providerHistory, type ProviderHistoryView } from './history-view';

/** Per-provider history views derived from `state`: the default services and any with a snapshot. */
export function createHistoryState(state: DashboardState): ReadonlySignal<Partial<Record<ProviderId, ProviderHistoryView>>> {
  // Rounded up so data observed within the current minute is never "in the future".
  const minute = computed(() => Math.ceil(state.now.value / 60_000) * 60_000);
  return computed(() => {
    const now = minute.value;
    const out: Partial<Record<ProviderId, ProviderHistoryView>> = {};
    // Reads the stored snapshots, not `state.views`, which changes with every clock tick.
    const snapshots = state.snapshots.value;
    const ids = [...new Set([...PROVIDER_INFO.map((info) => info.id), ...Object.keys(snapshots)])];
    for (const id of ids) {
      const raw = snapshots[id];
      const snapshot = isRenderableStatus(raw, id) ? raw : null;
      const platform = PROVIDER_INFO.find((info) => info.id === id)?.platform ?? catalogEntry(id)?.platform;
      out[id] = providerHistory(id, snapshot, state.history.value[id], state.officialUptime.value[id], state.observed.value, now, { platform });
    }
    return out;
  });
}
