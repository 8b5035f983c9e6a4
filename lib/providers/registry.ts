/**
 * The providers AI Status watches, each with the adapter of its platform. Adding one on an
 * existing platform is one entry here and in `catalog.ts`, plus a fixture and a test;
 * `wxt.config.ts` must list its host.
 */
import type { ProviderId } from '../model';
import { PROVIDER_INFO } from './catalog';
import { incidentIoAdapter } from './incidentio';
import { statuspageAdapter } from './statuspage';
import type { Adapter, ProviderDefinition } from './types';

const ADAPTERS: Record<ProviderId, { adapter: Adapter; htmlFallback: boolean }> = {
  openai: { adapter: incidentIoAdapter, htmlFallback: false },
  anthropic: { adapter: statuspageAdapter, htmlFallback: true },
  cursor: { adapter: statuspageAdapter, htmlFallback: true },
};

/** Every provider with its adapter, in display order. */
export const PROVIDERS: readonly ProviderDefinition[] = PROVIDER_INFO.map((info) => ({
  id: info.id,
  name: info.name,
  pageUrl: info.pageUrl,
  ...ADAPTERS[info.id],
}));
