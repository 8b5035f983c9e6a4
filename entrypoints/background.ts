import { browser } from 'wxt/browser';
import { startBackground } from '@/lib/background';
import { createWorkerParts } from '@/lib/background/parts';
import { onFirstUse, publishedParts } from '@/lib/background/lazy-parts';
import { parserLink } from '@/lib/parsing/link';
import { offscreenDocument } from '@/lib/parsing/document';

// Chrome reads pages and runs the steps after a poll in its parsing document; a Firefox event
// page in event-page-parts.js.
export default defineBackground(() =>
  startBackground(
    import.meta.env.FIREFOX
      ? publishedParts(globalThis as never, 'event-page-parts.js')
      : onFirstUse(() =>
          createWorkerParts(
            parserLink({
              document: offscreenDocument(browser.offscreen, '/parser.html'),
              send: (m) => browser.runtime.sendMessage(m),
              storage: browser.storage,
              notifications: browser.notifications,
            }),
          ),
        ),
  ),
);
