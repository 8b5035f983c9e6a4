/**
 * What follows every poll that reached the network: observed history, incident history and
 * official uptime (fail soft), notifications on confirmed transitions, and the badge — all from
 * what the poll already knows (`AfterPollContext`), without reading it again.
 */
import type { Translate } from '../i18n';
import type { FetchLike } from '../providers/http';
import type { ProviderInfo } from '../providers/catalog';
import type { ProviderDefinition } from '../providers/types';
import { alarmPeriodSec } from '../settings';
import { load, save } from '../storage';
import type { AfterPollContext } from './poll';
import { applyBadge, computeBadge, type ActionApi } from './badge';
import { refreshHistory, refreshOfficialUptime } from './history';
import { applyNotifications, decideNotifications, type NotificationsApi } from './notify';
import { updateObserved } from './observed';

/** Everything the background needs from the browser, in one place (see `lib/background/index.ts`). */
export interface BackgroundDeps {
  fetch: FetchLike;
  now: () => number;
  random: () => number;
  t: Translate;
  locale: string;
  notifications: NotificationsApi;
  action: ActionApi;
  /** This browser session's id (see `NotifyInput.session`). */
  session: () => Promise<number>;
}

/**
 * Runs every step; one failing step never stops the others. The badge is painted last.
 * `definitionOf` pairs a service with its adapter (the worker's readers: `parts.ts`).
 */
export async function afterPoll(deps: BackgroundDeps, ctx: AfterPollContext, definitionOf: (info: ProviderInfo) => ProviderDefinition | null): Promise<void> {
  const providers = ctx.providers.map(definitionOf).filter((d) => d !== null);
  const sources = { providers, fetch: deps.fetch, now: deps.now };
  const steps: Promise<unknown>[] = [
    updateObserved(ctx.views, ctx.now, alarmPeriodSec(ctx.settings.intervalSec) * 1000),
    refreshHistory(sources, ctx.after, ctx.succeeded),
    refreshOfficialUptime(sources, ctx.succeeded),
    notify(deps, ctx),
  ];
  for (const result of await Promise.allSettled(steps)) {
    if (result.status === 'rejected') console.warn('[ai-status] after-poll step failed', result.reason);
  }
  await applyBadge(deps.action, computeBadge(ctx.views, deps.t, ctx.now, deps.locale));
}

async function notify(deps: BackgroundDeps, ctx: AfterPollContext): Promise<void> {
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
