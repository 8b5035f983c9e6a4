// Makes sure the browsers the end-to-end suites drive are on this machine, before `npm test` runs
// them: Chromium (tests/e2e) and Firefox (tests/e2e-firefox).
//
//   node scripts/ensure-browsers.mjs [chromium] [firefox]      (no argument: both)
//
// Each is looked for in $CHROMIUM_PATH / $FIREFOX_PATH, then the system packages (/usr/bin/chromium;
// /usr/bin/firefox-esr, /usr/bin/firefox), then Playwright's cache (Chromium only: Playwright's own
// Firefox is a patched build that WebDriver BiDi cannot drive). When one is missing on Debian or
// Ubuntu and we are root, it is installed with apt-get (`chromium`, `firefox-esr`); otherwise the
// script exits non-zero with one line naming the command to run. The test fixtures use the same
// lookup (`findChromium`, `findFirefox`), so what is found here is what the tests launch.
//
// It also looks for a font with Korean glyphs (fontconfig's `fc-list :lang=ko`): without one the
// Korean screenshots (test-results/shots/*-ko.png) show boxes instead of text. Missing on Debian or
// Ubuntu as root, `fonts-nanum` is installed; elsewhere a warning names it (the tests pass either
// way: they read text from the page, not pixels).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const APT_PACKAGE = { chromium: 'chromium', firefox: 'firefox-esr' };
/** A Korean font from Debian's main archive (about 10 MB). */
const KOREAN_FONT_PACKAGE = 'fonts-nanum';

function firstExisting(paths) {
  return paths.find((p) => p && existsSync(p)) ?? null;
}

/** Playwright's own Chromium, if `npx playwright install chromium` put it in its cache. */
function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    return require('playwright-core').chromium.executablePath();
  } catch {
    return null;
  }
}

/** The Chromium to drive: $CHROMIUM_PATH, Debian's package, Playwright's cache; null when none exists. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  return firstExisting(['/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightChromium()]);
}

/** The Firefox to drive: $FIREFOX_PATH, Debian's firefox-esr, a system firefox; null when none exists. */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) return existsSync(process.env.FIREFOX_PATH) ? process.env.FIREFOX_PATH : null;
  return firstExisting(['/usr/bin/firefox-esr', '/usr/bin/firefox']);
}

const FINDERS = { chromium: findChromium, firefox: findFirefox };

function osRelease() {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const get = (key) => text.match(new RegExp(`^${key}="?([^"\\n]*)"?`, 'm'))?.[1] ?? '';
    return `${get('ID')} ${get('ID_LIKE')}`.toLowerCase();
  } catch {
    return '';
  }
}

const isDebianLike = () => /\b(debian|ubuntu)\b/.test(osRelease()) && existsSync('/usr/bin/apt-get');
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** One line saying what to run, for a machine where this script may not install by itself. */
function advice(missing) {
  for (const b of missing) {
    const env = b === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
    if (process.env[env]) return `${env}=${process.env[env]} does not exist: point it at a ${b} executable or unset it, then npm test again.`;
  }
  const names = missing.join(' and ');
  const envs = missing.map((b) => (b === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH')).join(' / ');
  if (isDebianLike()) {
    const pkgs = missing.map((b) => APT_PACKAGE[b]).join(' ');
    const sudo = isRoot() ? '' : 'sudo ';
    return `npm test needs ${names}: run \`${sudo}apt-get update && ${sudo}apt-get install -y ${pkgs}\` (or set ${envs}), then npm test again.`;
  }
  return `npm test needs ${names}: install ${missing.map((b) => (b === 'chromium' ? 'Chromium' : 'Firefox (ESR 140 or newer)')).join(' and ')} with your package manager and set ${envs} to the executable, then npm test again.`;
}

/** Whether fontconfig knows a font with Korean glyphs; null when it cannot be asked (no `fc-list`). */
function hasKoreanFont() {
  const r = spawnSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return r.stdout.trim() !== '';
}

function apt(args) {
  return spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

export function main(argv = process.argv.slice(2)) {
  const wanted = argv.length ? argv : ['chromium', 'firefox'];
  for (const b of wanted) {
    if (!FINDERS[b]) {
      console.error(`ensure-browsers: unknown browser "${b}" (chromium, firefox)`);
      return 2;
    }
  }
  let missing = wanted.filter((b) => !FINDERS[b]());
  const pinned = missing.some((b) => process.env[b === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH']);
  // One apt-get install for what is missing: the browsers, and a Korean font when fontconfig knows
  // none — or is not there yet (it comes with the browsers, so then neither does a font).
  const korean = hasKoreanFont();
  const packages = [
    ...(pinned ? [] : missing.map((b) => APT_PACKAGE[b])),
    ...(korean === false || (korean === null && missing.length) ? [KOREAN_FONT_PACKAGE] : []),
  ];
  const install = packages.length > 0 && isDebianLike() && isRoot();
  if (install) {
    console.log(`ensure-browsers: installing ${packages.join(' ')} with apt-get`);
    // An index that cannot be refreshed (one unreachable mirror) need not stop the install.
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', ...packages]);
    missing = wanted.filter((b) => !FINDERS[b]());
  }
  if (missing.length) {
    console.error(advice(missing));
    return 1;
  }
  if ((install ? hasKoreanFont() : korean) === false) {
    console.warn(`ensure-browsers: no font with Korean glyphs, so the Korean screenshots will show boxes: install one (Debian/Ubuntu: ${KOREAN_FONT_PACKAGE}).`);
  }
  console.log(wanted.map((b) => `${b}: ${FINDERS[b]()}`).join(' · '));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main();
