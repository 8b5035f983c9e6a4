/**
 * The state every view renders: signals bound to storage (watched only while observed) and the
 * values derived from them. Components get these signals and callbacks, never `browser.*`.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { PROVIDER_INFO } from '../providers/catalog';
import { isLiveInterval, sanitizeSettings, type Settings } from '../settings';
import { overallLevel, resolveProvider, type Health, type ProviderView } from '../status';
import type { History, Observed, OfficialUptime, PollState, Snapshots } from '../storage';
import { KEYS } from '../storage-keys';
import type { Level } from '../levels';
import type { ProviderId } from '../model';
import { storageSignal } from './storage-signal';
import type { ViewStore } from './view-store';

const isObject = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);
const objectOr =
  <T>(fallback: () => T) =>
  (raw: unknown): T =>
    isObject(raw) ? (raw as T) : fallback();

/** Signals for one view. */
export interface DashboardState {
  settings: Signal<Settings>;
  snapshots: Signal<Snapshots>;
  health: Signal<Partial<Record<ProviderId, Health>>>;
  history: Signal<History>;
  officialUptime: Signal<OfficialUptime>;
  observed: Signal<Observed>;
  pollState: Signal<PollState>;
  /** Current time, advanced by the view's clock (drives "checked N s ago"). */
  now: Signal<number>;
  /** True once settings, snapshots and health were read. */
  ready: ReadonlySignal<boolean>;
  views: ReadonlySignal<ProviderView[]>;
  overall: ReadonlySignal<Level>;
  /** `live` when the interval needs ticks from a visible view. */
  lane: ReadonlySignal<'live' | 'background'>;
}

/**
 * How a view reads the history records. The dashboard passes full re-validation; the popup, which
 * only counts recent incidents, passes a lighter one (each view bundles only what it uses).
 */
export interface HistoryReaders {
  history?: (raw: unknown) => History;
  officialUptime?: (raw: unknown) => OfficialUptime;
  observed?: (raw: unknown) => Observed;
}

/** Creates the view state over `store`. Call once per page. */
export function createDashboardState(store: ViewStore, readers: HistoryReaders = {}, now = Date.now()): DashboardState {
  const loaded = signal(0);
  const settings = storageSignal(store, KEYS.settings, sanitizeSettings, loaded);
  const snapshots = storageSignal(store, KEYS.snapshots, objectOr<Snapshots>(() => ({})), loaded);
  const health = storageSignal(store, KEYS.health, objectOr<Partial<Record<ProviderId, Health>>>(() => ({})), loaded);
  const history = storageSignal(store, KEYS.history, readers.history ?? (() => ({})));
  const officialUptime = storageSignal(store, KEYS.officialUptime, readers.officialUptime ?? (() => ({})));
  const observed = storageSignal(store, KEYS.observed, readers.observed ?? (() => ({ since: null, providers: {}, components: {} })));
  const pollState = storageSignal(
    store,
    KEYS.poll,
    objectOr<PollState>(() => ({ lastPollAt: null, lastDoneAt: null, lastTickAt: null, polls: 0 })),
  );
  const clock = signal(now);
  const views = computed(() =>
    PROVIDER_INFO.map((info) =>
      resolveProvider(info, snapshots.value[info.id], health.value[info.id], settings.value.intervalSec, clock.value, settings.value.starred[info.id]),
    ),
  );
  return {
    settings,
    snapshots,
    health,
    history,
    officialUptime,
    observed,
    pollState,
    now: clock,
    ready: computed(() => loaded.value >= 3),
    views,
    overall: computed(() => overallLevel(views.value)),
    lane: computed(() => (isLiveInterval(settings.value.intervalSec) ? 'live' : 'background')),
  };
}
