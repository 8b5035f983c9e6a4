/**
 * Issue #4: history, uptime and notifications — timeline and bars from recorded captures,
 * notifications only on confirmed transitions, starred components driving the badge.
 */
import { cursorSummary, expect, fixtureJson, shiftedFixture, test } from './fixture';

/** The default answer for Claude's incidents.json (tests/support/status-answers.ts): this capture, moved to an hour ago. */
const CLAUDE_INCIDENTS = 'anthropic/incidents-50-resolved-incl-critical-2026-09-15.json';
const CLAUDE_CAPTURED_AT = '2026-09-15T12:22:10Z';

test('timeline and uptime bars render from the real captures', async ({ openPage, refresh }) => {
  // The default answers serve both real captures, moved to "an hour ago" (see the fixture).
  await refresh();
  const dash = await openPage('options.html');
  const claude = dash.locator('[data-provider="anthropic"]');
  // Claude publishes no uptime figures: computed from its incidents.json (50 incidents over about
  // 56 days). The list covers the UTC days from its oldest incident's start to today: 55 or 56
  // depending on the time of day the capture is moved to, so it is counted here from the capture.
  const claudeStrip = claude.locator('.history > [data-uptime-source]');
  await expect(claudeStrip).toHaveAttribute('data-uptime-source', 'incidents');
  const capture = shiftedFixture(CLAUDE_INCIDENTS, CLAUDE_CAPTURED_AT, 3_600_000) as { incidents: { started_at: string | null; created_at: string }[] };
  const utcDay = (ms: number) => Math.floor(ms / 86_400_000);
  const oldest = Math.min(...capture.incidents.map((i) => Date.parse(i.started_at ?? i.created_at)));
  const covered = utcDay(Date.now()) - utcDay(oldest) + 1;
  expect(covered).toBeGreaterThanOrEqual(55);
  expect(covered).toBeLessThanOrEqual(56);
  await expect(claudeStrip).toHaveAttribute('data-uptime-days', String(covered));
  // 90 days: a day with something to tell is a bar of its own, consecutive plain days one bar (data-days).
  expect(await claudeStrip.locator('.uptime__bar').evaluateAll((bars) => bars.reduce((n, b) => n + Number(b.getAttribute('data-days')), 0))).toBe(90);
  await expect(claudeStrip.locator('.uptime__bar--outage').first()).toBeVisible();
  // The two critical incidents of the capture are in the timeline with a link to the provider's page.
  for (const id of ['qt14v73myyy5', 'q2kg8n613kr3']) {
    const entry = claude.locator(`.timeline [data-incident-id="${id}"]`);
    await expect(entry).toHaveCount(1);
    await expect(entry.locator('a')).toHaveAttribute('href', `https://status.claude.com/incidents/${id}`);
  }
  await expect(claude.locator('.timeline [data-incident-id]')).toHaveCount(50);
  // OpenAI: the official incident.io figures.
  const openaiStrip = dash.locator('[data-provider="openai"] .history > [data-uptime-source]');
  await expect(openaiStrip).toHaveAttribute('data-uptime-source', 'official');
  await expect(openaiStrip).toHaveAttribute('data-uptime-days', '90');
  await expect(openaiStrip).toContainText('90 d: 99.9');
  // A bar's tooltip names the day's incidents.
  const titled = claudeStrip.locator('.uptime__bar--outage').first();
  expect(await titled.getAttribute('title')).toMatch(/Outage/);
  // The popup shows the count and the most recent one.
  const popup = await openPage('popup.html', { width: 460, height: 600 });
  await expect(popup.locator('[data-provider="anthropic"] .history-summary')).toHaveAttribute('data-history-count', '50');
  await expect(popup.locator('[data-provider="anthropic"] .history-summary')).toContainText('Incidents in 90 days: 50');
  await dash.screenshot({ path: 'test-results/shots/dashboard-history.png', fullPage: true });
});

