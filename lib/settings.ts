/**
 * User settings: their shape, defaults, the previous versions and their migrations, and a
 * sanitizer that keeps every valid part of a stored value. No zod here: the views read settings too.
 */
import { catalogEntry, DEFAULT_PROVIDER_IDS, PLATFORMS, type Platform, type ProviderId, type ProviderInfo } from './providers/catalog';

/** Refresh intervals offered, in seconds (docs/ARCHITECTURE.md, "Refresh"). */
export const INTERVALS = [5, 10, 30, 60, 300] as const;
/** One offered refresh interval. */
export type IntervalSec = (typeof INTERVALS)[number];
/** Default interval: 1 minute. */
export const DEFAULT_INTERVAL: IntervalSec = 60;
/** Chrome refuses alarms faster than this for packed extensions; we clamp everywhere. */
export const MIN_ALARM_SEC = 30;
/** Intervals at or under this need the live lane (ticks from visible views). */
export const LIVE_MAX_SEC = 10;
/** Most services one install watches (catalog ones and pages added by URL). */
export const MAX_SERVICES = 40;

/** Minimum level that notifies. */
export type NotifyLevel = 'degraded' | 'outage';

/** A status page the user added by URL: its id is `custom:<hostname>`. */
export interface CustomService extends ProviderInfo {
  /** When it was added (ms). */
  addedAt: number;
}

/** Current settings (version 3). */
export interface Settings {
  intervalSec: IntervalSec;
  /** The services shown, in the user's order: catalog ids and `custom:<hostname>` ids. */
  services: ProviderId[];
  /** Pages added by URL (shown only while their id is in `services`). */
  custom: CustomService[];
  notifications: {
    enabled: boolean;
    minLevel: NotifyLevel;
    /** Per service on/off (absent = on). */
    providers: Record<ProviderId, boolean>;
    /** "Notify me when it's back": one recovery notification, then it switches itself off. */
    whenBack: Record<ProviderId, boolean>;
  };
  /** "Components I use": starred component ids per service. */
  starred: Record<ProviderId, string[]>;
}

/** Settings as stored by version 1 (before notifications and starring). */
export interface SettingsV1 {
  intervalSec: number;
  notify?: boolean;
}

/** Settings as stored by version 2 (three fixed providers, before services could be chosen). */
export type SettingsV2 = Omit<Settings, 'services' | 'custom'>;

/** Defaults for a fresh install. */
export const DEFAULT_SETTINGS: Settings = {
  intervalSec: DEFAULT_INTERVAL,
  services: [...DEFAULT_PROVIDER_IDS],
  custom: [],
  notifications: {
    enabled: true,
    minLevel: 'outage',
    providers: Object.fromEntries(DEFAULT_PROVIDER_IDS.map((id) => [id, true])),
    whenBack: Object.fromEntries(DEFAULT_PROVIDER_IDS.map((id) => [id, false])),
  },
  starred: Object.fromEntries(DEFAULT_PROVIDER_IDS.map((id) => [id, []])),
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
export function migrateSettingsV1(old: SettingsV1 | null | undefined): SettingsV2 {
  const base = structuredClone(DEFAULT_SETTINGS);
  if (!old || typeof old !== 'object') return base;
  // Already in a later shape (written without its version mark): keep it, never reset it.
  if ('notifications' in old || 'starred' in old) return sanitizeSettings(old);
  base.intervalSec = nearestInterval(old.intervalSec);
  if (typeof old.notify === 'boolean') base.notifications.enabled = old.notify;
  return base;
}

/**
 * Migration v2 → v3: the three fixed providers become the service list (in their old order), and
 * every per-provider choice is kept as it was.
 */
export function migrateSettingsV2(old: SettingsV2 | null | undefined): Settings {
  return sanitizeSettings(old);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const CUSTOM_ID = /^custom:[a-z0-9.-]{1,253}$/;

/** The id a page added by URL gets: `custom:<hostname>`. */
export function customId(host: string): ProviderId {
  return `custom:${host.toLowerCase()}`;
}

function sanitizeCustom(raw: unknown): CustomService | null {
  if (!isRecord(raw)) return null;
  const { id, name, vendor, pageUrl, platform, product, addedAt } = raw;
  if (typeof id !== 'string' || !CUSTOM_ID.test(id) || typeof pageUrl !== 'string') return null;
  if (typeof platform !== 'string' || !(PLATFORMS as readonly string[]).includes(platform)) return null;
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || customId(url.hostname) !== id) return null;
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().slice(0, max) : '');
  return {
    id,
    name: text(name, 80) || url.hostname,
    vendor: text(vendor, 80),
    pageUrl: url.origin + url.pathname.replace(/\/+$/, ''),
    platform: platform as Platform,
    ...(typeof product === 'string' && product ? { product: text(product, 80) } : {}),
    addedAt: typeof addedAt === 'number' && Number.isFinite(addedAt) ? addedAt : 0,
  };
}

/** Re-validates stored settings (v2 or v3 shape), keeping every valid field and defaulting the rest. */
export function sanitizeSettings(raw: unknown): Settings {
  const out = structuredClone(DEFAULT_SETTINGS);
  if (!isRecord(raw)) return out;
  if (isInterval(raw.intervalSec)) out.intervalSec = raw.intervalSec;

  const custom = new Map<string, CustomService>();
  if (Array.isArray(raw.custom)) {
    for (const item of raw.custom) {
      const c = sanitizeCustom(item);
      if (c && !custom.has(c.id) && custom.size < MAX_SERVICES) custom.set(c.id, c);
    }
  }
  out.custom = [...custom.values()];
  const known = (id: unknown): id is string => typeof id === 'string' && (catalogEntry(id) !== undefined || custom.has(id));
  if (Array.isArray(raw.services)) out.services = [...new Set(raw.services.filter(known))].slice(0, MAX_SERVICES);

  // Per-service choices are kept for every known service, shown or not (re-enabling restores them).
  const ids = [...new Set([...out.services, ...custom.keys(), ...DEFAULT_PROVIDER_IDS])];
  const n = raw.notifications;
  if (isRecord(n)) {
    if (typeof n.enabled === 'boolean') out.notifications.enabled = n.enabled;
    if (n.minLevel === 'degraded' || n.minLevel === 'outage') out.notifications.minLevel = n.minLevel;
    const perService = (field: unknown, into: Record<string, boolean>) => {
      if (!isRecord(field)) return;
      for (const [id, on] of Object.entries(field)) if (typeof on === 'boolean' && (ids.includes(id) || known(id))) into[id] = on;
    };
    perService(n.providers, out.notifications.providers);
    perService(n.whenBack, out.notifications.whenBack);
  }
  if (isRecord(raw.starred)) {
    for (const [id, list] of Object.entries(raw.starred)) {
      if (!(ids.includes(id) || known(id)) || !Array.isArray(list)) continue;
      out.starred[id] = [...new Set(list.filter((c): c is string => typeof c === 'string' && c.length <= 128))].slice(0, 200);
    }
  }
  return out;
}

/** The services the user watches, in their order, with what the views need to show them. */
export function activeServices(settings: Pick<Settings, 'services' | 'custom'>): ProviderInfo[] {
  const out: ProviderInfo[] = [];
  for (const id of settings.services) {
    const info = catalogEntry(id) ?? settings.custom.find((c) => c.id === id);
    if (info) out.push(info);
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

/** A provider shows stale data after this long without a successful fetch (3 × the background period, at least 90 s). */
export function staleAfterMs(intervalSec: number): number {
  return Math.max(3 * alarmPeriodSec(intervalSec), 90) * 1000;
}
