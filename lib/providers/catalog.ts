/**
 * THE catalog of services AI Status knows: one entry per service, and the only place a service's
 * identity is written. Provider ids, the adapter chosen for each (by platform, see `registry.ts`),
 * the manifest's required and optional host permissions (`permissions.ts`, `wxt.config.ts`), the
 * dashboard grid and every test and bench host list derive from it. Zod-free and adapter-free, so views may import it.
 *
 * Adding a service on an existing platform = one entry here + a recorded fixture + a test
 * (docs/ARCHITECTURE.md, "Adding a service").
 */

/** The status-page platforms AI Status can read; each has one adapter (`registry.ts`). */
export const PLATFORMS = ['statuspage', 'incidentio', 'incidentio-native', 'betterstack', 'instatus', 'google-workspace'] as const;
/** One platform. */
export type Platform = (typeof PLATFORMS)[number];

/** A service as every part of the extension sees it (catalog entries and pages added by URL). */
export interface ProviderInfo {
  /** Catalog id (`openai`), or `custom:<hostname>` for a page the user added by URL. */
  readonly id: string;
  /** Display name of the product. */
  readonly name: string;
  /** Owner shown beside the product name. */
  readonly vendor: string;
  /** The official status page (link target and API base), `https:` without a trailing slash. */
  readonly pageUrl: string;
  /** How the page is read. */
  readonly platform: Platform;
  /** For multi-product pages (Google Workspace): the product whose incidents count. */
  readonly product?: string;
}

/** A built-in catalog entry. */
export interface CatalogEntry extends ProviderInfo {
  /** On for a fresh install, with a required host permission (the three defaults). */
  readonly defaultOn: boolean;
  /** Hosts the service is read from (permissions, test hosts). */
  readonly hosts: readonly string[];
}

/** Every built-in service, in catalog order. The first three are on by default. */
export const CATALOG = [
  { id: 'openai', name: 'ChatGPT', vendor: 'OpenAI', pageUrl: 'https://status.openai.com', platform: 'incidentio', hosts: ['status.openai.com'], defaultOn: true },
  { id: 'anthropic', name: 'Claude', vendor: 'Anthropic', pageUrl: 'https://status.claude.com', platform: 'statuspage', hosts: ['status.claude.com'], defaultOn: true },
  { id: 'cursor', name: 'Cursor', vendor: 'Anysphere', pageUrl: 'https://status.cursor.com', platform: 'statuspage', hosts: ['status.cursor.com'], defaultOn: true },
  { id: 'github', name: 'GitHub Copilot', vendor: 'GitHub', pageUrl: 'https://www.githubstatus.com', platform: 'statuspage', hosts: ['www.githubstatus.com'], defaultOn: false },
  { id: 'gemini', name: 'Gemini', vendor: 'Google', pageUrl: 'https://www.google.com/appsstatus/dashboard', platform: 'google-workspace', product: 'Gemini', hosts: ['www.google.com'], defaultOn: false },
  { id: 'groq', name: 'Groq', vendor: 'Groq', pageUrl: 'https://groqstatus.com', platform: 'incidentio-native', hosts: ['groqstatus.com'], defaultOn: false },
  { id: 'perplexity', name: 'Perplexity', vendor: 'Perplexity', pageUrl: 'https://status.perplexity.com', platform: 'incidentio-native', hosts: ['status.perplexity.com'], defaultOn: false },
  { id: 'cohere', name: 'Cohere', vendor: 'Cohere', pageUrl: 'https://status.cohere.com', platform: 'incidentio-native', hosts: ['status.cohere.com'], defaultOn: false },
  { id: 'elevenlabs', name: 'ElevenLabs', vendor: 'ElevenLabs', pageUrl: 'https://status.elevenlabs.io', platform: 'incidentio-native', hosts: ['status.elevenlabs.io'], defaultOn: false },
  { id: 'fireworks', name: 'Fireworks AI', vendor: 'Fireworks', pageUrl: 'https://status.fireworks.ai', platform: 'incidentio-native', hosts: ['status.fireworks.ai'], defaultOn: false },
  { id: 'lovable', name: 'Lovable', vendor: 'Lovable', pageUrl: 'https://status.lovable.dev', platform: 'incidentio-native', hosts: ['status.lovable.dev'], defaultOn: false },
  { id: 'bolt', name: 'Bolt', vendor: 'StackBlitz', pageUrl: 'https://status.bolt.new', platform: 'incidentio-native', hosts: ['status.bolt.new'], defaultOn: false },
  { id: 'windsurf', name: 'Windsurf', vendor: 'Windsurf', pageUrl: 'https://status.windsurf.com', platform: 'statuspage', hosts: ['status.windsurf.com'], defaultOn: false },
  { id: 'vercel', name: 'Vercel (v0)', vendor: 'Vercel', pageUrl: 'https://www.vercel-status.com', platform: 'statuspage', hosts: ['www.vercel-status.com'], defaultOn: false },
  { id: 'supabase', name: 'Supabase', vendor: 'Supabase', pageUrl: 'https://status.supabase.com', platform: 'statuspage', hosts: ['status.supabase.com'], defaultOn: false },
  { id: 'moonshot', name: 'Moonshot (Kimi)', vendor: 'Moonshot AI', pageUrl: 'https://status.moonshot.cn', platform: 'statuspage', hosts: ['status.moonshot.cn'], defaultOn: false },
  { id: 'cloudflare', name: 'Cloudflare Workers AI', vendor: 'Cloudflare', pageUrl: 'https://www.cloudflarestatus.com', platform: 'statuspage', hosts: ['www.cloudflarestatus.com'], defaultOn: false },
  { id: 'huggingface', name: 'Hugging Face', vendor: 'Hugging Face', pageUrl: 'https://status.huggingface.co', platform: 'betterstack', hosts: ['status.huggingface.co'], defaultOn: false },
  { id: 'together', name: 'Together AI', vendor: 'Together', pageUrl: 'https://status.together.ai', platform: 'betterstack', hosts: ['status.together.ai'], defaultOn: false },
] as const satisfies readonly CatalogEntry[];

/** Id of a built-in service. */
export type CatalogId = (typeof CATALOG)[number]['id'];

/** Id of any service: a catalog id or `custom:<hostname>` (kept a plain string in stored data). */
export type ProviderId = string;

/** The services on for a fresh install, in their display order. */
export const DEFAULT_PROVIDERS: readonly CatalogEntry[] = /* @__PURE__ */ CATALOG.filter((e) => e.defaultOn);

/** Ids of the default services. */
export const DEFAULT_PROVIDER_IDS: readonly string[] = /* @__PURE__ */ DEFAULT_PROVIDERS.map((e) => e.id);

/**
 * Default services, for code that has not been given the user's list. Kept under its old name so
 * views and tests read "the providers shown" in one way.
 */
export const PROVIDER_INFO: readonly ProviderInfo[] = DEFAULT_PROVIDERS;

/** Catalog entries by id. */
export const BY_ID = /* @__PURE__ */ new Map<string, CatalogEntry>(CATALOG.map((e) => [e.id, e]));

/** The catalog entry of `id`, if it is built in. */
export function catalogEntry(id: string): CatalogEntry | undefined {
  return BY_ID.get(id);
}

/** The host of a service's status page, e.g. `status.claude.com`. */
export function providerHost(info: Pick<ProviderInfo, 'pageUrl'>): string {
  return new URL(info.pageUrl).host;
}
