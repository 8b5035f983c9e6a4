/**
 * Shared by the in-browser half of `npm run bench` (scripts/bench.mjs runs bench/*.bench.ts with
 * bench/playwright.config.ts against a private copy of the build). Each bench test writes its raw
 * measurements to `$BENCH_OUT_DIR/last-<name>.json`; the script turns them into the table.
 *
 * Everything runs in headless Chromium with the status hosts answered from tests/fixtures through
 * `context.route` (the e2e suite's StatusMock).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { expect, type ProviderId, type SeenRequest, type StatusMock } from '../tests/e2e/fixture';

export const OUT_DIR = resolve(process.env.BENCH_OUT_DIR ?? 'bench');
/** The bench's private copy of the build, with its own blank.html added (scripts/bench.mjs). */
export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3');
/** The minimal MV3 worker the wake ratio is measured against (bench/baseline/minimal-worker). */
export const MINIMAL_DIR = resolve(process.env.MINIMAL_EXTENSION_DIR ?? 'bench/baseline/minimal-worker');
/** Measured runs per page and per worker (after warm-up); ≥ 15 as issue #12 asks. */
export const TTC_RUNS = Number(process.env.BENCH_TTC_RUNS ?? 21);
export const TTC_WARMUP = 2;
export const WAKE_RUNS = Number(process.env.BENCH_WAKE_RUNS ?? 41);
export const WAKE_WARMUP = 2;
export const SUMMARY = '/api/v2/summary.json';
export const PROVIDERS: ProviderId[] = ['openai', 'anthropic', 'cursor'];
/** Panels a view shows with the default settings (bench/baseline/blank-page/blank.js draws as many). */
export const PANELS = PROVIDERS.length;
export const POPUP_VIEWPORT = { width: 420, height: 600 };
export const TAB_VIEWPORT = { width: 1280, height: 900 };
/** The pages timed, each with the viewport it is opened in. */
export const VIEWS = {
  blank: { path: 'blank.html', viewport: TAB_VIEWPORT },
  popup: { path: 'popup.html', viewport: POPUP_VIEWPORT },
  dashboard: { path: 'options.html', viewport: TAB_VIEWPORT },
} as const;
export type View = keyof typeof VIEWS;
/** Least pause after closing a tab or stopping a worker, before the next measurement. */
export const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 100);
/** Longest wait for the browser to go quiet. */
export const QUIET_MAX_MS = Number(process.env.BENCH_QUIET_MAX_MS ?? 6_000);

/**
 * CPU ticks (utime + stime, /proc) of the extension renderer processes (`--extension-process`: the
 * pages and the workers of the extensions) of the browser launched with `marker` in its command
 * line, and whether any of them is running or waiting for a CPU; null off Linux.
 */
function browserCpu(marker: string): { ticks: number; runnable: boolean } | null {
  if (!existsSync('/proc/self/stat')) return null;
  const procs = new Map<number, { ppid: number; ticks: number; state: string; cmd: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      procs.set(Number(name), { state: fields[0]!, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), cmd });
    } catch {
      // gone meanwhile
    }
  }
  const roots = [...procs].filter(([, p]) => p.cmd.includes(marker)).map(([pid]) => pid);
  if (!roots.length) return null;
  const ours = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs) {
      if (ours.has(pid) || !ours.has(p.ppid)) continue;
      ours.add(pid);
      grew = true;
    }
  }
  let ticks = 0;
  let runnable = false;
  for (const pid of ours) {
    const p = procs.get(pid)!;
    if (!p.cmd.includes('--extension-process')) continue;
    ticks += p.ticks;
    runnable ||= p.state === 'R';
  }
  return { ticks, runnable };
}

/**
 * Waits until the extension renderer process is quiet: at most one CPU tick (10 ms) in each of two
 * 150 ms windows and not running or runnable at their ends (a starved process uses little CPU
 * too), after at least SETTLE_MS, at most QUIET_MAX_MS. The extension's pages and its worker share
 * that process, and a closed dashboard's teardown (~0.3 s of CPU, spread over seconds on a loaded
 * machine) would otherwise land on the next measurement. Returns the time waited.
 */
