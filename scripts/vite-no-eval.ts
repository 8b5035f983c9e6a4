/**
 * zod carries two `Function` constructor sites that `jitless: true` never reaches: the CSP probe
 * and the JIT compiler. Strip them from the bundle so the shipped code has no string-to-code path
 * at all (the security suite checks the output for `Function(` and `eval(`). If zod moves them,
 * the build fails here instead of silently shipping them.
 */
import type { Plugin } from 'vite';

const EDITS: { file: RegExp; from: RegExp; to: string }[] = [
  {
    file: /zod[\\/]v4[\\/]core[\\/]util\.js$/,
    from: /try\s*\{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch\s*\(_\)\s*\{\s*return false;\s*\}/,
    to: 'return false;',
  },
  {
    file: /zod[\\/]v4[\\/]core[\\/]doc\.js$/,
    from: /const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);/,
    to: 'throw new Error("zod JIT is disabled (jitless)");',
  },
];

/** Vite plugin removing zod's unreachable `Function` constructor uses. */
export function noEval(): Plugin {
  return {
    name: 'ai-status:no-eval',
    enforce: 'pre',
    transform(code, id) {
      const edit = EDITS.find((e) => e.file.test(id));
      if (!edit) return null;
      if (!edit.from.test(code)) this.error(`no-eval: expected pattern not found in ${id}; zod changed, review the edit`);
      return { code: code.replace(edit.from, edit.to), map: null };
    },
  };
}
