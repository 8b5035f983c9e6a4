/**
 * Uptime over the last 90 UTC days (design.md §5), from any of three sources: the provider's own
 * figures (`official`), its recent incidents (`incidents`) or what this extension saw
 * (`observed`). Pure and zod-free, so views may import it too.
 *
 * All three sources are reduced to time intervals of one level (`outage`, `degraded`, and for
 * observed data `maintenance` and `unknown`) and then measured the same way by `buildUptime`:
 *
 * - The window is the 90 UTC days ending today (today counts up to `now`); the 30-day figure uses
 *   the last 30 of those days. The day bars are exactly these 90 days, oldest first.
 * - Only the *covered* part of a window counts: from `coverStart` (where the source's knowledge
 *   begins) to `now`. Days wholly before it are `unknown` bars.
 * - Intervals of one level are merged before measuring, so overlapping incidents are not counted
 *   twice and a day never holds more than 1440 minutes of one level. Degraded time that is also
 *   outage time counts as outage only, so `outageMinutes + degradedMinutes ≤ 1440`.
 * - `percent = 100 × (1 − outage time / (covered time − unknown time))` over the window's covered
 *   part; `null` when that is empty. Degraded and maintenance time count as up; `unknown` time
 *   (observed only: no usable reading) counts neither as up nor as down.
 * - A day's `level` is the worst seen that day in the order outage > degraded > maintenance >
 *   operational; `unknown` when nothing of it is covered or it was unknown throughout.
 * - `coversDays` is the number of day bars from `coverStart`'s day to today, 1…90.
 */
import { worstProviderLevel, type Level } from './levels';
import type { DayBar, Incident, Uptime, UptimeSource } from './model';

/** One day in ms. */
export const DAY_MS = 86_400_000;
/** Days in an uptime strip. */
export const WINDOW_DAYS = 90;
/** Days of the short figure. */
export const SHORT_WINDOW_DAYS = 30;

/** A half-open time interval `[start, end)` in ms. */
export interface Interval {
  start: number;
  end: number;
}

/** A titled interval (an incident), listed on every day it touches. */
export interface LabelledInterval extends Interval {
  title: string;
}

/** Start of the UTC day holding `ms`. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** The UTC day key (`YYYY-MM-DD`) of `ms`. */
export function dayKey(ms: number): string {
  return new Date(startOfUtcDay(ms)).toISOString().slice(0, 10);
}

/** Start (ms) of a window of `days` UTC days ending with today. */
export function windowStart(now: number, days: number = WINDOW_DAYS): number {
  return startOfUtcDay(now) - (days - 1) * DAY_MS;
}

/** UTC day keys of the last `days` days, oldest first, today last. */
export function dayKeys(now: number, days: number = WINDOW_DAYS): string[] {
  const first = windowStart(now, days);
  return Array.from({ length: days }, (_, i) => dayKey(first + i * DAY_MS));
}

/** Day bars from `from`'s UTC day to today inclusive, clamped to 1…90. */
export function daysCovered(from: number, now: number): number {
  const days = Math.floor((startOfUtcDay(now) - startOfUtcDay(from)) / DAY_MS) + 1;
  return Math.min(WINDOW_DAYS, Math.max(1, days));
}

/** Sorts and merges overlapping or touching intervals; drops empty ones. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/** `a` minus `b`; both must be merged (sorted, disjoint). */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const piece of a) {
    let start = piece.start;
    for (const cut of b) {
      if (cut.end <= start || cut.start >= piece.end) continue;
      if (cut.start > start) out.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
      if (start >= piece.end) break;
    }
    if (start < piece.end) out.push({ start, end: piece.end });
  }
  return out;
}

/** Total length (ms) of merged `intervals` inside `[from, to)`. */
export function overlapMs(intervals: readonly Interval[], from: number, to: number): number {
  let total = 0;
  for (const i of intervals) total += Math.max(0, Math.min(i.end, to) - Math.max(i.start, from));
  return total;
}

function clip(list: readonly Interval[], from: number, to: number): Interval[] {
  return mergeIntervals(list.map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) })));
}

/** Whole minutes for a bar; any non-zero time shows as at least 1 minute. */
function minutes(ms: number): number {
  return ms > 0 ? Math.max(1, Math.round(ms / 60_000)) : 0;
}

