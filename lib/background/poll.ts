/**
 * One poll: every enabled service, at most 6 requests in flight, each isolated from the others'
 * failures. The background is the only fetcher and the only writer; a failure never replaces good
 * data, it only records why. A poll returns what the steps after it need (settings, the resolved
 * views, health), so nothing is read twice.
 */
import { headStart, type FetchContext, type FetchLike } from '../providers/http';
import type { ProviderInfo } from '../providers/catalog';
import type { StatusOutcome } from '../providers/types';
import type { ProviderId, ServiceStatus } from '../model';
import { EMPTY_HEALTH, resolveViews, type Health, type ProviderView } from '../status';
import { activeServices, alarmPeriodSec, type Settings } from '../settings';
import { loadAll, save, type HealthMap, type Snapshots } from '../storage';
import type { PollReply } from '../messages';
import { backoffDelayMs } from './backoff';

/** Why a poll was asked for. */
export type PollReason = 'alarm' | 'tick' | 'refresh' | 'startup';

/**
 * The records a poll reads before its requests leave (a woken worker reads them ahead, in one
 * round trip per area: `readAhead`). The snapshots, the largest record by far, are read while the
 * requests are out (`headStart`): only the ETag depends on them, and it is kept in health (`pollProvider`).
 */
export const POLL_RECORDS = ['settings', 'poll', 'health'] as const;

/** Most status requests in flight at once. */
export const MAX_IN_FLIGHT = 6;

/** What the poller needs from the outside world. */
export interface PollerDeps {
  fetch: FetchLike;
  now: () => number;
  random: () => number;
  /**
   * Starts reading which hosts the browser lets the extension read (with the poll's storage
   * reads) and returns the check for one service (`access.ts`). A service without access is not
   * fetched: it shows "No access" and never a level. Absent: every service is readable.
   */
  readAccess?: () => (info: ProviderInfo) => Promise<boolean>;
  /**
   * Reads one service's status with its platform's adapter (`Adapter.fetchStatus`). In the worker
   * the adapters load on first use, after the request has left (`lazy-parts.ts`).
   */
  readStatus: (info: ProviderInfo, ctx: FetchContext) => Promise<StatusOutcome>;
  /** Runs after each poll that reached the network, with everything the poll already knows. */
  afterPoll?: (ctx: AfterPollContext) => Promise<void>;
}

/** Handed to the steps after a poll (history, uptime, observed, notifications, badge). */
export interface AfterPollContext {
  settings: Settings;
  /** The services polled. */
  providers: readonly ProviderInfo[];
  before: Snapshots;
  after: Snapshots;
  health: HealthMap;
  /** Every enabled service resolved for display (same as the views show). */
  views: ProviderView[];
  /** Providers whose fetch succeeded in this poll. */
  succeeded: ProviderId[];
  /** Providers whose fetch failed in this poll. */
  failed: ProviderId[];
  now: number;
}

/** Runs `fn` over `items` with at most `limit` running at once; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await fn(items[i]!) };
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** JSON with object keys in sorted order (browser storage hands objects back with sorted keys). */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Same data, ignoring when it was fetched and the order of keys. */
export function sameStatus(a: ServiceStatus | undefined, b: ServiceStatus): boolean {
  if (!a) return false;
  return stableJson({ ...a, fetchedAt: 0 }) === stableJson({ ...b, fetchedAt: 0 });
}

interface ProviderResult {
  id: ProviderId;
  health: Health;
  status?: ServiceStatus;
  attempted: boolean;
  ok: boolean;
}

