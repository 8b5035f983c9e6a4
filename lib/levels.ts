/**
 * The level tables (docs/ARCHITECTURE.md#levels): one place for every mapping from a provider's raw
 * vocabulary to our five levels, their ranking and their palette. Free of zod so views can use it.
 */

/** The five normalized levels every provider is reduced to. */
export const LEVELS = ['operational', 'degraded', 'outage', 'maintenance', 'unknown'] as const;
/** One normalized level. */
export type Level = (typeof LEVELS)[number];

/** Component status (Statuspage and incident.io) → level. Anything not listed is `unknown`. */
export const COMPONENT_LEVEL: Readonly<Record<string, Level>> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'degraded',
  major_outage: 'outage',
  full_outage: 'outage',
  under_maintenance: 'maintenance',
};

/** Page indicator → level. Anything not listed is `unknown`. */
export const INDICATOR_LEVEL: Readonly<Record<string, Level>> = {
  none: 'operational',
  minor: 'degraded',
  major: 'outage',
  critical: 'outage',
  maintenance: 'maintenance',
};

/** Product palette (6-digit hex). Never used alone: every state also has a label and a glyph. */
export const LEVEL_COLOR: Readonly<Record<Level, string>> = {
  operational: '#22c55e',
  degraded: '#f59e0b',
  outage: '#ef4444',
  maintenance: '#3b82f6',
  unknown: '#6b7280',
};

/** Glyph shown beside every level label so color is never the only signal. */
export const LEVEL_GLYPH: Readonly<Record<Level, string>> = {
  operational: '✓',
  degraded: '!',
  outage: '✕',
  maintenance: '⚒',
  unknown: '?',
};

// One order for a provider's level and for the badge (docs/ARCHITECTURE.md#levels): a value the
// extension does not recognise is unknown, and unknown is never outranked by maintenance or green.
const BADGE_RANK: Readonly<Record<Level, number>> = {
  outage: 5,
  degraded: 4,
  unknown: 3,
  maintenance: 2,
  operational: 1,
};

/** Maps a raw component status; unknown strings become `unknown`. */
export function componentLevel(raw: unknown): Level {
  // Own keys only: "constructor" or "__proto__" from the network must not reach Object.prototype.
  return typeof raw === 'string' && Object.hasOwn(COMPONENT_LEVEL, raw) ? COMPONENT_LEVEL[raw]! : 'unknown';
}

/** Maps a raw page indicator; unknown strings become `unknown`. */
export function indicatorLevel(raw: unknown): Level {
  return typeof raw === 'string' && Object.hasOwn(INDICATOR_LEVEL, raw) ? INDICATOR_LEVEL[raw]! : 'unknown';
}

/**
 * A provider's level: the worst of its page indicator and its components in the order
 * outage > degraded > unknown > maintenance > operational (an unrecognised status is never hidden
 * behind green); `unknown` when nothing is known at all.
 */
export function worstProviderLevel(levels: Iterable<Level>): Level {
  return worstBadgeLevel(levels);
}

/** The worst level in the badge order outage > degraded > unknown > maintenance > operational. */
export function worstBadgeLevel(levels: Iterable<Level>): Level {
  let worst: Level | null = null;
  for (const level of levels) if (worst === null || BADGE_RANK[level] > BADGE_RANK[worst]) worst = level;
  return worst ?? 'unknown';
}

/** Sort key: worse first in badge order (for "problems first" lists). */
export function levelSeverity(level: Level): number {
  return BADGE_RANK[level];
}

/** Type guard for a stored or received level string. */
export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}
