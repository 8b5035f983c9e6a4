/**
 * `npm run bench`, refresh lanes (after the timing part; these only count, so they run side by
 * side): the background alarm with every view closed, and the live lane's ticks with the
 * dashboard visible.
 */
import { expect, test } from './fixture';
import { PANELS, SUMMARY, probe, save, summaryPolls, type BenchGlobal } from './helpers';

test('background lane at 30 s, views closed: polls counted over two alarm periods', async ({ context, status, worker, refresh }) => {
  test.setTimeout(300_000);
  // Start healthy: the install-time poll may have run before the routes existed and left every
  // provider in backoff, which scheduled polls (rightly) respect.
  expect((await refresh()).result).toBe('polled');
  const alarm = () => worker.evaluate(async () => (await (globalThis as BenchGlobal).chrome.alarms.get('poll')) ?? null);
  await worker.evaluate(async () => {
    const { chrome } = globalThis as BenchGlobal;
    const { settings } = await chrome.storage.local.get(['settings']);
    await chrome.storage.local.set({ settings: { ...(settings as object), intervalSec: 30 }, settings$: { v: 2 } });
  });
  await expect.poll(async () => (await alarm())?.periodInMinutes).toBe(0.5);
  const { scheduledTime, periodInMinutes } = (await alarm())!;
  for (const page of context.pages()) await page.close(); // no view → no live ticks
  const since = Date.now();
  // Two firings: the re-created alarm's first one, then one period later; the worker may idle out in between.
  const windowMs = Math.max(0, scheduledTime - since) + periodInMinutes! * 60_000 + 5_000;
  await new Promise((r) => setTimeout(r, windowMs));
  const until = Date.now();
  const polls = summaryPolls(status, since, until);
  const requests = status.seen(undefined, undefined, since).filter((r) => r.at <= until);
  save('background', {
    intervalSec: 30,
    alarmPeriodMin: periodInMinutes,
    windowMs: until - since,
    polls: polls.length,
    gapsMs: polls.slice(1).map((t, i) => t - polls[i]!),
    summaryRequests: requests.filter((r) => r.path === SUMMARY).length,
    otherRequests: requests.filter((r) => r.path !== SUMMARY).map((r) => r.path),
  });
});

for (const [intervalSec, periods] of [
  [5, 6],
  [10, 4],
] as const) {
  test(`live lane at ${intervalSec} s with the dashboard visible: ticks and polls over a window`, async ({ context, openPage, status }) => {
    test.setTimeout(300_000); // the window plus set-up on a loaded 2-core machine
    await context.addInitScript(probe, { panels: PANELS }); // counts the ticks the page sends
    for (const page of context.pages()) await page.close();
    const page = await openPage('options.html');
    await page.bringToFront();
    await page.getByLabel('Refresh interval').selectOption(String(intervalSec));
    await expect(page.locator('.lane')).toHaveAttribute('data-lane', 'live');
    // Start healthy (see the background lane test), then let the ticker settle.
    const asked = status.seen('cursor', SUMMARY).length;
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(() => status.seen('cursor', SUMMARY).length).toBeGreaterThan(asked);
    await page.waitForTimeout(1_000);
    const ticks = () => page.evaluate(() => ((window as unknown as { __benchTicks?: number[] }).__benchTicks ?? []).length);
    const ticksBefore = await ticks();
    const since = Date.now();
    await page.waitForTimeout(intervalSec * periods * 1000);
    const until = Date.now();
    const ticked = (await ticks()) - ticksBefore;
    const polls = summaryPolls(status, since, until);
    const requests = status.seen(undefined, undefined, since).filter((r) => r.at <= until);
    save(`live-${intervalSec}`, {
      intervalSec,
      windowMs: until - since,
      ticks: ticked,
      polls: polls.length,
      gapsMs: polls.slice(1).map((t, i) => t - polls[i]!),
      summaryRequests: requests.filter((r) => r.path === SUMMARY).length,
      otherRequests: requests.filter((r) => r.path !== SUMMARY).map((r) => r.path),
    });
  });
}
