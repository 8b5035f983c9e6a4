import { browser } from 'wxt/browser';
import { localReaders } from '@/lib/background/local-parts';
import { workerAreas } from '@/lib/parsing/calls';
import { serveParsing } from '@/lib/parsing/serve';
import { answering } from '@/lib/messages';
import { translateFor, type MessagesFile } from '@/lib/i18n';
import { RECORDS } from '@/lib/records';
import { useStorage } from '@/lib/storage';

// Chrome's parsing document (/parser.html, lib/parsing/link.ts): reads what the worker asks and
// runs the steps after a poll, fetching, storing and notifying through the worker. A script of its
// own, so the pages share no chunk with it.
export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    const send = (message: unknown) => browser.runtime.sendMessage(message);
    useStorage({ records: RECORDS, areas: workerAreas(send) });
    const messages = (locale: string) => fetch(`/_locales/${locale}/messages.json`).then((r) => r.json() as Promise<MessagesFile>);
    const serve = serveParsing({ ...localReaders, translate: (language) => translateFor(language, messages), send, now: () => Date.now() });
    browser.runtime.onMessage.addListener(answering(serve));
  },
});
