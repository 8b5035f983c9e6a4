/**
 * Pictures of what users see, saved to test-results/shots/ (the current ones are copied to docs/).
 * Each also asserts the layout it pictures, so a broken layout fails here.
 */
import { cursorSummary, E2E_EXTENSION_PATH, expect, fixtureJson, shiftedFixture, test, type StatusMock } from './fixture';

function outageState(status: StatusMock) {
  // Real captures, moved so that they were taken minutes ago (the pictures show "now", not 2026-09).
  status.summary('anthropic', { json: shiftedFixture('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json', '2026-09-22T00:57:26.262Z', 12 * 60_000) });
  status.summary('openai', { json: shiftedFixture('openai/summary-incidentio-compat-minor-2-incidents-2026-09-29.json', '2026-09-29T18:29:41Z', 25 * 60_000) });
  status.summary('cursor', {
    json: cursorSummary({
      indicator: 'major',
      description: 'Major System Outage',
      statuses: { IDE: 'major_outage', 'Cloud Agents': 'partial_outage' },
      incidents: [
        {
          id: 'synthcur0001',
          name: 'IDE fails to connect to AI features',
          status: 'identified',
          impact: 'major',
          created_at: new Date(Date.now() - 47 * 60_000).toISOString(),
          started_at: new Date(Date.now() - 47 * 60_000).toISOString(),
          updated_at: new Date(Date.now() - 5 * 60_000).toISOString(),
          shortlink: 'https://stspg.io/synth',
          components: [{ id: 'cur000000005', name: 'IDE' }],
          incident_updates: [
            {
              status: 'identified',
              body: 'We have identified the cause of connection failures in the IDE and are rolling out a fix.',
              display_at: new Date(Date.now() - 5 * 60_000).toISOString(),
              affected_components: [{ code: 'cur000000005', name: 'IDE', new_status: 'major_outage' }],
            },
          ],
        },
      ],
    }),
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`popup and dashboard, ${scheme}`, async ({ openPage, refresh, status }) => {
    outageState(status);
    await refresh();
    const popup = await openPage('popup.html', { width: 460, height: 600, colorScheme: scheme });
    await expect(popup.locator('[data-provider="cursor"]')).toHaveAttribute('data-status', 'outage');
    await popup.screenshot({ path: `test-results/shots/popup-outage-${scheme}.png`, fullPage: true });
    const dash = await openPage('options.html', { width: 1400, height: 1000, colorScheme: scheme });
    await expect(dash.locator('[data-provider="cursor"]')).toHaveAttribute('data-status', 'outage');
    // Wide screens: three columns side by side.
    const boxes = await Promise.all(['openai', 'anthropic', 'cursor'].map((id) => dash.locator(`[data-provider="${id}"]`).boundingBox()));
    expect(boxes[0]!.y).toBeCloseTo(boxes[1]!.y, 0);
    expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width - 1);
    await dash.screenshot({ path: `test-results/shots/dashboard-outage-${scheme}.png`, fullPage: true });
  });
}

test('all operational popup and dashboard', async ({ openPage, refresh }) => {
  await refresh();
  const popup = await openPage('popup.html', { width: 460, height: 600 });
  await expect(popup.locator('[data-provider="openai"]')).toHaveAttribute('data-status', 'operational');
  await popup.screenshot({ path: 'test-results/shots/popup-operational-light.png', fullPage: true });
  const dash = await openPage('options.html', { width: 1400, height: 900 });
  await expect(dash.locator('[data-provider="openai"]')).toHaveAttribute('data-status', 'operational');
  await dash.screenshot({ path: 'test-results/shots/dashboard-operational-light.png', fullPage: true });
});

test('dashboard at 360 px stacks the panels without horizontal scroll', async ({ openPage, refresh, status }) => {
  outageState(status);
  await refresh();
  const dash = await openPage('options.html', { width: 360, height: 800 });
  await expect(dash.locator('[data-provider="cursor"]')).toHaveAttribute('data-status', 'outage');
  const boxes = await Promise.all(['openai', 'anthropic', 'cursor'].map((id) => dash.locator(`[data-provider="${id}"]`).boundingBox()));
  expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height - 1);
  for (const b of boxes) expect(b!.x + b!.width).toBeLessThanOrEqual(360);
  expect(await dash.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await dash.screenshot({ path: 'test-results/shots/dashboard-360.png', fullPage: true });
});

test.describe('Korean', () => {
  test.use({ uiLocale: 'ko' });
  test('popup and dashboard in Korean', async ({ openPage, refresh, status }) => {
    outageState(status);
    await refresh();
    const popup = await openPage('popup.html', { width: 460, height: 600 });
    await expect(popup.getByRole('button', { name: '지금 새로고침' })).toBeVisible();
    await expect(popup.locator('[data-provider="cursor"]')).toContainText('장애');
    await popup.screenshot({ path: 'test-results/shots/popup-ko.png', fullPage: true });
    const dash = await openPage('options.html', { width: 1400, height: 1000 });
    await expect(dash.getByLabel('새로고침 간격')).toBeVisible();
    await dash.screenshot({ path: 'test-results/shots/dashboard-ko.png', fullPage: true });
  });
});

test.describe('eight services', () => {
  // The services below are optional hosts: the test-only build, which holds them (services.spec.ts says why).
  test.use({ extensionDir: E2E_EXTENSION_PATH });
  test('popup rows and the dashboard grid with eight services', async ({ openPage, refresh, status }) => {
    test.setTimeout(120_000);
    outageState(status);
    status.set('groq', '/proxy/groqstatus.com', { json: fixtureJson('incidentio/groq-proxy-summary-all-operational-stale-2025-maintenance.json') });
    status.set('perplexity', '/proxy/status.perplexity.com', { json: fixtureJson('incidentio/perplexity-proxy-summary-all-operational-2026-10-06.json') });
    status.set('gemini', '/appsstatus/dashboard/incidents.json', { json: fixtureJson('google/synthetic-workspace-incidents-gemini-open-outage.json') });
    const services = ['openai', 'anthropic', 'cursor', 'huggingface', 'groq', 'perplexity', 'gemini', 'together'];
    const dash = await openPage('options.html', { width: 1400, height: 1000 });
    // Saved the way the dashboard saves: the background is the only writer.
    await dash.evaluate(async (ids) => {
      const current = ((await chrome.storage.local.get(['settings'])).settings ?? {}) as Record<string, unknown>;
      await chrome.runtime.sendMessage({ type: 'save-settings', settings: { ...current, services: ids } });
    }, services);
    await refresh();
    for (const id of services) await expect(dash.locator(`[data-provider="${id}"]`)).not.toHaveAttribute('data-status', 'unknown');
    await expect(dash.locator('[data-provider="gemini"]')).toHaveAttribute('data-status', 'outage');
    await dash.screenshot({ path: 'test-results/shots/dashboard-8-services.png', fullPage: true });
    const popup = await openPage('popup.html', { width: 460, height: 600 });
    // More than three: troubled services as panels first, healthy ones as one-line rows.
    await expect(popup.locator('.popup-row')).not.toHaveCount(0);
    await expect(popup.locator('.panel[data-provider]').first()).toHaveAttribute('data-status', /outage|degraded/);
    await popup.screenshot({ path: 'test-results/shots/popup-8-services.png', fullPage: true });
  });
});