test('incidents.json is read at most every 10 minutes, and again when the active set changes', async ({ refresh, status }) => {
  await refresh();
  await refresh();
  expect(status.seen('anthropic', '/api/v2/incidents.json')).toHaveLength(1);
  status.summary('anthropic', { json: fixtureJson('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json') });
  await refresh();
  await expect.poll(() => status.seen('anthropic', '/api/v2/incidents.json').length).toBe(2);
  await refresh();
  expect(status.seen('anthropic', '/api/v2/incidents.json')).toHaveLength(2);
  // OpenAI's 404-HTML endpoints are never asked for.
  expect(status.seen('openai', '/api/v2/incidents/unresolved.json')).toHaveLength(0);
  expect(status.seen('openai', '/api/v2/scheduled-maintenances.json')).toHaveLength(0);
});

async function notifications(worker: import('@playwright/test').Worker) {
  return worker.evaluate(() => chrome.notifications.getAll());
}

test('a degradation confirmed over two polls notifies once; recovery once; a fetch error never', async ({ refresh, status, worker, openPage }) => {
  // Baseline (first run in this browser session): nothing.
  await refresh();
  expect(await notifications(worker)).toEqual({});
  const page = await openPage('options.html');
  await page.getByLabel('Notify from').selectOption('degraded');
  // A fetch error: nothing.
  status.summary('cursor', { status: 500, body: 'down' });
  await refresh();
  await refresh();
  expect(await notifications(worker)).toEqual({});
  // Degraded seen once: pending, nothing yet.
  status.summary('cursor', { json: cursorSummary({ indicator: 'minor', statuses: { IDE: 'partial_outage' } }) });
  await refresh();
  expect(await notifications(worker)).toEqual({});
  // Seen again: confirmed → exactly one notification, with the provider's stable id.
  await refresh();
  await expect.poll(() => notifications(worker)).toEqual({ 'ai-status-cursor': true });
  // Still degraded: no second one.
  await worker.evaluate(() => (chrome as unknown as { notifications: { clear(id: string): Promise<boolean> } }).notifications.clear('ai-status-cursor'));
  await refresh();
  expect(await notifications(worker)).toEqual({});
  // Recovery: one poll is enough.
  status.summary('cursor', { json: cursorSummary() });
  await refresh();
  await expect.poll(() => notifications(worker)).toEqual({ 'ai-status-cursor': true });
});

test('a one-poll flap notifies nothing', async ({ refresh, status, worker }) => {
  await refresh();
  status.summary('anthropic', { json: fixtureJson('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json') });
  await refresh();
  status.summary('anthropic', { json: fixtureJson('anthropic/summary-all-operational-2026-09-22.json') });
  await refresh();
  await refresh();
  expect(await notifications(worker)).toEqual({});
});

test('starring a component makes the badge follow only the starred components', async ({ openPage, refresh, status, badge }) => {
  status.summary('anthropic', { json: fixtureJson('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json') });
  await refresh();
  expect(await badge()).toMatchObject({ color: '#f59e0b', text: '1' });
  const dash = await openPage('options.html');
  const claude = dash.locator('[data-provider="anthropic"]');
  // Star Claude Console, which is operational: the badge turns green. (Star buttons keep their
  // name "Star …"; aria-pressed says whether the part is starred.)
  await claude.locator('details.components__ok summary').first().click();
  await claude.getByRole('button', { name: /^Star Claude Console/ }).click();
  await expect(claude.getByRole('button', { name: /^Star Claude Console/ })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(badge).toMatchObject({ color: '#22c55e', text: '' });
  // The panel still states Claude's own level and shows every row; while the starred part is fine
  // nothing is dimmed (the outage elsewhere stays in plain sight).
  await expect(claude).toHaveAttribute('data-status', 'degraded');
  const claudeAi = claude.locator('li.component[data-component-id="rwppv331jlwc"]');
  const claudeApi = claude.locator('li.component[data-component-id="k8w3r06qmzrp"]');
  await expect(claudeAi).not.toHaveClass(/component--dim/);
  // Star claude.ai too (degraded): the badge follows it, and now the unstarred rows are dimmed.
  await claude.getByRole('button', { name: /^Star claude\.ai/ }).click();
  await expect.poll(badge).toMatchObject({ color: '#f59e0b', text: '1' });
  await expect(claudeAi).not.toHaveClass(/component--dim/);
  await expect(claudeApi).toHaveClass(/component--dim/);
  await dash.reload();
  await expect(dash.locator('[data-provider="anthropic"]').getByRole('button', { name: /^Star claude\.ai/ })).toHaveAttribute('aria-pressed', 'true');
});
