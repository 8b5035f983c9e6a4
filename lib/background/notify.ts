/**
 * The notification state machine (design.md §6): notify only on confirmed transitions. Pure;
 * `applyNotifications` does the I/O through an injected `notifications` API.
 *
 * Per provider, on each successful poll, with `level` = the effective level (starred components,
 * see `lib/starred.ts`) and `confirmed` = `state.notifiedLevel` (the level last notified about, or
 * silently accepted as the baseline):
 *
 * 1. No state yet (first run) → `level` becomes the baseline; nothing is sent.
 * 2. First successful poll of a provider in a new browser session (`session` differs from the one
 *    stored with its state), or any poll flagged `startup` → `level` becomes the baseline; nothing
 *    is sent. A restart alone never notifies; a worker restart inside a session is not a new
 *    session. Keying this per provider means a fetch that fails at browser start does not let the
 *    next poll notify a change that happened while the browser was closed.
 * 3. `level === confirmed` → steady; a pending one-poll change is dropped (flaps A→B→A send nothing).
 * 4. `level` is operational and `confirmed` is not → recovery, confirmed at once: a recovery
 *    notification if a problem notification was shown for this problem, or if "notify me when it's
 *    back" is on (then `whenBackDone` lists the provider so the caller switches it off).
 * 5. Any other new level → `pending` on the first poll, confirmed on the second consecutive
 *    successful poll that sees it. A confirmed degraded/outage that is worse than `confirmed` sends
 *    a problem notification when notifications are on (global and per provider) and the level is at
 *    least `minLevel`; otherwise it is accepted silently. Within the cooldown after the last problem
 *    notification, a new problem waits (stays pending) until the cooldown ends; an escalation of a
 *    problem already notified is sent at once. Improvements (outage → degraded) and maintenance
 *    are accepted silently.
 *
 * Providers whose fetch failed (not in `succeeded`), and effective levels of `unknown`, leave the
 * state untouched. "Notify me when it's back" also fires when the previous poll saw a problem that
 * was not yet confirmed: the user asked explicitly.
 */
import type { Level } from '../levels';
import type { ProviderId } from '../model';
import type { Settings } from '../settings';
import type { NotifyState, Snapshots } from '../storage';
import type { Translate } from '../i18n';
import { levelLabel } from '../format';
import { effectiveLevel, usesStarred } from '../starred';
import { PROVIDER_INFO } from '../providers/catalog';

/** Problem notifications per provider are at least this far apart. */
export const PROBLEM_COOLDOWN_MS = 10 * 60_000;
/** Icon of every notification (extension-relative). */
export const NOTIFICATION_ICON = 'icon/128.png';
const ID_PREFIX = 'ai-status-';

/** Stored per-provider state: `NotifyState` plus whether a recovery is owed. */
export interface NotifyEntry extends NotifyState {
  /** A problem notification was shown for the ongoing problem, so its recovery will be announced. */
  problemNotified?: boolean;
  /** The browser session this state was last baselined in (see `NotifyInput.session`). */
  session?: string | number;
}
/** The whole stored state (`notifyStateItem`). */
export type NotifyStates = Partial<Record<ProviderId, NotifyEntry>>;

/** What the state machine looks at. */
export interface NotifyInput {
  /** Stored state (`notifyStateItem`). */
  state: NotifyStates;
  /** Snapshots after this poll. */
  snapshots: Snapshots;
  /** Providers whose fetch succeeded in this poll (including "not modified"). */
  succeeded: readonly ProviderId[];
  settings: Pick<Settings, 'notifications' | 'starred'>;
  now: number;
  /**
   * Identifies the current browser session, e.g. the time it started kept in `storage.session`
   * (cleared when the browser closes, kept across worker restarts). The first successful poll of
   * each provider in a new session only (re)confirms the baseline. Recommended.
   */
  session?: string | number;
  /** Treat this poll as the first after startup for every provider (simpler alternative to `session`). */
  startup?: boolean;
  t: Translate;
}

/** One notification to show (or update: the id is stable per provider). */
export interface NotificationDecision {
  providerId: ProviderId;
  /** `ai-status-<providerId>`. */
  id: string;
  kind: 'problem' | 'recovery';
  level: Level;
  title: string;
  message: string;
}

/** The machine's answer. */
export interface NotifyResult {
  notifications: NotificationDecision[];
  /** The state to store; write it only when `changed`. */
  nextState: NotifyStates;
  changed: boolean;
  /** Providers whose "notify me when it's back" was honoured: switch it off in the settings. */
  whenBackDone: ProviderId[];
}

/** The notification id of a provider. */
export function notificationId(providerId: ProviderId): string {
  return `${ID_PREFIX}${providerId}`;
}

/** The provider of one of our notification ids, or null. */
export function providerOfNotification(id: string): ProviderId | null {
  const rest = id.startsWith(ID_PREFIX) ? id.slice(ID_PREFIX.length) : '';
  return /^(?:[a-z0-9-]{1,40}|custom:[a-z0-9.-]{1,253})$/.test(rest) ? rest : null;
}

const PROBLEM_RANK: Readonly<Record<Level, number>> = { outage: 2, degraded: 1, maintenance: 0, operational: 0, unknown: 0 };

/** Is `level` at least the user's minimum (`degraded` notifies degraded and outage; `outage` only outage)? */
export function meetsMinLevel(level: Level, minLevel: Settings['notifications']['minLevel']): boolean {
  return PROBLEM_RANK[level] >= PROBLEM_RANK[minLevel] && PROBLEM_RANK[level] > 0;
}

