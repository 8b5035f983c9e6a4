/**
 * The state every view renders: signals bound to the stored records (watched only while observed)
 * and the values derived from them. Components get these signals and callbacks, never `browser.*`.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import { isLiveInterval, type Settings } from '../settings';
import { overallLevel, ownLevel, resolveViews, type ProviderView } from '../status';
import { healthRecord, historyRecord, settingsRecord, snapshotsRecord } from '../records/live';
import type { HealthMap, History, Observed, OfficialUptime, PollState, RecordDef, Snapshots } from '../records/core';
import type { Level } from '../levels';
import { storageSignal } from './storage-signal';
import type { ViewStore } from './view-store';

/** Signals for one view. */
export interface DashboardState {
  settings: Signal<Settings>;
  snapshots: Signal<Snapshots>;
  health: Signal<HealthMap>;
  history: Signal<History>;
  officialUptime: Signal<OfficialUptime>;
  observed: Signal<Observed>;
  pollState: Signal<PollState>;
  /** Current time, advanced by the view's clock (drives "checked N s ago"). */
  now: Signal<number>;
  /**
   * True once settings, snapshots and health were read. Observing it starts those reads: a view
   * that draws nothing until it is true (the dashboard) has them asked for before it draws.
   */
  ready: ReadonlySignal<boolean>;
  /** One per service the user watches, in their order. */
  views: ReadonlySignal<ProviderView[]>;
  /** The worst of the providers' OWN levels: what headers, the tab title and the favicon state. */
  overall: ReadonlySignal<Level>;
  /** The worst level the badge shows (starred components where any are starred). */
  focus: ReadonlySignal<Level>;
  /** `live` when the interval needs ticks from a visible view. */
  lane: ReadonlySignal<'live' | 'background'>;
}

/**
 * The records a view reads beyond settings, snapshots and health. The dashboard passes all of
 * them (`components/DashboardApp.tsx`); the popup passes a lighter history reader only (it counts recent incidents),
 * so the records it never shows stay out of its bundle.
 */
export interface HistoryReaders {
  history?: (raw: unknown) => History;
  officialUptime?: RecordDef<OfficialUptime>;
  observed?: RecordDef<Observed>;
  poll?: RecordDef<PollState>;
}

const observedFallback = (): Observed => ({ since: null, providers: {}, components: {} });

/** Creates the view state over `store`. Call once per page. */
export function createDashboardState(store: ViewStore, readers: HistoryReaders = {}, now = Date.now()): DashboardState {
  const loaded = signal(0);
  const settings = storageSignal(store, settingsRecord, loaded);
  const snapshots = storageSignal(store, snapshotsRecord, loaded);
  const health = storageSignal(store, healthRecord, loaded);
  const history = readers.history ? storageSignal(store, historyRecord, undefined, readers.history) : signal<History>({});
  const officialUptime = readers.officialUptime ? storageSignal(store, readers.officialUptime) : signal<OfficialUptime>({});
  const observed = readers.observed ? storageSignal(store, readers.observed) : signal<Observed>(observedFallback());
  const pollState = readers.poll ? storageSignal(store, readers.poll) : signal<PollState>({ lastPollAt: null, lastDoneAt: null });
  const clock = signal(now);
  const views = computed(() => resolveViews(settings.value, snapshots.value, health.value, clock.value));
  return {
    settings,
    snapshots,
    health,
    history,
    officialUptime,
    observed,
    pollState,
    now: clock,
    // Reads the three signals so that whoever watches `ready` watches them, which starts their reads.
    ready: computed(() => {
      void [settings.value, snapshots.value, health.value];
      return loaded.value >= 3;
    }),
    views,
    overall: computed(() => ownLevel(views.value)),
    focus: computed(() => overallLevel(views.value)),
    lane: computed(() => (isLiveInterval(settings.value.intervalSec) ? 'live' : 'background')),
  };
}
