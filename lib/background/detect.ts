/**
 * "Preview" of a page the user pastes on the dashboard: the background (the worker, or in Chrome
 * its parsing document, fetching through it) detects the platform once and answers what the
 * dashboard shows and stores.
 */
import type { DetectReply } from '../messages';
import { detectPlatform } from '../providers/detect';
import type { FetchContext } from '../providers/http';

/** Detects the page at `url`; never throws. */
export async function detect(url: unknown, deps: Pick<FetchContext, 'fetch' | 'now' | 'timeoutMs'>): Promise<DetectReply> {
  if (typeof url !== 'string' || url.length > 2048) return { ok: false, messageKey: 'addServiceErrorInvalidUrl' };
  try {
    const found = await detectPlatform(url, deps);
    if (!found.ok) return { ok: false, messageKey: found.messageKey };
    return {
      ok: true,
      providerId: found.providerId,
      name: found.name,
      pageUrl: found.pageUrl,
      platform: found.platform,
      ...(found.product ? { product: found.product } : {}),
      ...(found.catalogId ? { catalogId: found.catalogId } : {}),
      level: found.status.level,
      description: found.status.description,
      components: found.status.components.slice(0, 50).map((c) => ({ id: c.id, name: c.name, level: c.level })),
    };
  } catch {
    return { ok: false, messageKey: 'addServiceErrorUnreachable' };
  }
}
