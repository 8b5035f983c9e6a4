/**
 * Where each platform's status read starts: the URL of its first request and whether that request
 * revalidates with the stored ETag. The adapters build their first request from here, and the
 * worker sends it before the adapters are loaded (`lib/background/lazy-parts.ts`), so a woken
 * worker's request leaves while the parsers are still being read. Small and zod-free on purpose.
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

const FIRST: Readonly<Record<Platform, { url: (pageUrl: string) => string; revalidate: boolean }>> = {
  statuspage: { url: summaryUrl, revalidate: true },
  incidentio: { url: summaryUrl, revalidate: true },
  'incidentio-native': { url: nativeSummaryUrl, revalidate: true },
  betterstack: { url: indexUrl, revalidate: true },
  // Instatus is read without If-None-Match: its summary and its component list change independently.
  instatus: { url: instatusSummaryUrl, revalidate: false },
  'google-workspace': { url: googleIncidentsUrl, revalidate: true },
};

/** The first request of a service's status read. */
export function statusRequest(info: Pick<ProviderInfo, 'platform' | 'pageUrl'>): { url: string; revalidate: boolean } {
  const first = FIRST[info.platform];
  return { url: first.url(info.pageUrl), revalidate: first.revalidate };
}
