// What a built bundle is made of: a second Chrome build with source maps into a temp dir (the
// project's wxt.config.ts, plus `build.sourcemap`), then every byte of the minified output
// attributed to the source its source-map segment points at. Used by scripts/bench.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one source-map segment (base64 VLQ) into its fields. */
function decodeSegment(text) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = VALUE.get(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Bytes of `code` per source of `map` (UTF-16 columns; the bundles are ASCII after minification). */
export function bytesPerSource(code, map) {
  const lines = code.split('\n');
  const totals = new Map();
  const add = (key, n) => n > 0 && totals.set(key, (totals.get(key) ?? 0) + n);
  let source = 0;
  map.mappings.split(';').forEach((line, i) => {
    const text = lines[i] ?? '';
    const segments = line ? line.split(',').map(decodeSegment) : [];
    let current = null;
    let start = 0;
    let genCol = 0;
    for (const seg of segments) {
      genCol += seg[0];
      add(current === null ? '(no source)' : map.sources[current], Buffer.byteLength(text.slice(start, genCol)));
      if (seg.length >= 4) {
        source += seg[1];
        current = source;
      } else current = null;
      start = genCol;
    }
    add(current === null ? '(no source)' : map.sources[current], Buffer.byteLength(text.slice(start)) + (i < lines.length - 1 ? 1 : 0));
  });
  return totals;
}

/** `<root>/node_modules/zod/v4/core/schemas.js` → zod; `<root>/lib/providers/x.ts` → lib/providers/x.ts (group lib/providers). */
export function sourceName(source, root, mapDir) {
  const abs = source.startsWith('\0') || source.includes('virtual:') ? null : resolve(mapDir, source.replace(/\?.*$/, ''));
  if (!abs) return { file: source, group: '(generated)' };
  const clean = relative(root, abs).split('\\').join('/');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    const scoped = rest[0].startsWith('@');
    const pkg = scoped ? `${rest[0]}/${rest[1]}` : rest[0];
    return { file: `${pkg}/${rest.slice(scoped ? 2 : 1).join('/')}`, group: pkg };
  }
  const top = clean.split('/');
  return { file: clean, group: top[0] === 'lib' || top[0] === 'components' ? top.slice(0, 2).join('/') : clean };
}

/**
 * Builds the Chrome extension with source maps into `outDir` (WXT's programmatic build: the
 * project's own config, with `build.sourcemap` turned on) and returns what `background.js` is
 * made of, by source file and by package.
 */
/**
 * What the worker's script (`background.js`, evaluated on every wake) and Chrome's parsing
 * document (`parser.js`, loaded when a poll reads a page) carry, each as bytes per source and per package.
 */
export function backgroundComposition(root, outDir) {
  const script = `import { build } from 'wxt';
await build({ browser: 'chrome', outDir: ${JSON.stringify(outDir)}, vite: () => ({ build: { sourcemap: true } }) });`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  const dir = join(outDir, 'chrome-mv3');
  if (r.status !== 0 || !existsSync(join(dir, 'background.js.map'))) throw new Error(`source-map build failed: ${(r.stderr || r.stdout).slice(-800)}`);
  const out = {};
  for (const name of ['background.js', 'parser.js']) {
    if (!existsSync(join(dir, `${name}.map`))) continue;
    const code = readFileSync(join(dir, name), 'utf8');
    const map = JSON.parse(readFileSync(join(dir, `${name}.map`), 'utf8'));
    const files = new Map();
    const groups = new Map();
    for (const [source, bytes] of bytesPerSource(code, map)) {
      const { file, group } = source === '(no source)' ? { file: source, group: '(no source)' } : sourceName(source, root, dir);
      files.set(file, (files.get(file) ?? 0) + bytes);
      groups.set(group, (groups.get(group) ?? 0) + bytes);
    }
    const sorted = (m) => [...m].map(([n, bytes]) => ({ name: n, bytes })).sort((a, b) => b.bytes - a.bytes);
    out[name] = { bytes: Buffer.byteLength(code), files: sorted(files), groups: sorted(groups) };
  }
  return out;
}
