/**
 * Loading the worker's large half (`parts.ts`) only when it is needed, and sending each status
 * request before it loads. Part of the small half: imports only types from the large one.
 *
 * A Chrome extension service worker cannot `import()`, and `importScripts()` after its first
 * evaluation only works for scripts it imported while installing: so the script is imported once
 * in the `install` event (every install and update), and again, on demand, by each later worker.
 * A Firefox event page has no `importScripts`: its manifest lists the script after the worker's
 * own (wxt.config.ts), so the half is there before any event.
 */
import { sendEarly, type FetchContext } from '../providers/http';
import type { ProviderInfo } from '../providers/catalog';
import { statusRequest } from '../providers/status-request';
import type { StatusOutcome } from '../providers/types';
import type { WorkerParts } from './parts';

/** The global the large half's script publishes itself on. */
export const PARTS_GLOBAL = '__aiStatusWorkerParts';

/** The browser's side of loading a script into a worker. */
export interface ScriptLoader {
  /** `importScripts` (absent on a Firefox event page). */
  importScripts?: (url: string) => void;
  /** Registers a listener for the service worker's `install` event. */
  onInstall?: (listener: () => void) => void;
}

/** A getter for the large half: published already (Firefox), or imported on first call. */
export function lazyParts(scriptUrl: string, scope: Record<string, unknown>, loader: ScriptLoader): () => WorkerParts {
  // Registered at top level like every listener: the import made here is what later ones reuse.
  loader.onInstall?.(() => loader.importScripts?.(scriptUrl));
  return () => {
    if (!scope[PARTS_GLOBAL]) loader.importScripts?.(scriptUrl);
    const parts = scope[PARTS_GLOBAL] as WorkerParts | undefined;
    if (!parts) throw new Error(`${scriptUrl} did not load`);
    return parts;
  };
}

/**
 * `readStatus` that sends the service's first request (`statusRequest`) at once and loads the
 * adapters after every request of the poll has left; the adapter reads the answer already on its
 * way (`FetchContext.sent`) instead of asking again.
 */
export function readStatusEarly(parts: () => WorkerParts): (info: ProviderInfo, ctx: FetchContext) => Promise<StatusOutcome> {
  return async (info, ctx) => {
    const first = statusRequest(info);
    const sent = sendEarly(first.url, first.revalidate ? ctx : { ...ctx, etag: null });
    // A task later, so the other services' requests leave before this thread evaluates the parsers.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return parts().readStatus(info, { ...ctx, sent });
  };
}

/** The running worker's loader: a service worker's `importScripts` and `install` event; nothing on an event page. */
export function workerScriptLoader(): ScriptLoader {
  const scope = globalThis as { importScripts?: (url: string) => void; addEventListener?: (type: string, listener: () => void) => void };
  const load = scope.importScripts;
  if (typeof load !== 'function') return {};
  return { importScripts: (url) => load.call(scope, url), onInstall: (listener) => scope.addEventListener?.('install', listener) };
}
