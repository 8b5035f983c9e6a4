/**
 * The storage access views need (read, watch, write settings), as a port. The real one in
 * `browser-ports.ts` talks to the extension storage directly, so the popup bundle carries neither
 * the storage library nor the polyfill.
 */
import type { StorageKey } from '../storage-keys';

/** Read/watch/write by key (`local:settings`…). */
export interface ViewStore {
  get(key: StorageKey): Promise<unknown>;
  /** Calls `cb` with the new value on every change; returns an unwatch function. */
  watch(key: StorageKey, cb: (value: unknown) => void): () => void;
  /** Writes a value (and its version mark, when given). */
  set(key: StorageKey, value: unknown, version?: number): Promise<void>;
}
