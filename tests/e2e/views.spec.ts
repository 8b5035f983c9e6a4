/**
 * Issue #3: the popup and dashboard users keep open — live updates, lanes, hostile text,
 * keyboard, accessibility, copy, title and favicon.
 */
import AxeBuilder from '@axe-core/playwright';
import { cursorSummary, expect, fixtureJson, test } from './fixture';

const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Hostile title';
const HOSTILE_BODY = '<script>window.__pwned=2</script> and <b onmouseover="window.__pwned=3">bold</b>';

function hostileSummary() {
  const base = fixtureJson<Record<string, unknown>>('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json');
  const incident = (base.incidents as Record<string, unknown>[])[0]!;
  const updates = incident.incident_updates as Record<string, unknown>[];
  return {
    ...base,
    incidents: [{ ...incident, name: HOSTILE_TITLE, incident_updates: [{ ...updates[0], body: HOSTILE_BODY }] }],
  };
}

test('the popup updates live from storage, without a reload', async ({ openPage, refresh, status, worker }) => {
  await refresh();
  const page = await openPage('popup.html', { width: 460, height: 600 });
  await expect(page.locator('[data-provider="anthropic"]')).toHaveAttribute('data-status', 'operational');
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  // 1) A poll writes new data → the open view changes.
  status.summary('anthropic', { json: fixtureJson('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json') });
  await refresh();
  await expect(page.locator('[data-provider="anthropic"]')).toHaveAttribute('data-status', 'degraded');
  // 2) A direct storage change (what any writer does) → the open view changes.
  await worker.evaluate(async () => {
    const { snapshots } = (await chrome.storage.local.get(['snapshots'])) as { snapshots: Record<string, { level: string }> };
    snapshots.cursor!.level = 'maintenance';
    await chrome.storage.local.set({ snapshots });
  });
  await expect(page.locator('[data-provider="cursor"]')).toHaveAttribute('data-status', 'maintenance');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('before the first poll answers, panels say "Checking…" and are never green', async ({ openPage, worker, refresh }) => {
  await worker.evaluate(async () => {
    await chrome.storage.local.set({ snapshots: {} });
    await chrome.storage.session.set({ health: {} });
  });
  const page = await openPage('popup.html', { width: 460, height: 600 });
  for (const id of ['openai', 'anthropic', 'cursor']) {
    const panel = page.locator(`[data-provider="${id}"]`);
    await expect(panel).toHaveAttribute('data-status', 'unknown');
    await expect(panel).toContainText('Checking…');
  }
  await expect(page.locator('[data-status="operational"]')).toHaveCount(0);
  await refresh();
  await expect(page.locator('[data-provider="openai"]')).toHaveAttribute('data-status', 'operational');
});

test('hostile incident text is shown literally and never runs', async ({ openPage, refresh, status }) => {
  status.summary('anthropic', { json: hostileSummary() });
  await refresh();
  for (const path of ['popup.html', 'options.html']) {
    const page = await openPage(path);
    const incident = page.locator('[data-incident-id="7g1qpkyz5gxh"]');
    await expect(incident.locator('.incident__title')).toHaveText(HOSTILE_TITLE);
    await expect(incident.locator('.incident__update')).toContainText('<script>window.__pwned=2</script>');
    await expect(incident.locator('img, script, b')).toHaveCount(0);
    await page.locator('.incident__update').first().hover();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }
});

test('lane footer: background by default, live at 5 s with ticks only while visible', async ({ openPage, status, worker }) => {
  test.setTimeout(120_000);
  // No other view is open in this test: only this dashboard may tick.
  const page = await openPage('options.html');
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.locator('[data-provider="openai"]')).toHaveAttribute('data-status', 'operational');
  await expect(page.locator('.lane')).toHaveText(/Background · every 1 minute/);
  await page.getByLabel('Refresh interval').selectOption('5');
  await expect(page.locator('.lane')).toHaveAttribute('data-lane', 'live');
  await expect(page.locator('.lane')).toHaveText(/Live · checked/);
  // Visible dashboard at 5 s → the worker is ticked and polls about every 5 s.
  const start = Date.now();
  await expect.poll(() => status.seen('openai', '/api/v2/summary.json', start).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  // Hidden → no ticks.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(500);
  const hiddenFrom = Date.now();
  await page.waitForTimeout(7_000);
  // Only the 30 s background alarm may poll while hidden; none is due in these 7 s.
  expect(status.seen('openai', '/api/v2/summary.json', hiddenFrom).length).toBe(0);
  expect(await worker.evaluate(async () => (await chrome.alarms.get('poll'))?.periodInMinutes)).toBe(0.5);
});

test('keyboard: Tab reaches "Refresh now" with a visible focus ring and Enter polls', async ({ openPage, refresh, status }) => {
  await refresh();
  const page = await openPage('popup.html', { width: 460, height: 600 });
  await expect(page.locator('[data-provider="openai"]')).toHaveAttribute('data-status', 'operational');
  const before = status.seen('cursor', '/api/v2/summary.json').length;
  await page.keyboard.press('Tab');
  const button = page.getByRole('button', { name: 'Refresh now' });
  await expect(button).toBeFocused();
  const outline = await button.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect.poll(() => status.seen('cursor', '/api/v2/summary.json').length).toBe(before + 1);
});

test('"Copy status" copies a Markdown summary of all three providers', async ({ openPage, refresh, status }) => {
  status.summary('cursor', { json: cursorSummary({ indicator: 'major', description: 'Major System Outage', statuses: { IDE: 'major_outage' } }) });
  await refresh();
  const page = await openPage('popup.html', { width: 460, height: 600 });
  await page.bringToFront();
  await expect(page.locator('[data-provider="cursor"]')).toHaveAttribute('data-status', 'outage');
  // Observe what reaches the real clipboard API (it still runs: "Copied" only shows if it succeeded).
  await page.evaluate(() => {
    const real = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = async (text: string) => {
      (window as unknown as { __copied: string }).__copied = text;
      return real(text);
    };
  });
  await page.getByRole('button', { name: 'Copy status' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  const text = await page.evaluate(() => (window as unknown as { __copied: string }).__copied);
  expect(text).toContain('**AI Status**');
  expect(text).toMatch(/- \*\*ChatGPT\*\*: Operational/);
  expect(text).toMatch(/- \*\*Cursor\*\*: Outage — Major System Outage/);
  expect(text).toContain('IDE: Outage');
});

test('popup opens the dashboard, whose tab title and favicon follow the worst state', async ({ context, openPage, refresh, status }) => {
  status.summary('cursor', { json: cursorSummary({ indicator: 'major', statuses: { IDE: 'major_outage' } }) });
  await refresh();
  const popup = await openPage('popup.html', { width: 460, height: 600 });
  const [dash] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: 'Open dashboard' }).click()]);
  await expect(dash).toHaveURL(/options\.html/);
  await expect(dash).toHaveTitle('AI Status — Outage — Cursor'); // the worst level, and who has it
  await expect(dash.locator('#favicon')).toHaveAttribute('href', /ef4444/);
  status.summary('cursor', { json: cursorSummary() });
  await refresh();
  await expect(dash).toHaveTitle('AI Status — Operational');
  await expect(dash.locator('#favicon')).toHaveAttribute('href', /22c55e/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`accessibility scan (${colorScheme}): no serious or critical violations`, async ({ openPage, refresh, status }) => {
    status.summary('anthropic', { json: fixtureJson('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json') });
    status.summary('cursor', { status: 500, body: 'down' });
    await refresh();
    for (const path of ['popup.html', 'options.html']) {
      const page = await openPage(path, { width: path === 'popup.html' ? 420 : 1280, height: 800, colorScheme });
      await expect(page.locator('[data-provider="anthropic"]')).toHaveAttribute('data-status', 'degraded');
      await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      // Every rule in the light theme; the dark theme changes colours only, so it is scanned for
      // the rules that depend on them (the structure, names and roles are the same DOM).
      const axe = new AxeBuilder({ page });
      const results = await (colorScheme === 'dark' ? axe.withRules(['color-contrast', 'link-in-text-block']) : axe).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    }
  });
}
