/**
 * `npm run bench`, timing part (runs first and alone so nothing else competes for the CPU):
 * time to content of the popup and the dashboard against the bench's own blank extension page,
 * each load in a fresh tab from its own navigation start; the worker woken by a message against a
 * minimal MV3 worker in the same browser; and what an unchanged poll costs (requests,
 * storage.local writes, bytes with and without ETag).
 */
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { cursorSummary, fixtureJson, type ProviderId, type Reply, type StatusMock } from '../tests/e2e/fixture';
import { expect, test } from './fixture';
import {
  MINIMAL_MARK,
  PANELS,
  PROVIDERS,
  QUIET_MAX_MS,
  SETTLE_MS,
  SUMMARY,
  TTC_RUNS,
  TTC_WARMUP,
  WAKE_RUNS,
  VIEWS,
  WAKE_WARMUP,
  loadInFreshTab,
  median,
  messageToFirstRequest,
  onlyNeutralTab,
  probe,
  quiet,
  save,
  serviceWorkers,
  type BenchGlobal,
  type PageLoad,
  type View,
} from './helpers';

/** The order of every round: blank, popup, dashboard, blank, popup, … */
const ORDER: View[] = ['blank', 'popup', 'dashboard'];

/** Medians of what the probe saw, per view. */
function summarise(loads: PageLoad[]) {
  const m = (pick: (l: PageLoad) => number) => median(loads.map(pick));
  const storageEnds = (l: PageLoad) => l.storage.map((c) => c.endMs ?? Infinity);
  return {
    runs: loads.length,
    contentMs: loads.map((l) => l.contentMs),
    medianMs: m((l) => l.contentMs),
    frameMedianMs: m((l) => l.frameMs),
    nav: {
      responseEnd: m((l) => l.nav.responseEnd),
      domInteractive: m((l) => l.nav.domInteractive),
      domContentLoaded: m((l) => l.nav.domContentLoaded),
      load: m((l) => l.nav.load),
    },
    storage: {
      readsBeforeContent: m((l) => l.storage.filter((c) => c.startMs <= l.contentMs).length),
      firstReadAt: m((l) => (l.storage.length ? l.storage[0]!.startMs : NaN)),
      lastAnswerBeforeContent: m((l) => Math.max(0, ...storageEnds(l).filter((e) => e <= l.contentMs))),
      keys: [...new Set(loads.flatMap((l) => l.storage.filter((c) => c.startMs <= l.contentMs).map((c) => `${c.area}:${c.keys}`)))],
    },
    batchesMedian: m((l) => l.batches),
    settledMedianMs: m((l) => l.settledMs),
  };
}

