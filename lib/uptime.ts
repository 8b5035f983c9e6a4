/**
 * Uptime over the last 90 UTC days, from any of three sources: the provider's own figures
 * (`official`), its recent incidents (`incidents`, an estimate) or what this extension saw
 * (`observed`). Pure and zod-free, so views may import it too. Formulas and the checks on real
 * captures: docs/UPTIME.md.
 *
 * One measure for every source, the one Atlassian Statuspage publishes:
 *
 *     percent = floor2(100 × (1 − (major + 0.3 × partial) / known time))
 *
 * - `major` is time in major (full) outage, weight 1; `partial` time in partial outage, weight 0.3;
 *   degraded performance and maintenance weigh 0 (they count as up, and show on the bars).
 * - At any instant only the worst state counts (major > partial > degraded > maintenance), so
 *   overlapping incidents are never counted twice and a day never holds more than 24 h.
 * - `known time` is the window's covered part less the time without a usable reading (`unknown`,
 *   observed only) and the time with no check at all (`gaps`: browser closed, machine asleep).
 * - `floor2` truncates to two decimals, as the status pages do (99.999 shows as 99.99, never 100).
 *
 * The window is the 90 UTC days ending today (today counts up to `now`); the 30-day figure uses the
 * last 30 of them. The day bars are exactly these 90 days, oldest first; a day with no data at all
 * is a `noData` bar. For the estimates (`coverage: 'strict'`) a window the data does not reach back
 * to the start of has no figure (null): the figure over the covered part is `percentSince`, shown
 * as "since <date>". Official figures are the page's own (`coverage: 'lenient'`): a component the
 * page started showing inside the window has its figure over its own days, as on the page.
 */
import type { Level } from './levels';
import type { DayBar, Incident, Uptime, UptimeSource, UptimeWorst } from './model';

/** One day in ms. */
export const DAY_MS = 86_400_000;
/** Days in an uptime strip. */
export const WINDOW_DAYS = 90;
/** Days of the short figure. */
export const SHORT_WINDOW_DAYS = 30;
/** Weight of partial outage time against major outage time (Statuspage's, and incident.io's). */
export const PARTIAL_WEIGHT = 0.3;

/** A half-open time interval `[start, end)` in ms. */
export interface Interval {
  start: number;
  end: number;
}

/** A titled interval (an incident), listed on every day it touches. */
export interface LabelledInterval extends Interval {
  title: string;
}

/** How much a state counts as down: `major` 1, `partial` 0.3, `degraded` 0 (up, but shown). */
export type Severity = 'major' | 'partial' | 'degraded';

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

/** Truncates to two decimals (99.999 → 99.99), robust to float error (99.87 stays 99.87). */
export function floor2(value: number): number {
  return Math.floor(value * 100 + 1e-9) / 100;
}

/** Rounds to two decimals (incident.io publishes rounded figures). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Statuspage's own figure: `floor2(100 × (1 − (m + 0.3 × p) / (days × 86400)))`, computed in
 * integers (tenths of a second) so that the truncation is exact; null for zero days.
 */
