/**
 * Every storage item of the extension, typed and versioned. `local` holds data worth keeping
 * (settings, last good snapshots, history); `session` holds what may be lost with the browser
 * (fetch health, backoff, poll bookkeeping) so that a worker restart does not reset it.
 */
import { storage } from 'wxt/utils/storage';
import type { Incident, ProviderId, ServiceStatus, Uptime } from './model';
import { DEFAULT_SETTINGS, migrateSettingsV1, type Settings, type SettingsV1 } from './settings';
import type { Health } from './status';
import type { Level } from './levels';
import { KEYS, SETTINGS_VERSION } from './storage-keys';

/** Settings, version 2 (v1 had only the interval and one notification switch). */
export const settingsItem = storage.defineItem<Settings>(KEYS.settings, {
  fallback: DEFAULT_SETTINGS,
  // Writes the defaults and the version on first run, so a later start never mistakes them for v1.
  init: () => structuredClone(DEFAULT_SETTINGS),
  version: SETTINGS_VERSION,
  migrations: { 2: (old: SettingsV1) => migrateSettingsV1(old) },
});

/** Last good normalized status per provider. Written only when the data changed. */
export type Snapshots = Partial<Record<ProviderId, ServiceStatus>>;
export const snapshotsItem = storage.defineItem<Snapshots>(KEYS.snapshots, { fallback: {}, version: 1 });

/** Per provider: the 50 most recent incidents (`incidents.json`) and when they were read. */
export interface HistoryEntry {
  incidents: Incident[];
  fetchedAt: number;
  /** Sorted ids of the active incidents when this was read: a change triggers a re-read. */
  activeKey: string;
}
export type History = Partial<Record<ProviderId, HistoryEntry>>;
export const historyItem = storage.defineItem<History>(KEYS.history, { fallback: {}, version: 1 });

/** Per provider: official uptime figures, where the provider publishes them. */
export interface OfficialUptimeEntry {
  uptime: Uptime;
  components: Record<string, Uptime>;
  fetchedAt: number;
}
export type OfficialUptime = Partial<Record<ProviderId, OfficialUptimeEntry>>;
export const officialUptimeItem = storage.defineItem<OfficialUptime>(KEYS.officialUptime, { fallback: {}, version: 1 });

/** One level change this extension saw. */
export interface Transition {
  at: number;
  level: Level;
}
/** Level transitions observed since install, per provider and per component, 90 days, bounded. */
export interface Observed {
  since: number | null;
  providers: Partial<Record<ProviderId, Transition[]>>;
  components: Partial<Record<ProviderId, Record<string, Transition[]>>>;
}
export const observedItem = storage.defineItem<Observed>(KEYS.observed, {
  fallback: { since: null, providers: {}, components: {} },
  version: 1,
});

/** Notification state machine per provider. */
export interface NotifyState {
  /** Level last notified about (or the baseline). */
  notifiedLevel: Level | null;
  /** A level seen once, waiting for a second poll to confirm. */
  pending: Level | null;
  lastNotifiedAt: number | null;
}
export const notifyStateItem = storage.defineItem<Partial<Record<ProviderId, NotifyState>>>(KEYS.notifyState, {
  fallback: {},
  version: 1,
});

/** Fetch health per provider (see `Health`). */
export const healthItem = storage.defineItem<Partial<Record<ProviderId, Health>>>(KEYS.health, { fallback: {} });

/** Poll bookkeeping. */
export interface PollState {
  /** Start of the last poll (ms). */
  lastPollAt: number | null;
  /** End of the last poll (ms). */
  lastDoneAt: number | null;
  /** Time of the last live tick from a visible view (ms). */
  lastTickAt: number | null;
  /** How many polls ran since the browser started; a restart resets it (session storage). */
  polls: number;
}
export const pollStateItem = storage.defineItem<PollState>(KEYS.poll, {
  fallback: { lastPollAt: null, lastDoneAt: null, lastTickAt: null, polls: 0 },
});

/** When this browser session's first worker started: a new value means the browser restarted. */
export const browserSessionItem = storage.defineItem<number | null>(KEYS.browserSession, { fallback: null });
