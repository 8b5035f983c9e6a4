/**
 * Where the worker's large half (`parts.ts`) comes from, and sending each status request before
 * it is used. Part of the small half: imports only types from the large one.
 *
 * Chrome: the large half is in the worker's own script, made on first use, and reads pages
 * through the parsing document (`lib/parsing/link.ts`): a service worker is handed every script
 * it may load at each start, so the adapters are kept out of it altogether. Firefox: an event
 * page is a document and reads pages itself; the half with the adapters is a second script its
 * manifest lists after the worker's own (wxt.config.ts), published on a global.
 */
import { headStart, sendEarly, type FetchContext } from '../providers/http';
import type { ProviderInfo } from '../providers/catalog';
import { statusRequest } from '../providers/status-request';
import type { StatusOutcome } from '../providers/types';
import type { WorkerParts } from './parts';

/** The global a Firefox event page's large half publishes itself on (`entrypoints/event-page-parts.ts`). */
export const PARTS_GLOBAL = '__aiStatusWorkerParts';

/** A getter for the large half a script published on `scope` before any event (Firefox). */
export function publishedParts(scope: Record<string, unknown>, scriptUrl: string): () => WorkerParts {
  return () => {
    const parts = scope[PARTS_GLOBAL] as WorkerParts | undefined;
    if (!parts) throw new Error(`${scriptUrl} did not load`);
    return parts;
  };
}

/** A getter that makes the large half on its first call and keeps it (Chrome). */
export function onFirstUse(make: () => WorkerParts): () => WorkerParts {
  let parts: WorkerParts | undefined;
  return () => (parts ??= make());
}

/**
 * `readStatus` that sends the service's first request (`statusRequest`) at once and goes on to
 * the large half (in Chrome: the parsing document, opened then) once that answer is in or the
 * requests have had their head start (`headStart`); the adapter reads the answer already on its
 * way (`FetchContext.sent`) instead of asking again.
 */
export function readStatusEarly(parts: () => WorkerParts): (info: ProviderInfo, ctx: FetchContext) => Promise<StatusOutcome> {
  return async (info, ctx) => {
    const first = statusRequest(info);
    const sent = sendEarly(first.url, first.revalidate ? ctx : { ...ctx, etag: null });
    // The other services' requests leave in this task; the browser is left to them until then.
    await headStart(sent.result);
    return parts().readStatus(info, { ...ctx, sent });
  };
}
