/**
 * Fault suite: what a broken status host does to the built extension. For each fault the worker
 * keeps working, the popup shows the right state and reason, the last good data survives, the
 * backoff holds scheduled polls off the failing host (counted at the route), a Retry-After holds
 * off even "Refresh now", and the next poll after the wait recovers. data-path.spec.ts covers the
 * first-poll states; this file covers backoff, recovery, connection failures, huge bodies,
 * redirects and a worker stopped in the middle of a poll.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { cursorSummary, expect, fixtureJson, test, type ProviderId, type Reply, type StatusMock } from './fixture';

const SUMMARY = '/api/v2/summary.json';
const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3');

interface Health {
  error: { kind: string; message: string; httpStatus: number | null } | null;
  failures: number;
  okAt: number | null;
  backoffUntil: number | null;
  retryAfterUntil: number | null;
}
type HealthMap = Partial<Record<ProviderId, Health>>;
type PollAnswer = { result: string; changed: boolean };

/**
 * An extension page with no view on it (blank.html; the icon when the build has none): it sends
 * messages and reads storage without ticking on its own, and keeps working across worker restarts.
 */
async function controlPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  const path = existsSync(resolve(EXTENSION_DIR, 'blank.html')) ? 'blank.html' : 'icon/16.png';
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

function ext(page: Page) {
  return {
    send: (type: 'refresh' | 'tick') => page.evaluate((t) => chrome.runtime.sendMessage({ type: t }) as Promise<PollAnswer>, type),
    local: <T>(key: string) => page.evaluate(async (k) => (await chrome.storage.local.get([k]))[k], key) as Promise<T>,
    session: <T>(key: string) => page.evaluate(async (k) => (await chrome.storage.session.get([k]))[k], key) as Promise<T>,
    /** Moves a provider's waits into the past, as if that much time had gone by. */
    expireWaits: (id: ProviderId) =>
      page.evaluate(async (p) => {
        const { health } = (await chrome.storage.session.get(['health'])) as { health: Record<string, Record<string, unknown>> };
        health[p] = { ...health[p], backoffUntil: Date.now() - 1, retryAfterUntil: null };
        await chrome.storage.session.set({ health });
      }, id),
    /** Waits until the interval gate (interval − 1 s since the last poll started) lets a tick through. */
    async gateOpen(intervalSec: number) {
      const poll = await page.evaluate(async () => (await chrome.storage.session.get(['poll'])).poll as { lastPollAt: number | null });
      const wait = (poll.lastPollAt ?? 0) + intervalSec * 1000 - 1000 + 150 - Date.now();
      if (wait > 0) await page.waitForTimeout(wait);
    },
  };
}

/** A scheduled (non-forced) poll: waits for the interval gate, ticks, retries if an alarm poll got in first. */
async function tickPoll(e: ReturnType<typeof ext>, intervalSec = 5): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await e.gateOpen(intervalSec);
    if ((await e.send('tick')).result === 'polled') return;
  }
  throw new Error('the tick never polled');
}

/** Sets the interval the way a user does: the options page's "Refresh interval" select. */
async function chooseInterval(openPage: (p: string) => Promise<Page>, e: ReturnType<typeof ext>, seconds: number): Promise<void> {
  const options = await openPage('options.html');
  await options.getByLabel('Refresh interval').selectOption(String(seconds));
  await expect.poll(async () => (await e.local<{ intervalSec: number } | undefined>('settings'))?.intervalSec).toBe(seconds);
  await options.close(); // a visible view at 5 s ticks by itself; the test ticks explicitly instead
}

const count = (status: StatusMock, id: ProviderId) => status.seen(id, SUMMARY).length;

const CHALLENGE = '<!doctype html><html><head><title>Just a moment...</title></head><body><p>Checking your browser before accessing status.claude.com.</p></body></html>';
const claudeSummary = () => fixtureJson('anthropic/summary-all-operational-2026-09-22.json');

interface Fault {
  name: string;
  kind: string;
  reply: Reply;
  /** Text the popup's problem line must contain. */
  text: RegExp;
  retryAfter?: boolean;
}

