import { browser } from 'wxt/browser';
import { localReaders } from '@/lib/background/local-parts';
import { serveParsing } from '@/lib/parsing/serve';
import { answering } from '@/lib/messages';

// Chrome's parsing document (/parser.html, lib/parsing/link.ts): reads what the worker asks,
// fetching through the worker. A script of its own, so the pages share no chunk with it.
export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    const serve = serveParsing({ ...localReaders, send: (message) => browser.runtime.sendMessage(message), now: () => Date.now() });
    browser.runtime.onMessage.addListener(answering(serve));
  },
});
