/**
 * Platform → adapter: the one table that says how each kind of status page is read. A service
 * (catalog entry or page added by URL) gets its adapter from its `platform`; nothing here is
 * per service.
 */
import { betterstackAdapter } from './betterstack';
import { DEFAULT_PROVIDERS, type Platform, type ProviderInfo } from './catalog';
import { googleWorkspaceAdapter } from './google-workspace';
import { incidentIoAdapter } from './incidentio';
import { incidentIoNativeAdapter } from './incidentio-native';
import { instatusAdapter } from './instatus';
import { statuspageAdapter } from './statuspage';
import { definitionIn, type Adapter, type ProviderDefinition } from './types';

/** The adapter of each platform (every platform can be read). */
export const ADAPTERS: Readonly<Record<Platform, Adapter>> = {
  statuspage: statuspageAdapter,
  incidentio: incidentIoAdapter,
  'incidentio-native': incidentIoNativeAdapter,
  betterstack: betterstackAdapter,
  instatus: instatusAdapter,
  'google-workspace': googleWorkspaceAdapter,
};

/** A service with the adapter of its platform, or null when the platform cannot be read. */
export function definitionOf(info: ProviderInfo): ProviderDefinition | null {
  return definitionIn(ADAPTERS, info);
}

/** The default services with their adapters, in display order. */
export const PROVIDERS: readonly ProviderDefinition[] = DEFAULT_PROVIDERS.map((info) => definitionOf(info)!);
