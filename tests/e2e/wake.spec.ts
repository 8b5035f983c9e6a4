/**
 * The worker's two halves in the real browser (docs/ARCHITECTURE.md, "The worker wake"): a woken
 * worker with nothing to poll never loads its large half (`worker-parts.js`); one that polls
 * imports it on demand — a script it imported at install, the only kind Chrome lets a running
 * service worker import — and reads every service with it, one request each.
 */
import { expect, fixtureJson, stopServiceWorker, test } from './fixture';

test('a woken worker loads its adapters only when it polls, then reads each service once', async ({ context, extensionId, openPage, status }) => {
  // No ticks from this page at the default 1-minute interval; the reset's poll just ran.
  const page = await openPage('popup.html');
  await expect(page.locator('[data-provider="anthropic"]')).toHaveAttribute('data-status', 'operational');
  const send = (type: 'tick' | 'refresh') => page.evaluate((t) => chrome.runtime.sendMessage({ type: t }) as Promise<{ result: string }>, type);
  const worker = () => context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)).at(-1)!;
  const partsLoaded = () => worker().evaluate(() => '__aiStatusWorkerParts' in globalThis);

  await stopServiceWorker(context, page, extensionId);
  expect((await send('tick')).result).toBe('skipped');
  expect(await partsLoaded()).toBe(false);

  status.summary('anthropic', { json: fixtureJson('anthropic/summary-minor-partial-outage-investigating-2026-09-22.json') });
  const since = Date.now();
  expect((await send('refresh')).result).toBe('polled');
  expect(await partsLoaded()).toBe(true);
  await expect(page.locator('[data-provider="anthropic"]')).toHaveAttribute('data-status', 'degraded');
  for (const provider of ['openai', 'anthropic', 'cursor'] as const) {
    expect(status.seen(provider, '/api/v2/summary.json', since), provider).toHaveLength(1);
  }
});
