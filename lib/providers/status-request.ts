/**
 * Where each platform's status read starts: the URL of its first request and whether that request
 * revalidates with the stored ETag. The adapters build their first request from here, and the
 * worker sends it before the adapters are loaded (`lib/background/lazy-parts.ts`), so a woken
 * worker's request leaves while the parsers are still being read. Small and zod-free on purpose:
 * it is the worker's only knowledge of the platforms (Chrome's worker carries no adapter).
 */
import type { Platform, ProviderInfo } from './catalog';

/** Statuspage (and incident.io's compatible layer): `summary.json`. */
export const summaryUrl = (pageUrl: string) => `${pageUrl}/api/v2/summary.json`;
/** incident.io native pages: the widget API behind the page. */
export const nativeSummaryUrl = (pageUrl: string) => `${pageUrl}/proxy/${new URL(pageUrl).host}`;
/** Better Stack: the page's JSON:API document. */
export const indexUrl = (pageUrl: string) => `${pageUrl}/index.json`;
/** Instatus: the page summary. */
export const instatusSummaryUrl = (pageUrl: string) => `${pageUrl}/summary.json`;
/** Google Workspace: every incident of the dashboard. */
export const googleIncidentsUrl = (pageUrl: string) => `${pageUrl}/incidents.json`;

/**
 * Per platform: the first request, and whether the platform publishes uptime figures (the
 * adapter has `fetchUptime`; Chrome's worker asks its parsing document for them only then,
 * `lib/parsing/link.ts`; a unit test holds the two to the same answer).
 */
const FIRST: Readonly<Record<Platform, { url: (pageUrl: string) => string; revalidate: boolean; uptime: boolean }>> = {
  statuspage: { url: summaryUrl, revalidate: true, uptime: true },
  incidentio: { url: summaryUrl, revalidate: true, uptime: true },
  'incidentio-native': { url: nativeSummaryUrl, revalidate: true, uptime: true },
  betterstack: { url: indexUrl, revalidate: true, uptime: true },
  // Instatus is read without If-None-Match: its summary and its component list change independently.
  instatus: { url: instatusSummaryUrl, revalidate: false, uptime: false },
  'google-workspace': { url: googleIncidentsUrl, revalidate: true, uptime: false },
};

/** The first request of a service's status read. */
export function statusRequest(info: Pick<ProviderInfo, 'platform' | 'pageUrl'>): { url: string; revalidate: boolean } {
  const first = FIRST[info.platform];
  return { url: first.url(info.pageUrl), revalidate: first.revalidate };
}

/** Whether the platform publishes uptime figures of its own (its adapter has `fetchUptime`). */
export function publishesUptime(platform: Platform): boolean {
  return FIRST[platform].uptime;
}
