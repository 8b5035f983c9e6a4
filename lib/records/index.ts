/**
 * Every stored record, defined once: its key (area + name), version, fallback, reader and
 * migrations. The background stores them through `lib/storage.ts`, each script the ones it adds
 * (`useStorage`: the worker `WORKER_RECORDS`); the views read the same keys through their light
 * store (`lib/ui/browser-ports.ts`) with the same readers. Zod-free and storage-free: zod stays at the network edge (the adapters), and what is
 * read back from storage is re-checked here.
 *
 * The definitions are split by who reads them (`live.ts`: every view; `past.ts`: the dashboard's
 * history; `worker.ts`: the background only), so the popup bundles only what it shows. A reader never
 * throws: it keeps every valid part of a stored value and drops the rest. docs/ARCHITECTURE.md#storage
 * lists the records and their versions.
 */
import { browserSessionRecord, notifyStateRecord } from './worker';
import { healthRecord, historyRecord, pollRecord, settingsMigrations, settingsRecord, snapshotsRecord } from './live';
import { observedRecord, officialUptimeRecord } from './past';
import type { RecordDef } from './core';

export * from './core';
export * from './live';
export * from './past';
export * from './worker';

/**
 * The records the worker itself reads and writes: what a poll and the badge need. The steps after
 * a poll (history, uptime, observed, notifications) store the rest from where they run — Chrome's
 * parsing document, Firefox's event page — so a starting worker is not handed their readers
 * (docs/ARCHITECTURE.md#the-worker-wake).
 */
export const WORKER_RECORDS = {
  settings: { ...settingsRecord, migrations: settingsMigrations },
  snapshots: snapshotsRecord,
  health: healthRecord,
  poll: pollRecord,
  browserSession: browserSessionRecord,
} as const;

/** Every stored record, by name (the after-poll steps' contexts and the tests register them all). */
export const RECORDS = {
  settings: WORKER_RECORDS.settings,
  snapshots: snapshotsRecord,
  history: historyRecord,
  officialUptime: officialUptimeRecord,
  observed: observedRecord,
  notifyState: notifyStateRecord,
  health: healthRecord,
  poll: pollRecord,
  browserSession: browserSessionRecord,
} as const;

/** The records by name. */
export type Records = typeof RECORDS;
/** The value type of a record. */
export type RecordValue<K extends keyof Records> = Records[K] extends RecordDef<infer T> ? T : never;
