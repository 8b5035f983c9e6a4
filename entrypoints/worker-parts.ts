import { workerParts } from '@/lib/background/parts';
import { PARTS_GLOBAL } from '@/lib/background/lazy-parts';

export default defineUnlistedScript(() => void Object.assign(globalThis, { [PARTS_GLOBAL]: workerParts }));