/** What `buildUptime` measures. */
export interface UptimeInput {
  now: number;
  /** Where the source's knowledge begins (ms); earlier time is not covered. */
  coverStart: number;
  source: UptimeSource;
  outage: readonly Interval[];
  degraded: readonly Interval[];
  /** Time in maintenance: counted as up, shown on the bar. */
  maintenance?: readonly Interval[];
  /** Time without a usable reading: excluded from the percentages. */
  unknown?: readonly Interval[];
  /** Titles listed on each day their interval touches (zero-length intervals included). */
  labels?: readonly LabelledInterval[];
}

/**
 * The percentage over the covered part of `[from, now)`: `100 × (1 − outage / (covered −
 * unknown))`, or null when nothing of it is covered.
 */
export function percentOver(outage: readonly Interval[], unknown: readonly Interval[], from: number, now: number): number | null {
  if (from >= now) return null;
  const known = now - from - overlapMs(unknown, from, now);
  if (known <= 0) return null;
  const down = overlapMs(outage, from, now);
  return Math.min(100, Math.max(0, 100 * (1 - down / known)));
}

/** The core measure shared by every source (see the module comment for the formula). */
export function buildUptime(input: UptimeInput): Uptime {
  const { now, source } = input;
  const first = windowStart(now, WINDOW_DAYS);
  const coverStart = Math.max(input.coverStart, first);
  const outage = clip(input.outage, coverStart, now);
  const degraded = subtractIntervals(clip(input.degraded, coverStart, now), outage);
  const maintenance = subtractIntervals(subtractIntervals(clip(input.maintenance ?? [], coverStart, now), outage), degraded);
  const unknown = subtractIntervals(
    subtractIntervals(subtractIntervals(clip(input.unknown ?? [], coverStart, now), outage), degraded),
    maintenance,
  );
  const labels = [...(input.labels ?? [])].sort((a, b) => a.start - b.start);

  const days: DayBar[] = [];
  for (let i = 0; i < WINDOW_DAYS; i++) {
    const dayStart = first + i * DAY_MS;
    const dayEnd = Math.min(dayStart + DAY_MS, now);
    const from = Math.max(dayStart, coverStart);
    const covered = Math.max(0, dayEnd - from);
    const outageMs = overlapMs(outage, from, dayEnd);
    const degradedMs = overlapMs(degraded, from, dayEnd);
    const maintenanceMs = overlapMs(maintenance, from, dayEnd);
    const unknownMs = overlapMs(unknown, from, dayEnd);
    const seen: Level[] = [];
    if (outageMs > 0) seen.push('outage');
    if (degradedMs > 0) seen.push('degraded');
    if (maintenanceMs > 0) seen.push('maintenance');
    if (covered - outageMs - degradedMs - maintenanceMs - unknownMs > 0) seen.push('operational');
    const titles = new Set<string>();
    for (const l of labels) {
      const touches = l.start < dayStart + DAY_MS && (l.end > dayStart || l.start >= dayStart);
      if (touches && l.start <= now) titles.add(l.title);
    }
    days.push({
      date: dayKey(dayStart),
      level: covered > 0 ? worstProviderLevel(seen) : 'unknown',
      outageMinutes: minutes(outageMs),
      degradedMinutes: minutes(degradedMs),
      incidents: [...titles],
    });
  }

  return {
    percent90d: percentOver(outage, unknown, coverStart, now),
    percent30d: percentOver(outage, unknown, Math.max(coverStart, windowStart(now, SHORT_WINDOW_DAYS)), now),
    days,
    source,
    coversDays: daysCovered(input.coverStart, now),
  };
}

/** Which impact counts as which level for the `incidents` source. */
export function impactLevel(impact: string): 'outage' | 'degraded' | null {
  if (impact === 'major' || impact === 'critical') return 'outage';
  if (impact === 'minor') return 'degraded';
  return null;
}

/**
 * The time an incident lasted: `startedAt` (or `createdAt`) to `resolvedAt`, or to `now` while it
 * is open. An end before its start is clamped to the start (zero length); null when unreadable.
 */
export function incidentInterval(incident: Pick<Incident, 'startedAt' | 'createdAt' | 'resolvedAt'>, now: number): Interval | null {
  const started = Date.parse(incident.startedAt);
  const start = Number.isNaN(started) ? Date.parse(incident.createdAt) : started;
  if (Number.isNaN(start)) return null;
  const resolved = incident.resolvedAt === null ? now : Date.parse(incident.resolvedAt);
  const end = Number.isNaN(resolved) ? start : Math.max(start, Math.min(resolved, Math.max(now, start)));
  return { start, end };
}