test('time to content: blank, popup and dashboard, each in a fresh tab', async ({ context, refresh, extensionId }) => {
  test.setTimeout(1_800_000); // ~100 loads; a loaded 2-core machine makes each one slow
  expect((await refresh()).result).toBe('polled'); // stored data to render
  await context.addInitScript(probe, { panels: PANELS });
  await onlyNeutralTab(context);
  const url = (view: View) => `chrome-extension://${extensionId}/${VIEWS[view].path}`;
  // The views must find fresh data (not data aged into "unknown"), whatever the alarm lane does
  // meanwhile: a forced poll from a short-lived page every 45 s, between rounds, then a quiet wait.
  // (Through a page: the worker may have stopped since, and Playwright's handle on it with it.)
  const inPage = async <T>(fn: () => Promise<T>): Promise<T> => {
    const page = await context.newPage();
    await page.goto(url('blank'));
    const result = await page.evaluate(fn);
    await page.close();
    return result;
  };
  let polledAt = Date.now();
  const keepFresh = async () => {
    if (Date.now() - polledAt < 45_000) return;
    const reply = await inPage(() => (globalThis as BenchGlobal).chrome.runtime.sendMessage({ type: 'refresh' }) as Promise<{ result: string }>);
    expect(reply.result).toBe('polled');
    polledAt = Date.now();
    await quiet();
  };
  const loads: Record<View, PageLoad[]> = { blank: [], popup: [], dashboard: [] };
  for (let round = 0; round < TTC_WARMUP + TTC_RUNS; round++) {
    await keepFresh();
    for (const view of ORDER) {
      const load = await loadInFreshTab(context, url(view), VIEWS[view].viewport);
      // Content means the stored data, not the loading state.
      if (view !== 'blank') expect(load.statuses, view).toEqual(Array<string>(PANELS).fill('operational'));
      if (round >= TTC_WARMUP) loads[view].push(load);
    }
  }
  // What the stored history and uptime figures (~0.4 MB of day bars here) cost the dashboard:
  // the same page without them, alternating with the blank page.
  const bare: PageLoad[] = [];
  const bareBlank: PageLoad[] = [];
  for (let round = 0; round < 1 + Math.ceil(TTC_RUNS / 2); round++) {
    await keepFresh();
    // Cleared before every round: a poll (ours or the alarm's) may fetch them again.
    await inPage(() => (globalThis as BenchGlobal).chrome.storage.local.set({ history: {}, officialUptime: {} }));
    await quiet();
    const b = await loadInFreshTab(context, url('blank'));
    const d = await loadInFreshTab(context, url('dashboard'));
    if (round >= 1) {
      bareBlank.push(b);
      bare.push(d);
    }
  }
  const page = await context.newPage();
  const userAgent = await page.evaluate(() => navigator.userAgent);
  await page.close();
  save('ttc', {
    method: 'fresh tab per load; performance.now() since navigation start when every panel shows a level (probe installed by addInitScript)',
    runs: TTC_RUNS,
    warmup: TTC_WARMUP,
    settle: { minMs: SETTLE_MS, maxMs: QUIET_MAX_MS, rule: 'before each load and wake: the extension renderer process quiet (≤ 1 CPU tick in each of two 150 ms windows, not runnable)' },
    order: ORDER,
    userAgent,
    views: { blank: summarise(loads.blank), popup: summarise(loads.popup), dashboard: summarise(loads.dashboard) },
    dashboardWithoutHistory: { dashboard: summarise(bare), blank: summarise(bareBlank) },
    samples: loads,
  });
});

test('worker wake: AI Status vs a minimal MV3 worker, woken by a message', async ({ context, extensionId, minimalId, refresh, status }) => {
  test.setTimeout(1_200_000);
  expect((await refresh()).result).toBe('polled'); // healthy, no backoff
  const anchor = await onlyNeutralTab(context);
  // Pages with no script of their own: they only send the message.
  const sender = async (url: string) => {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };
  type Which = 'aiStatus' | 'minimal';
  const senders: Record<Which, Page> = {
    aiStatus: await sender(`chrome-extension://${extensionId}/blank.html`),
    minimal: await sender(`chrome-extension://${minimalId}/page.html`),
  };
  const which = Object.keys(senders) as Which[];
  const workers = await serviceWorkers(context, anchor);
  const scripts: Record<Which, string> = {
    aiStatus: `chrome-extension://${extensionId}/background.js`,
    minimal: `chrome-extension://${minimalId}/minimal.js`,
  };
  const mine: Record<Which, (r: { url: string }) => boolean> = {
    aiStatus: (r) => !r.url.includes(MINIMAL_MARK),
    minimal: (r) => r.url.includes(MINIMAL_MARK),
  };
  const cold = Object.fromEntries(which.map((w) => [w, [] as number[]])) as Record<Which, number[]>;
  const warm = Object.fromEntries(which.map((w) => [w, [] as number[]])) as Record<Which, number[]>;
  for (let round = 0; round < WAKE_WARMUP + WAKE_RUNS; round++) {
    // Rotate which worker goes first.
    const order = which.map((_, i) => which[(i + round) % which.length]!);
    for (const w of order) {
      await workers.stopAll();
      await quiet(); // let the stop settle
      const c = await messageToFirstRequest(senders[w]!, status, mine[w]);
      expect(workers.statusOf(scripts[w])).toContain('running');
      // The same message to the worker now running: the messaging + routing floor.
      const r = await messageToFirstRequest(senders[w]!, status, mine[w]);
      if (round >= WAKE_WARMUP) {
        cold[w].push(c);
        warm[w].push(r);
      }
    }
  }
  save('wake', {
    method: 'ServiceWorker.stopAllWorkers, then chrome.runtime.sendMessage from an extension page; Date.now() in the page before sending → Date.now() in the context.route handler of the first status request',
    runs: WAKE_RUNS,
    warmup: WAKE_WARMUP,
    cold,
    warm,
    medianMs: Object.fromEntries(which.map((w) => [w, { cold: median(cold[w]), warm: median(warm[w]) }])),
  });
});

