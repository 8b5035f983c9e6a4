/**
 * The test-only Chrome build the services tests run (`npm run build:e2e`: `AI_STATUS_E2E_GRANT=1`
 * read by wxt.config.ts, output in `.output/chrome-mv3-e2e`; the product build in
 * `.output/chrome-mv3` is untouched).
 *
 * Why: Chrome's prompt for an optional host permission cannot be answered from a test (in headless
 * Chromium the `permissions.request` of a host not yet granted simply never settles), but a request
 * for hosts the extension already holds resolves `true` at once, without a prompt. So this build
 * ALSO lists the hosts below in `host_permissions`: granted at install, the dashboard's real click
 * handlers (`permissions.request` → save → panel) run unchanged. The prompt path itself (granted,
 * refused, thrown) is covered by the unit tests with fake ports. In this build these origins are
 * required, so Chrome keeps them when the extension releases them (`permissions.remove` rejects
 * "You cannot remove required permissions", which the product ignores): tests check that the
 * extension ASKED to release an origin, not that Chrome dropped it.
 *
 * Imported by wxt.config.ts (node, at build time): keep it free of anything but the catalog.
 */
import { CATALOG } from '../../lib/providers/catalog';

/** Pages the services tests add by URL. `.test` names: answered locally, never resolvable. */
export const TEST_PAGES = {
  /** An Atlassian Statuspage page (answered with a real Statuspage capture). */
  statuspage: 'status.example-ai.test',
  /** A Better Stack page (answered with a real Better Stack capture). */
  betterstack: 'status.example-bs.test',
  /** An ordinary web page: not a status page. */
  blog: 'www.example-blog.test',
  /** A status page on a platform AI Status cannot read (HTML only, no known API). */
  unsupported: 'status.example-other.test',
  /** A host whose every connection fails. */
  down: 'status.example-down.test',
  /** A host the e2e build does NOT grant: asking for it would open Chrome's prompt. */
  denied: 'status.example-denied.test',
} as const;

/** The catalog services that are off by default: their hosts are optional in the product. */
export const OPTIONAL_CATALOG_HOSTS: readonly string[] = Array.from(new Set(CATALOG.filter((e) => !e.defaultOn).flatMap((e) => [...e.hosts])));

/** Hosts the e2e build grants at install: every optional catalog host and the test pages, except `denied`. */
export const E2E_GRANTED_HOSTS: readonly string[] = [...OPTIONAL_CATALOG_HOSTS, ...Object.values(TEST_PAGES).filter((h) => h !== TEST_PAGES.denied)];

/** The same as match patterns, for the manifest. */
export const E2E_GRANTED_ORIGINS: readonly string[] = E2E_GRANTED_HOSTS.map((h) => `https://${h}/*`);

/** Where the e2e build is (`E2E_EXTENSION_DIR` may point elsewhere). */
export const E2E_BUILD_DIR = '.output/chrome-mv3-e2e';
