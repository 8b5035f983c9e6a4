/**
 * The records only the background reads: notification state (the steps after a poll) and the
 * browser session id (the worker).
 */
import { isLevel, type Level } from '../levels';
import { define, isNum, isObj, isStr, perProvider, type NotifyEntry, type NotifyStates } from './core';

const PROBLEM = (l: unknown) => l === 'degraded' || l === 'outage';

function readNotifyEntry(v: unknown): NotifyEntry | null {
  if (!isObj(v)) return null;
  return {
    notifiedLevel: isLevel(v.notifiedLevel) ? v.notifiedLevel : null,
    pending: isLevel(v.pending) ? v.pending : null,
    lastNotifiedAt: isNum(v.lastNotifiedAt) ? v.lastNotifiedAt : null,
    announced: PROBLEM(v.announced) ? (v.announced as Level) : null,
    session: isNum(v.session) || isStr(v.session) ? v.session : null,
    providerLevel: isLevel(v.providerLevel) ? v.providerLevel : null,
  };
}

/**
 * Notification state v1 → v2. v1 entries were `{notifiedLevel, pending, lastNotifiedAt}`, later
 * with optional `problemNotified` and `session`; a problem counted as announced when
 * `problemNotified` was true, or (entries without it) when it had a notification time.
 */
export function migrateNotifyStateV1(old: unknown): NotifyStates {
  return perProvider(old, (e) => {
    const entry = readNotifyEntry(e);
    if (!entry || !isObj(e)) return null;
    const notified = e.problemNotified === true || (e.problemNotified === undefined && isNum(e.lastNotifiedAt));
    return { ...entry, announced: notified && PROBLEM(entry.notifiedLevel) ? entry.notifiedLevel : null };
  });
}

/** Notification state, v2: `announced` level and `session` always present (v1: optional `problemNotified`, `session`). */
export const notifyStateRecord = define<NotifyStates>({
  key: 'local:notifyState',
  version: 2,
  fallback: () => ({}),
  read: (raw, report) => perProvider(raw, readNotifyEntry, 'notification state', report),
  migrations: { 2: migrateNotifyStateV1 },
});

/** When this browser session's first worker started: a new value means the browser restarted. */
export const browserSessionRecord = define<number | null>({ key: 'session:browserSession', version: 1, fallback: () => null, read: (raw) => (isNum(raw) ? raw : null) });

