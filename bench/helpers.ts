/**
 * Shared by the in-browser half of `npm run bench` (scripts/bench.mjs runs bench/*.bench.ts with
 * bench/playwright.config.ts against a private copy of the build). Each bench test writes its raw
 * measurements to `$BENCH_OUT_DIR/last-<name>.json`; the script turns them into the table.
 *
 * Everything runs in the shared e2e fixture: headless Chromium, the built extension, the status
 * hosts answered from tests/fixtures through `context.route`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { expect, type ProviderId, type StatusMock } from '../tests/e2e/fixture';

export const OUT_DIR = resolve(process.env.BENCH_OUT_DIR ?? 'bench');
export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3');
/** Measured runs per page (after warm-up); ≥ 15 as the issue asks. */
export const TTC_RUNS = Number(process.env.BENCH_TTC_RUNS ?? 21);
export const TTC_WARMUP = 3;
export const WAKE_RUNS = Number(process.env.BENCH_WAKE_RUNS ?? 9);
export const SUMMARY = '/api/v2/summary.json';
export const PROVIDERS: ProviderId[] = ['openai', 'anthropic', 'cursor'];

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

/**
 * Injected at document start in every page: records `performance.now()` (ms since navigation
 * start) one frame after all three panels carry a data-status that is not the loading state, and
 * one frame after `load` (the blank page's mark). Also counts the live-lane ticks a view sends.
 */
export function probe(): void {
  const w = window as unknown as Record<string, unknown>;
  const mark = (key: string) =>
    requestAnimationFrame(() => {
      w[key] = performance.now();
    });
  const ready = () => {
    const panels = document.querySelectorAll('[data-provider][data-status]');
    if (panels.length !== 3) return false;
    for (const panel of panels) if (panel.querySelector('.status--loading')) return false;
    w.__benchDom = performance.now();
    w.__benchStatuses = [...panels].map((p) => p.getAttribute('data-status'));
    mark('__benchContent');
    return true;
  };
  const observer = new MutationObserver(() => {
    if (ready()) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status', 'class'] });
  addEventListener('load', () => mark('__benchLoad'));
  // Live-lane ticks leave through chrome.runtime.sendMessage; count them.
  const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (m: unknown) => unknown } } }).chrome?.runtime;
  const send = runtime?.sendMessage?.bind(runtime);
  if (runtime && send) {
    w.__benchTicks = [] as number[];
    runtime.sendMessage = (message: unknown) => {
      if ((message as { type?: string } | null)?.type === 'tick') (w.__benchTicks as number[]).push(Date.now());
      return send(message);
    };
  }
}

/** Waits for a mark the probe sets and returns it (ms since navigation start). */
export async function mark(page: Page, key: string): Promise<number> {
  const handle = await page.waitForFunction((k) => (window as unknown as Record<string, number | undefined>)[k], key, { timeout: 15_000 });
  return (await handle.jsonValue()) as number;
}

/** A CDP session that can stop the extension's service worker (versionId from ServiceWorker events). */
export async function workerControl(context: BrowserContext, page: Page) {
  const cdp: CDPSession = await context.newCDPSession(page);
  const running = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.endsWith('/background.js')) running.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => running.size).toBeGreaterThan(0);
  return {
    state: () => [...running.values()],
    async stop() {
      for (const versionId of running.keys()) await cdp.send('ServiceWorker.stopWorker', { versionId });
      await expect.poll(() => [...running.values()].every((s) => s === 'stopped')).toBe(true);
    },
  };
}

/** Time from `send()` to the first request any status host receives. */
export async function timeToFirstRequest(status: StatusMock, send: () => Promise<unknown>): Promise<number> {
  const before = status.requests.length;
  const t0 = Date.now();
  const reply = send();
  await expect.poll(() => status.requests.length > before, { intervals: [2], timeout: 15_000 }).toBe(true);
  const ms = status.requests[before]!.at - t0;
  await reply;
  return ms;
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