function listNames(names: string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} +${names.length - 3}` : names.join(', ');
}

function problemMessage(id: ProviderId, input: NotifyInput): string {
  const status = input.snapshots[id]!;
  const starred = input.settings.starred[id] ?? [];
  const broken = (ids?: Set<string>) =>
    status.components.filter((c) => (!ids || ids.has(c.id)) && (c.level === 'degraded' || c.level === 'outage')).map((c) => c.name);
  if (usesStarred(status, starred)) return input.t('notifyAffects', listNames(broken(new Set(starred))));
  const active = status.incidents.find((i) => i.resolvedAt === null);
  if (active) return active.title;
  const names = broken();
  if (names.length) return input.t('notifyAffects', listNames(names));
  return status.description || input.t('notifySeeStatusPage');
}

function providerName(id: ProviderId, input: NotifyInput): string {
  return input.snapshots[id]?.name || PROVIDER_INFO.find((p) => p.id === id)?.name || id;
}

function withSession(entry: NotifyEntry, session: string | number | undefined): NotifyEntry {
  return session === undefined ? entry : { ...entry, session };
}

function sameEntry(a: NotifyEntry | undefined, b: NotifyEntry | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Runs the state machine for one poll (see the module comment). Pure. */
export function decideNotifications(input: NotifyInput): NotifyResult {
  const { settings, now, t } = input;
  const notifications: NotificationDecision[] = [];
  const whenBackDone: ProviderId[] = [];
  const nextState: NotifyStates = { ...input.state };

  const problem = (id: ProviderId, level: Level): NotificationDecision => ({
    providerId: id,
    id: notificationId(id),
    kind: 'problem',
    level,
    title: t('notifyProblemTitle', [providerName(id, input), levelLabel(level, t)]),
    message: problemMessage(id, input),
  });
  const recovery = (id: ProviderId): NotificationDecision => ({
    providerId: id,
    id: notificationId(id),
    kind: 'recovery',
    level: 'operational',
    title: t('notifyRecoveryTitle', providerName(id, input)),
    message: usesStarred(input.snapshots[id]!, settings.starred[id]) ? t('notifyRecoveryStarred') : t('notifyRecoveryMessage'),
  });

  for (const id of Object.keys(input.snapshots)) {
    const prev = input.state[id];
    const snapshot = input.snapshots[id];
    if (!snapshot || !input.succeeded.includes(id)) continue; // failed or absent: untouched
    const level = effectiveLevel(snapshot, settings.starred[id]);
    if (level === 'unknown') continue;

    if (!prev || prev.notifiedLevel === null) {
      nextState[id] = withSession({ notifiedLevel: level, pending: null, lastNotifiedAt: prev?.lastNotifiedAt ?? null, problemNotified: false }, input.session);
      continue;
    }
    const confirmed = prev.notifiedLevel;
    // States written before `problemNotified` existed: a notified problem is one with a notification time.
    const problemNotified = prev.problemNotified ?? (PROBLEM_RANK[confirmed] > 0 && prev.lastNotifiedAt !== null);

    if (input.startup || (input.session !== undefined && prev.session !== input.session)) {
      nextState[id] = withSession(
        { ...prev, notifiedLevel: level, pending: null, problemNotified: problemNotified && level !== 'operational' },
        input.session ?? prev.session,
      );
      continue;
    }

    const enabled = settings.notifications.enabled;
    const providerOn = enabled && settings.notifications.providers[id] !== false;
    const whenBack = enabled && settings.notifications.whenBack[id] === true;
    let next: NotifyEntry = { ...prev, problemNotified };

    if (level === confirmed) {
      if (level === 'operational' && whenBack && prev.pending !== null && prev.pending !== 'operational') {
        notifications.push(recovery(id));
        whenBackDone.push(id);
      }
      next = { ...next, pending: null };
    } else if (level === 'operational') {
      if ((problemNotified && providerOn) || whenBack) {
        notifications.push(recovery(id));
        if (whenBack) whenBackDone.push(id);
      }
      next = { ...next, notifiedLevel: 'operational', pending: null, problemNotified: false };
    } else if (prev.pending !== level) {
      next = { ...next, pending: level };
    } else {
      const worse = PROBLEM_RANK[level] > PROBLEM_RANK[confirmed];
      const wanted = worse && providerOn && meetsMinLevel(level, settings.notifications.minLevel);
      const last = prev.lastNotifiedAt;
      const cooling = last !== null && now >= last && now - last < PROBLEM_COOLDOWN_MS;
      if (!wanted) {
        next = { ...next, notifiedLevel: level, pending: null };
      } else if (cooling && !problemNotified) {
        // Wait for the cooldown to end; keep it pending so a later poll can still confirm it.
      } else {
        notifications.push(problem(id, level));
        next = { ...next, notifiedLevel: level, pending: null, lastNotifiedAt: now, problemNotified: true };
      }
    }
    nextState[id] = next;
  }

  const ids = new Set([...Object.keys(input.state), ...Object.keys(nextState)]);
  const changed = [...ids].some((id) => !sameEntry(input.state[id], nextState[id]));
  return { notifications, nextState, changed, whenBackDone };
}

/** The parts of `browser.notifications` used (same signatures). */
export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<unknown>;
  clear(id: string): Promise<unknown>;
}

/**
 * Shows each decision as a `basic` notification with the provider's stable id, replacing the
 * provider's previous one (cleared first) instead of stacking. A failure for one provider does not
 * stop the others. Returns the ids shown.
 */
export async function applyNotifications(api: NotificationsApi, decisions: readonly NotificationDecision[]): Promise<string[]> {
  const shown: string[] = [];
  for (const d of decisions) {
    try {
      await api.clear(d.id).catch(() => false);
      await api.create(d.id, { type: 'basic', iconUrl: NOTIFICATION_ICON, title: d.title, message: d.message });
      shown.push(d.id);
    } catch (error) {
      console.warn('[ai-status] Could not show a notification', error);
    }
  }
  return shown;
}
