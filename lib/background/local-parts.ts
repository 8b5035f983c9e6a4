/**
 * The large half that reads pages itself, with the adapters: a Firefox event page's
 * (`entrypoints/event-page-parts.ts`), the parsing document's readers, and the unit tests'.
 */
import { ADAPTERS } from '../providers/registry';
import { detect } from './detect';
import { createWorkerParts, type Readers } from './parts';

/** The adapters and the detector, in this context. */
export const localReaders: Readers = { adapters: ADAPTERS, detect };

/** The large half with the adapters in this context. */
export const localParts = createWorkerParts(localReaders);
