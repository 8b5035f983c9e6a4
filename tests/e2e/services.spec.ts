/**
 * Issue #11: services the user chooses — a catalog service turned on from the dashboard, pages
 * added by URL (Statuspage, Better Stack), every bad input, removal, and access revoked.
 *
 * TEST-ONLY BUILD. These tests load `.output/chrome-mv3-e2e` (`npm run build:e2e`, made by
 * `npm run build`; wxt.config.ts and tests/support/e2e-build.ts), not the product build. Chrome's
 * prompt for an optional host permission cannot be answered from a test: in headless Chromium a
 * `permissions.request` for a host not yet held never settles. That build therefore ALSO lists the
 * optional catalog hosts and the test pages (`TEST_PAGES`) in `host_permissions`, granted at
 * install; a request for hosts already held resolves `true` at once, so the dashboard's real
 * click handlers (request → detect → save → poll → panel) run unchanged. The prompt's own outcomes
 * (granted, refused, thrown) are covered by the unit tests with fake ports. In this build those
 * origins are required, so Chrome keeps them when the extension releases them: the removal test
 * checks that the extension ASKED to release the origin (`permissions.remove`), not that Chrome
 * dropped it.
 */
import type { Page } from '@playwright/test';
import { E2E_EXTENSION_PATH, expect, fixture, fixtureJson, OWN_BROWSER, TEST_PAGES, test, type StatusMock } from './fixture';

test.use({ extensionDir: E2E_EXTENSION_PATH });
// The e2e build's browser is shared like the default build's, reset before each test (host
// permissions cannot change in it: its catalog hosts are required, `permissions.remove` refuses).
test.describe.configure({ timeout: 180_000 });

/** The permissions API as these tests call it in extension pages (tests/e2e/globals.d.ts leaves it out). */
interface PermissionsApi {
  remove(p: { origins: string[] }): Promise<boolean>;
  contains(p: { origins: string[] }): Promise<boolean>;
}
type WithPermissions = { permissions: PermissionsApi };

const STATUSPAGE = TEST_PAGES.statuspage;
const BETTERSTACK = TEST_PAGES.betterstack;

interface StoredSettings {
  services: string[];
  custom: { id: string; name: string; pageUrl: string; platform: string }[];
}

/** The settings as stored (the defaults when nothing was saved yet). */
async function settingsOf(storage: <T>(area: 'local' | 'session', key: string) => Promise<T>): Promise<StoredSettings> {
  const s = await storage<StoredSettings | undefined>('local', 'settings');
  return { services: s?.services ?? ['openai', 'anthropic', 'cursor'], custom: s?.custom ?? [] };
}

/** The dashboard after a poll answered by this test's routes. */
async function dashboard(openPage: (path: string) => Promise<Page>, refresh: () => Promise<unknown>): Promise<Page> {
  await refresh();
  const page = await openPage('options.html');
  await expect(page.locator('[data-provider="openai"]')).toHaveAttribute('data-status', 'operational');
  return page;
}

/** Answers the Statuspage test page with a real Statuspage capture (Claude's page, all operational). */
function answerStatuspage(status: StatusMock): void {
  status.set(`custom:${STATUSPAGE}`, '/api/v2/summary.json', { json: fixtureJson('anthropic/summary-all-operational-2026-09-22.json') });
}

/** Answers the Better Stack test page with a real Better Stack capture (Better Stack's own page). */
function answerBetterStack(status: StatusMock): void {
  status.set(`custom:${BETTERSTACK}`, '/index.json', { json: fixtureJson('betterstack/betterstack-own-index-operational-resolved-reports-trimmed-2026-09-07.json') });
}

/** Types a URL into "Status page URL" and presses "Preview". */
async function preview(page: Page, url: string): Promise<void> {
  await page.getByLabel('Status page URL').fill(url);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
}

/** Adds the page at `url` through Preview → Add service and waits for its panel. */
async function addPage(page: Page, url: string, id: string): Promise<void> {
  await preview(page, url);
  await expect(page.locator('.services__preview')).toBeVisible();
  await page.getByRole('button', { name: 'Add service' }).click();
  await expect(page.locator(`[data-provider="${id}"]`)).toBeVisible();
}

