/**
 * The worker's large half: reading services (the adapters), the steps after a poll, and the page
 * detector. It is built as a script of its own that the worker loads when it first needs it
 * (`lazy-parts.ts`): a woken worker evaluates only the small half (listeners, storage,
 * scheduling) before its status requests leave (docs/ARCHITECTURE.md#the-worker-wake).
 *
 * How pages are read is given to it (`Readers`): the adapters themselves on a Firefox event page
 * (`local-parts.ts`), stand-ins that ask the parsing document in Chrome (`lib/parsing/link.ts`).
 */
import type { DetectReply } from '../messages';
import type { Platform, ProviderInfo } from '../providers/catalog';
import { fetchError, type FetchContext, type FetchLike } from '../providers/http';
import { definitionIn, type Adapter, type StatusOutcome } from '../providers/types';
import { afterPoll, type BackgroundDeps } from './after-poll';
import type { AfterPollContext } from './poll';

/** How the large half reads pages. */
export interface Readers {
  /** The adapter of each platform. */
  adapters: Readonly<Record<Platform, Adapter>>;
  /** Detects the page a user pasted (`detect.ts`); never throws. */
  detect(url: unknown, ctx: { fetch: FetchLike; now: () => number }): Promise<DetectReply>;
  /** Answers a message from the parsing document (its fetches), where there is one; undefined otherwise. */
  answerFetch?(message: unknown): Promise<unknown> | undefined;
}

/** The large half, reading pages with `readers`. */
export function createWorkerParts(readers: Readers) {
  const definitionOf = (info: ProviderInfo) => definitionIn(readers.adapters, info);
  return {
    /** Reads one service's status with its platform's adapter. */
    readStatus(info: ProviderInfo, ctx: FetchContext): Promise<StatusOutcome> {
      const def = definitionOf(info);
      if (!def) return Promise.resolve({ ok: false, error: fetchError('wrong-shape', `No reader for ${info.platform} pages`, ctx.now()), retryAfterSec: null, requests: 0 });
      return def.adapter.fetchStatus(def, ctx);
    },
    /** The steps after a poll (`after-poll.ts`). */
    afterPoll: (deps: BackgroundDeps, ctx: AfterPollContext) => afterPoll(deps, ctx, definitionOf),
    /** Detects a pasted page. */
    detect: readers.detect,
    /** A message for the large half (the parsing document's fetches); undefined when it is not one. */
    answer: (message: unknown) => readers.answerFetch?.(message),
  };
}

/** The large half's interface (the small half imports only this type). */
export type WorkerParts = ReturnType<typeof createWorkerParts>;
