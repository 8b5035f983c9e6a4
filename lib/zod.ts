/**
 * The one place zod is imported. Extension pages and the worker run under a CSP that forbids
 * `new Function`, which zod's JIT would otherwise try.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
