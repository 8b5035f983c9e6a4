/**
 * "Components I use": when a provider has starred components, its badge and its notifications
 * follow those components only. Pure and zod-free (the badge and the views use it too).
 */
import { worstProviderLevel, type Level } from './levels';
import type { ServiceStatus } from './model';

/**
 * The level that matters to the user: the worst level among the starred components that still
 * exist in `status` (order outage > degraded > unknown > maintenance > operational), or the
 * provider's own level when nothing is starred or none of the starred ids exist any more.
 */
export function effectiveLevel(status: Pick<ServiceStatus, 'level' | 'components'>, starred: readonly string[] | undefined): Level {
  if (!starred || starred.length === 0) return status.level;
  const wanted = new Set(starred);
  const levels = status.components.filter((c) => wanted.has(c.id)).map((c) => c.level);
  return levels.length ? worstProviderLevel(levels) : status.level;
}

/** Whether the effective level comes from starred components (for labels like "your components"). */
export function usesStarred(status: Pick<ServiceStatus, 'components'>, starred: readonly string[] | undefined): boolean {
  if (!starred || starred.length === 0) return false;
  const wanted = new Set(starred);
  return status.components.some((c) => wanted.has(c.id));
}
