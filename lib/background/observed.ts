/**
 * What this extension itself saw (uptime source `observed`, docs/ARCHITECTURE.md#uptime): level transitions per
 * provider and per component, kept 90 days and bounded. `recordObserved` is pure;
 * `updateObserved` reads and writes `observedItem`, and only when something changed.
 */
import type { Level } from '../levels';
import type { ProviderId } from '../model';
import type { ProviderView } from '../status';
import { load, save, type Observed, type Transition } from '../storage';
import { DAY_MS, WINDOW_DAYS } from '../uptime';

/** Most transitions kept per provider. */
export const MAX_PROVIDER_TRANSITIONS = 400;
/** Most transitions kept per component. */
export const MAX_COMPONENT_TRANSITIONS = 100;
/** Most components tracked per provider. */
export const MAX_COMPONENTS = 60;

/** The parts of a provider view recorded here. */
export type ObservedView = Pick<ProviderView, 'level' | 'stale' | 'status'> & { info: { id: ProviderId } };


/**
 * Drops transitions older than 90 days but keeps the last one before the cut-off (it gives the
 * level at the window start), then keeps at most `max` of the newest.
 */
export function pruneTransitions(list: readonly Transition[], now: number, max: number): Transition[] {
  const cutoff = now - WINDOW_DAYS * DAY_MS;
  let firstKept = 0;
  for (let i = 0; i < list.length; i++) if (list[i]!.at < cutoff) firstKept = i;
  const kept = list.slice(firstKept);
  return kept.length > max ? kept.slice(kept.length - max) : kept;
}

function append(list: readonly Transition[] | undefined, level: Level, now: number, max: number): { list: Transition[]; changed: boolean } {
  const before = list ?? [];
  const withNew = before.length && before[before.length - 1]!.level === level ? [...before] : [...before, { at: now, level }];
  const pruned = pruneTransitions(withNew, now, max);
  const changed = pruned.length !== before.length || pruned.some((t, i) => t !== before[i]);
  return { list: pruned, changed };
}

function recordComponents(
  current: Record<string, Transition[]> | undefined,
  levels: ReadonlyArray<{ id: string; level: Level }>,
  now: number,
): { components: Record<string, Transition[]>; changed: boolean } {
  const existing = current ?? {};
  const cutoff = now - WINDOW_DAYS * DAY_MS;
  let changed = false;
  const seen = new Set<string>();
  const order: string[] = [];
  const out: Record<string, Transition[]> = {};
  for (const { id, level } of levels) {
    if (seen.has(id)) continue;
    seen.add(id);
    const r = append(existing[id], level, now, MAX_COMPONENT_TRANSITIONS);
    out[id] = r.list;
    order.push(id);
    changed ||= r.changed;
  }
  // Components no longer listed keep their record while it still says something about the window.
  const gone = Object.keys(existing)
    .filter((id) => !seen.has(id))
    .map((id) => ({ id, list: pruneTransitions(existing[id] ?? [], now, MAX_COMPONENT_TRANSITIONS) }))
    .filter(({ list }) => list.length > 0 && list[list.length - 1]!.at >= cutoff)
    .sort((a, b) => b.list[b.list.length - 1]!.at - a.list[a.list.length - 1]!.at);
  for (const { id, list } of gone) {
    out[id] = list;
    order.push(id);
    if (list.length !== existing[id]?.length) changed = true;
  }
  const kept = order.slice(0, MAX_COMPONENTS);
  const bounded: Record<string, Transition[]> = {};
  for (const id of kept) bounded[id] = out[id]!;
  if (Object.keys(existing).length !== kept.length || Object.keys(existing).some((id) => !(id in bounded))) changed = true;
  return { components: bounded, changed };
}

/**
 * `seenAt` is refreshed at most this often while nothing else changes, so an unchanged poll
 * usually writes nothing; a gap is only counted from the last refresh, so up to this much time
 * before a gap may still count as seen.
 */
export const SEEN_EVERY_MS = 10 * 60_000;

/** Time without any check after which the extension admits it saw nothing (browser closed, asleep). */
export function gapAfterMs(periodMs: number): number {
  return Math.max(3 * periodMs, SEEN_EVERY_MS + 5 * 60_000);
}

/**
 * Appends, per provider and per component of its snapshot, a transition when the level changed
 * since the last one recorded. A stale provider records `unknown` (for itself and its components);
 * a provider without data yet records `unknown` for itself only. Sets `since` on the first call.
 *
 * Time with no check at all is no data, not the last level seen: when the last check
 * (`seenAt`) is older than `gapMs`, an `unknown` transition is inserted right after it, so the
 * uptime computed from these transitions leaves the gap out of its denominator.
 * Returns the new record and whether anything changed (the input is not modified).
 */
export function recordObserved(
  observed: Observed,
  views: readonly ObservedView[],
  now: number,
  gapMs: number = gapAfterMs(60_000),
): { observed: Observed; changed: boolean } {
  let changed = observed.since === null;
  const seenAt = observed.seenAt ?? null;
  const gapFrom = seenAt !== null && now - seenAt > gapMs ? seenAt + 1 : null;
  const next: Observed = {
    since: observed.since ?? now,
    seenAt: seenAt !== null && now - seenAt < SEEN_EVERY_MS ? seenAt : now,
    providers: { ...observed.providers },
    components: { ...observed.components },
  };
  if (next.seenAt !== seenAt) changed = true;
  const withGap = (list: readonly Transition[] | undefined): readonly Transition[] | undefined =>
    gapFrom !== null && list?.length && list[list.length - 1]!.level !== 'unknown' ? [...list, { at: gapFrom, level: 'unknown' }] : list;
  for (const view of views) {
    const id = view.info.id;
    const p = append(withGap(observed.providers[id]), view.level, now, MAX_PROVIDER_TRANSITIONS);
    next.providers[id] = p.list;
    changed ||= p.changed;
    if (!view.status) continue;
    const levels = view.status.components.map((c) => ({ id: c.id, level: view.stale ? ('unknown' as const) : c.level }));
    // A gap is recorded once, on the provider: components take their gaps from it (lib/uptime.ts,
    // `unknownSpans`), which keeps 90 days of nightly gaps from filling every component's list.
    const c = recordComponents(observed.components[id], levels, now);
    next.components[id] = c.components;
    changed ||= c.changed;
  }
  return { observed: changed ? next : observed, changed };
}

/**
 * Records this poll's displayed levels in `observedItem` (written only when something changed) and
 * returns the current record. Call after each poll with the resolved provider views.
 */
export async function updateObserved(views: readonly ObservedView[], now: number, periodMs: number): Promise<Observed> {
  const stored = await load('observed');
  const { observed, changed } = recordObserved(stored, views, now, gapAfterMs(periodMs));
  if (changed) await save('observed', observed);
  return observed;
}
