/**
 * Storage keys, shared by the typed WXT items (worker) and the light reader the views use (which
 * keeps the storage library and the polyfill out of the popup bundle).
 */
export const KEYS = {
  settings: 'local:settings',
  snapshots: 'local:snapshots',
  history: 'local:history',
  officialUptime: 'local:officialUptime',
  observed: 'local:observed',
  notifyState: 'local:notifyState',
  health: 'session:health',
  poll: 'session:poll',
  browserSession: 'session:browserSession',
} as const;

/** A key with its area prefix, e.g. `local:settings`. */
export type StorageKey = (typeof KEYS)[keyof typeof KEYS];

/** Current version of the settings item (WXT keeps it in the `settings$` metadata as `v`). */
export const SETTINGS_VERSION = 2;

/** Splits `local:settings` into its area and its key in that area. */
export function splitKey(key: StorageKey): { area: 'local' | 'session'; name: string } {
  const [area, name] = key.split(':') as ['local' | 'session', string];
  return { area, name };
}
