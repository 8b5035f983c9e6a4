/**
 * Combining what is stored (normalized snapshot + fetch health) into what a view or the badge
 * shows: the displayed level, staleness, and the error reason. Pure and zod-free.
 */
import { isLevel, worstBadgeLevel, type Level } from './levels';
import type { FetchError, ProviderId, ServiceStatus } from './model';
import type { ProviderInfo } from './providers/catalog';
import { staleAfterMs } from './settings';
import { effectiveLevel } from './starred';

/** Per-provider fetch health, kept in `storage.session` (survives worker restarts). */
export interface Health {
  /** Last poll attempt that reached the network (ms). */
  checkedAt: number | null;
  /** Last successful read (ms). */
  okAt: number | null;
  error: FetchError | null;
  /** Consecutive failures. */
  failures: number;
  /** Our own backoff: no scheduled poll before this (ms). "Refresh now" skips it. */
  backoffUntil: number | null;
  /** The server's `Retry-After`: no request at all before this (ms), even on "Refresh now". */
  retryAfterUntil: number | null;
  etag: string | null;
}

/** Health before anything was tried. */
export const EMPTY_HEALTH: Health = {
  checkedAt: null,
  okAt: null,
  error: null,
  failures: 0,
  backoffUntil: null,
  retryAfterUntil: null,
  etag: null,
};

/** Everything a view shows about one provider. */
export interface ProviderView {
  info: ProviderInfo;
  /** The displayed level (unknown when there is no data or it is stale). */
  level: Level;
  /** The level that drives the badge and alerts: starred components only, when any are starred. */
  focusLevel: Level;
  /** The last good data, if any (still shown when stale). */
  status: ServiceStatus | null;
  stale: boolean;
  error: FetchError | null;
  checkedAt: number | null;
  okAt: number | null;
  /** When the next request may go out after a failure. */
  retryAt: number | null;
  /** No data and no error yet: the first poll has not answered. */
  loading: boolean;
}

/** Cheap structural check for a stored snapshot read by a view (the worker validates with zod). */
export function isRenderableStatus(value: unknown, id: ProviderId): value is ServiceStatus {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<ServiceStatus>;
  return (
    s.providerId === id &&
    isLevel(s.level) &&
    Array.isArray(s.components) &&
    Array.isArray(s.incidents) &&
    Array.isArray(s.maintenances) &&
    typeof s.fetchedAt === 'number'
  );
}

/** Resolves one provider's displayed state. */
export function resolveProvider(
  info: ProviderInfo,
  snapshot: ServiceStatus | null | undefined,
  health: Health | null | undefined,
  intervalSec: number,
  now: number,
  starred: readonly string[] = [],
): ProviderView {
  const status = snapshot && isRenderableStatus(snapshot, info.id) ? snapshot : null;
  const h = health ?? EMPTY_HEALTH;
  const okAt = h.okAt ?? status?.fetchedAt ?? null;
  const stale = status !== null && okAt !== null && now - okAt > staleAfterMs(intervalSec);
  const retryAt = h.error ? Math.max(h.backoffUntil ?? 0, h.retryAfterUntil ?? 0) || null : null;
  return {
    info,
    level: status && !stale ? status.level : 'unknown',
    focusLevel: status && !stale ? effectiveLevel(status, starred) : 'unknown',
    status,
    stale,
    error: h.error,
    checkedAt: h.checkedAt,
    okAt,
    retryAt,
    loading: status === null && h.error === null,
  };
}

/** The overall level: worst focus level in the badge order (design §7). */
export function overallLevel(views: readonly Pick<ProviderView, 'focusLevel'>[]): Level {
  return worstBadgeLevel(views.map((v) => v.focusLevel));
}
