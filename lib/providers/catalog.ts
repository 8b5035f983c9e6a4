/**
 * What views need to know about each provider: id, display name, official page. No adapters, so
 * importing this keeps zod and cheerio out of UI bundles.
 */
import type { ProviderId } from '../model';

/** A provider as views see it. */
export interface ProviderInfo {
  id: ProviderId;
  /** Display name of the product. */
  name: string;
  /** Owner shown beside the product name. */
  vendor: string;
  /** The official status page (link target and API base). */
  pageUrl: string;
}

/** Every provider, in display order. */
export const PROVIDER_INFO: readonly ProviderInfo[] = [
  { id: 'openai', name: 'ChatGPT', vendor: 'OpenAI', pageUrl: 'https://status.openai.com' },
  { id: 'anthropic', name: 'Claude', vendor: 'Anthropic', pageUrl: 'https://status.claude.com' },
  { id: 'cursor', name: 'Cursor', vendor: 'Anysphere', pageUrl: 'https://status.cursor.com' },
];

/** The host of a provider's status page, e.g. `status.claude.com`. */
export function providerHost(info: Pick<ProviderInfo, 'pageUrl'>): string {
  return new URL(info.pageUrl).host;
}