const FAULTS: Fault[] = [
  { name: 'HTTP 500', kind: 'http', reply: { status: 500, contentType: 'text/plain', body: 'Internal Server Error' }, text: /the server answered with an error \(HTTP 500\)/ },
  {
    name: '429 with Retry-After: 120',
    kind: 'rate-limited',
    reply: { status: 429, headers: { 'retry-after': '120' }, body: 'slow down' },
    text: /rate limited \(HTTP 429\).*Retrying in 2 minutes/,
    retryAfter: true,
  },
  { name: 'a hang past the 8 s timeout', kind: 'timeout', reply: { hang: true }, text: /timed out/ },
  { name: 'connection refused', kind: 'network', reply: { abort: 'connectionrefused' }, text: /network unreachable/ },
  { name: 'offline (internet disconnected)', kind: 'network', reply: { abort: 'internetdisconnected' }, text: /network unreachable/ },
  { name: 'an HTML 200 challenge page', kind: 'not-json', reply: { status: 200, contentType: 'text/html; charset=utf-8', body: CHALLENGE }, text: /a web page instead of status data/ },
  { name: 'truncated JSON', kind: 'bad-json', reply: { status: 200, contentType: 'application/json', body: JSON.stringify(claudeSummary()).slice(0, 700) }, text: /incomplete data/ },
  {
    name: 'a 5 MB body',
    kind: 'too-large',
    reply: { status: 200, contentType: 'application/json', body: Buffer.from(`{"components":[],"padding":"${'x'.repeat(5 * 1024 * 1024)}"}`) },
    text: /response too large/,
  },
  // A redirect to a sign-in page on another host: not a status host, so not in host_permissions and
  // unreachable here — the worker must treat it as a network failure. (Playwright cannot fulfil a
  // redirect for a service worker's fetch even on the same host — Chrome reports "Failed to fetch"
  // for 301/302/307/308 alike — so a same-host redirect landing on HTML is the HTML 200 case above.)
  {
    name: 'a 302 redirect to an HTML login page on another host',
    kind: 'network',
    reply: { status: 302, headers: { location: 'https://accounts.example.com/login?return_to=status.claude.com' }, contentType: 'text/html', body: '<a href="https://accounts.example.com/login">Sign in</a>' },
    text: /network unreachable/,
  },
];

