/**
 * The worker's validated reads of the records it uses on every poll (see `lib/records.ts` for the
 * readers, `lib/storage.ts` for `load`).
 */
import { load } from '../storage';

/** Validated snapshots; unreadable entries are dropped (and refetched). */
export const readSnapshots = () => load('snapshots');
/** Sanitized settings; unreadable storage yields the defaults. */
export const readSettings = () => load('settings');
/** Validated incident history. */
export const readHistory = () => load('history');
/** Validated official uptime. */
export const readOfficialUptime = () => load('officialUptime');
/** Validated notification state. */
export const readNotifyState = () => load('notifyState');
