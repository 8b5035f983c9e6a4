/**
 * Wires the background engine to the browser: alarm, messages, settings changes, badge. Called
 * synchronously from `entrypoints/background.ts` so every listener exists before the worker idles.
 */
import { browser } from 'wxt/browser';
import { PROVIDERS } from '../providers/registry';
import { PROVIDER_INFO } from '../providers/catalog';
import { isBackgroundMessage, type PollReply } from '../messages';
import { createTranslate } from '../i18n';
import { resolveProvider } from '../status';
import { browserSessionItem, healthItem, settingsItem } from '../storage';
import { applyBadge, computeBadge } from './badge';
import { createPoller } from './poll';
import { afterPoll } from './after-poll';
import { providerOfNotification } from './notify';
import { ensureAlarm, POLL_ALARM } from './schedule';
import { readSettings, readSnapshots } from './stored';

/** Recomputes the badge from storage (also used at startup to restore it). */
export async function refreshBadge(now = Date.now()): Promise<void> {
  const [settings, snapshots, health] = await Promise.all([readSettings(), readSnapshots(), healthItem.getValue()]);
  const views = PROVIDER_INFO.map((info) =>
    resolveProvider(info, snapshots[info.id], health[info.id], settings.intervalSec, now, settings.starred[info.id]),
  );
  await applyBadge(browser.action, computeBadge(views, translate, now, browser.i18n.getUILanguage()));
}

const translate = createTranslate((key, subs) => browser.i18n.getMessage(key as 'extName', subs));

/** This browser session's id: set by the first worker of the session, kept across worker restarts. */
async function browserSession(): Promise<number> {
  const existing = await browserSessionItem.getValue();
  if (existing !== null) return existing;
  const id = Date.now();
  await browserSessionItem.setValue(id);
  return id;
}

/** Registers every background listener. Must run synchronously at worker start. */
export function startBackground(): void {
  const fetchFn = (input: string, init?: RequestInit) => fetch(input, init);
  const poller = createPoller({
    providers: PROVIDERS,
    fetch: fetchFn,
    now: () => Date.now(),
    random: Math.random,
    afterPoll: (ctx) =>
      afterPoll(
        {
          providers: PROVIDERS,
          fetch: fetchFn,
          now: () => Date.now(),
          t: translate,
          notifications: browser.notifications,
          session: browserSession,
          refreshBadge: () => refreshBadge(),
        },
        ctx,
      ),
  });

  const safely = (reason: Parameters<typeof poller.poll>[0]) =>
    poller.poll(reason).catch((error: unknown): PollReply => {
      console.error('[ai-status] poll failed', error);
      return { result: 'skipped', changed: false };
    });

  const ensure = async () => ensureAlarm(browser.alarms, (await readSettings()).intervalSec);

  browser.runtime.onInstalled.addListener(() => {
    void ensure().then(() => safely('startup'));
  });
  browser.runtime.onStartup.addListener(() => {
    void ensure().then(() => safely('startup'));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== POLL_ALARM) return;
    // A poll that ran repainted the badge in afterPoll; a skipped one still must, as data ages into stale.
    void safely('alarm').then((reply) => (reply.result === 'polled' ? undefined : refreshBadge()));
  });
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isBackgroundMessage(message)) return undefined;
    return safely(message.type === 'refresh' ? 'refresh' : 'tick');
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!providerOfNotification(id)) return;
    void browser.runtime.openOptionsPage();
    void browser.notifications.clear(id);
  });
  settingsItem.watch((next, previous) => {
    if (next?.intervalSec !== previous?.intervalSec) void ensure();
    void refreshBadge();
  });

  // Every worker start: the alarm may be gone (Firefox restart) and the badge is blank.
  void ensure();
  void refreshBadge();
  void browserSession();
}