test('turning Hugging Face on from the Services group shows its panel and puts it in the badge', async ({ openPage, status, storage, badge, refresh }) => {
  const page = await dashboard(openPage, refresh);
  const checkbox = page.getByRole('group', { name: 'Services', exact: true }).getByRole('checkbox', { name: /^Hugging Face\b/ });
  await expect(checkbox).not.toBeChecked();
  await checkbox.click();
  await expect(checkbox).toBeChecked();
  // Answered from the real capture (aggregate_state operational, 8 resources).
  const panel = page.locator('[data-provider="huggingface"]');
  await expect(panel).toHaveAttribute('data-status', 'operational');
  await expect(panel).toContainText('Hugging Face');
  // Its resources are its components (healthy ones folded).
  await expect(panel.locator('[data-component-id]')).not.toHaveCount(0);
  expect(status.seen('huggingface', '/index.json').length).toBeGreaterThanOrEqual(1);
  expect((await settingsOf(storage)).services).toContain('huggingface');
  await expect.poll(async () => (await badge()).title).toMatch(/^Hugging Face: Operational\b/m);
});

test('a Statuspage page and a Better Stack page added by URL: preview, then their panels', async ({ openPage, status, storage, badge, refresh }) => {
  answerStatuspage(status);
  answerBetterStack(status);
  const page = await dashboard(openPage, refresh);

  // Statuspage: found at the first probe.
  await preview(page, `https://${STATUSPAGE}/incidents/123`);
  const found = page.locator('.services__preview');
  await expect(found).toHaveAttribute('data-preview-platform', 'statuspage');
  await expect(found).toHaveAttribute('data-status', 'operational');
  await expect(found).toContainText('Claude');
  await expect(found).toContainText('Operational');
  await page.getByRole('button', { name: 'Add service' }).click();
  const sp = page.locator(`[data-provider="custom:${STATUSPAGE}"]`);
  await expect(sp).toHaveAttribute('data-status', 'operational');
  await expect(page.getByRole('button', { name: 'Remove Claude' })).toBeVisible();

  // Better Stack: the Statuspage and incident.io probes answer 404, /index.json matches.
  await preview(page, `https://${BETTERSTACK}`);
  await expect(found).toHaveAttribute('data-preview-platform', 'betterstack');
  await expect(found).toContainText('Better Stack');
  await expect(found).toHaveAttribute('data-status', 'operational');
  await page.getByRole('button', { name: 'Add service' }).click();
  await expect(page.locator(`[data-provider="custom:${BETTERSTACK}"]`)).toHaveAttribute('data-status', 'operational');
  expect(status.seen(`custom:${BETTERSTACK}`, '/api/v2/summary.json').length).toBeGreaterThanOrEqual(1);

  const settings = await settingsOf(storage);
  expect(settings.custom.map((c) => [c.id, c.platform, c.pageUrl])).toEqual([
    [`custom:${STATUSPAGE}`, 'statuspage', `https://${STATUSPAGE}`],
    [`custom:${BETTERSTACK}`, 'betterstack', `https://${BETTERSTACK}`],
  ]);
  expect(settings.services).toEqual(expect.arrayContaining([`custom:${STATUSPAGE}`, `custom:${BETTERSTACK}`]));
  // The badge covers them: the name each page gives itself.
  await expect.poll(async () => (await badge()).title).toMatch(/^Better Stack: Operational\b/m);
});

/** Previews each input and checks its message, that nothing is offered and that nothing is stored. */
async function expectRefused(page: Page, storage: Parameters<typeof settingsOf>[0], cases: [input: string, message: string][]): Promise<void> {
  const before = await settingsOf(storage);
  const alert = page.locator('.services__add [role="alert"]');
  for (const [input, message] of cases) {
    await preview(page, input);
    await expect(alert, input).toHaveText(message);
    await expect(page.locator('.services__preview'), input).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add service' }), input).toHaveCount(0);
    expect(await settingsOf(storage), input).toEqual(before);
  }
}

