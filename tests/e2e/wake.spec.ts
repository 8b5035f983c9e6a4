/**
 * The worker and its parsing document in the real browser (docs/ARCHITECTURE.md, "The worker
 * wake"): the worker carries no adapter; a woken worker with nothing to poll opens no document,
 * one that polls has the document read each service from the one request the worker sent.
 */
import { expect, fixtureJson, stopServiceWorker, test } from './fixture';

type Offscreen = { offscreen: { hasDocument(): Promise<boolean>; closeDocument(): Promise<void> } };

test('a woken worker opens its parsing document only when it polls, then reads each service once', async ({ context, extensionId, openPage, status }) => {
  // No ticks from this page at the default 1-minute interval; the reset's poll just ran.
  const page = await openPage('popup.html');
  await expect(page.locator('[data-provider="anthropic"]')).toHaveAttribute('data-status', 'operational');
  const send = (type: 'tick' | 'refresh') => page.evaluate((t) => chrome.runtime.sendMessage({ type: t }) as Promise<{ result: string }>, type);
  const worker = () => context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)).at(-1)!;
  const documentOpen = () => worker().evaluate(() => (chrome as unknown as Offscreen).offscreen.hasDocument());
  // The reset's poll opened one; its worker's timer to close it goes when the worker is stopped.
  await worker().evaluate(async () => {
    const { offscreen } = chrome as unknown as Offscreen;
    if (await offscreen.hasDocument()) await offscreen.closeDocument();
  });

  await stopServiceWorker(context, page, extensionId);
  expect((await send('tick')).result).toBe('skipped');
  expect(await documentOpen()).toBe(false);

  status.summary('anthropic', { json: fixtureJson('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json') });
  const since = Date.now();
  expect((await send('refresh')).result).toBe('polled');
  expect(await documentOpen()).toBe(true);
  await expect(page.locator('[data-provider="anthropic"]')).toHaveAttribute('data-status', 'degraded');
  for (const provider of ['openai', 'anthropic', 'cursor'] as const) {
    expect(status.seen(provider, '/api/v2/summary.json', since), provider).toHaveLength(1);
  }
});
