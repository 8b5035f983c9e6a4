/** Types for scripts/ensure-browsers.mjs (the end-to-end fixtures import its lookups). */
/** The Chromium to drive: $CHROMIUM_PATH, Debian's package, Playwright's cache; null when none exists. */
export function findChromium(): string | null;
/** The Firefox to drive: $FIREFOX_PATH, Debian's firefox-esr, a system firefox; null when none exists. */
export function findFirefox(): string | null;
/** Finds (and where allowed installs) the browsers; returns the exit code. */
export function main(argv?: string[]): number;
