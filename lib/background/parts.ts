/**
 * The worker's large half: reading services (the adapters), the steps after a poll, and the page
 * detector, made when first needed (`lazy-parts.ts`): a woken worker evaluates only the small
 * half (listeners, storage, scheduling) before its status requests leave
 * (docs/ARCHITECTURE.md#the-worker-wake).
 *
 * Where pages are read and the steps after a poll run is given to it (`Readers`): right here on a
 * Firefox event page (`local-parts.ts`), in the parsing document in Chrome (`lib/parsing/link.ts`).
 */
import type { DetectReply } from '../messages';
import type { Platform, ProviderInfo } from '../providers/catalog';
import { fetchError, type FetchContext, type FetchLike } from '../providers/http';
import { definitionIn, type Adapter, type StatusOutcome } from '../providers/types';
import type { ActionApi } from './badge';
import type { AfterPollDeps } from './after-poll';
import type { AfterPollContext } from './poll';

/** Everything the background needs from the browser, in one place (see `lib/background/index.ts`). */
export interface BackgroundDeps extends AfterPollDeps {
  random: () => number;
  /** The browser's UI language (`i18n.getUILanguage`). */
  locale: string;
  action: ActionApi;
}

/** How the large half reads pages and runs the steps after a poll. */
export interface Readers {
  /** The adapter of each platform. */
  adapters: Readonly<Record<Platform, Adapter>>;
  /** Detects the page a user pasted (`detect.ts`); never throws. */
  detect(url: unknown, ctx: { fetch: FetchLike; now: () => number }): Promise<DetectReply>;
  /** Runs the steps after a poll (`after-poll.ts`), the badge excepted. */
  afterPoll(deps: BackgroundDeps, ctx: AfterPollContext): Promise<void>;
  /** Answers a message from the parsing document (its fetches, storage, notifications), where there is one; undefined otherwise. */
  answer?(message: unknown): Promise<unknown> | undefined;
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
    /** The steps after a poll (`after-poll.ts`), the badge excepted. */
    afterPoll: (deps: BackgroundDeps, ctx: AfterPollContext) => readers.afterPoll(deps, ctx),
    /** Detects a pasted page. */
    detect: readers.detect,
    /** A message for the large half (the parsing document's calls); undefined when it is not one. */
    answer: (message: unknown) => readers.answer?.(message),
  };
}

/** The large half's interface (the small half imports only this type). */
export type WorkerParts = ReturnType<typeof createWorkerParts>;