export function statuspagePercent(majorSeconds: number, partialSeconds: number, days: number): number | null {
  if (!(days > 0)) return null;
  const total = days * 864_000; // tenths of a second
  const weighted = 10 * Math.max(0, majorSeconds) + 3 * Math.max(0, partialSeconds);
  const up = Math.max(0, total - weighted);
  const hundredths = Number.isInteger(weighted) ? Math.floor((10_000 * up) / total) : Math.floor((10_000 * up) / total + 1e-9);
  return hundredths / 100;
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

/** `list` less everything in `taken` (any number of merged lists). */
function exclusive(list: readonly Interval[], ...taken: ReadonlyArray<readonly Interval[]>): Interval[] {
  return subtractIntervals(list, mergeIntervals(taken.flat()));
}

/** Whole minutes for a bar; any non-zero time shows as at least 1 minute. */
function minutes(ms: number): number {
  return ms > 0 ? Math.max(1, Math.round(ms / 60_000)) : 0;
}

/** A day with no data. */
export function noDataDay(date: string): DayBar {
  return { date, level: 'unknown', outageMinutes: 0, degradedMinutes: 0, incidents: [], noData: true };
}

// Day bars: the worst state seen that day; `unknown` only when nothing else was.
const DAY_RANK: Readonly<Record<Level, number>> = { outage: 4, degraded: 3, maintenance: 2, operational: 1, unknown: 0 };

/** The worse of two day levels (outage > degraded > maintenance > operational > unknown). */
export function worseDayLevel(a: Level, b: Level): Level {
  return DAY_RANK[b] > DAY_RANK[a] ? b : a;
}

/** What `buildUptime` measures. */
export interface UptimeInput {
  now: number;
  /** Where the source's knowledge begins (ms); `null`: it covers the whole window. */
  coverStart: number | null;
  source: UptimeSource;
  /** Time in major (full) outage, weight 1. */
  major?: readonly Interval[];
  /** Same as `major` (older name). */
  outage?: readonly Interval[];
  /** Time in partial outage, weight 0.3. */
  partial?: readonly Interval[];
  /** Time in degraded performance: counted as up, shown on the bar. */
  degraded?: readonly Interval[];
  /** Time in maintenance: counted as up, shown on the bar. */
  maintenance?: readonly Interval[];
  /** Time without a usable reading: excluded from the percentages (`unknown` bars). */
  unknown?: readonly Interval[];
  /** Time with no check at all: excluded from the percentages, drawn as no-data. */
  gaps?: readonly Interval[];
  /** Titles listed on each day their interval touches (zero-length intervals included). */
  labels?: readonly LabelledInterval[];
  /** `strict` (default, estimates): no figure for a window not wholly covered. `lenient`: over the covered part. */
  coverage?: 'strict' | 'lenient';
  /** `floor` (default, as Statuspage) or `round` (as incident.io) to two decimals. */
  rounding?: 'floor' | 'round';
}

/** The core measure shared by every source (see the module comment for the formula). */
export function buildUptime(input: UptimeInput): Uptime {
  const { now, source } = input;
  const first = windowStart(now, WINDOW_DAYS);
  const coverStart = input.coverStart === null ? first : Math.max(input.coverStart, first);
  const within = (list: readonly Interval[] | undefined) => clip(list ?? [], coverStart, now);
  const gaps = within(input.gaps);
  const major = exclusive(within([...(input.major ?? []), ...(input.outage ?? [])]), gaps);
  const partial = exclusive(within(input.partial), major, gaps);
  const degraded = exclusive(within(input.degraded), major, partial, gaps);
  const maintenance = exclusive(within(input.maintenance), major, partial, degraded, gaps);
  const unknown = exclusive(within(input.unknown), major, partial, degraded, maintenance, gaps);
  const round = input.rounding === 'round' ? round2 : floor2;

  const measure = (from: number): number | null => {
    if (from >= now) return null;
    const known = now - from - overlapMs(unknown, from, now) - overlapMs(gaps, from, now);
    if (known <= 0) return null;
    const down = 10 * overlapMs(major, from, now) + 3 * overlapMs(partial, from, now);
    return round(Math.min(100, Math.max(0, 100 - (100 * down) / (10 * known))));
  };
  const start30 = windowStart(now, SHORT_WINDOW_DAYS);
  const covers = (start: number) => input.coverStart === null || input.coverStart <= start;
  const lenient = input.coverage === 'lenient';
  const percent90d = lenient || covers(first) ? measure(coverStart) : null;
  const percent30d = lenient || covers(start30) ? measure(Math.max(coverStart, start30)) : null;

  const labels = [...(input.labels ?? [])].sort((a, b) => a.start - b.start);
  const days: DayBar[] = [];
  for (let i = 0; i < WINDOW_DAYS; i++) {
    const dayStart = first + i * DAY_MS;
    const dayEnd = Math.min(dayStart + DAY_MS, now);
    const from = Math.max(dayStart, coverStart);
    const span = Math.max(0, dayEnd - from);
    const gapMs = overlapMs(gaps, from, dayEnd);
    const isToday = i === WINDOW_DAYS - 1;
    // Today is covered from its first instant (unless unchecked); other days need covered time.
    const noData = isToday ? coverStart > now || (span > 0 && gapMs >= span) : span - gapMs <= 0;
    const date = dayKey(dayStart);
    if (noData) {
      days.push(noDataDay(date));
      continue;
    }
    const majorMs = overlapMs(major, from, dayEnd);
    const partialMs = overlapMs(partial, from, dayEnd);
    const degradedMs = overlapMs(degraded, from, dayEnd);
    const maintenanceMs = overlapMs(maintenance, from, dayEnd);
    const unknownMs = overlapMs(unknown, from, dayEnd);
    let level: Level = 'unknown';
    if (majorMs > 0) level = 'outage';
    else if (partialMs > 0 || degradedMs > 0) level = 'degraded';
    else if (maintenanceMs > 0) level = 'maintenance';
    else if (span - gapMs - unknownMs > 0 || span === 0) level = 'operational';
    const titles = new Set<string>();
    for (const l of labels) {
      const touches = l.start < dayStart + DAY_MS && (l.end > dayStart || l.start >= dayStart);
      if (touches && l.start <= now) titles.add(l.title);
    }
    days.push({
      date,
      level,
      outageMinutes: minutes(majorMs),
      degradedMinutes: minutes(partialMs + degradedMs),
      incidents: [...titles],
      majorSeconds: Math.round(majorMs / 1000),
      partialSeconds: Math.round(partialMs / 1000),
      degradedSeconds: Math.round(degradedMs / 1000),
    });
  }

  const coversWindow = covers(first);
  return {
    percent90d,
    percent30d,
    days,
    source,
    coversDays: days.filter((d) => !d.noData).length,
    since: input.coverStart !== null && input.coverStart > first ? dayKey(input.coverStart) : null,
    percentSince: !lenient && !coversWindow ? measure(coverStart) : null,
  };
}

// ————————————————————————————————————————————— provider level from components

/** One component's figure, for `aggregateUptime`. */
export interface ComponentFigure {
  id: string;
  /** Display name; may be empty (views fill it in from the snapshot). */
  name: string;
  uptime: Uptime;
}

function mean(values: readonly number[]): number | null {
  return values.length ? floor2(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

function worstOf(parts: readonly ComponentFigure[], pick: (u: Uptime) => number | null | undefined): UptimeWorst | null {
  let worst: UptimeWorst | null = null;
  for (const p of parts) {
    const value = pick(p.uptime);
    if (value === null || value === undefined) continue;
    if (!worst || value < worst.percent) worst = { id: p.id, name: p.name, percent: value };
  }
  return worst;
}

/**
 * A provider-level figure from its components' figures: each window's figure is the **average** of
 * the components' figures for that window (so never lower than every component's), and the lowest
 * component is named per window (`basis`). Each day bar shows the worst component's state that day,
 * the longest outage of any component (seconds, minutes: the maximum, not a sum) and every title;
 * a day is no-data only when it is for every component. `extraLabels` lists more titles (incidents
 * that name no component). Group rows (`uptime.group`) must not be passed.
 */
export function aggregateUptime(
  parts: readonly ComponentFigure[],
  source: UptimeSource,
  extra: { labels?: readonly LabelledInterval[]; now?: number; uncounted?: number } = {},
): Uptime {
  const dates: string[] = [];
  const byDate = new Map<string, DayBar[]>();
  for (const p of parts) {
    for (const d of p.uptime.days) {
      let list = byDate.get(d.date);
      if (!list) {
        byDate.set(d.date, (list = []));
        dates.push(d.date);
      }
      list.push(d);
    }
  }
  dates.sort();
  const extraTitles = new Map<string, string[]>();
  if (extra.labels?.length && extra.now !== undefined) {
    for (const l of extra.labels) {
      if (l.start > extra.now) continue;
      for (let day = startOfUtcDay(l.start); day <= Math.max(startOfUtcDay(l.start), startOfUtcDay(Math.max(l.start, l.end - 1))); day += DAY_MS) {
        const key = dayKey(day);
        extraTitles.set(key, [...(extraTitles.get(key) ?? []), l.title]);
      }
    }
  }
  const days: DayBar[] = dates.slice(-WINDOW_DAYS).map((date) => {
    const list = byDate.get(date) ?? [];
    const known = list.filter((d) => !d.noData);
    const titles = new Set<string>([...list.flatMap((d) => d.incidents), ...(extraTitles.get(date) ?? [])]);
    if (!known.length) return { ...noDataDay(date), incidents: [...titles] };
    const max = (f: (d: DayBar) => number | undefined) => Math.max(0, ...known.map((d) => f(d) ?? 0));
    return {
      date,
      level: known.reduce<Level>((w, d) => worseDayLevel(w, d.level), 'unknown'),
      outageMinutes: max((d) => d.outageMinutes),
      degradedMinutes: max((d) => d.degradedMinutes),
      incidents: [...titles],
      majorSeconds: max((d) => d.majorSeconds),
      partialSeconds: max((d) => d.partialSeconds),
      degradedSeconds: max((d) => d.degradedSeconds),
    };
  });
  const values = (pick: (u: Uptime) => number | null | undefined) =>
    parts.map((p) => pick(p.uptime)).filter((v): v is number => v !== null && v !== undefined);
  const asOfs = values((u) => u.asOf);
  const sinces = parts.map((p) => p.uptime.since ?? null);
  return {
    percent90d: mean(values((u) => u.percent90d)),
    percent30d: mean(values((u) => u.percent30d)),
    days,
    source,
    coversDays: Math.max(0, ...parts.map((p) => p.uptime.coversDays)),
    since: sinces.length && sinces.every((s) => s !== null) ? [...(sinces as string[])].sort()[0]! : null,
    percentSince: mean(values((u) => u.percentSince)),
    ...(asOfs.length ? { asOf: Math.min(...asOfs) } : {}),
    basis: { method: 'mean', components: parts.length, worst90: worstOf(parts, (u) => u.percent90d), worst30: worstOf(parts, (u) => u.percent30d) },
    ...(extra.uncounted ? { uncounted: extra.uncounted } : {}),
  };
}

// ————————————————————————————————————————————— the `incidents` estimate

/** How many incidents `incidents.json` returns at most, per platform (Statuspage: the 50 most recent). */
export const INCIDENT_LIST_CAP: Readonly<Record<string, number>> = { statuspage: 50 };
/**
 * For other platforms the cap is not documented; incident.io's compatible layer was seen returning
 * 25. The smaller number is the safe one: a shorter list is then never mistaken for a complete one.
 */
export const DEFAULT_INCIDENT_LIST_CAP = 25;

/** The most incidents a platform's list holds. */
export function incidentListCap(platform: string | undefined): number {
  return (platform && Object.hasOwn(INCIDENT_LIST_CAP, platform) ? INCIDENT_LIST_CAP[platform] : undefined) ?? DEFAULT_INCIDENT_LIST_CAP;
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

/**
 * Where an incident list's knowledge begins, decided on the list **as read** (before any pruning):
 * `null` (it covers every window) when it holds fewer incidents than the platform returns at most
 * (`cap`), since it is then complete back to the page's creation; otherwise the start of its oldest
 * incident: incidents before that may have been pushed out of the list. A window is covered only
 * when this is at or before the window's start.
 */
export function incidentsCoverStart(list: readonly Incident[], now: number, cap: number): number | null {
  if (list.length < cap) return null;
  let oldest = now;
  for (const incident of list) {
    const interval = incidentInterval(incident, now);
    if (interval) oldest = Math.min(oldest, interval.start);
  }
  return oldest;
}

/** A component status (Statuspage or incident.io) → how it is charged; null: up. */
export function statusSeverity(status: string | null | undefined): Severity | null {
  switch (status) {
    case 'major_outage':
    case 'full_outage':
      return 'major';
    case 'partial_outage':
      return 'partial';
    case 'degraded_performance':
      return 'degraded';
    default:
      return null;
  }
}

/**
 * An incident's impact → the state of a component it names without saying which (Statuspage
 * derives the impact the same way: critical = major outage, major = partial outage, minor =
 * degraded performance). Used only for named components, never for the whole provider.
 */
export function impactSeverity(impact: string): Severity | null {
  if (impact === 'critical') return 'major';
  if (impact === 'major') return 'partial';
  if (impact === 'minor') return 'degraded';
  return null;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { major: 3, partial: 2, degraded: 1 };

/** A charged stretch of one component. */
export interface Segment extends Interval {
  severity: Severity;
}

/**
 * What one incident charges to each component it names, by component id:
 * - a component whose status the updates set (`componentChanges`) is charged each status from the
 *   update that set it to the next change or the incident's end (two changes at one instant: the
 *   worse); nothing before its first change;
 * - a component named without any status (`componentIds` only) is charged, for the incident's
 *   whole duration, the state its `impact` stands for (see `impactSeverity`).
 * An incident that names no component charges nothing.
 */
export function incidentSegments(incident: Incident, now: number): Map<string, Segment[]> {
  const out = new Map<string, Segment[]>();
  const interval = incidentInterval(incident, now);
  if (!interval) return out;
  const changes = new Map<string, Array<{ at: number; severity: Severity | null }>>();
  for (const change of incident.componentChanges ?? []) {
    const at = Date.parse(change.at);
    if (Number.isNaN(at)) continue;
    const list = changes.get(change.id) ?? [];
    const severity = statusSeverity(change.status);
    const same = list.find((c) => c.at === at);
    if (same) {
      if (severity && (!same.severity || SEVERITY_RANK[severity] > SEVERITY_RANK[same.severity])) same.severity = severity;
    } else list.push({ at, severity });
    changes.set(change.id, list);
  }
  const ids = new Set([...incident.componentIds, ...changes.keys()]);
  for (const id of ids) {
    const segments: Segment[] = [];
    const list = changes.get(id)?.sort((a, b) => a.at - b.at);
    if (list?.length) {
      list.forEach((c, i) => {
        const start = Math.max(c.at, interval.start);
        const end = Math.min(list[i + 1]?.at ?? interval.end, interval.end);
        if (c.severity && end > start) segments.push({ start, end, severity: c.severity });
      });
    } else {
      const severity = impactSeverity(incident.impact);
      if (severity && interval.end > interval.start) segments.push({ ...interval, severity });
    }
    out.set(id, segments);
  }
  return out;
}

/** The `incidents` estimate of a provider and of each of its components. */
export interface IncidentsEstimate {
  uptime: Uptime;
  components: Record<string, Uptime>;
  /** Incidents that charged some component (0 with incidents present: the source names none). */
  charged: number;
}

/**
 * Uptime estimated from a provider's incidents (source `incidents`): each component is charged the
 * time the incidents naming it put it in partial or major outage (see `incidentSegments`), with the
 * weights of the official figures; the provider figure is the average of its components'
 * (`aggregateUptime`) over `components` (the snapshot's; when empty, those the incidents name).
 * `coverStart` comes from `incidentsCoverStart` on the list as read. The provider strip lists
 * every incident; those naming no component are counted in `uncounted`.
 */
export function estimateFromIncidents(
  incidents: readonly Incident[],
  now: number,
  options: { coverStart: number | null; components?: ReadonlyArray<{ id: string; name: string }> },
): IncidentsEstimate {
  const segments = new Map<string, Segment[]>();
  const labelsOf = new Map<string, LabelledInterval[]>();
  const allLabels: LabelledInterval[] = [];
  const named = new Map<string, string>();
  let uncounted = 0;
  let chargedCount = 0;
  const windowFrom = Math.max(windowStart(now, WINDOW_DAYS), options.coverStart ?? -Infinity);
  for (const incident of incidents) {
    const interval = incidentInterval(incident, now);
    if (!interval) continue;
    const label = { ...interval, title: incident.title };
    allLabels.push(label);
    const charged = incidentSegments(incident, now);
    if (charged.size === 0 && interval.end >= windowFrom && interval.start <= now) uncounted++;
    if (charged.size > 0) chargedCount++;
    const names = incident.componentNames.length === incident.componentIds.length ? incident.componentNames : [];
    incident.componentIds.forEach((id, i) => named.set(id, names[i] ?? named.get(id) ?? ''));
    for (const [id, list] of charged) {
      segments.set(id, [...(segments.get(id) ?? []), ...list]);
      labelsOf.set(id, [...(labelsOf.get(id) ?? []), label]);
      if (!named.has(id)) named.set(id, '');
    }
  }
  const targets = options.components?.length ? options.components : [...named].map(([id, name]) => ({ id, name }));
  const components: Record<string, Uptime> = {};
  for (const { id } of targets) {
    const list = segments.get(id) ?? [];
    components[id] = buildUptime({
      now,
      coverStart: options.coverStart,
      source: 'incidents',
      major: list.filter((s) => s.severity === 'major'),
      partial: list.filter((s) => s.severity === 'partial'),
      degraded: list.filter((s) => s.severity === 'degraded'),
      labels: labelsOf.get(id) ?? [],
    });
  }
  const parts = targets.map(({ id, name }) => ({ id, name, uptime: components[id]! }));
  const uptime = parts.length
    ? aggregateUptime(parts, 'incidents', { labels: allLabels, now, uncounted })
    : { ...buildUptime({ now, coverStart: options.coverStart, source: 'incidents', labels: allLabels }), percent30d: null, percent90d: null, percentSince: null, ...(uncounted ? { uncounted } : {}) };
  return { uptime, components, charged: chargedCount };
}

// ————————————————————————————————————————————— the `observed` record

/** One level change seen by this extension (same shape as the stored `Transition`). */
export interface LevelTransition {
  at: number;
  level: Level;
  /** The raw status, where recorded: tells a partial outage from degraded performance. */
  raw?: string;
}

/**
 * The spans a provider's own observed record says nothing about (its `unknown` time: no check at
 * all, a failed or stale read): its components' figures leave them out too.
 */
export function unknownSpans(transitions: readonly LevelTransition[] | undefined, now: number): Interval[] {
  const sorted = [...(transitions ?? [])].sort((a, b) => a.at - b.at);
  const spans: Interval[] = [];
  sorted.forEach((t, i) => {
    const end = Math.min(sorted[i + 1]?.at ?? now, now);
    if (t.level === 'unknown' && end > t.at) spans.push({ start: t.at, end });
  });
  return mergeIntervals(spans);
}

/**
 * Uptime from what this extension saw (source `observed`): each transition's level holds until the
 * next one (the last until `now`); time before the first transition is `unknown`. An `outage`
 * counts as major outage (a `raw` `partial_outage` as partial); `degraded` weighs 0, since the
 * level alone cannot tell a partial outage from degraded performance. `unknown` time (a failed
 * check, or no check at all: the worker records `unknown` after a gap in its checks) and `gaps`
 * are left out of the figures; a day without any known time is drawn as no-data. Coverage begins
 * at `since` (install): windows reaching further back have no figure, only "since <date>".
 */
export function uptimeFromObserved(transitions: readonly LevelTransition[], since: number | null, now: number, gaps: readonly Interval[] = []): Uptime {
  const sorted = [...transitions].sort((a, b) => a.at - b.at);
  const start = since ?? sorted[0]?.at ?? null;
  if (start === null || start > now) {
    return { ...buildUptime({ now, coverStart: now + 1, source: 'observed' }), coversDays: 0, percent30d: null, percent90d: null, percentSince: null, since: null };
  }
  const buckets = { major: [] as Interval[], partial: [] as Interval[], degraded: [] as Interval[], maintenance: [] as Interval[], unknown: [] as Interval[] };
  const firstAt = sorted[0]?.at ?? now;
  if (firstAt > start) buckets.unknown.push({ start, end: Math.min(firstAt, now) });
  sorted.forEach((t, i) => {
    const end = Math.min(sorted[i + 1]?.at ?? now, now);
    if (end <= t.at) return;
    const piece = { start: t.at, end };
    const raw = statusSeverity(t.raw);
    if (t.level === 'outage') (raw === 'partial' ? buckets.partial : buckets.major).push(piece);
    else if (t.level === 'degraded') (raw === 'partial' ? buckets.partial : buckets.degraded).push(piece);
    else if (t.level === 'maintenance') buckets.maintenance.push(piece);
    else if (t.level === 'unknown') buckets.unknown.push(piece);
  });
  const uptime = buildUptime({ now, coverStart: start, source: 'observed', ...buckets, gaps });
  const days = uptime.days.map((d) => (d.level === 'unknown' && !d.noData ? { ...noDataDay(d.date), incidents: d.incidents } : d));
  return { ...uptime, days, coversDays: days.filter((d) => !d.noData).length, since: dayKey(start) };
}

// ————————————————————————————————————————————— choosing and ageing

/**
 * The figure to show: the first available in order of preference (official, then
 * incidents, then observed), skipping missing ones and observed data that covers nothing yet.
 */
export function preferredUptime(candidates: { official?: Uptime | null; incidents?: Uptime | null; observed?: Uptime | null }): Uptime | null {
  for (const u of [candidates.official, candidates.incidents, candidates.observed]) if (u && u.coversDays > 0) return u;
  return null;
}

/**
 * An official figure as it stands at `now`: `asOf` is when its data ends (the page's last day, at
 * most the read's time). While that is less than a day ago the strip is the page's own 90 days;
 * older, the bars are laid on the current 90 UTC days, days after its last day being no-data (the
 * figures stay the page's, and views show their date).
 */
export function officialAsOf(uptime: Uptime, fetchedAt: number, now: number): Uptime {
  const asOf = Math.min(uptime.asOf ?? fetchedAt, fetchedAt);
  if (now - asOf <= DAY_MS) return { ...uptime, asOf };
  const byDate = new Map(uptime.days.map((d) => [d.date, d]));
  return { ...uptime, asOf, days: dayKeys(now).map((date) => byDate.get(date) ?? noDataDay(date)) };
}

/** Is an official figure older than a day at `now`? */
export function isOld(uptime: Uptime, now: number): boolean {
  return uptime.source === 'official' && typeof uptime.asOf === 'number' && now - uptime.asOf > DAY_MS;
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
