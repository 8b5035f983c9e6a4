/**
 * What follows every poll that reached the network: observed history, incident history and
 * official uptime (fail soft) and notifications on confirmed transitions — all from what the poll
 * already knows (`AfterPollContext`), without reading it again. They run where the adapters are:
 * Chrome's parsing document (its storage and notifications the worker's, through messages), a
 * Firefox event page; the worker paints the badge once they are done (`lib/background/index.ts`).
 */
import type { Translate } from '../i18n';
import type { FetchLike } from '../providers/http';
import type { ProviderInfo } from '../providers/catalog';
import type { ProviderDefinition } from '../providers/types';
import { alarmPeriodSec } from '../settings';
import { load, save } from '../storage';
import type { AfterPollContext } from './poll';
import { refreshHistory, refreshOfficialUptime } from './history';
import { applyNotifications, decideNotifications, type NotificationsApi } from './notify';
import { updateObserved } from './observed';

/** What the steps need from where they run. */
export interface AfterPollDeps {
  fetch: FetchLike;
  now: () => number;
  t: Translate;
  notifications: NotificationsApi;
  /** This browser session's id (see `NotifyInput.session`). */
  session: () => Promise<number>;
  /**
   * When each source last failed (`HistoryDeps.failures`), kept for one worker's life: made with
   * the worker's other deps (`startBackground`); the parsing document, which outlives a stopped
   * worker and cannot be handed the worker's map, keeps one per worker id (`serveParsing`).
   */
  failures: Map<string, number>;
}

/**
 * Runs every step; one failing step never stops the others. `definitionOf` pairs a service with
 * its adapter.
 */
export async function afterPoll(deps: AfterPollDeps, ctx: AfterPollContext, definitionOf: (info: ProviderInfo) => ProviderDefinition | null): Promise<void> {
  const providers = ctx.providers.map(definitionOf).filter((d) => d !== null);
  const sources = { providers, fetch: deps.fetch, now: deps.now, failures: deps.failures };
  const steps: Promise<unknown>[] = [
    updateObserved(ctx.views, ctx.now, alarmPeriodSec(ctx.settings.intervalSec) * 1000),
    refreshHistory(sources, ctx.after, ctx.succeeded),
    refreshOfficialUptime(sources, ctx.succeeded),
    notify(deps, ctx),
  ];
  for (const result of await Promise.allSettled(steps)) {
    if (result.status === 'rejected') console.warn('[ai-status] after-poll step failed', result.reason);
  }
}

async function notify(deps: AfterPollDeps, ctx: AfterPollContext): Promise<void> {
  const { settings } = ctx;
  const result = decideNotifications({
    state: await load('notifyState'),
    snapshots: ctx.after,
    succeeded: ctx.succeeded,
    settings,
    now: ctx.now,
    session: await deps.session(),
    t: deps.t,
  });
  if (result.changed) await save('notifyState', result.nextState);
  await applyNotifications(deps.notifications, result.notifications);
  if (result.whenBackDone.length) {
    // Re-read: the user may have changed settings while this poll ran.
    const current = await load('settings');
    const whenBack = { ...current.notifications.whenBack };
    for (const id of result.whenBackDone) whenBack[id] = false;
    await save('settings', { ...current, notifications: { ...current.notifications, whenBack } });
  }
}
