/**
 * Issue #2: three status pages → one model → storage → badge, in the built extension, with the
 * status hosts answered from recorded fixtures.
 */
import { cursorSummary, expect, fixtureJson, test, type Reply } from './fixture';

const GREEN = '#22c55e';
const AMBER = '#f59e0b';
const RED = '#ef4444';
const BLUE = '#3b82f6';
const GRAY = '#6b7280';

test('all operational: three green panels, green badge without text, tooltip per provider', async ({ openPage, refresh, badge, status }) => {
  expect((await refresh()).result).toBe('polled');
  const page = await openPage('popup.html', { width: 460, height: 600 });
  for (const id of ['openai', 'anthropic', 'cursor']) {
    await expect(page.locator(`[data-provider="${id}"]`)).toHaveAttribute('data-status', 'operational');
  }
  await expect(page.locator('[data-provider="openai"] [data-component-id]')).toHaveCount(25);
  await expect(page.locator('[data-provider="anthropic"] [data-component-id]')).toHaveCount(6);
  await expect(page.locator('[data-provider="cursor"] [data-component-id]')).toHaveCount(8);
  const b = await badge();
  expect(b).toMatchObject({ color: GREEN, text: '' });
  expect(b.title).toMatch(/ChatGPT: Operational/);
  expect(b.title).toMatch(/Claude: Operational/);
  expect(b.title).toMatch(/Cursor: Operational/);
  // One request per provider per poll for the current state.
  expect(status.seen('openai', '/api/v2/summary.json').length).toBeGreaterThanOrEqual(1);
  expect(status.seen(undefined, '/api/v2/incidents/unresolved.json')).toHaveLength(0);
  expect(status.seen('openai', '/api/v2/scheduled-maintenances.json')).toHaveLength(0);
});

test('Claude degraded (real capture): page indicator minor, incident impact major → degraded', async ({ openPage, refresh, badge, status }) => {
  status.summary('anthropic', { json: fixtureJson('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json') });
  await refresh();
  const page = await openPage('popup.html', { width: 460, height: 600 });
  const panel = page.locator('[data-provider="anthropic"]');
  await expect(panel).toHaveAttribute('data-status', 'degraded');
  await expect(panel.locator('[data-component-id="rwppv331jlwc"]')).toHaveAttribute('data-status', 'degraded');
  await expect(panel.locator('[data-component-id="0qbwn08sd68x"]')).toHaveAttribute('data-status', 'operational');
  await expect(panel.locator('[data-incident-id="7g1qpkyz5gxh"]')).toContainText('Elevated errors for multiple models');
  await expect(page.locator('[data-provider="openai"]')).toHaveAttribute('data-status', 'operational');
  expect(await badge()).toMatchObject({ color: AMBER, text: '1' });
});

test('ChatGPT degraded (real incident.io capture with two incidents)', async ({ openPage, refresh, badge, status }) => {
  status.summary('openai', { json: fixtureJson('openai/summary-incidentio-compat-minor-2-incidents-2026-09-29.json') });
  await refresh();
  const page = await openPage('popup.html', { width: 460, height: 600 });
  const panel = page.locator('[data-provider="openai"]');
  await expect(panel).toHaveAttribute('data-status', 'degraded');
  await expect(panel.locator('[data-incident-id]')).toHaveCount(2);
  await expect(panel.locator('[data-incident-id="01M3Q4RK1SM4EMK445GGPG7C0N"]')).toContainText('Elevated errors across ChatGPT');
  await expect(panel.locator('[data-component-id][data-status="degraded"]')).toHaveCount(22);
  expect(await badge()).toMatchObject({ color: AMBER, text: '1' });
});

test('ChatGPT outage from a full_outage component (incident.io vocabulary)', async ({ openPage, refresh, badge, status }) => {
  const summary = fixtureJson<{ components: { id: string; status: string }[] }>('openai/summary-incidentio-compat-all-operational-2026-09-15.json');
  summary.components[3]!.status = 'full_outage';
  status.summary('openai', { json: summary });
  await refresh();
  const page = await openPage('popup.html', { width: 460, height: 600 });
  await expect(page.locator('[data-provider="openai"]')).toHaveAttribute('data-status', 'outage');
  await expect(page.locator(`[data-component-id="${summary.components[3]!.id}"]`)).toHaveAttribute('data-status', 'outage');
  expect(await badge()).toMatchObject({ color: RED, text: '1' });
});

