import { localParts } from '@/lib/background/local-parts';
import { PARTS_GLOBAL } from '@/lib/background/lazy-parts';

// Firefox's large half: an event page is a document, so it reads pages itself, with the adapters.
export default defineUnlistedScript({
  include: ['firefox'],
  main: () => void Object.assign(globalThis, { [PARTS_GLOBAL]: localParts }),
});
