/**
 * `npm run bench`, timing part (runs first and alone so nothing else competes for the CPU):
 * time to content of the views against a blank extension page, service worker wake, and what an
 * unchanged poll costs (requests, storage.local writes, bytes with and without ETag).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cursorSummary, expect, fixtureJson, test, type ProviderId, type Reply, type StatusMock } from '../tests/e2e/fixture';
import {
  EXTENSION_DIR,
  PROVIDERS,
  SUMMARY,
  TTC_RUNS,
  TTC_WARMUP,
  WAKE_RUNS,
  mark,
  median,
  probe,
  save,
  timeToFirstRequest,
  workerControl,
  type BenchGlobal,
} from './helpers';

test('time to content: popup and dashboard vs a blank extension page', async ({ context, refresh, extensionId, worker }) => {
  test.setTimeout(240_000);
  expect((await refresh()).result).toBe('polled'); // stored data to render
  await context.addInitScript(probe);
  const blankIsHtml = existsSync(join(EXTENSION_DIR, 'blank.html'));
  const blankPath = blankIsHtml ? 'blank.html' : 'icon/16.png';
  const pages = {
    popup: { path: 'popup.html', key: '__benchContent', page: await context.newPage(), size: { width: 420, height: 600 } },
    dashboard: { path: 'options.html', key: '__benchContent', page: await context.newPage(), size: { width: 1280, height: 900 } },
    blank: { path: blankPath, key: '__benchLoad', page: await context.newPage(), size: { width: 1280, height: 900 } },
  };
  for (const p of Object.values(pages)) await p.page.setViewportSize(p.size);
  const samples: Record<keyof typeof pages, number[]> = { popup: [], dashboard: [], blank: [] };
  const names = Object.keys(pages) as (keyof typeof pages)[];
  for (let round = 0; round < TTC_WARMUP + TTC_RUNS; round++) {
    // Rotate the order so no page always follows the same other page.
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      const { page, path, key } = pages[name];
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      const ms = await mark(page, key);
      if (name !== 'blank') {
        // Content means the stored data, not the loading state.
        const statuses = await page.evaluate(() => (window as unknown as { __benchStatuses: string[] }).__benchStatuses);
        expect(statuses).toEqual(['operational', 'operational', 'operational']);
      }
      if (round >= TTC_WARMUP) samples[name].push(ms);
    }
  }
  // Where the dashboard's extra time goes: the same page without the stored history and uptime
  // figures (~0.4 MB of day bars here), alternating with the blank page.
  const bare: number[] = [];
  const bareBlank: number[] = [];
  await worker.evaluate(() => (globalThis as BenchGlobal).chrome.storage.local.set({ history: {}, officialUptime: {} }));
  for (let round = 0; round < TTC_WARMUP + Math.ceil(TTC_RUNS / 2); round++) {
    await pages.dashboard.page.goto(`chrome-extension://${extensionId}/options.html`);
    const ms = await mark(pages.dashboard.page, '__benchContent');
    await pages.blank.page.goto(`chrome-extension://${extensionId}/${blankPath}`);
    const blankMs = await mark(pages.blank.page, '__benchLoad');
    if (round >= TTC_WARMUP) {
      bare.push(ms);
      bareBlank.push(blankMs);
    }
  }
  save('ttc', {
    runs: TTC_RUNS,
    warmup: TTC_WARMUP,
    blank: { path: blankPath, isHtml: blankIsHtml },
    userAgent: await pages.popup.page.evaluate(() => navigator.userAgent),
    samples,
    medianMs: { popup: median(samples.popup), dashboard: median(samples.dashboard), blank: median(samples.blank) },
    dashboardWithoutHistory: { runs: bare.length, samples: bare, blankSamples: bareBlank, medianMs: median(bare), blankMedianMs: median(bareBlank) },
  });
});

test('service worker: stopped worker woken by a message → first status request', async ({ context, openPage, refresh, status }) => {
  await refresh();
  const page = await openPage('popup.html', { width: 420, height: 600 });
  const control = await workerControl(context, page);
  const send = () => page.evaluate(() => (globalThis as BenchGlobal).chrome.runtime.sendMessage({ type: 'refresh' }));
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < WAKE_RUNS; i++) {
    await control.stop();
    cold.push(await timeToFirstRequest(status, send));
    expect(control.state()).toContain('running');
    warm.push(await timeToFirstRequest(status, send));
  }
  save('wake', { runs: WAKE_RUNS, cold, warm, medianMs: { cold: median(cold), warm: median(warm) } });
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
  save('unchanged', result);
});