test('bad input: pages that are no status page, on an unknown platform or unreachable show their message and store nothing', async ({ openPage, status, storage, refresh }) => {
  // An ordinary web page: every probe 404s, the page itself says nothing about status.
  status.set(`custom:${TEST_PAGES.blog}`, '/', {
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html><head><title>Tea notes</title></head><body><h1>Tea notes</h1><p>Brewing green tea at 80 °C.</p></body></html>',
  });
  // A real Statuspage page's HTML (Balena, 2021) whose APIs answer 404: a status page, but no API AI Status reads.
  status.set(`custom:${TEST_PAGES.unsupported}`, '/', { contentType: 'text/html; charset=utf-8', body: fixture('statuspage-html/page-5b4dcn321xtp-2021.html') });
  // Every connection to this host fails.
  for (const path of ['/', '/api/v2/summary.json', `/proxy/${TEST_PAGES.down}`, '/index.json', '/summary.json']) {
    status.set(`custom:${TEST_PAGES.down}`, path, { abort: 'connectionrefused' });
  }
  const page = await dashboard(openPage, refresh);
  await expectRefused(page, storage, [
    [`https://${TEST_PAGES.blog}`, 'That page is not a status page.'],
    [`https://${TEST_PAGES.unsupported}`, 'This status page runs on a platform AI Status cannot read yet.'],
    [`https://${TEST_PAGES.down}`, 'The page could not be reached. Check the address or try again later.'],
  ]);
  // Each was probed (the detector really ran), and none became a panel.
  for (const host of [TEST_PAGES.blog, TEST_PAGES.unsupported, TEST_PAGES.down]) {
    expect(status.seen(`custom:${host}`, '/api/v2/summary.json').length, host).toBeGreaterThanOrEqual(1);
  }
  expect(status.seen(`custom:${TEST_PAGES.unsupported}`, '/').length).toBeGreaterThanOrEqual(1);
  await expect(page.locator('[data-provider^="custom:"]')).toHaveCount(0);
  expect((await settingsOf(storage)).custom).toEqual([]);
});

test('bad input: not https, not an address, a page already added show their message and store nothing', async ({ openPage, status, storage, refresh }) => {
  answerStatuspage(status);
  const page = await dashboard(openPage, refresh);
  await addPage(page, `https://${STATUSPAGE}`, `custom:${STATUSPAGE}`);
  expect((await settingsOf(storage)).custom).toHaveLength(1);
  await expectRefused(page, storage, [
    [`http://${STATUSPAGE.replace('example-ai', 'example-new')}`, 'Only https status pages can be added.'],
    ['https://not a url', 'That is not a valid web address.'],
    [`https://${STATUSPAGE}`, 'That page is already in your services.'],
    [`https://${STATUSPAGE}/history`, 'That page is already in your services.'],
    ['https://status.claude.com', 'That page is already in your services.'],
    // A built-in service that is off: the user is sent to its checkbox instead.
    ['https://status.huggingface.co', 'That page is Hugging Face in the list above: turn it on there.'],
  ]);
  await expect(page.locator('[data-provider^="custom:"]')).toHaveCount(1);
});

// A scheme-less address is read as https (lib/providers/page-url.ts); the browser's own URL check
// does not get in the way (the form is noValidate).
test('an address typed without https:// is read as https', async ({ openPage, status, refresh }) => {
  answerBetterStack(status);
  const page = await dashboard(openPage, refresh);
  await page.getByLabel('Status page URL').fill(BETTERSTACK);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.locator('.services__preview')).toHaveAttribute('data-preview-platform', 'betterstack', { timeout: 10_000 });
});

// "Permission refused" cannot be driven here: for a host the e2e build does not hold
// (TEST_PAGES.denied), Chrome opens its permission prompt, which no test can answer — in headless
// Chromium `permissions.request` then never settles. The refused path (message
// "Access to that site was not granted, so nothing was added.", nothing stored, and the same for a
// catalog checkbox) belongs to the unit tests of createServiceActions (lib/ui/services.ts) with a
// `permissions.request` that resolves false (tests/unit/fake-ports.ts).
test.skip('permission refused shows its message and stores nothing (prompt path: unit tests)', () => {});

