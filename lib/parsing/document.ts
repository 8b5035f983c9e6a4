/**
 * The parsing document's life in Chrome (`chrome.offscreen`): made when a read needs it, one at a
 * time, closed by the link once reads have stopped (`link.ts`). The browser API comes in as a
 * parameter, so this stays testable and free of `chrome.*`.
 */
import type { ParserDocument } from './link';

/** The part of `chrome.offscreen` used here. */
export interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: `${'DOM_PARSER'}`[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument(): Promise<boolean>;
}

/** Why the document exists, as Chrome asks extensions to say. */
export const PARSER_JUSTIFICATION = 'Reads the status pages the extension fetched (JSON and HTML) off the service worker.';

const ALREADY_OPEN = /single offscreen document/i;

/** The document at `url` (an extension page), made and closed with `api`. */
export function offscreenDocument(api: OffscreenApi, url: string): ParserDocument {
  return {
    async open() {
      if (await api.hasDocument()) return;
      try {
        await api.createDocument({ url, reasons: ['DOM_PARSER'], justification: PARSER_JUSTIFICATION });
      } catch (error) {
        // Made meanwhile by another read of this worker, or left open by the previous one.
        if (!(error instanceof Error && ALREADY_OPEN.test(error.message))) throw error;
      }
    },
    async close() {
      if (await api.hasDocument()) await api.closeDocument();
    },
  };
}