test('Cursor outage and Claude degraded: badge shows the worst and counts both', async ({ openPage, refresh, badge, status }) => {
  status.summary('cursor', {
    json: cursorSummary({
      indicator: 'major',
      description: 'Major System Outage',
      statuses: { IDE: 'major_outage', 'Cloud Agents': 'partial_outage' },
    }),
  });
  status.summary('anthropic', { json: fixtureJson('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json') });
  await refresh();
  const page = await openPage('popup.html', { width: 460, height: 600 });
  await expect(page.locator('[data-provider="cursor"]')).toHaveAttribute('data-status', 'outage');
  await expect(page.locator('[data-provider="cursor"] [data-component-id="cur000000005"]')).toHaveAttribute('data-status', 'outage');
  const b = await badge();
  expect(b).toMatchObject({ color: RED, text: '2' });
  expect(b.title).toMatch(/Cursor: Outage/);
});

test('Cursor under maintenance → blue badge', async ({ openPage, refresh, badge, status }) => {
  status.summary('cursor', { json: cursorSummary({ indicator: 'maintenance', description: 'Service Under Maintenance', statuses: { Origin: 'under_maintenance' } }) });
  await refresh();
  const page = await openPage('popup.html', { width: 460, height: 600 });
  await expect(page.locator('[data-provider="cursor"]')).toHaveAttribute('data-status', 'maintenance');
  expect(await badge()).toMatchObject({ color: BLUE, text: '1' });
});

const FAILURES: { name: string; kind: string; reply: Reply }[] = [
  { name: 'HTTP 500', kind: 'http', reply: { status: 500, contentType: 'text/plain', body: 'Internal Server Error' } },
  { name: 'HTTP 429 with Retry-After', kind: 'rate-limited', reply: { status: 429, headers: { 'retry-after': '120' }, body: '' } },
  { name: 'a hang past the 8 s timeout', kind: 'timeout', reply: { hang: true } },
  { name: 'an HTML 200 challenge page', kind: 'not-json', reply: { status: 200, contentType: 'text/html', body: '<!doctype html><title>Just a moment...</title><p>Checking your browser</p>' } },
  { name: 'truncated JSON', kind: 'bad-json', reply: { status: 200, contentType: 'application/json', body: '{"page":{"id":"tymt9n04zgry"},"status":{"indicator":"no' } },
  { name: 'a wrong shape', kind: 'wrong-shape', reply: { json: { hello: 'world', components: 'nope' } } },
];

for (const failure of FAILURES) {
  test(`${failure.name} without earlier data: Claude unknown with the reason, others unaffected`, async ({ openPage, refresh, badge, status, storage, forgetData }) => {
    status.summary('anthropic', failure.reply);
    await forgetData();
    await refresh();
    const page = await openPage('popup.html', { width: 460, height: 600 });
    const panel = page.locator('[data-provider="anthropic"]');
    await expect(panel).toHaveAttribute('data-status', 'unknown');
    await expect(panel.locator('.panel__problem')).toHaveAttribute('data-error-kind', failure.kind);
    await expect(panel.locator('.panel__problem')).toContainText('No data yet');
    await expect(page.locator('[data-provider="openai"]')).toHaveAttribute('data-status', 'operational');
    await expect(page.locator('[data-provider="cursor"]')).toHaveAttribute('data-status', 'operational');
    expect(await badge()).toMatchObject({ color: GRAY, text: '?' });
    const health = await storage<Record<string, { error: { kind: string } | null; retryAfterUntil: number | null }>>('session', 'health');
    expect(health.anthropic?.error?.kind).toBe(failure.kind);
    if (failure.kind === 'rate-limited') {
      expect(health.anthropic?.retryAfterUntil).toBeGreaterThan(Date.now() + 100_000);
      await expect(panel.locator('.panel__problem')).toContainText('Retrying in 2 minutes');
    }
  });

  test(`${failure.name} with earlier good data: the last good snapshot stays, with the reason`, async ({ openPage, refresh, badge, status, storage }) => {
    status.summary('anthropic', { json: fixtureJson('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json') });
    await refresh();
    const before = await storage<Record<string, unknown>>('local', 'snapshots');
    status.summary('anthropic', failure.reply);
    await refresh();
    const page = await openPage('popup.html', { width: 460, height: 600 });
    const panel = page.locator('[data-provider="anthropic"]');
    // Not stale yet (last success seconds ago): the good data and its level stay on screen.
    await expect(panel).toHaveAttribute('data-status', 'degraded');
    await expect(panel.locator('[data-component-id]')).toHaveCount(6);
    await expect(panel.locator('[data-incident-id="7g1qpkyz5gxh"]')).toBeVisible();
    await expect(panel.locator('.panel__problem')).toHaveAttribute('data-error-kind', failure.kind);
    await expect(panel.locator('.panel__problem')).toContainText("Couldn't reach status.claude.com");
    expect(await storage('local', 'snapshots')).toEqual(before);
    expect(await badge()).toMatchObject({ color: AMBER, text: '1' });
  });
}

