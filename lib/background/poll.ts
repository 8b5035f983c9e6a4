/**
 * One poll: every provider in parallel, each isolated from the others' failures. The background is
 * the only fetcher and the only writer; a failure never replaces good data, it only records why.
 */
import type { FetchLike } from '../providers/http';
import type { ProviderDefinition, StatusOutcome } from '../providers/types';
import type { ProviderId, ServiceStatus } from '../model';
import { EMPTY_HEALTH, type Health } from '../status';
import { alarmPeriodSec } from '../settings';
import { healthItem, pollStateItem, snapshotsItem, type Snapshots } from '../storage';
import type { PollReply } from '../messages';
import { backoffDelayMs } from './backoff';
import { readSettings, readSnapshots } from './stored';

/** Why a poll was asked for. */
export type PollReason = 'alarm' | 'tick' | 'refresh' | 'startup';

/** What the poller needs from the outside world. */
export interface PollerDeps {
  providers: readonly ProviderDefinition[];
  fetch: FetchLike;
  now: () => number;
  random: () => number;
  /** Runs after each poll that reached the network, with the data before and after. */
  afterPoll?: (ctx: AfterPollContext) => Promise<void>;
}

/** Handed to `afterPoll` hooks (history, uptime, notifications, badge). */
export interface AfterPollContext {
  before: Snapshots;
  after: Snapshots;
  health: Partial<Record<ProviderId, Health>>;
  /** Providers whose fetch succeeded in this poll. */
  succeeded: ProviderId[];
  /** Providers whose fetch failed in this poll. */
  failed: ProviderId[];
  now: number;
}

/** Same data, ignoring when it was fetched. */
export function sameStatus(a: ServiceStatus | undefined, b: ServiceStatus): boolean {
  if (!a) return false;
  return JSON.stringify({ ...a, fetchedAt: 0 }) === JSON.stringify({ ...b, fetchedAt: 0 });
}

interface ProviderResult {
  id: ProviderId;
  health: Health;
  status?: ServiceStatus;
  attempted: boolean;
  ok: boolean;
}

async function pollProvider(
  def: ProviderDefinition,
  snapshot: ServiceStatus | undefined,
  previous: Health,
  force: boolean,
  deps: PollerDeps,
  backoffBaseMs: number,
): Promise<ProviderResult> {
  const now = deps.now();
  if (previous.retryAfterUntil && now < previous.retryAfterUntil) return { id: def.id, health: previous, attempted: false, ok: false };
  if (!force && previous.backoffUntil && now < previous.backoffUntil) return { id: def.id, health: previous, attempted: false, ok: false };
  let outcome: StatusOutcome;
  try {
    // An ETag is only worth sending when we still hold the data it validates.
    outcome = await def.adapter.fetchStatus(def, { fetch: deps.fetch, now: deps.now, etag: snapshot ? previous.etag : null });
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
    const settings = await readSettings();
    const state = await pollStateItem.getValue();
    const started = deps.now();
    // Polls closer than the interval are skipped (1 s slack for alarm and timer jitter).
    if (!force && state.lastPollAt !== null && started - state.lastPollAt < settings.intervalSec * 1000 - 1000) {
      return { result: 'skipped', changed: false };
    }
    await pollStateItem.setValue({ ...state, lastPollAt: started, polls: state.polls + 1 });
    const [before, healthBefore] = await Promise.all([readSnapshots(), healthItem.getValue()]);
    const baseMs = alarmPeriodSec(settings.intervalSec) * 1000;
    const settled = await Promise.allSettled(
      deps.providers.map((def) => pollProvider(def, before[def.id], healthBefore[def.id] ?? EMPTY_HEALTH, force, deps, baseMs)),
    );
    const after: Snapshots = { ...before };
    const health = { ...healthBefore };
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
    if (changed) await snapshotsItem.setValue(after);
    await healthItem.setValue(health);
    const done = deps.now();
    await pollStateItem.setValue({ ...(await pollStateItem.getValue()), lastDoneAt: done });
    await deps.afterPoll?.({ before, after, health, succeeded, failed, now: done });
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
