/**
 * The storage access views need, as a port: read and watch a record by its definition
 * (`lib/records.ts`). Views never write storage: settings changes go to the background, the only
 * writer (`lib/messages.ts`). The real port is in `browser-ports.ts`; tests pass a fake.
 */
import type { RecordDef } from '../records/core';

/** Read/watch raw stored values of a record. */
export interface ViewStore {
  get(def: RecordDef<unknown>): Promise<unknown>;
  /** Calls `cb` with the new raw value on every change; returns an unwatch function. */
  watch(def: RecordDef<unknown>, cb: (value: unknown) => void): () => void;
}
