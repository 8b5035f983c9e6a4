/**
 * Combining what is stored (normalized snapshot + fetch health) into what a view or the badge
 * shows: the displayed level, staleness, and the error reason. Pure and zod-free.
 */
import { worstBadgeLevel, type Level } from './levels';
import type { FetchError, ProviderId, ServiceStatus } from './model';
import type { ProviderInfo } from './providers/catalog';
import { EMPTY_HEALTH, readStatus, type Health, type HealthMap, type Snapshots } from './records/core';
import { activeServices, staleAfterMs, type Settings } from './settings';
import { effectiveLevel } from './starred';

export { EMPTY_HEALTH, type Health } from './records/core';

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
  /** The browser does not let the extension read this service (it shows "No access — Grant"). */
  noAccess: boolean;
}

/** Can a stored snapshot of provider `id` be drawn? (The full check is `readStatus`.) */
export function isRenderableStatus(value: unknown, id: ProviderId): value is ServiceStatus {
  return readStatus(value, id) !== null;
}

function isDrawable(value: ServiceStatus | null | undefined, id: ProviderId): value is ServiceStatus {
  return !!value && value.providerId === id && Array.isArray(value.components) && Array.isArray(value.incidents) && Array.isArray(value.maintenances) && typeof value.fetchedAt === 'number';
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
  // Snapshots reach here through the record's reader (lib/records); a cheap check suffices.
  const status = isDrawable(snapshot, info.id) ? snapshot : null;
  const h = health ?? EMPTY_HEALTH;
  const okAt = h.okAt ?? status?.fetchedAt ?? null;
  const stale = status !== null && okAt !== null && now - okAt > staleAfterMs(intervalSec);
  const retryAt = h.error ? Math.max(h.backoffUntil ?? 0, h.retryAfterUntil ?? 0) || null : null;
  // Without access nothing current can be known: never green, whatever was stored before.
  const noAccess = h.error?.kind === 'no-access';
  const usable = status !== null && !stale && !noAccess;
  return {
    info,
    level: usable ? status.level : 'unknown',
    focusLevel: usable ? effectiveLevel(status, starred) : 'unknown',
    status,
    stale,
    error: h.error,
    checkedAt: h.checkedAt,
    okAt,
    retryAt,
    loading: status === null && h.error === null,
    noAccess,
  };
}

/** The overall level: worst focus level in the badge order (docs/ARCHITECTURE.md#levels). */
export function overallLevel(views: readonly Pick<ProviderView, 'focusLevel'>[]): Level {
  return worstBadgeLevel(views.map((v) => v.focusLevel));
}

/** Every service the user watches, resolved, in their order: what the views and the badge show. */
export function resolveViews(settings: Pick<Settings, 'services' | 'custom' | 'intervalSec' | 'starred'>, snapshots: Snapshots, health: HealthMap, now: number): ProviderView[] {
  return activeServices(settings).map((info) => resolveProvider(info, snapshots[info.id], health[info.id], settings.intervalSec, now, settings.starred[info.id]));
}

/** The worst of the providers' OWN levels (never a starred-only one): what headers and the tab title state. */
export function ownLevel(views: readonly Pick<ProviderView, 'level'>[]): Level {
  return worstBadgeLevel(views.map((v) => v.level));
}
