/**
 * Issue #9: what the extension says is true — an unrecognised state is never green, starring only
 * healthy parts never hides a provider's outage, and "Notify me when it's back" survives a browser
 * restart. The product build (.output/chrome-mv3), shared browser reset before each test.
 */
import { cursorSummary, expect, fixtureJson, stopServiceWorker, test } from './fixture';

/** The extension APIs these tests call beyond tests/e2e/globals.d.ts. */
type MoreChrome = {
  storage: { session: { clear(): Promise<void> } };
  notifications: { clear(id: string): Promise<boolean> };
};
type StoredSettings = { notifications: { whenBack: Record<string, boolean> } } | undefined;

// Several extension pages per test: room for a busy machine.
test.describe.configure({ timeout: 120_000 });

/** Grey (unknown) or worse: never green, never maintenance blue. */
const NOT_GREEN = ['#6b7280', '#f59e0b', '#ef4444'];

/** The line of the badge tooltip about one service. */
const line = (title: string, name: string) => title.split('\n').find((l) => l.startsWith(`${name}:`)) ?? '';

test('an unknown indicator and component status show Unknown with the page\'s own text, never green', async ({ openPage, refresh, status, badge }) => {
  // A Statuspage summary with indicator "catastrophic" and a component "melting".
  status.summary('cursor', { json: fixtureJson('synthetic/synthetic-summary-unknown-enums.json') });
  await refresh();
  for (const path of ['options.html', 'popup.html']) {
    const page = await openPage(path);
    const panel = page.locator('[data-provider="cursor"]');
    await expect(panel, path).toHaveAttribute('data-status', 'unknown');
    await expect(panel.locator('.panel__header .status'), path).toHaveText(/Unknown/);
    // The page's own words stay visible.
    await expect(panel.locator('.panel__description'), path).toHaveText('Catastrophic Failure');
    await expect(panel.locator('.panel__header .status--operational'), path).toHaveCount(0);
    // The component whose status is "melting" is Unknown too, with the page's own word.
    if (path === 'options.html') {
      const row = panel.locator('li[data-component-id]').filter({ hasText: 'Automations' });
      await expect(row).toHaveAttribute('data-status', 'unknown');
      await expect(row).toContainText('melting');
    }
    await page.close();
  }
  const b = await badge();
  expect(NOT_GREEN).toContain(b.color);
  expect(b.text).not.toBe('');
  expect(line(b.title, 'Cursor')).toMatch(/^Cursor: Unknown\b/);
});

test('starring only healthy parts during an outage leaves the outage in the panel, tooltip, header and title', async ({ openPage, refresh, status, badge }) => {
  status.summary('cursor', { json: cursorSummary({ indicator: 'major', description: 'Major System Outage', statuses: { IDE: 'major_outage' } }) });
  await refresh();
  const page = await openPage('options.html');
  const cursor = page.locator('[data-provider="cursor"]');
  await expect(cursor).toHaveAttribute('data-status', 'outage');
  // Star a part that is healthy: the badge may follow it (that is the feature)…
  await cursor.locator('details.components__ok summary').first().click(); // healthy rows are folded
  await cursor.getByRole('button', { name: /^Star Automations\b/ }).click();
  await expect(cursor.getByRole('button', { name: /^Star Automations\b/ })).toHaveAttribute('aria-pressed', 'true');
  // …but everything that summarizes Cursor still says Outage.
  await expect(cursor).toHaveAttribute('data-status', 'outage');
  await expect(cursor.locator('.panel__header .status')).toHaveText(/Outage/);
  await expect(page.locator('.dashboard__overall .status').first()).toHaveText(/Outage/);
  await expect(page).toHaveTitle(/Outage/);
  await expect.poll(async () => line((await badge()).title, 'Cursor')).toMatch(/^Cursor: Outage\b/);
  // The star is stored, so the badge really did get the filtered view.
  await expect.poll(async () => (await badge()).title).toMatch(/Cursor: Outage.*Operational/);
  // A reload reads the same from storage.
  await page.reload();
  await expect(page.locator('[data-provider="cursor"]')).toHaveAttribute('data-status', 'outage');
  await expect(page).toHaveTitle(/Outage/);
});

test('"Notify me when it\'s back" fires once after a recovery that happened while the browser was closed', async ({ context, extensionId, openPage, refresh, status, worker, storage }) => {
  test.slow(); // a worker stop and start, and two polls after it
  status.summary('anthropic', { json: fixtureJson('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json') });
  await refresh();
  const page = await openPage('options.html');
  const claude = page.locator('[data-provider="anthropic"]');
  await expect(claude).toHaveAttribute('data-status', 'degraded');
  const button = claude.getByRole('button', { name: "Notify me when it's back" });
  await button.click();
  await expect(claude.getByRole('button', { name: "You'll be notified when it's back" })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await storage<StoredSettings>('local', 'settings'))?.notifications.whenBack.anthropic).toBe(true);
  expect(await worker.evaluate(() => chrome.notifications.getAll())).toEqual({});

  // A browser restart: the worker stops and storage.session (the browser session's id, fetch
  // health, poll state) is gone; storage.local (settings, notification state) stays. Meanwhile
  // the page recovered.
  status.summary('anthropic', { json: fixtureJson('anthropic/summary-all-operational-2026-09-22.json') });
  await page.close();
  const keeper = await openPage('popup.html');
  const sessionId = () => chrome.storage.session.get(['browserSession']).then((s) => s.browserSession as number | undefined);
  const oldSession = await keeper.evaluate(sessionId);
  expect(oldSession).toEqual(expect.any(Number));
  await keeper.evaluate(() => (chrome as unknown as MoreChrome).storage.session.clear());
  await stopServiceWorker(context, keeper, extensionId);
  await keeper.close();

  // The first poll of the new session (a real restart polls from runtime.onStartup; here the
  // "refresh" message starts the new worker and its poll).
  await refresh();
  // The running worker (Playwright may keep the same Worker object across a stop and start).
  const current = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)).at(-1) ?? worker;
  // It is a new browser session for the extension.
  const newSession = await current.evaluate(sessionId);
  expect(newSession).toEqual(expect.any(Number));
  expect(newSession).not.toBe(oldSession);
  await expect.poll(() => current.evaluate(() => chrome.notifications.getAll()).then(Object.keys)).toEqual(['ai-status-anthropic']);
  // Done: the request switched itself off and the button is gone.
  await expect.poll(() => current.evaluate(async () => ((await chrome.storage.local.get(['settings'])).settings as StoredSettings)?.notifications.whenBack.anthropic)).toBe(false);
  const after = await openPage('options.html');
  await expect(after.locator('[data-provider="anthropic"]')).toHaveAttribute('data-status', 'operational');
  await expect(after.locator('[data-provider="anthropic"]').getByRole('button', { name: /when it's back/ })).toHaveCount(0);
  // Once: another poll sends nothing new.
  await current.evaluate(() => (chrome as unknown as MoreChrome).notifications.clear('ai-status-anthropic'));
  await refresh();
  expect(await current.evaluate(() => chrome.notifications.getAll())).toEqual({});
});
