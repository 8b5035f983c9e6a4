/**
 * What follows every poll that reached the network: observed history, incident history and
 * official uptime (fail soft), notifications on confirmed transitions, and the badge.
 */
import type { Translate } from '../i18n';
import { PROVIDER_INFO } from '../providers/catalog';
import type { FetchLike } from '../providers/http';
import type { ProviderDefinition } from '../providers/types';
import { resolveProvider } from '../status';
import { notifyStateItem, settingsItem } from '../storage';
import type { AfterPollContext } from './poll';
import { refreshHistory, refreshOfficialUptime } from './history';
import { applyNotifications, decideNotifications, type NotificationsApi, type NotifyStates } from './notify';
import { updateObserved } from './observed';
import { readNotifyState, readSettings } from './stored';

/** What the after-poll steps need from the outside world. */
export interface AfterPollDeps {
  providers: readonly ProviderDefinition[];
  fetch: FetchLike;
  now: () => number;
  t: Translate;
  notifications: NotificationsApi;
  /** This browser session's id (see `NotifyInput.session`). */
  session: () => Promise<number>;
  refreshBadge: () => Promise<void>;
}

/** Runs every step; one failing step never stops the others. */
export async function afterPoll(deps: AfterPollDeps, ctx: AfterPollContext): Promise<void> {
  const settings = await readSettings();
  const views = PROVIDER_INFO.map((info) =>
    resolveProvider(info, ctx.after[info.id], ctx.health[info.id], settings.intervalSec, ctx.now, settings.starred[info.id]),
  );
  const steps: Promise<unknown>[] = [
    updateObserved(views, ctx.now),
    refreshHistory(deps, ctx.after, ctx.succeeded),
    refreshOfficialUptime(deps, ctx.succeeded),
    notify(deps, ctx, settings),
  ];
  for (const result of await Promise.allSettled(steps)) {
    if (result.status === 'rejected') console.warn('[ai-status] after-poll step failed', result.reason);
  }
  await deps.refreshBadge();
}

async function notify(deps: AfterPollDeps, ctx: AfterPollContext, settings: Awaited<ReturnType<typeof readSettings>>): Promise<void> {
  const state = (await readNotifyState()) as NotifyStates;
  const result = decideNotifications({
    state,
    snapshots: ctx.after,
    succeeded: ctx.succeeded,
    settings,
    now: ctx.now,
    session: await deps.session(),
    t: deps.t,
  });
  if (result.changed) await notifyStateItem.setValue(result.nextState);
  await applyNotifications(deps.notifications, result.notifications);
  if (result.whenBackDone.length) {
    const whenBack = { ...settings.notifications.whenBack };
    for (const id of result.whenBackDone) whenBack[id] = false;
    await settingsItem.setValue({ ...settings, notifications: { ...settings.notifications, whenBack } });
  }
}