test('recovery: "Refresh now" after a failure brings the panel back', async ({ openPage, refresh, status, badge, forgetData }) => {
  status.summary('cursor', { status: 503, body: 'Service Unavailable' });
  await forgetData();
  await refresh();
  const page = await openPage('popup.html', { width: 460, height: 600 });
  await expect(page.locator('[data-provider="cursor"]')).toHaveAttribute('data-status', 'unknown');
  status.summary('cursor', { json: cursorSummary() });
  const before = status.seen('cursor', '/api/v2/summary.json').length;
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.locator('[data-provider="cursor"]')).toHaveAttribute('data-status', 'operational');
  await expect(page.locator('[data-provider="cursor"] .panel__problem')).toHaveCount(0);
  // "Refresh now" skipped the backoff wait set by the 503.
  expect(status.seen('cursor', '/api/v2/summary.json').length).toBe(before + 1);
  // The badge is painted after the snapshots are stored (which the panel already shows): poll it.
  await expect.poll(badge).toMatchObject({ color: GREEN, text: '' });
});

test('Claude API challenged (403 HTML) → component rows read from the status page HTML', async ({ openPage, refresh, status }) => {
  status.summary('anthropic', { status: 403, contentType: 'text/html', body: '<!doctype html><title>Attention Required</title>' });
  status.set('anthropic', '/', {
    contentType: 'text/html',
    body: `<!doctype html><html><body>
      <div class="page-status status-minor"><span class="status">Minor Service Outage</span></div>
      <div class="components-container">
        <div class="component-container border-color">
          <div data-component-id="rwppv331jlwc" class="component-inner-container status-orange" data-component-status="partial_outage" data-js-hook="">
            <span class="name">claude.ai</span><span class="component-status">Partial Outage</span>
          </div>
        </div>
        <div class="component-container border-color">
          <div data-component-id="k8w3r06qmzrp" class="component-inner-container status-green" data-component-status="operational" data-js-hook="">
            <span class="name">Claude API (api.anthropic.com)</span><span class="component-status">Operational</span>
          </div>
        </div>
      </div></body></html>`,
  });
  await refresh();
  const page = await openPage('popup.html', { width: 460, height: 600 });
  const panel = page.locator('[data-provider="anthropic"]');
  await expect(panel).toHaveAttribute('data-status', 'degraded');
  await expect(panel.locator('[data-component-id="rwppv331jlwc"]')).toHaveAttribute('data-status', 'degraded');
  await expect(panel.locator('[data-component-id="k8w3r06qmzrp"]')).toHaveAttribute('data-status', 'operational');
  await expect(panel).toContainText('Read from the status page');
});

test('changing the refresh interval re-arms the alarm (clamped to 30 s)', async ({ openPage, worker, refresh }) => {
  await refresh();
  const alarm = () => worker.evaluate(async () => (await chrome.alarms.get('poll'))?.periodInMinutes ?? null);
  await expect.poll(alarm).toBe(1);
  const page = await openPage('options.html');
  const select = page.getByLabel('Refresh interval');
  await select.selectOption('300');
  await expect.poll(alarm).toBe(5);
  await select.selectOption('5');
  await expect.poll(alarm).toBe(0.5);
  await page.reload();
  await expect(page.getByLabel('Refresh interval')).toHaveValue('5');
});

test('an ETag is sent back as If-None-Match and a 304 keeps the data', async ({ refresh, status, storage }) => {
  const body = fixtureJson('anthropic/summary-all-operational-2026-09-22.json');
  status.summary('anthropic', ({ headers }) =>
    headers['if-none-match'] === '"v1"' ? { status: 304, headers: { etag: '"v1"' } } : { json: body, headers: { etag: '"v1"' } },
  );
  await refresh();
  const first = await storage('local', 'snapshots');
  await refresh();
  const requests = status.seen('anthropic', '/api/v2/summary.json');
  expect(requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
  expect(await storage('local', 'snapshots')).toEqual(first);
});
