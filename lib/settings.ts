/**
 * User settings: their shape, defaults, the previous version and its migration, and a sanitizer
 * that keeps every valid part of a stored value. No zod here: the views read settings too.
 */
import { PROVIDER_INFO } from './providers/catalog';
import type { ProviderId } from './model';

/** Refresh intervals offered, in seconds (design.md §4). */
export const INTERVALS = [5, 10, 30, 60, 300] as const;
/** One offered refresh interval. */
export type IntervalSec = (typeof INTERVALS)[number];
/** Default interval: 1 minute. */
export const DEFAULT_INTERVAL: IntervalSec = 60;
/** Chrome refuses alarms faster than this for packed extensions; we clamp everywhere. */
export const MIN_ALARM_SEC = 30;
/** Intervals at or under this need the live lane (ticks from visible views). */
export const LIVE_MAX_SEC = 10;

/** Minimum level that notifies. */
export type NotifyLevel = 'degraded' | 'outage';

/** Current settings (version 2). */
export interface Settings {
  intervalSec: IntervalSec;
  notifications: {
    enabled: boolean;
    minLevel: NotifyLevel;
    /** Per provider on/off. */
    providers: Record<ProviderId, boolean>;
    /** "Notify me when it's back": one recovery notification, then it switches itself off. */
    whenBack: Record<ProviderId, boolean>;
  };
  /** "Components I use": starred component ids per provider. */
  starred: Record<ProviderId, string[]>;
}

/** Settings as stored by version 1 (before notifications and starring). */
export interface SettingsV1 {
  intervalSec: number;
  notify?: boolean;
}

function perProvider<T>(value: (id: ProviderId) => T): Record<ProviderId, T> {
  return Object.fromEntries(PROVIDER_INFO.map((p) => [p.id, value(p.id)])) as Record<ProviderId, T>;
}

/** Defaults for a fresh install. */
export const DEFAULT_SETTINGS: Settings = {
  intervalSec: DEFAULT_INTERVAL,
  notifications: {
    enabled: true,
    minLevel: 'outage',
    providers: perProvider(() => true),
    whenBack: perProvider(() => false),
  },
  starred: perProvider(() => []),
};

/** Is `value` one of the offered intervals? */
export function isInterval(value: unknown): value is IntervalSec {
  return typeof value === 'number' && (INTERVALS as readonly number[]).includes(value);
}

/** The offered interval closest to `value` (a v1 value may be any number of seconds). */
export function nearestInterval(value: unknown): IntervalSec {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_INTERVAL;
  return INTERVALS.reduce((best, i) => (Math.abs(i - value) < Math.abs(best - value) ? i : best), DEFAULT_INTERVAL);
}

/** Migration v1 → v2: keeps the interval and the on/off switch, adds the new defaults. */
export function migrateSettingsV1(old: SettingsV1 | null | undefined): Settings {
  const base = structuredClone(DEFAULT_SETTINGS);
  if (!old || typeof old !== 'object') return base;
  // Already in the v2 shape (written without its version mark): keep it, never reset it.
  if ('notifications' in old || 'starred' in old) return sanitizeSettings(old);
  base.intervalSec = nearestInterval(old.intervalSec);
  if (typeof old.notify === 'boolean') base.notifications.enabled = old.notify;
  return base;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Re-validates stored settings, keeping every valid field and defaulting the rest. */
export function sanitizeSettings(raw: unknown): Settings {
  const out = structuredClone(DEFAULT_SETTINGS);
  if (!isRecord(raw)) return out;
  if (isInterval(raw.intervalSec)) out.intervalSec = raw.intervalSec;
  const n = raw.notifications;
  if (isRecord(n)) {
    if (typeof n.enabled === 'boolean') out.notifications.enabled = n.enabled;
    if (n.minLevel === 'degraded' || n.minLevel === 'outage') out.notifications.minLevel = n.minLevel;
    for (const p of PROVIDER_INFO) {
      const on = isRecord(n.providers) ? n.providers[p.id] : undefined;
      if (typeof on === 'boolean') out.notifications.providers[p.id] = on;
      const back = isRecord(n.whenBack) ? n.whenBack[p.id] : undefined;
      if (typeof back === 'boolean') out.notifications.whenBack[p.id] = back;
    }
  }
  if (isRecord(raw.starred)) {
    for (const p of PROVIDER_INFO) {
      const ids = raw.starred[p.id];
      if (Array.isArray(ids)) out.starred[p.id] = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length <= 128))].slice(0, 200);
    }
  }
  return out;
}

/** Period of the background alarm for an interval, in seconds. */
export function alarmPeriodSec(intervalSec: number): number {
  return Math.max(intervalSec, MIN_ALARM_SEC);
}

/** Does this interval need the live lane? */
export function isLiveInterval(intervalSec: number): boolean {
  return intervalSec <= LIVE_MAX_SEC;
}

/** A provider shows stale data after this long without a successful fetch (design §2). */
export function staleAfterMs(intervalSec: number): number {
  return Math.max(3 * alarmPeriodSec(intervalSec), 90) * 1000;
}
