import { localParts } from '@/lib/background/local-parts';
import { PARTS_GLOBAL } from '@/lib/background/lazy-parts';
import { RECORDS } from '@/lib/records';
import { useStorage } from '@/lib/storage';

// Firefox's large half: an event page is a document, so it reads pages and runs the steps after a
// poll itself, with the adapters and the records those steps store.
export default defineUnlistedScript({
  include: ['firefox'],
  main() {
    useStorage({ records: RECORDS });
    Object.assign(globalThis, { [PARTS_GLOBAL]: localParts });
  },
});
