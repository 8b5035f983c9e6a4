/**
 * The bench's fixture: one headless Chromium (the e2e suite's launch flags) that loads two
 * extensions side by side — the bench's copy of AI Status (with its own blank.html) and the
 * minimal MV3 worker the wake ratio compares with (bench/baseline/minimal-worker) — with the status
 * hosts answered from recorded fixtures by the e2e suite's StatusMock.
 *
 * Built on Playwright's base test rather than by extending tests/e2e/fixture.ts: overriding that
 * fixture's `context` made Playwright launch its browser as well, and the routes ended up on it.
 */
import { chromium, test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTS, StatusMock, chromiumPath, expect, type ProviderId, type Reply } from '../tests/e2e/fixture';
import { EXTENSION_DIR, MINIMAL_DIR } from './helpers';

export { expect };

export interface BenchFixtures {
  context: BrowserContext;
  /** AI Status's service worker. */
  worker: Worker;
  extensionId: string;
  /** The minimal worker's extension id (its page: `page.html`). */
  minimalId: string;
  status: StatusMock;
  /** Sends "refresh" from an AI Status page and waits for the poll to finish. */
  refresh: () => Promise<{ result: string; changed: boolean }>;
  /** Opens an AI Status page (`popup.html`, `options.html`) in a new tab. */
  openPage: (path: string, viewport?: { width: number; height: number }) => Promise<Page>;
}

/**
 * Answers the status hosts from `mock` through `context.route`. The e2e StatusMock either installs
 * its own routes (`install`) or, transport-free, says how to answer (`answer(provider, url, headers)`).
 */
async function installRoutes(context: BrowserContext, mock: StatusMock): Promise<void> {
  const m = mock as unknown as { install?: (c: BrowserContext) => Promise<void>; answer: (p: ProviderId, u: URL, h: Record<string, string>) => Reply };
  if (typeof m.install === 'function') return m.install(context);
  for (const [provider, host] of Object.entries(HOSTS) as [ProviderId, string][]) {
    await context.route(`https://${host}/**`, async (route) => {
      const request = route.request();
      const reply = m.answer(provider, new URL(request.url()), request.headers());
      if (reply.hang) return; // never answered: the extension's own timeout fires
      if (reply.abort) return route.abort(reply.abort);
      const json = reply.json !== undefined;
      await route.fulfill({
        status: reply.status ?? 200,
        contentType: reply.contentType ?? (json ? 'application/json; charset=utf-8' : 'text/plain'),
        headers: { 'access-control-allow-origin': '*', ...reply.headers },
        body: json ? JSON.stringify(reply.json) : (reply.body ?? ''),
      });
    });
  }
}

async function workerFor(context: BrowserContext, script: string): Promise<Worker> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = context.serviceWorkers().find((w) => w.url().endsWith(`/${script}`));
    if (found) return found;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no service worker ${script}`);
    await context.waitForEvent('serviceworker', { timeout: left }).catch(() => undefined);
  }
}

export const test = base.extend<BenchFixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const dirs = [EXTENSION_DIR, MINIMAL_DIR];
    for (const dir of dirs) if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no extension in ${dir}: run npm run bench`);
    if (!existsSync(join(EXTENSION_DIR, 'blank.html'))) throw new Error(`${EXTENSION_DIR} has no blank.html: run npm run bench, which adds it to its copy of the build`);
    const both = dirs.join(',');
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath(),
      headless: true,
      locale: 'en-US',
      args: [
        `--disable-extensions-except=${both}`,
        `--load-extension=${both}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        // Nothing reaches the real internet: unrouted names fail at once.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
        '--lang=en-US',
      ],
    });
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    await use(await workerFor(context, 'background.js'));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  minimalId: async ({ context }, use) => {
    await use(new URL((await workerFor(context, 'minimal.js')).url()).host);
  },
  status: async ({ context, worker }, use) => {
    const mock = new StatusMock();
    await installRoutes(context, mock);
    // Let the install-time poll finish so it cannot overwrite what a test sets up.
    await expect
      .poll(() =>
        worker.evaluate(async () => {
          const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(k: string[]): Promise<Record<string, { lastDoneAt?: number } | undefined>> } } } };
          return (await chrome.storage.session.get(['poll'])).poll?.lastDoneAt ?? null;
        }),
      )
      .not.toBeNull();
    await use(mock);
  },
  refresh: async ({ context, extensionId, status: _status }, use) => {
    let driver: Page | null = null;
    await use(async () => {
      if (!driver || driver.isClosed()) {
        driver = await context.newPage();
        await driver.goto(`chrome-extension://${extensionId}/blank.html`);
      }
      return driver.evaluate(
        () => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'refresh' }) as Promise<{ result: string; changed: boolean }>,
      );
    });
  },
  openPage: async ({ context, extensionId, status: _status }, use) => {
    await use(async (path, viewport = { width: 1280, height: 900 }) => {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});