for (const fault of FAULTS) {
  test(`${fault.name}: reason shown, last good data kept, backoff honoured, recovery on the next poll`, async ({ context, extensionId, status, openPage }) => {
    test.setTimeout(90_000);
    const control = await controlPage(context, extensionId);
    const e = ext(control);
    // Good data first, then the 5 s interval (shortest backoff base: the 30 s alarm period).
    expect((await e.send('refresh')).result).toBe('polled');
    await chooseInterval(openPage, e, 5);
    expect((await e.send('refresh')).result).toBe('polled');
    const good = await e.local<Record<ProviderId, { level: string }>>('snapshots');
    expect(good.anthropic.level).toBe('operational');

    // The fault.
    status.summary('anthropic', fault.reply);
    const before = { anthropic: count(status, 'anthropic'), openai: count(status, 'openai') };
    const failedAt = Date.now();
    expect((await e.send('refresh')).result).toBe('polled');
    expect(count(status, 'anthropic')).toBe(before.anthropic + 1);
    const health = (await e.session<HealthMap>('health')).anthropic!;
    expect(health.error?.kind).toBe(fault.kind);
    expect(health.error?.message.length).toBeGreaterThan(0);
    expect(health.failures).toBe(1);
    // First failure at a 30 s alarm period: 15–30 s of backoff (jitter), or the server's 120 s.
    expect(health.backoffUntil! - failedAt).toBeGreaterThanOrEqual(fault.retryAfter ? 119_000 : 14_000);
    expect(health.backoffUntil! - Date.now()).toBeLessThanOrEqual(fault.retryAfter ? 121_000 : 31_000);
    if (fault.retryAfter) expect(health.retryAfterUntil! - failedAt).toBeGreaterThanOrEqual(119_000);
    else expect(health.retryAfterUntil).toBeNull();

    // The last good data survives, and the other providers are unaffected.
    expect(await e.local('snapshots')).toEqual(good);
    expect((await e.session<HealthMap>('health')).openai?.error).toBeNull();

    // The popup: last good level (not stale yet), the reason, the others fine.
    const popup = await openPage('popup.html');
    const panel = popup.locator('[data-provider="anthropic"]');
    await expect(panel).toHaveAttribute('data-status', 'operational');
    await expect(panel.locator(`.panel__problem[data-error-kind="${fault.kind}"]`)).toBeVisible();
    await expect(panel.locator('.panel__problem')).toContainText(fault.text);
    for (const id of ['openai', 'cursor']) {
      await expect(popup.locator(`[data-provider="${id}"]`)).toHaveAttribute('data-status', 'operational');
      await expect(popup.locator(`[data-provider="${id}"] .panel__problem`)).toHaveCount(0);
    }
    await popup.close();

    // Scheduled polls during the backoff: the others are asked, the failing host is not.
    status.summary('anthropic', { json: claudeSummary() });
    await tickPoll(e);
    expect(count(status, 'anthropic')).toBe(before.anthropic + 1);
    expect(count(status, 'openai')).toBeGreaterThan(before.openai + 1);

    if (fault.retryAfter) {
      // Retry-After holds even "Refresh now" off the host.
      const openaiBefore = count(status, 'openai');
      expect((await e.send('refresh')).result).toBe('polled');
      expect(count(status, 'anthropic')).toBe(before.anthropic + 1);
      expect(count(status, 'openai')).toBe(openaiBefore + 1);
    }

    // Once the wait is over, the next scheduled poll asks again and recovers.
    await e.expireWaits('anthropic');
    await tickPoll(e);
    expect(count(status, 'anthropic')).toBe(before.anthropic + 2);
    const recovered = (await e.session<HealthMap>('health')).anthropic!;
    expect(recovered).toMatchObject({ error: null, failures: 0, backoffUntil: null, retryAfterUntil: null });
    expect(await e.local('snapshots')).toEqual(good); // same data: nothing rewritten
    const after = await openPage('popup.html');
    await expect(after.locator('[data-provider="anthropic"]')).toHaveAttribute('data-status', 'operational');
    await expect(after.locator('[data-provider="anthropic"] .panel__problem')).toHaveCount(0);
  });
}

test('backoff over real time: no scheduled request before backoffUntil, the first one soon after; a second failure waits longer', async ({
  context,
  extensionId,
  status,
  openPage,
}) => {
  test.setTimeout(150_000);
  const control = await controlPage(context, extensionId);
  const e = ext(control);
  expect((await e.send('refresh')).result).toBe('polled');
  await chooseInterval(openPage, e, 5);
  status.summary('cursor', { status: 503, body: 'Service Unavailable' });
  await e.send('refresh');
  const first = (await e.session<HealthMap>('health')).cursor!;
  expect(first.failures).toBe(1);
  const asked = () => status.seen('cursor', SUMMARY).map((r) => r.at);
  const failedCount = asked().length;
  // Tick every 5 s as a visible view would, until the host is asked again.
  const deadline = first.backoffUntil! + 12_000;
  while (asked().length === failedCount && Date.now() < deadline) await tickPoll(e);
  const retriedAt = asked()[failedCount];
  expect(retriedAt, 'the host was asked again after the backoff').toBeDefined();
  expect(retriedAt!).toBeGreaterThanOrEqual(first.backoffUntil!);
  expect(retriedAt! - first.backoffUntil!).toBeLessThanOrEqual(6_500); // the first tick after it
  // Still failing: the second wait doubles (30–60 s at a 30 s period).
  const second = (await e.session<HealthMap>('health')).cursor!;
  expect(second.failures).toBe(2);
  expect(second.backoffUntil! - retriedAt!).toBeGreaterThanOrEqual(29_000);
  expect(second.backoffUntil! - retriedAt!).toBeLessThanOrEqual(61_000);
  // "Refresh now" skips our own backoff (no Retry-After here) and recovers at once.
  status.summary('cursor', { json: cursorSummary() });
  expect((await e.send('refresh')).result).toBe('polled');
  expect(asked().length).toBe(failedCount + 2);
  expect((await e.session<HealthMap>('health')).cursor).toMatchObject({ error: null, failures: 0 });
});