async function pollProvider(
  def: ProviderInfo,
  snapshots: Promise<Snapshots>,
  previous: Health,
  force: boolean,
  deps: PollerDeps,
  backoffBaseMs: number,
  hasAccess: ((info: ProviderInfo) => Promise<boolean>) | undefined,
): Promise<ProviderResult> {
  const now = deps.now();
  if (hasAccess && !(await hasAccess(def).catch(() => false))) {
    const error = { kind: 'no-access' as const, message: `No permission to read ${new URL(def.pageUrl).host}`, httpStatus: null, at: now };
    return { id: def.id, health: { ...previous, checkedAt: now, error }, attempted: true, ok: false };
  }
  if (previous.retryAfterUntil && now < previous.retryAfterUntil) return { id: def.id, health: previous, attempted: false, ok: false };
  if (!force && previous.backoffUntil && now < previous.backoffUntil) return { id: def.id, health: previous, attempted: false, ok: false };
  let outcome: StatusOutcome;
  try {
    // The ETag is stored with the data it validates, so it is sent before that data is read. In
    // the rare case the data is gone (unreadable, cleared), its "not modified" is asked again without it.
    outcome = await deps.readStatus(def, { fetch: deps.fetch, now: deps.now, etag: previous.etag });
    if (outcome.ok && outcome.notModified && !(await snapshots)[def.id]) {
      const again = await deps.readStatus(def, { fetch: deps.fetch, now: deps.now, etag: null });
      outcome = { ...again, requests: again.requests + outcome.requests };
    }
  } catch (error) {
    outcome = {
      ok: false,
      error: { kind: 'wrong-shape', message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`, httpStatus: null, at: now },
      retryAfterSec: null,
      requests: 1,
    };
  }
  const checkedAt = deps.now();
  if (outcome.ok) {
    const health: Health = { ...EMPTY_HEALTH, checkedAt, okAt: checkedAt, etag: outcome.etag ?? previous.etag };
    if (outcome.notModified) return { id: def.id, health, attempted: true, ok: true };
    return { id: def.id, health: { ...health, etag: outcome.etag }, status: outcome.status, attempted: true, ok: true };
  }
  const failures = previous.failures + 1;
  const retryAfterMs = outcome.retryAfterSec !== null ? outcome.retryAfterSec * 1000 : 0;
  const delay = Math.max(backoffDelayMs(failures, backoffBaseMs, deps.random()), retryAfterMs);
  return {
    id: def.id,
    health: {
      ...previous,
      checkedAt,
      error: outcome.error,
      failures,
      backoffUntil: checkedAt + delay,
      retryAfterUntil: retryAfterMs ? checkedAt + retryAfterMs : null,
    },
    attempted: true,
    ok: false,
  };
}

/** A single-flight poller. */
export interface Poller {
  poll(reason: PollReason): Promise<PollReply>;
}

/** Creates the poller. Concurrent calls join the running poll. */
export function createPoller(deps: PollerDeps): Poller {
  let running: Promise<PollReply> | null = null;
  let queuedRefresh: Promise<PollReply> | null = null;

  async function run(reason: PollReason): Promise<PollReply> {
    const force = reason === 'refresh' || reason === 'startup';
    // One round trip per area for what the gate and the requests need (health shares the poll
    // state's request); a woken worker has them read ahead (docs/ARCHITECTURE.md#the-worker-wake).
    const [settings, state, healthBefore] = await loadAll(...POLL_RECORDS);
    const started = deps.now();
    // Polls closer than the interval are skipped (1 s slack for alarm and timer jitter).
    if (!force && state.lastPollAt !== null && started - state.lastPollAt < settings.intervalSec * 1000 - 1000) {
      return { result: 'skipped', changed: false };
    }
    const hasAccess = deps.readAccess?.();
    // What the requests do not wait for is asked for once they have left (they are sent in this
    // task's microtasks) and had their head start, or the first read is done: the snapshots (the
    // largest record, needed only to compare and for a 304 without data) and the mark that the
    // poll started (this worker is the only poller).
    let firstRead!: () => void;
    const requestsAway = headStart(new Promise<void>((resolve) => (firstRead = resolve)));
    const readStatus: PollerDeps['readStatus'] = (info, ctx) => {
      const read = deps.readStatus(info, ctx);
      read.then(firstRead, firstRead);
      return read;
    };
    const snapshots = requestsAway.then(() => loadAll('snapshots')).then(([value]) => value);
    const marked = requestsAway.then(() => save('poll', { ...state, lastPollAt: started }));
    const baseMs = alarmPeriodSec(settings.intervalSec) * 1000;
    const providers = activeServices(settings);
    const settled = await mapLimit(providers, MAX_IN_FLIGHT, (def) =>
      pollProvider(def, snapshots, healthBefore[def.id] ?? EMPTY_HEALTH, force, { ...deps, readStatus }, baseMs, hasAccess),
    );
    // Every read is done, or none was made (every service backing off or without access): no
    // request is left to give a head start to.
    firstRead();
    const before = await snapshots;
    await marked;
    const after: Snapshots = { ...before };
    const health: HealthMap = { ...healthBefore };
    const succeeded: ProviderId[] = [];
    const failed: ProviderId[] = [];
    let changed = false;
    for (const item of settled) {
      if (item.status !== 'fulfilled') continue;
      const r = item.value;
      health[r.id] = r.health;
      if (r.attempted) (r.ok ? succeeded : failed).push(r.id);
      if (r.status && !sameStatus(before[r.id], r.status)) {
        after[r.id] = r.status;
        changed = true;
      }
    }
    if (changed) await save('snapshots', after);
    const done = deps.now();
    await Promise.all([save('health', health), save('poll', { lastPollAt: started, lastDoneAt: done })]);
    const views = resolveViews(settings, after, health, done);
    await deps.afterPoll?.({ settings, providers, before, after, health, views, succeeded, failed, now: done });
    return { result: 'polled', changed };
  }

  return {
    poll(reason) {
      if (running) {
        // "Refresh now" must reflect a poll that started after the click: queue one (coalesced).
        if (reason === 'refresh') {
          queuedRefresh ??= running.catch(() => undefined).then(() => {
            queuedRefresh = null;
            return this.poll('refresh');
          });
          return queuedRefresh;
        }
        return running.then((r) => ({ ...r, result: r.result === 'polled' ? 'busy' : r.result }));
      }
      running = run(reason).finally(() => {
        running = null;
      });
      return running;
    },
  };
}
