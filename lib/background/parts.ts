/**
 * The worker's large half: the adapters (zod schemas, HTML and Markdown parsing), the steps after
 * a poll, and the page detector. It is built as a script of its own (`entrypoints/worker-parts.ts`)
 * that the worker loads when it first needs it (`lazy-parts.ts`): a woken worker evaluates only
 * the small half (listeners, storage, scheduling) before its status requests leave, and reads this
 * half while they are on their way (docs/ARCHITECTURE.md#the-worker-wake).
 */
import { fetchError, type FetchContext } from '../providers/http';
import type { ProviderInfo } from '../providers/catalog';
import { definitionOf } from '../providers/registry';
import type { StatusOutcome } from '../providers/types';
import { afterPoll } from './after-poll';
import { detect } from './detect';

/** Reads one service's status with its platform's adapter. */
function readStatus(info: ProviderInfo, ctx: FetchContext): Promise<StatusOutcome> {
  const def = definitionOf(info);
  if (!def) return Promise.resolve({ ok: false, error: fetchError('wrong-shape', `No reader for ${info.platform} pages`, ctx.now()), retryAfterSec: null, requests: 0 });
  return def.adapter.fetchStatus(def, ctx);
}

/** What the large half offers the worker. */
export const workerParts = { readStatus, afterPoll, detect };

/** The large half's interface (the small half imports only this type). */
export type WorkerParts = typeof workerParts;
