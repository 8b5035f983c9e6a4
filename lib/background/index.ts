/**
 * Wires the background engine to the browser: alarm, messages, settings changes, badge. Called
 * synchronously from `entrypoints/background.ts` so every listener exists before the worker idles.
 * This is the worker's small half: reading pages and the steps after a poll come from the large
 * half (`parts.ts`), made when first needed (`lazy-parts.ts`); in Chrome it reads pages through
 * the parsing document, whose fetches come back here (`lib/parsing/link.ts`).
 */
import { browser } from 'wxt/browser';
import { answering, isBackgroundMessage, type PollReply } from '../messages';
import { createTranslate } from '../i18n';
import { sanitizeSettings } from '../settings';
import { resolveViews } from '../status';
import { load, loadAll, readAhead, save, useStorage, watch } from '../storage';
import { WORKER_RECORDS } from '../records';
import { applyBadge, computeBadge } from './badge';
import { createPoller, POLL_RECORDS } from './poll';
import { accessAhead } from './access';
import { providerOfNotification } from './notify-id';
import { ensureAlarm, POLL_ALARM } from './schedule';
import { readStatusEarly } from './lazy-parts';
import { isDocumentCall } from '../parsing/wire';
import type { BackgroundDeps, WorkerParts } from './parts';

/**
 * How long after a worker starts its start-up chores (alarm check, badge, session id) run: after
 * the event that woke it has read storage and sent its requests, which they would only delay.
 */
const CHORES_DELAY_MS = 500;

/** Recomputes the badge from storage: at start, after a skipped poll, when settings change. */
export async function refreshBadge(deps: Pick<BackgroundDeps, 'action' | 't' | 'locale' | 'now'>): Promise<void> {
  const now = deps.now();
  const [settings, snapshots, health] = await loadAll('settings', 'snapshots', 'health');
  const views = resolveViews(settings, snapshots, health, now);
  await applyBadge(deps.action, computeBadge(views, deps.t, now, deps.locale));
}

/** This browser session's id: set by the first worker of the session, kept across worker restarts. */
async function browserSession(): Promise<number> {
  const existing = await load('browserSession');
  if (existing !== null) return existing;
  const id = Date.now();
  await save('browserSession', id);
  return id;
}

/**
 * Registers every background listener. Must run synchronously at worker start. `parts` gives the
 * large half (making it on first call).
 */
export function startBackground(parts: () => WorkerParts): void {
  useStorage({ records: WORKER_RECORDS });
  // Most wakes are for a poll: what it reads is on its way while the event that woke the worker arrives.
  readAhead(...POLL_RECORDS);
  const access = accessAhead(browser.permissions);
  const deps: BackgroundDeps = {
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: Math.random,
    t: createTranslate((key, subs) => browser.i18n.getMessage(key as 'extName', subs)),
    notifications: browser.notifications,
    // Getters: a browser API is set up in the worker when first touched (about a millisecond
    // each), and a wake sends its requests before the badge needs these two.
    get locale() {
      return browser.i18n.getUILanguage();
    },
    get action() {
      return browser.action;
    },
    session: browserSession,
    failures: new Map(),
  };
  const poller = createPoller({
    fetch: deps.fetch,
    now: deps.now,
    random: deps.random,
    readAccess: access.read,
    readStatus: readStatusEarly(parts),
    // The steps (history, uptime, observed, notifications) where the adapters are; the badge here,
    // once they are done, whether or not they could run.
    afterPoll: async (ctx) => {
      await parts()
        .afterPoll(deps, ctx)
        .catch((error: unknown) => console.warn('[ai-status] the steps after the poll failed', error));
      await applyBadge(deps.action, computeBadge(ctx.views, deps.t, ctx.now, deps.locale));
    },
  });
  const badge = () => refreshBadge(deps);

  // Set once a poll of this worker has painted the badge (the start-up chore then need not).
  let painted = false;
  const safely = (reason: Parameters<typeof poller.poll>[0]) =>
    poller.poll(reason).then(
      (reply) => {
        if (reply.result === 'polled') painted = true;
        return reply;
      },
      (error: unknown): PollReply => {
        console.error('[ai-status] poll failed', error);
        return { result: 'skipped', changed: false };
      },
    );

  const ensure = async () => ensureAlarm(browser.alarms, (await load('settings')).intervalSec);

  browser.runtime.onInstalled.addListener(() => {
    void ensure().then(() => safely('startup'));
  });
  browser.runtime.onStartup.addListener(() => {
    void ensure().then(() => safely('startup'));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== POLL_ALARM) return;
    // A poll that ran painted the badge; a skipped one still must, as data ages into stale.
    void safely('alarm').then((reply) => (reply.result === 'polled' ? undefined : badge()));
  });
  browser.runtime.onMessage.addListener(
    answering((message) => {
      // Chrome's parsing document asking the worker to fetch, store or notify for a read it is making.
      if (isDocumentCall(message)) return parts().answer(message);
      if (!isBackgroundMessage(message)) return undefined;
      if (message.type === 'save-settings') return save('settings', sanitizeSettings(message.settings)).then(() => true);
      if (message.type === 'detect') return parts().detect(message.url, deps);
      return safely(message.type === 'refresh' ? 'refresh' : 'tick');
    }),
  );
  browser.notifications.onClicked.addListener((id) => {
    if (!providerOfNotification(id)) return;
    void browser.runtime.openOptionsPage();
    void browser.notifications.clear(id);
  });
  // Access granted or revoked outside the dashboard (browser settings, Firefox's add-on page).
  browser.permissions.onAdded.addListener(() => {
    access.drop();
    void safely('refresh');
  });
  browser.permissions.onRemoved.addListener(() => {
    access.drop();
    void safely('refresh');
  });
  watch('settings', (next, previous) => {
    if (next.intervalSec !== previous.intervalSec) void ensure();
    // A service turned on is read at once rather than at the next alarm.
    const added = next.services.some((id) => !previous.services.includes(id));
    if (added) void safely('refresh');
    else void badge();
  });

  // Every worker start: the alarm may be gone (Firefox restart) and the badge is blank — unless
  // the poll that woke the worker has painted it already (reading its records again for nothing).
  setTimeout(() => {
    void ensure();
    if (!painted) void badge();
    void browserSession();
  }, CHORES_DELAY_MS);
}
