/**
 * `npm run bench`, where the time goes (after the timing part, alone): Chromium traces of the
 * blank page, the popup and the dashboard loading in a fresh tab, and of AI Status's worker and
 * the minimal worker woken by a message. Three traces each; the one with the median time is
 * summarised (bench/trace.ts) and kept as `bench/last-trace-<name>.json` (open it in DevTools'
 * Performance panel or ui.perfetto.dev).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixture';
import {
  MINIMAL_MARK,
  OUT_DIR,
  PANELS,
  VIEWS,
  loadInFreshTab,
  messageToFirstRequest,
  onlyNeutralTab,
  probe,
  quiet,
  save,
  serviceWorkers,
  type PageLoad,
  type View,
} from './helpers';
import { pageLoadSummary, recordTrace, wakeSummary, type TraceEvent } from './trace';

const TRACE_RUNS = Number(process.env.BENCH_TRACE_RUNS ?? 3);

/** The run with the median value of `key` (lower middle for even counts). */
function medianRun<T>(runs: T[], key: (r: T) => number): T {
  return [...runs].sort((a, b) => key(a) - key(b))[Math.floor((runs.length - 1) / 2)]!;
}

function keep(name: string, events: TraceEvent[]): string {
  const file = join(OUT_DIR, `last-trace-${name}.json`);
  writeFileSync(file, JSON.stringify({ traceEvents: events }));
  return file;
}

test('traces: page loads and worker wakes, and where their time goes', async ({ context, refresh, extensionId, minimalId, status }) => {
  test.setTimeout(1_200_000);
  expect((await refresh()).result).toBe('polled');
  await context.addInitScript(probe, { panels: PANELS });
  const anchor = await onlyNeutralTab(context);
  const cdp = await context.newCDPSession(anchor);
  const url = (view: View) => `chrome-extension://${extensionId}/${VIEWS[view].path}`;
  const views: View[] = ['blank', 'popup', 'dashboard'];
  for (let i = 0; i < 2; i++) for (const view of views) await loadInFreshTab(context, url(view), VIEWS[view].viewport);

  const pages: Record<string, unknown> = {};
  for (const view of views) {
    const runs: { summary: ReturnType<typeof pageLoadSummary>; load: PageLoad; events: TraceEvent[] }[] = [];
    for (let i = 0; i < TRACE_RUNS; i++) {
      let load: PageLoad | undefined;
      const events = await recordTrace(cdp, async () => {
        load = await loadInFreshTab(context, url(view), VIEWS[view].viewport);
      });
      runs.push({ summary: pageLoadSummary(events, VIEWS[view].path), load: load!, events });
    }
    const chosen = medianRun(runs, (r) => r.summary.contentMs);
    pages[view] = {
      ...chosen.summary,
      tracedContentMs: runs.map((r) => r.summary.contentMs),
      probe: { contentMs: chosen.load.contentMs, batches: chosen.load.batches, storage: chosen.load.storage, nav: chosen.load.nav },
      file: keep(view, chosen.events),
    };
  }

  const senders = { aiStatus: await context.newPage(), minimal: await context.newPage() };
  await senders.aiStatus.goto(`chrome-extension://${extensionId}/blank.html`);
  await senders.minimal.goto(`chrome-extension://${minimalId}/page.html`);
  const workers = await serviceWorkers(context, anchor);
  const scripts = { aiStatus: `chrome-extension://${extensionId}/background.js`, minimal: `chrome-extension://${minimalId}/minimal.js` };
  const mine = { aiStatus: (r: { url: string }) => !r.url.includes(MINIMAL_MARK), minimal: (r: { url: string }) => r.url.includes(MINIMAL_MARK) };
  const wakes: Record<string, unknown> = {};
  for (const which of ['minimal', 'aiStatus'] as const) {
    const runs: { summary: ReturnType<typeof wakeSummary>; ms: number; events: TraceEvent[] }[] = [];
    for (let i = 0; i < TRACE_RUNS; i++) {
      await workers.stopAll();
      await quiet();
      let ms = 0;
      const events = await recordTrace(cdp, async () => {
        ms = await messageToFirstRequest(senders[which], status, mine[which]);
      });
      runs.push({ summary: wakeSummary(events, scripts[which]), ms, events });
    }
    const chosen = medianRun(runs, (r) => r.summary.steps.firstStatusRequest ?? r.ms);
    wakes[which] = { ...chosen.summary, tracedMs: runs.map((r) => r.summary.steps.firstStatusRequest), routeMs: chosen.ms, file: keep(`wake-${which}`, chosen.events) };
  }
  // What the worker and the views have to read: bytes stored per key.
  const stored = await senders.aiStatus.evaluate(async () => {
    type Area = { get(k: null): Promise<Record<string, unknown>>; getBytesInUse(k: string): Promise<number> };
    const { storage } = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', Area> } }).chrome;
    const out: Record<string, Record<string, number>> = {};
    for (const area of ['local', 'session'] as const) {
      out[area] = {};
      for (const key of Object.keys(await storage[area].get(null))) out[area]![key] = await storage[area].getBytesInUse(key);
    }
    return out;
  });
  save('trace', { runs: TRACE_RUNS, pages, wakes, storedBytes: stored });
});
