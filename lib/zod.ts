/**
 * The one place zod is imported: zod/mini, the tree-shakable functional API (`z.optional(x)`,
 * `z.pipe(x, z.transform(fn))`, `x.check(z.refine(fn))`), a third of classic zod's size in the
 * worker. Extension pages and the worker run under a CSP that forbids `new Function`, which zod's
 * JIT would otherwise try.
 *
 * Classic zod registers the English error locale on its own; zod/mini does not (issue messages
 * would read "Invalid input"), so it is set here and messages stay the ones classic gave.
 */
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config({ jitless: true });
z.config(en());

export { z };