/** Start of the `incidents` source's coverage: the UTC day of the oldest incident, or today. */
export function incidentsCoverStart(incidents: readonly Incident[], now: number): number {
  let oldest = now;
  for (const incident of incidents) {
    const interval = incidentInterval(incident, now);
    if (interval) oldest = Math.min(oldest, interval.start);
  }
  return startOfUtcDay(oldest);
}

/**
 * Uptime from a provider's recent incidents (source `incidents`): outage time from `major` and
 * `critical` incidents, degraded time from `minor` ones, each from its start to its resolution
 * (or `now`). Coverage begins on the UTC day of the oldest incident (`coversDays` 1…90); with no
 * incidents at all, today only. `coverStart` may be given to measure a subset (one component's
 * incidents) over the provider's coverage.
 */
export function uptimeFromIncidents(incidents: readonly Incident[], now: number, coverStart?: number): Uptime {
  const outage: Interval[] = [];
  const degraded: Interval[] = [];
  const labels: LabelledInterval[] = [];
  for (const incident of incidents) {
    const interval = incidentInterval(incident, now);
    if (!interval) continue;
    labels.push({ ...interval, title: incident.title });
    const level = impactLevel(incident.impact);
    if (level === 'outage') outage.push(interval);
    else if (level === 'degraded') degraded.push(interval);
  }
  return buildUptime({
    now,
    coverStart: coverStart ?? incidentsCoverStart(incidents, now),
    source: 'incidents',
    outage,
    degraded,
    labels,
  });
}

/** Per component id: uptime from the incidents naming that component, over the provider's coverage. */
export function componentUptimesFromIncidents(incidents: readonly Incident[], componentIds: readonly string[], now: number): Record<string, Uptime> {
  const coverStart = incidentsCoverStart(incidents, now);
  const out: Record<string, Uptime> = {};
  for (const id of componentIds) out[id] = uptimeFromIncidents(incidents.filter((i) => i.componentIds.includes(id)), now, coverStart);
  return out;
}

/** One level change seen by this extension (same shape as the stored `Transition`). */
export interface LevelTransition {
  at: number;
  level: Level;
}

/**
 * Uptime from what this extension saw (source `observed`): each transition's level holds until the
 * next one (the last until `now`); time before the first transition is `unknown`. `unknown` time
 * counts neither as up nor as down. Coverage begins at `since` (install); `coversDays` is 0 and
 * every bar `unknown` when nothing was observed yet.
 */
export function uptimeFromObserved(transitions: readonly LevelTransition[], since: number | null, now: number): Uptime {
  const sorted = [...transitions].sort((a, b) => a.at - b.at);
  const start = since ?? sorted[0]?.at ?? null;
  if (start === null || start > now) {
    const empty = buildUptime({ now, coverStart: now, source: 'observed', outage: [], degraded: [], unknown: [] });
    return { ...empty, coversDays: 0, percent30d: null, percent90d: null, days: empty.days.map((d) => ({ ...d, level: 'unknown' })) };
  }
  const buckets: Record<Level, Interval[]> = { outage: [], degraded: [], maintenance: [], unknown: [], operational: [] };
  const firstAt = sorted[0]?.at ?? now;
  if (firstAt > start) buckets.unknown.push({ start, end: Math.min(firstAt, now) });
  sorted.forEach((t, i) => {
    const end = Math.min(sorted[i + 1]?.at ?? now, now);
    if (end > t.at) buckets[t.level].push({ start: t.at, end });
  });
  return buildUptime({
    now,
    coverStart: start,
    source: 'observed',
    outage: buckets.outage,
    degraded: buckets.degraded,
    maintenance: buckets.maintenance,
    unknown: buckets.unknown,
  });
}

/**
 * The figure to show: the first available in the design's order of preference (official, then
 * incidents, then observed), skipping missing ones and observed data that covers nothing yet.
 */
export function preferredUptime(candidates: { official?: Uptime | null; incidents?: Uptime | null; observed?: Uptime | null }): Uptime | null {
  for (const u of [candidates.official, candidates.incidents, candidates.observed]) if (u && u.coversDays > 0) return u;
  return null;
}

/**
 * Incidents to measure: the stored history with the snapshot's current incidents laid over it
 * (same id → the snapshot's newer copy), so an incident opened since the last history read counts.
 */
export function mergeIncidents(history: readonly Incident[], current: readonly Incident[]): Incident[] {
  const byId = new Map<string, Incident>();
  for (const i of history) byId.set(i.id, i);
  for (const i of current) byId.set(i.id, i);
  return [...byId.values()];
}
