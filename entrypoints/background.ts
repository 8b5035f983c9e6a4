import { startBackground } from '@/lib/background';
import { lazyParts, workerScriptLoader } from '@/lib/background/lazy-parts';

export default defineBackground(() => startBackground(lazyParts('/worker-parts.js', globalThis as never, workerScriptLoader())));
