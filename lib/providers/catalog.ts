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

/**
 * How an entry is written: its page's host (the status page is `https://<host>` unless `pageUrl`
 * says otherwise), and `defaultOn` only on the three defaults. Each fact once.
 */
interface CatalogSource {
  readonly id: string;
  readonly name: string;
  readonly vendor: string;
  readonly host: string;
  readonly platform: Platform;
  readonly pageUrl?: string;
  readonly product?: string;
  readonly defaultOn?: true;
}

/** Every built-in service as written, in catalog order. The first three are on by default. */
export const CATALOG_SOURCE = [
  { id: 'openai', name: 'ChatGPT', vendor: 'OpenAI', host: 'status.openai.com', platform: 'incidentio', defaultOn: true },
  { id: 'anthropic', name: 'Claude', vendor: 'Anthropic', host: 'status.claude.com', platform: 'statuspage', defaultOn: true },
  { id: 'cursor', name: 'Cursor', vendor: 'Anysphere', host: 'status.cursor.com', platform: 'statuspage', defaultOn: true },
  { id: 'github', name: 'GitHub Copilot', vendor: 'GitHub', host: 'www.githubstatus.com', platform: 'statuspage' },
  { id: 'gemini', name: 'Gemini', vendor: 'Google', host: 'www.google.com', platform: 'google-workspace', pageUrl: 'https://www.google.com/appsstatus/dashboard', product: 'Gemini' },
  { id: 'groq', name: 'Groq', vendor: 'Groq', host: 'groqstatus.com', platform: 'incidentio-native' },
  { id: 'perplexity', name: 'Perplexity', vendor: 'Perplexity', host: 'status.perplexity.com', platform: 'incidentio-native' },
  { id: 'cohere', name: 'Cohere', vendor: 'Cohere', host: 'status.cohere.com', platform: 'incidentio-native' },
  { id: 'elevenlabs', name: 'ElevenLabs', vendor: 'ElevenLabs', host: 'status.elevenlabs.io', platform: 'incidentio-native' },
  { id: 'fireworks', name: 'Fireworks AI', vendor: 'Fireworks', host: 'status.fireworks.ai', platform: 'incidentio-native' },
  { id: 'lovable', name: 'Lovable', vendor: 'Lovable', host: 'status.lovable.dev', platform: 'incidentio-native' },
  { id: 'bolt', name: 'Bolt', vendor: 'StackBlitz', host: 'status.bolt.new', platform: 'incidentio-native' },
  { id: 'windsurf', name: 'Windsurf', vendor: 'Windsurf', host: 'status.windsurf.com', platform: 'statuspage' },
  { id: 'vercel', name: 'Vercel (v0)', vendor: 'Vercel', host: 'www.vercel-status.com', platform: 'statuspage' },
  { id: 'supabase', name: 'Supabase', vendor: 'Supabase', host: 'status.supabase.com', platform: 'statuspage' },
  { id: 'moonshot', name: 'Moonshot (Kimi)', vendor: 'Moonshot AI', host: 'status.moonshot.cn', platform: 'statuspage' },
  { id: 'cloudflare', name: 'Cloudflare Workers AI', vendor: 'Cloudflare', host: 'www.cloudflarestatus.com', platform: 'statuspage' },
  { id: 'huggingface', name: 'Hugging Face', vendor: 'Hugging Face', host: 'status.huggingface.co', platform: 'betterstack' },
  { id: 'together', name: 'Together AI', vendor: 'Together', host: 'status.together.ai', platform: 'betterstack' },
] as const satisfies readonly CatalogSource[];

/** Every built-in service, in catalog order, with what derives from how it is written. */
export const CATALOG: readonly CatalogEntry[] = /* @__PURE__ */ CATALOG_SOURCE.map(({ host, defaultOn, ...e }: CatalogSource) => ({
  ...e,
  pageUrl: e.pageUrl ?? `https://${host}`,
  hosts: [host],
  defaultOn: defaultOn === true,
}));

/** Id of a built-in service. */
export type CatalogId = (typeof CATALOG_SOURCE)[number]['id'];

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
