/**
 * Every stored record, defined once: its key (area + name), version, fallback, reader and
 * migrations. The worker builds its WXT storage items from these definitions (`lib/storage.ts`);
 * the views read the same keys through their light store (`lib/ui/browser-ports.ts`) with the same
 * readers. Zod-free and storage-free: zod stays at the network edge (the adapters), and what is
 * read back from storage is re-checked here.
 *
 * The definitions are split by who reads them (`live.ts`: every view; `past.ts`: the dashboard's
 * history; `worker.ts`: the worker only), so the popup bundles only what it shows. A reader never
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

/** Every stored record, by name (the worker's items and the tests iterate it). */
export const RECORDS = {
  settings: { ...settingsRecord, migrations: settingsMigrations },
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
