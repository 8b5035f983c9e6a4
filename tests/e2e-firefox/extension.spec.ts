/**
 * The Firefox build (.output/firefox-mv3) in a real Firefox: it loads as an add-on, its event page
 * polls the status hosts (played by the local proxy from the recorded captures), and the badge, the
 * popup, the dashboard, alarms, notifications and restarts behave as in Chromium.
 */
import type { Page } from 'puppeteer-core';
import { cursorSummary, expect, fixtureJson, HOSTS, navigate, panelStatus, panelStatuses, PROVIDER_IDS, test } from './fixture';

const GREEN = '#22c55e';
const AMBER = '#f59e0b';
const RED = '#ef4444';
const GRAY = '#6b7280';
const SUMMARY = '/api/v2/summary.json';
const CLAUDE_DEGRADED = 'anthropic/summary-minor-partial-outage-investigating-2026-09-22.json';
const CHALLENGE = '<!doctype html><html><head><title>Just a moment...</title></head><body><p>Checking your browser before accessing status.cursor.com.</p></body></html>';

/** Chooses `value` in the <select> whose <label> reads `label`, as a user does. */
async function selectByLabel(page: Page, label: string, value: string): Promise<void> {
  const handle = await page.evaluateHandle((text) => {
    const l = [...document.querySelectorAll('label')].find((el) => el.textContent?.trim() === text);
    return (l?.control ?? null) as HTMLSelectElement | null;
  }, label);
  const select = handle.asElement() as import('puppeteer-core').ElementHandle<HTMLSelectElement> | null;
  if (!select) throw new Error(`no <select> labelled "${label}"`);
  expect(await select.select(value)).toEqual([value]);
}

/** The polling alarm's period in minutes (null when there is none). */
function alarmPeriod(control: Page): Promise<number | null> {
  return control.evaluate(async () => (await browser.alarms.get('poll'))?.periodInMinutes ?? null);
}

/** Text of one panel's problem line and its error kind. */
function problem(page: Page, provider: string): Promise<{ kind: string | null; text: string } | null> {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-provider="${id}"] .panel__problem`);
    return el ? { kind: el.getAttribute('data-error-kind'), text: el.textContent ?? '' } : null;
  }, provider);
}

test('the Firefox build loads as an add-on and its first poll reads all three status hosts', async ({ ff, control, status }) => {
  const manifest = await control.evaluate(() => browser.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(await control.evaluate(() => browser.runtime.id)).toBe(ff.addonId);
  // The reset's first poll asked each status host once for its summary, and nothing else got out.
  for (const id of PROVIDER_IDS) expect(status.seen(id, SUMMARY).length).toBeGreaterThanOrEqual(1);
  expect(ff.proxy.refused.filter((h) => /status\.|openai|claude|cursor/.test(h))).toEqual([]);
  const origins = Object.values(HOSTS).map((h) => `https://${h}/*`);
  expect(await control.evaluate((o) => browser.permissions.contains({ origins: o }), origins)).toBe(true);
});

test('all operational: three green panels in the popup, green badge without text, tooltip per service', async ({ ff, refresh, badge }) => {
  expect((await refresh()).result).toBe('polled');
  const popup = await ff.open('popup.html', { width: 460, height: 600 });
  await expect.poll(() => panelStatuses(popup)).toEqual({ openai: 'operational', anthropic: 'operational', cursor: 'operational' });
  expect(await popup.evaluate(() => document.querySelectorAll('[data-provider="openai"] [data-component-id]').length)).toBe(25);
  const b = await badge();
  expect(b).toMatchObject({ color: GREEN, text: '' });
  expect(b.title).toMatch(/ChatGPT: Operational/);
  expect(b.title).toMatch(/Claude: Operational/);
  expect(b.title).toMatch(/Cursor: Operational/);
});

test('Claude degraded (real capture) and Cursor in outage: badge red with 2, each panel its own level', async ({ ff, refresh, badge, status }) => {
  status.summary('anthropic', { json: fixtureJson(CLAUDE_DEGRADED) });
  status.summary('cursor', { json: cursorSummary({ indicator: 'major', description: 'Major System Outage', statuses: { IDE: 'major_outage' } }) });
  await refresh();
  const popup = await ff.open('popup.html', { width: 460, height: 600 });
  await expect.poll(() => panelStatuses(popup)).toEqual({ openai: 'operational', anthropic: 'degraded', cursor: 'outage' });
  expect(await popup.evaluate(() => document.querySelector('[data-provider="cursor"] [data-component-id="cur000000005"]')?.getAttribute('data-status'))).toBe('outage');
  expect(await popup.evaluate(() => document.querySelector('[data-incident-id="7g1qpkyz5gxh"]')?.textContent)).toContain('Elevated errors for multiple models');
  const b = await badge();
  expect(b).toMatchObject({ color: RED, text: '2' });
  expect(b.title).toMatch(/Claude: Degraded/);
  expect(b.title).toMatch(/Cursor: Outage/);
  // Only Claude degraded: amber with 1.
  status.summary('cursor', { json: cursorSummary() });
  await refresh();
  expect(await badge()).toMatchObject({ color: AMBER, text: '1' });
});