interface Sent {
  provider: ProviderId;
  status: number;
  bytes: number;
  gzip: number;
}

/** Answers every summary, with an ETag where asked (304 on a matching If-None-Match), recording body bytes sent. */
function etagHandlers(status: StatusMock, withEtag: Record<ProviderId, boolean>, sent: Sent[]): void {
  const bodies: Record<ProviderId, unknown> = {
    openai: fixtureJson('openai/summary-incidentio-compat-all-operational-2026-09-15.json'),
    anthropic: fixtureJson('anthropic/summary-all-operational-2026-09-22.json'),
    cursor: cursorSummary(),
  };
  for (const provider of PROVIDERS) {
    const body = JSON.stringify(bodies[provider]);
    const tag = `"bench-${provider}-1"`;
    status.summary(provider, ({ headers }): Reply => {
      if (withEtag[provider] && headers['if-none-match'] === tag) {
        sent.push({ provider, status: 304, bytes: 0, gzip: 0 });
        return { status: 304, headers: { etag: tag } };
      }
      sent.push({ provider, status: 200, bytes: Buffer.byteLength(body), gzip: gzipSync(body).length });
      return { body, contentType: 'application/json; charset=utf-8', headers: withEtag[provider] ? { etag: tag } : {} };
    });
  }
}

test('unchanged polls: requests, storage.local writes, bytes with and without ETag', async ({ refresh, status, worker }) => {
  const POLLS = 5;
  // The worker counts every storage change it sees, per area.
  await worker.evaluate(() => {
    const g = globalThis as BenchGlobal;
    g.__benchWrites = [];
    g.chrome.storage.onChanged.addListener((changes, area) => g.__benchWrites!.push({ area, keys: Object.keys(changes) }));
  });
  const scenarios = {
    noEtag: { openai: false, anthropic: false, cursor: false },
    realistic: { openai: false, anthropic: true, cursor: true }, // incident.io sends no ETag (design §1)
    allEtag: { openai: true, anthropic: true, cursor: true },
  } satisfies Record<string, Record<ProviderId, boolean>>;
  const result: Record<string, unknown> = {};
  for (const [name, withEtag] of Object.entries(scenarios)) {
    const sent: Sent[] = [];
    etagHandlers(status, withEtag, sent);
    // Two polls to settle: the first answer with the new headers, then the ETag round trip.
    await refresh();
    await refresh();
    await worker.evaluate(() => ((globalThis as BenchGlobal).__benchWrites = []));
    sent.length = 0;
    const since = Date.now();
    const changed: boolean[] = [];
    for (let i = 0; i < POLLS; i++) changed.push((await refresh()).changed);
    const writes = await worker.evaluate(() => (globalThis as BenchGlobal).__benchWrites!);
    const requests = status.seen(undefined, undefined, since);
    const byPath: Record<string, number> = {};
    for (const r of requests) byPath[r.path] = (byPath[r.path] ?? 0) + 1;
    const local = writes.filter((w) => w.area === 'local');
    result[name] = {
      polls: POLLS,
      changed,
      requests: requests.length,
      summaryRequests: byPath[SUMMARY] ?? 0,
      byPath,
      localWrites: local.length,
      localKeys: [...new Set(local.flatMap((w) => w.keys))],
      sessionWrites: writes.filter((w) => w.area === 'session').length,
      status304: sent.filter((s) => s.status === 304).length,
      bodyBytes: sent.reduce((a, s) => a + s.bytes, 0),
      gzipBytes: sent.reduce((a, s) => a + s.gzip, 0),
    };
  }
  save('unchanged', { enabledProviders: PROVIDERS.length, ...result });
});
