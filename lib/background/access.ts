/**
 * Whether the browser lets the extension read a service's hosts, read once per poll: one
 * `permissions.getAll()` answers every service (it travels with the poll's storage reads), and
 * `permissions.contains` decides any service whose patterns are not listed as they are asked for.
 */
import type { ProviderInfo } from '../providers/catalog';
import { originsOf } from '../providers/permissions';
import { AHEAD_MAX_AGE_MS } from '../storage';

/** The parts of `browser.permissions` the check needs. */
export interface PermissionsApi {
  getAll(): Promise<{ origins?: string[] }>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

/** Checks one service's access. */
export type AccessCheck = (info: ProviderInfo) => Promise<boolean>;

/** Starts reading the granted hosts now; the returned check answers from that one read. */
export function readAccess(api: PermissionsApi): AccessCheck {
  const granted = (async () => new Set((await api.getAll()).origins ?? []))().catch(() => new Set<string>());
  return async (info) => {
    const origins = originsOf(info);
    const listed = await granted;
    // Listed exactly as asked: granted. Otherwise the browser decides (a broader grant also counts).
    return origins.every((o) => listed.has(o)) || api.contains({ origins }).catch(() => false);
  };
}

/**
 * `readAccess` with its first read started at once, at worker start, for the poll of the event
 * that woke the worker, under `readAhead`'s rule for storage (used once, within `AHEAD_MAX_AGE_MS`)
 * and dropped when permissions change (`drop`).
 */
export function accessAhead(api: PermissionsApi, now: () => number = Date.now): { read: () => AccessCheck; drop: () => void } {
  let early: { check: AccessCheck; at: number } | null = { check: readAccess(api), at: now() };
  return {
    read() {
      const ahead = early;
      early = null;
      return ahead && now() - ahead.at <= AHEAD_MAX_AGE_MS ? ahead.check : readAccess(api);
    },
    drop() {
      early = null;
    },
  };
}