export async function quiet(marker = EXTENSION_DIR): Promise<number> {
  const started = Date.now();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await sleep(SETTLE_MS);
  let calm = 0;
  let before = browserCpu(marker);
  if (before === null) return Date.now() - started;
  while (calm < 2 && Date.now() - started < QUIET_MAX_MS) {
    await sleep(150);
    const now = browserCpu(marker);
    if (now === null) break;
    calm = now.ticks - before.ticks <= 1 && !now.runnable ? calm + 1 : 0;
    before = now;
  }
  return Date.now() - started;
}
/** The query the minimal worker puts on its status request (bench/baseline/minimal-worker/minimal.js). */
export const MINIMAL_MARK = 'bench=minimal';

/** What code evaluated in the worker or a page may use besides tests/e2e/globals.d.ts. */
export interface BenchChrome {
  storage: {
    onChanged: { addListener(cb: (changes: Record<string, unknown>, area: string) => void): void };
    local: { get(keys: string[] | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
  alarms: { get(name: string): Promise<{ periodInMinutes?: number; scheduledTime: number } | undefined> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
export type BenchGlobal = typeof globalThis & { chrome: BenchChrome; __benchWrites?: { area: string; keys: string[] }[] };

/** Writes one test's raw measurements for scripts/bench.mjs. */
export function save(name: string, data: unknown): void {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, `last-${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One `storage.<area>.get` a page made, timed from the call to its answer (ms since navigation start). */
export interface StorageCall {
  area: string;
  keys: string;
  startMs: number;
  endMs: number | null;
}

/** What the probe reports for one page load (ms since the page's own navigation start). */
export interface ProbeResult {
  /** Every panel carries a level (DOM mutation seen by the probe): the time-to-content figure. */
  contentMs: number;
  /** The next animation frame after content: the frame that paints it. */
  frameMs: number;
  statuses: string[];
  /** DOM mutation batches (≈ renders) up to content. */
  batches: number;
  storage: StorageCall[];
}

export interface PageLoad extends ProbeResult {
  nav: { responseEnd: number; domInteractive: number; domContentLoaded: number; load: number };
  /** How long the browser took to go quiet after the tab closed. */
  settledMs: number;
}

/**
 * Installed with `addInitScript` before any of the page's own scripts. Records `performance.now()`
 * (ms since navigation start) when at least `panels` `[data-provider]` panels exist and every one
 * carries a `data-status` and no longer shows the loading state ("Checking…",
 * components/StatusLabel.tsx: `.status--loading`), then resolves `window.__benchDone` one frame
 * later. Also times every `chrome.storage.*.get` the page makes, marks `bench:content` for traces,
 * and counts the live-lane ticks a view sends (`window.__benchTicks`).
 */
export function probe(options: { panels: number }): void {
  type Api = {
    storage?: Record<string, { get?: (...args: unknown[]) => unknown } | undefined>;
    runtime?: { sendMessage?: (message: unknown) => unknown };
  };
  const w = window as unknown as Record<string, unknown>;
  const api = (globalThis as unknown as { chrome?: Api }).chrome;
  const storage: { area: string; keys: string; startMs: number; endMs: number | null }[] = [];
  w.__benchStorage = storage;
  for (const area of ['local', 'session', 'sync']) {
    const target = api?.storage?.[area];
    const get = target?.get;
    if (!target || typeof get !== 'function') continue;
    target.get = (...args: unknown[]) => {
      const call = { area, keys: JSON.stringify(args[0] ?? null).slice(0, 160), startMs: performance.now(), endMs: null as number | null };
      storage.push(call);
      const done = () => {
        call.endMs = performance.now();
      };
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        args[args.length - 1] = (...answer: unknown[]) => {
          done();
          return (last as (...a: unknown[]) => unknown)(...answer);
        };
        return get.apply(target, args);
      }
      const result = get.apply(target, args) as Promise<unknown> | undefined;
      // Registered before the page's own continuation, so it runs just before it.
      if (result && typeof result.then === 'function') result.then(done, done);
      return result;
    };
  }
  // Live-lane ticks leave through chrome.runtime.sendMessage; count them.
  const runtime = api?.runtime;
  const send = runtime?.sendMessage?.bind(runtime);
  if (runtime && send) {
    w.__benchTicks = [] as number[];
    runtime.sendMessage = (message: unknown) => {
      if ((message as { type?: string } | null)?.type === 'tick') (w.__benchTicks as number[]).push(Date.now());
      return send(message);
    };
  }
  let finish: (result: unknown) => void = () => {};
  w.__benchDone = new Promise((resolve) => (finish = resolve));
  let batches = 0;
  const ready = (panels: NodeListOf<Element>) => {
    if (panels.length < options.panels) return false;
    for (const panel of panels) {
      const status = panel.getAttribute('data-status');
      if (!status || status === 'loading') return false;
      if (panel.querySelector('.status--loading') || panel.textContent?.includes('Checking…')) return false;
    }
    return true;
  };
  const observer = new MutationObserver(() => {
    batches++;
    const panels = document.querySelectorAll('[data-provider]');
    if (!ready(panels)) return;
    observer.disconnect();
    const contentMs = performance.now();
    performance.mark('bench:content');
    const statuses = [...panels].map((p) => p.getAttribute('data-status') ?? '');
    requestAnimationFrame(() => finish({ contentMs, frameMs: performance.now(), statuses, batches, storage }));
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** Rejects after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms))]);
}

/**
 * Opens `url` in a fresh tab (the context must have the probe installed), waits for content and
 * returns what the probe measured from that tab's own navigation start. The tab is closed after.
 */
export async function loadInFreshTab(context: BrowserContext, url: string, viewport = TAB_VIEWPORT): Promise<PageLoad> {
  const page = await context.newPage();
  let load: Omit<PageLoad, 'settledMs'> | undefined;
  try {
    await page.setViewportSize(viewport);
    await page.goto(url);
    const result = await within(page.evaluate(() => (window as unknown as { __benchDone: Promise<ProbeResult> }).__benchDone), 15_000, url);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { responseEnd: n.responseEnd, domInteractive: n.domInteractive, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    load = { ...result, nav };
  } finally {
    await page.close();
  }
  return { ...load, settledMs: await quiet() };
}

/** Closes every tab but one neutral `about:blank` tab, so no extension view stays open between runs. */
export async function onlyNeutralTab(context: BrowserContext): Promise<Page> {
  const anchor = await context.newPage();
  for (const page of context.pages()) if (page !== anchor) await page.close();
  return anchor;
}

/** Service workers seen through the DevTools protocol, with a way to stop them all. */
export async function serviceWorkers(context: BrowserContext, page: Page) {
  const cdp: CDPSession = await context.newCDPSession(page);
  const versions = new Map<string, { script: string; status: string }>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) versions.set(v.versionId, { script: v.scriptURL, status: v.runningStatus });
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => versions.size).toBeGreaterThan(0);
  const statusOf = (scriptUrl: string) => [...versions.values()].filter((v) => v.script === scriptUrl).map((v) => v.status);
  return {
    cdp,
    statusOf,
    /** Stops every service worker (`ServiceWorker.stopAllWorkers`) and waits until none runs. */
    async stopAll() {
      const stopped = () => [...versions.values()].every((v) => v.status === 'stopped');
      for (let attempt = 0; ; attempt++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        const deadline = Date.now() + 10_000;
        while (!stopped() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
        if (stopped()) return;
        if (attempt === 2) throw new Error(`service workers still running: ${JSON.stringify([...versions.values()])}`);
      }
    },
  };
}

/**
 * Sends a `refresh` message from `page` and returns the time from the send (`Date.now()` in the
 * page, just before `sendMessage`) to the first request `mine` accepts, as recorded by the status
 * routes (`Date.now()` in the route handler). Waits for the worker's answer before returning.
 */
export async function messageToFirstRequest(page: Page, status: StatusMock, mine: (r: SeenRequest) => boolean): Promise<number> {
  const before = status.requests.length;
  const sentAt = await page.evaluate(() => {
    const w = window as unknown as { __benchReply?: Promise<unknown> } & typeof globalThis;
    performance.mark('bench:send');
    const t = Date.now();
    w.__benchReply = (w as unknown as BenchGlobal).chrome.runtime.sendMessage({ type: 'refresh' });
    return t;
  });
  const first = () => status.requests.slice(before).find(mine);
  await expect.poll(() => Boolean(first()), { intervals: [2], timeout: 15_000 }).toBe(true);
  await within(
    page.evaluate(() => (window as unknown as { __benchReply?: Promise<unknown> }).__benchReply),
    30_000,
    'worker answer',
  );
  return first()!.at - sentAt;
}

/** Start times of the polls seen since `since`: a poll asks every provider within a few ms, so summary requests are grouped into bursts. */
export function summaryPolls(status: StatusMock, since: number, until = Infinity): number[] {
  const times = status
    .seen(undefined, SUMMARY, since)
    .filter((r) => r.at <= until)
    .map((r) => r.at)
    .sort((a, b) => a - b);
  const bursts: number[] = [];
  for (const t of times) if (!bursts.length || t - bursts[bursts.length - 1]! > 1_000) bursts.push(t);
  return bursts;
}