test('service worker stopped mid-poll (DevTools protocol): nothing corrupted, the next poll after the restart works', async ({
  context,
  extensionId,
  status,
}) => {
  test.setTimeout(90_000);
  const control = await controlPage(context, extensionId);
  const e = ext(control);
  expect((await e.send('refresh')).result).toBe('polled');
  const good = await e.local<Record<ProviderId, unknown>>('snapshots');
  const goodHealth = await e.session<HealthMap>('health');

  // The worker as DevTools sees it.
  const cdp = await context.newCDPSession(control);
  const versions = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (ev) => {
    for (const v of ev.versions) if (v.scriptURL.endsWith('/background.js')) versions.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => [...versions.values()]).toContain('running');

  // A poll in flight: Claude never answers; new data waits on the other hosts.
  status.summary('anthropic', { hang: true });
  status.summary('cursor', { json: cursorSummary({ indicator: 'major', statuses: { IDE: 'major_outage' } }) });
  const inFlight = status.seen('anthropic', SUMMARY).length;
  const pending = e.send('refresh').catch((error: unknown) => ({ result: 'lost', changed: false, error: String(error) }));
  await expect.poll(() => status.seen('anthropic', SUMMARY).length).toBe(inFlight + 1);
  // Stop it there.
  for (const versionId of versions.keys()) await cdp.send('ServiceWorker.stopWorker', { versionId });
  await expect.poll(() => [...versions.values()].every((s) => s === 'stopped')).toBe(true);
  const lost = await pending;
  expect(lost.result).not.toBe('polled'); // the message channel closed with the worker
  // Nothing half-written: the interrupted poll wrote no snapshot and no health.
  expect(await e.local('snapshots')).toEqual(good);
  expect(await e.session('health')).toEqual(goodHealth);

  // The next poll wakes a new worker and completes.
  status.summary('anthropic', { json: fixtureJson('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json') });
  const reply = await e.send('refresh');
  expect(reply).toEqual({ result: 'polled', changed: true });
  expect([...versions.values()]).toContain('running');
  const after = await e.local<Record<ProviderId, { level: string; providerId: string }>>('snapshots');
  expect(after.anthropic).toMatchObject({ providerId: 'anthropic', level: 'degraded' });
  expect(after.cursor).toMatchObject({ providerId: 'cursor', level: 'outage' });
  expect(after.openai).toEqual(good.openai);
  const health = await e.session<HealthMap>('health');
  for (const id of ['openai', 'anthropic', 'cursor'] as const) expect(health[id]).toMatchObject({ error: null, failures: 0 });
  // And the views read it.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('[data-provider="anthropic"]')).toHaveAttribute('data-status', 'degraded');
  await expect(popup.locator('[data-provider="cursor"]')).toHaveAttribute('data-status', 'outage');
});

test('corrupt stored history, uptime and observed records: both views still render, without a script error', async ({ refresh, worker, openPage }) => {
  await refresh();
  const corrupt = [{ anthropic: 'garbage' }, { anthropic: { incidents: 'none', fetchedAt: 1 } }, { since: 'yesterday', providers: 'none' }];
  const errors: string[] = [];
  for (const value of corrupt) {
    await worker.evaluate(async (v) => chrome.storage.local.set({ history: v, officialUptime: v, observed: v }), value);
    for (const path of ['popup.html', 'options.html']) {
      const page = await openPage(path);
      page.on('pageerror', (e) => errors.push(`${path} ${JSON.stringify(value)}: ${e.message}`));
      await page.reload();
      for (const id of ['openai', 'anthropic', 'cursor']) await expect(page.locator(`[data-provider="${id}"]`)).toHaveAttribute('data-status', 'operational');
      await page.waitForTimeout(1_500); // a clock tick recomputes the history views
      await page.close();
    }
  }
  expect(errors).toEqual([]);
});
