/** Types shared by the provider adapters and their registry (and the one function that pairs them). */
import type { FetchError, Incident, ServiceStatus, Uptime } from '../model';
import type { ProviderInfo } from './catalog';
import type { FetchContext } from './http';

/** The result of reading a provider's current status. */
export type StatusOutcome =
  | { ok: true; notModified: false; status: ServiceStatus; etag: string | null; bytes: number; requests: number }
  | { ok: true; notModified: true; etag: string | null; bytes: 0; requests: number }
  | { ok: false; error: FetchError; retryAfterSec: number | null; requests: number };

/** The result of reading a provider's recent incidents (`incidents.json`). */
export type HistoryOutcome =
  | { ok: true; incidents: Incident[]; requests: number }
  | { ok: false; error: FetchError; requests: number };

/** The result of reading a provider's own uptime figures, where it publishes them. */
export type UptimeOutcome =
  | { ok: true; uptime: Uptime; components: Record<string, Uptime>; requests: number }
  | { ok: false; error: FetchError; requests: number };

/** One platform's way of reading a status page. Pure: all I/O goes through `ctx`. */
export interface Adapter {
  readonly platform: string;
  fetchStatus(def: ProviderDefinition, ctx: FetchContext): Promise<StatusOutcome>;
  fetchHistory(def: ProviderDefinition, ctx: FetchContext): Promise<HistoryOutcome>;
  /** Present only where the platform publishes uptime figures. */
  fetchUptime?(def: ProviderDefinition, ctx: FetchContext): Promise<UptimeOutcome>;
}

/** A service with the adapter of its platform (see `registry.ts`). */
export interface ProviderDefinition extends ProviderInfo {
  adapter: Adapter;
}

/** `info` with the adapter of its platform from `adapters`, or null when the platform has none. */
export function definitionIn(adapters: Readonly<Record<string, Adapter | undefined>>, info: ProviderInfo): ProviderDefinition | null {
  const adapter = adapters[info.platform];
  return adapter ? { ...info, adapter } : null;
}