test('a 500 and an HTML challenge: those two Unknown with their reasons, ChatGPT still right', async ({ ff, refresh, badge, status, forgetData, storage }) => {
  status.summary('anthropic', { status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
  status.summary('cursor', { status: 200, contentType: 'text/html; charset=utf-8', body: CHALLENGE });
  await forgetData();
  await refresh();
  const popup = await ff.open('popup.html', { width: 460, height: 600 });
  await expect.poll(() => panelStatuses(popup)).toEqual({ openai: 'operational', anthropic: 'unknown', cursor: 'unknown' });
  await expect.poll(() => problem(popup, 'anthropic')).toMatchObject({ kind: 'http', text: expect.stringContaining('HTTP 500') });
  await expect.poll(() => problem(popup, 'cursor')).toMatchObject({ kind: 'not-json' });
  expect(await problem(popup, 'openai')).toBeNull();
  expect(await badge()).toMatchObject({ color: GRAY, text: '?' });
  const health = await storage<Record<string, { error: { kind: string } | null }>>('session', 'health');
  expect(health.anthropic?.error?.kind).toBe('http');
  expect(health.cursor?.error?.kind).toBe('not-json');
  expect(health.openai?.error).toBeNull();
});

test('a truncated answer keeps the last good data, with the reason', async ({ ff, refresh, badge, status, storage }) => {
  status.summary('anthropic', { json: fixtureJson(CLAUDE_DEGRADED) });
  await refresh();
  const good = await storage('local', 'snapshots');
  status.summary('anthropic', { status: 200, contentType: 'application/json', body: JSON.stringify(fixtureJson(CLAUDE_DEGRADED)).slice(0, 700) });
  await refresh();
  const popup = await ff.open('popup.html', { width: 460, height: 600 });
  await expect.poll(() => panelStatus(popup, 'anthropic')).toBe('degraded');
  await expect.poll(() => problem(popup, 'anthropic')).toMatchObject({ kind: 'bad-json', text: expect.stringContaining("Couldn't reach status.claude.com") });
  expect(await popup.evaluate(() => document.querySelectorAll('[data-provider="anthropic"] [data-component-id]').length)).toBe(6);
  expect(await storage('local', 'snapshots')).toEqual(good);
  expect(await badge()).toMatchObject({ color: AMBER, text: '1' });
});

test('the "Refresh interval" select re-arms the alarm (never under 30 s) and is kept', async ({ ff, control }) => {
  await expect.poll(() => alarmPeriod(control)).toBe(1);
  const dash = await ff.open('options.html');
  await expect.poll(() => panelStatus(dash, 'openai')).toBe('operational');
  await selectByLabel(dash, 'Refresh interval', '300');
  await expect.poll(() => alarmPeriod(control)).toBe(5);
  await selectByLabel(dash, 'Refresh interval', '5');
  await expect.poll(() => alarmPeriod(control)).toBe(0.5);
  const again = await ff.open('options.html');
  await expect
    .poll(() => again.evaluate(() => ([...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Refresh interval')?.control as HTMLSelectElement | null)?.value))
    .toBe('5');
});

test('an outage confirmed on two polls raises one notification for that service', async ({ control, refresh, status }) => {
  // Firefox lists each notification with its options (Chrome: `true`).
  const notifications = () => control.evaluate(async () => Object.entries(await browser.notifications.getAll()).map(([id, n]) => ({ id, title: (n as unknown as { title?: string }).title ?? null })));
  await refresh();
  expect(await notifications()).toEqual([]);
  status.summary('cursor', { json: cursorSummary({ indicator: 'major', statuses: { IDE: 'major_outage' } }) });
  await refresh();
  expect(await notifications()).toEqual([]); // seen once: not confirmed yet
  await refresh();
  await expect.poll(notifications).toEqual([{ id: 'ai-status-cursor', title: 'Cursor: Outage' }]);
  await refresh();
  expect(await notifications()).toEqual([{ id: 'ai-status-cursor', title: 'Cursor: Outage' }]);
});

test('popup and dashboard both render, and "Refresh now" in each polls at once', async ({ ff, status }) => {
  for (const [path, width] of [['popup.html', 460], ['options.html', 1280]] as const) {
    const page = await ff.open(path, { width, height: 800 });
    await expect.poll(() => panelStatuses(page)).toEqual({ openai: 'operational', anthropic: 'operational', cursor: 'operational' });
    expect(await page.title()).toMatch(/AI Status/);
    const before = status.seen('cursor', SUMMARY).length;
    const button = await page.waitForSelector('::-p-text(Refresh now)');
    await button!.click();
    await expect.poll(() => status.seen('cursor', SUMMARY).length).toBe(before + 1);
    if (path === 'options.html') {
      // The dashboard's own parts: history strips and the settings form.
      await expect.poll(() => page.evaluate(() => document.querySelectorAll('[data-uptime-source]').length)).toBeGreaterThan(0);
      expect(await page.evaluate(() => [...document.querySelectorAll('label')].some((l) => l.textContent?.trim() === 'Refresh interval'))).toBe(true);
    }
  }
});

test('the event page restarted (runtime.reload) re-arms its alarm and resumes polling on its own', async ({ ff, control, status }) => {
  test.setTimeout(120_000);
  const dash = await ff.open('options.html');
  await expect.poll(() => panelStatus(dash, 'openai')).toBe('operational');
  await selectByLabel(dash, 'Refresh interval', '30');
  await expect.poll(() => alarmPeriod(control)).toBe(0.5);
  await dash.close();
  // Reload the add-on from one of its pages; every extension page closes with it.
  const reloadedAt = Date.now();
  await control.evaluate(() => void setTimeout(() => browser.runtime.reload(), 0)).catch(() => undefined);
  // A tab opened before the reload is closed by it, and opening one while Firefox closes extension
  // pages can fail ("browsingContext.create: no such frame"): a new tab until one reads the alarm.
  const opened: { tab?: Page } = {};
  await expect(async () => {
    if (!opened.tab || opened.tab.isClosed()) opened.tab = await ff.browser.newPage();
    const tab = opened.tab;
    await navigate(tab, `${ff.origin}/blank.html`);
    expect(await tab.evaluate(async () => (await browser.alarms.get('poll'))?.periodInMinutes ?? null)).toBe(0.5);
  }).toPass({ timeout: 30_000 });
  const page = opened.tab!;
  // With no view open and no message sent, only the alarm can poll: one arrives within a period.
  const openai = () => status.seen('openai', SUMMARY).filter((r) => r.at >= reloadedAt + 20_000).length;
  await expect.poll(openai, { timeout: 60_000, intervals: [1_000] }).toBeGreaterThanOrEqual(1);
  expect(await page.evaluate(async () => (await browser.storage.local.get('settings')).settings)).toMatchObject({ intervalSec: 30 });
});

test.describe("Claude's required host permission revoked", () => {
  // Permissions outlive a reinstall of the add-on: this test gets a Firefox of its own.
  test.use({ ownFirefox: true });

  test('the Claude panel says "No access" with "Grant", is never green, and status.claude.com is not asked', async ({ ff, control, refresh, badge, status }) => {
    // Good data first: what was stored before must not keep the panel green.
    expect((await refresh()).result).toBe('polled');
    const origins = [`https://${HOSTS.anthropic}/*`];
    expect(await control.evaluate((o) => browser.permissions.remove({ origins: o }), origins)).toBe(true);
    expect(await control.evaluate((o) => browser.permissions.contains({ origins: o }), origins)).toBe(false);
    const asked = status.seen('anthropic').length;
    await refresh();
    for (const [path, grant] of [['popup.html', 'Grant access in the dashboard'], ['options.html', 'Grant']] as const) {
      const page = await ff.open(path, { width: path === 'popup.html' ? 460 : 1280, height: 800 });
      await expect.poll(() => panelStatus(page, 'openai')).toBe('operational');
      // Never green at any moment while the view settles.
      const seen: (string | null)[] = [];
      for (let i = 0; i < 5; i++) {
        seen.push(await panelStatus(page, 'anthropic'));
        await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
      }
      expect(seen, path).not.toContain('operational');
      expect(seen.at(-1), path).toBe('unknown');
      await expect.poll(() => problem(page, 'anthropic')).toMatchObject({ kind: 'no-access', text: expect.stringContaining(`No access — the browser does not let AI Status read ${HOSTS.anthropic}`) });
      const buttons = await page.evaluate(() => [...document.querySelectorAll('[data-provider="anthropic"] .panel__problem button')].map((b) => b.textContent?.trim()));
      expect(buttons, path).toEqual([grant]);
    }
    expect((await badge()).color).not.toBe(GREEN);
    expect(status.seen('anthropic').length).toBe(asked);
  });
});

test('every status host request went through the proxy, to the three status hosts only', async ({ refresh, status }) => {
  await refresh();
  const hosts = new Set(status.requests.map((r) => new URL(r.url).host));
  expect([...hosts].sort()).toEqual(Object.values(HOSTS).sort());
  expect(status.requests.every((r) => r.url.startsWith('https://'))).toBe(true);
});
