/**
 * The notification state machine: notify only on confirmed transitions. Pure;
 * `applyNotifications` does the I/O through an injected `notifications` API.
 *
 * Per provider, on each successful poll, with `level` = the effective level (starred components,
 * see `lib/starred.ts`), `confirmed` = `state.notifiedLevel` (the level last notified about, or
 * silently accepted as the baseline) and `announced` = the worst level a problem notification was
 * shown for during the ongoing problem (null: none):
 *
 * 1. No state yet (first run) → `level` becomes the baseline; nothing is sent.
 * 2. First successful poll of a provider in a new browser session (`session` differs from the one
 *    stored with its state) → `level` becomes the baseline. A restart alone never announces a new
 *    problem; but a problem that was announced and has ended while the browser was closed gets its
 *    recovery notification, once.
 * 3. `level === confirmed` → steady; a pending one-poll change is dropped (flaps A→B→A send nothing).
 * 4. `level` is operational and `confirmed` is not → recovery, confirmed at once: a recovery
 *    notification if a problem notification was shown for this problem.
 * 5. Any other new level → `pending` on the first poll, confirmed on the second consecutive
 *    successful poll that sees it. A confirmed degraded/outage worse than anything announced for
 *    this problem sends a problem notification when notifications are on (global and per provider)
 *    and the level is at least `minLevel`; otherwise it is accepted silently. Every problem
 *    notification, escalations included, respects the cooldown after the previous one (it stays
 *    pending until the cooldown ends), so an outage ↔ degraded oscillation sends one alert, not
 *    one every few polls. Improvements (outage → degraded) and maintenance are accepted silently.
 *
 * "Notify me when it's back" is separate: it follows the provider's own level (not the starred
 * subset). While it is on and notifications are enabled, the first successful poll that sees the
 * provider operational sends one recovery notification — also the first poll after a browser
 * restart — and `whenBackDone` lists the provider so the caller switches it off.
 *
 * Providers whose fetch failed (not in `succeeded`), and effective levels of `unknown`, leave the
 * state untouched.
 */
import type { Level } from '../levels';
import type { ProviderId } from '../model';
import type { Settings } from '../settings';
import type { NotifyEntry, NotifyStates, Snapshots } from '../records';
import type { Translate } from '../i18n';
import { levelLabel } from '../format';
import { effectiveLevel, usesStarred } from '../starred';
import { PROVIDER_INFO } from '../providers/catalog';
import { notificationId } from './notify-id';

/** Problem notifications per provider are at least this far apart. */
export const PROBLEM_COOLDOWN_MS = 10 * 60_000;
/** Icon of every notification (extension-relative). */
export const NOTIFICATION_ICON = 'icon/128.png';

export type { NotifyEntry, NotifyStates };

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
   * Identifies the current browser session: the time it started, kept in `storage.session`
   * (cleared when the browser closes, kept across worker restarts). The first successful poll of
   * each provider in a new session only (re)confirms the baseline.
   */
  session: string | number;
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

function sameEntry(a: NotifyEntry | undefined, b: NotifyEntry | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Runs the state machine for one poll (see the module comment). Pure. */
export function decideNotifications(input: NotifyInput): NotifyResult {
  const { settings, now, t, session } = input;
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
  const recovery = (id: ProviderId, starred: boolean): NotificationDecision => ({
    providerId: id,
    id: notificationId(id),
    kind: 'recovery',
    level: 'operational',
    title: t('notifyRecoveryTitle', providerName(id, input)),
    message: starred ? t('notifyRecoveryStarred') : t('notifyRecoveryMessage'),
  });

  for (const id of Object.keys(input.snapshots)) {
    const prev = input.state[id];
    const snapshot = input.snapshots[id];
    if (!snapshot || !input.succeeded.includes(id)) continue; // failed or absent: untouched
    const enabled = settings.notifications.enabled;
    const providerOn = enabled && settings.notifications.providers[id] !== false;

    // "Notify me when it's back": the provider's own level, once, even right after a restart.
    const wasDown = prev?.providerLevel != null && prev.providerLevel !== 'operational';
    let recovered = false;
    if (enabled && settings.notifications.whenBack[id] === true && snapshot.level === 'operational' && wasDown) {
      notifications.push(recovery(id, false));
      whenBackDone.push(id);
      recovered = true;
    }
    const providerLevel = snapshot.level === 'unknown' ? (prev?.providerLevel ?? null) : snapshot.level;

    const level = effectiveLevel(snapshot, settings.starred[id]);
    if (level === 'unknown') {
      if (prev && prev.providerLevel !== providerLevel) nextState[id] = { ...prev, providerLevel };
      continue;
    }
    const starred = usesStarred(snapshot, settings.starred[id]);

    if (!prev || prev.notifiedLevel === null) {
      nextState[id] = { notifiedLevel: level, pending: null, lastNotifiedAt: prev?.lastNotifiedAt ?? null, announced: null, session, providerLevel };
      continue;
    }
    const confirmed = prev.notifiedLevel;

    if (prev.session !== session) {
      // A new browser session: a new baseline, but an announced problem that ended while the
      // browser was closed still gets its recovery.
      const ended = level === 'operational' && prev.announced !== null;
      if (ended && providerOn && !recovered) notifications.push(recovery(id, starred));
      nextState[id] = { ...prev, notifiedLevel: level, pending: null, announced: ended ? null : prev.announced, session, providerLevel };
      continue;
    }

    let next: NotifyEntry = { ...prev, providerLevel };
    if (level === confirmed) {
      next = { ...next, pending: null };
    } else if (level === 'operational') {
      if (prev.announced !== null && providerOn && !recovered) notifications.push(recovery(id, starred));
      next = { ...next, notifiedLevel: 'operational', pending: null, announced: null };
    } else if (prev.pending !== level) {
      next = { ...next, pending: level };
    } else {
      const worse = PROBLEM_RANK[level] > PROBLEM_RANK[prev.announced ?? 'operational'];
      const wanted = worse && providerOn && meetsMinLevel(level, settings.notifications.minLevel);
      const last = prev.lastNotifiedAt;
      const cooling = last !== null && now >= last && now - last < PROBLEM_COOLDOWN_MS;
      if (!wanted) {
        next = { ...next, notifiedLevel: level, pending: null };
      } else if (cooling) {
        // Wait for the cooldown to end; keep it pending so a later poll can still confirm it.
      } else {
        notifications.push(problem(id, level));
        next = { ...next, notifiedLevel: level, pending: null, lastNotifiedAt: now, announced: level };
      }
    }
    nextState[id] = next;
  }

  const ids = new Set([...Object.keys(input.state), ...Object.keys(nextState)]);
  const changed = [...ids].some((id) => !sameEntry(input.state[id], nextState[id]));
  return { notifications, nextState, changed, whenBackDone };
}

/** A notification as the steps show it. */
export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
}

/** The parts of `browser.notifications` used (same signatures). */
export interface NotificationsApi {
  create(id: string, options: NotificationOptions): Promise<unknown>;
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
