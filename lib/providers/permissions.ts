/**
 * Host permissions, derived from the catalog: the default services' hosts are required (granted
 * at install); every other catalog host, and any https page the user adds by URL, is optional and
 * asked for when the user turns the service on (docs/ARCHITECTURE.md#permissions). Kept apart
 * from the catalog data so the popup, which asks for nothing, does not carry it.
 */
import { BY_ID, CATALOG, DEFAULT_PROVIDERS, type ProviderInfo } from './catalog';

/** Match pattern for a host (`https://status.claude.com/*`). */
export function originPattern(host: string): string {
  return `https://${host}/*`;
}

/** Required host permissions: the default services' hosts. */
export const REQUIRED_ORIGINS: readonly string[] = /* @__PURE__ */ DEFAULT_PROVIDERS.flatMap((e) => e.hosts.map(originPattern));

/** Optional host permissions: the other catalog hosts, and any https page the user adds by URL. */
export const OPTIONAL_ORIGINS: readonly string[] = /* @__PURE__ */ CATALOG.filter((e) => !e.defaultOn)
  .flatMap((e) => e.hosts.map(originPattern))
  .concat('https://*/*');

/** Every host the catalog reads (tests answer each of them locally). */
export const CATALOG_HOSTS: readonly string[] = /* @__PURE__ */ Array.from(new Set(CATALOG.flatMap((e) => e.hosts)));

/** The hosts a service is read from: its catalog hosts, or its page's host (pages added by URL). */
export function hostsOf(info: Pick<ProviderInfo, 'id' | 'pageUrl'>): string[] {
  const entry = BY_ID.get(info.id);
  return entry ? [...entry.hosts] : [new URL(info.pageUrl).host];
}

/** The host permission patterns a service needs. */
export function originsOf(info: Pick<ProviderInfo, 'id' | 'pageUrl'>): string[] {
  return hostsOf(info).map(originPattern);
}

/** Is every origin of the service required (granted at install), so never asked for nor released? */
export function isRequired(info: Pick<ProviderInfo, 'id' | 'pageUrl'>): boolean {
  return originsOf(info).every((o) => REQUIRED_ORIGINS.includes(o));
}