test('removing an added page removes its panel and settings and releases its host permission', async ({ openPage, status, storage, badge, refresh }) => {
  answerStatuspage(status);
  const page = await dashboard(openPage, refresh);
  await addPage(page, `https://${STATUSPAGE}`, `custom:${STATUSPAGE}`);
  const id = `custom:${STATUSPAGE}`;
  expect((await settingsOf(storage)).custom.map((c) => c.id)).toEqual([id]);

  // Record what the extension asks Chrome to release (the page calls the API through the polyfill,
  // which looks the method up on `chrome.permissions` at each call).
  await page.evaluate(() => {
    const w = window as unknown as { __released: unknown[]; browser?: WithPermissions };
    w.__released = [];
    const apis = [(chrome as unknown as WithPermissions).permissions, w.browser?.permissions].filter((a): a is PermissionsApi => a !== undefined);
    for (const api of new Set(apis)) {
      const original = api.remove;
      api.remove = function (this: unknown, ...args: unknown[]) {
        w.__released.push(args[0]);
        return (original as (...a: unknown[]) => Promise<boolean>).apply(this, args);
      };
    }
  });
  await page.getByRole('button', { name: 'Remove Claude' }).click();

  await expect(page.locator(`[data-provider="${id}"]`)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove Claude' })).toHaveCount(0);
  await expect.poll(async () => (await settingsOf(storage)).custom).toEqual([]);
  expect((await settingsOf(storage)).services).not.toContain(id);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __released: unknown[] }).__released)).toEqual([{ origins: [`https://${STATUSPAGE}/*`] }]);
  // In this build the origin is required (granted at install), so Chrome keeps it; in the product
  // it is optional and the same call drops it.
  expect(await page.evaluate(() => (chrome as unknown as WithPermissions).permissions.contains({ origins: ['https://status.example-ai.test/*'] }))).toBe(true);
  // The real Claude panel is untouched, and the badge no longer lists the page.
  await expect(page.locator('[data-provider="anthropic"]')).toHaveAttribute('data-status', 'operational');
  await expect.poll(async () => (await badge()).title.split('\n').filter((l) => l.startsWith('Claude:'))).toHaveLength(1);
});

// It withholds a host through chrome://extensions, which outlives a reset: a browser of its own.
test('access revoked outside the extension: "No access — Grant", never green', { tag: OWN_BROWSER }, async ({ context, extensionId, openPage, refresh, badge, worker }) => {
  const page = await dashboard(openPage, refresh);
  await page.getByRole('group', { name: 'Services', exact: true }).getByRole('checkbox', { name: /^Hugging Face\b/ }).click();
  const panel = page.locator('[data-provider="huggingface"]');
  await expect(panel).toHaveAttribute('data-status', 'operational');

  // Revoke it the way a Chrome user does: the extension's "Site access" on chrome://extensions
  // (its own API, developerPrivate). In this build the origin is required, which
  // `chrome.permissions.remove` refuses to drop; Chrome's site access withholds it anyway.
  const origin = 'https://status.huggingface.co/*';
  expect(await page.evaluate((o) => (chrome as unknown as WithPermissions).permissions.remove({ origins: [o] }).then(String, (e: Error) => e.message), origin)).toMatch(/required/);
  const settingsPage = await context.newPage();
  await settingsPage.goto('chrome://extensions');
  await settingsPage.evaluate(
    ([id, o]) => (chrome as unknown as { developerPrivate: { removeHostPermission(id: string, host: string): Promise<void> } }).developerPrivate.removeHostPermission(id, o),
    [extensionId, origin] as const,
  );
  await settingsPage.close();
  expect(await worker.evaluate((o) => (chrome as unknown as WithPermissions).permissions.contains({ origins: [o] }), origin)).toBe(false);

  await refresh();
  await expect(panel).toHaveAttribute('data-status', 'unknown');
  await expect(panel.locator('[data-error-kind="no-access"]')).toContainText('No access — the browser does not let AI Status read status.huggingface.co.');
  await expect(panel.getByRole('button', { name: 'Grant' })).toBeVisible();
  // Its last good data is never shown as green, and the others are unaffected.
  await expect(panel.locator('.panel__header .status')).toHaveText(/Unknown/);
  await expect(panel.locator('.panel__header .status--operational')).toHaveCount(0);
  await expect(page.locator('[data-provider="anthropic"]')).toHaveAttribute('data-status', 'operational');
  await expect.poll(async () => (await badge()).title).toMatch(/^Hugging Face: Unknown\b/m);
  expect((await badge()).color).not.toBe('#22c55e');
  // A later poll keeps it so.
  await refresh();
  await expect(panel).toHaveAttribute('data-status', 'unknown');
});
