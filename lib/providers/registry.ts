/**
 * Platform → adapter: the one table that says how each kind of status page is read. A service
 * (catalog entry or page added by URL) gets its adapter from its `platform`; nothing here is
 * per service.
 */
import { DEFAULT_PROVIDERS, type Platform, type ProviderInfo } from './catalog';
import { incidentIoAdapter } from './incidentio';
import { statuspageAdapter } from './statuspage';
import type { Adapter, ProviderDefinition } from './types';

/** The adapter of each platform that can be read. */
export const ADAPTERS: Partial<Record<Platform, Adapter>> = {
  statuspage: statuspageAdapter,
  incidentio: incidentIoAdapter,
};

/** A service with the adapter of its platform, or null when the platform cannot be read. */
export function definitionOf(info: ProviderInfo): ProviderDefinition | null {
  const adapter = ADAPTERS[info.platform];
  return adapter ? { ...info, adapter } : null;
}

/** The default services with their adapters, in display order. */
export const PROVIDERS: readonly ProviderDefinition[] = DEFAULT_PROVIDERS.map((info) => definitionOf(info)!);
