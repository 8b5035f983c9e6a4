/**
 * The large half that reads pages and runs the steps after a poll itself, with the adapters: a
 * Firefox event page's (`entrypoints/event-page-parts.ts`), the parsing document's readers, and
 * the unit tests'.
 */
import { ADAPTERS } from '../providers/registry';
import { definitionIn } from '../providers/types';
import { afterPoll, type AfterPollDeps } from './after-poll';
import { detect } from './detect';
import { createWorkerParts, type Readers } from './parts';
import type { AfterPollContext } from './poll';

/** The adapters, the detector and the steps after a poll, in this context. */
export const localReaders = {
  adapters: ADAPTERS,
  detect,
  afterPoll: (deps: AfterPollDeps, ctx: AfterPollContext) => afterPoll(deps, ctx, (info) => definitionIn(ADAPTERS, info)),
} satisfies Readers;

/** The large half with the adapters in this context. */
export const localParts = createWorkerParts(localReaders);
