/**
 * The one shared end-to-end fixture: launches Chromium with the built extension (.output/chrome-mv3),
 * answers the three status hosts from recorded fixtures through `context.route` (which file answers
 * which host + path lives in tests/support/status-answers.ts, shared with the Firefox suite), and
 * gives tests helpers to trigger polls and read the badge through the service worker.
 *
 * One browser per Playwright worker (`shareBrowser: true` in playwright.config.ts): before each test
 * the extension is put back to a fresh install — extra tabs closed, the service worker stopped (any
 * poll in flight dies with it), storage.local and storage.session cleared, alarms and notifications
 * cleared, the badge blanked, the status answers and request log replaced — and the worker is woken
 * by a "refresh" message, which runs its start path (alarm, badge, session) and a first poll, as an
 * install does. A test that changes the browser itself opts out with `test.use({ ownBrowser: true })`;
 * a non-English `uiLocale` always gets its own browser. Without `shareBrowser` (bench/) every test
 * launches its own, as before.
 */
import { test as base, chromium, expect, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium } from '../../scripts/ensure-browsers.mjs';
import { E2E_BUILD_DIR } from '../support/e2e-build';
import { EXTRA_HOSTS, providerOfHost, serviceOfHost, STATUS_HOSTS, StatusMock, toWire, type ServiceId } from '../support/status-answers';

export { expect };
export {
  cursorSummary,
  defaultHandlers,
  fixture,
  fixtureJson,
  HOSTS,
  shiftedFixture,
  StatusMock,
  type Handler,
  type ProviderId,
  type Reply,
  type SeenRequest,
  type ServiceId,
} from '../support/status-answers';
export { TEST_PAGES } from '../support/e2e-build';

/** The unpacked build under test (`EXTENSION_DIR` lets a second checkout or the bench point elsewhere). */
const EXTENSION_PATH = resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3');
/**
 * The test-only build that also holds the hosts the services tests ask for (`npm run build:e2e`,
 * tests/support/e2e-build.ts says why): `test.use({ extensionDir: E2E_EXTENSION_PATH })`.
 */
export const E2E_EXTENSION_PATH = resolve(process.env.E2E_EXTENSION_DIR ?? E2E_BUILD_DIR);
/**
 * Tag of a test that changes the browser itself (an init script for every page…) and so gets a
 * browser of its own: `test('…', { tag: OWN_BROWSER }, async (…) => …)`. `test.use({ ownBrowser: true })`
 * does the same for a whole file or group.
 */
export const OWN_BROWSER = '@own-browser';
/** The locale a shared browser runs in; any other gets its own browser. */
const SHARED_LOCALE = 'en-US';

/** Chromium to drive: `$CHROMIUM_PATH`, else Debian's, else Playwright's own (scripts/ensure-browsers.mjs). */
export function chromiumPath(): string | undefined {
  return findChromium() ?? undefined;
}

/** Launches Chromium with the extension; every status host request goes to `mock()`. */
async function launchExtension(uiLocale: string, mock: () => StatusMock, extensionPath = EXTENSION_PATH): Promise<BrowserContext> {
  if (!existsSync(`${extensionPath}/manifest.json`)) throw new Error(`Build first: npm run build (no extension at ${extensionPath})`);
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    locale: uiLocale,
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Nothing here may reach the real internet: unrouted names fail at once instead of hanging
      // (the install-time poll can start before the routes are registered).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
      `--lang=${uiLocale}`,
    ],
  });
  const serve = (host: string, service: ServiceId) =>
    context.route(`https://${host}/**`, async (route) => {
      const request = route.request();
      const reply = mock().answer(service, new URL(request.url()), request.headers());
      if (reply.hang) return; // never fulfilled: the extension's 8 s timeout aborts it
      if (reply.abort) return route.abort(reply.abort);
      const wire = toWire(reply);
      await route.fulfill({ status: wire.status, headers: wire.headers, contentType: wire.headers['content-type'], body: wire.body });
    });
  for (const host of STATUS_HOSTS) await serve(host, providerOfHost(host)!);
  // The other catalog hosts and the pages tests add by URL: asked for only once a test turns them on.
  for (const host of EXTRA_HOSTS) await serve(host, serviceOfHost(host)!);
  return context;
}

const extensionWorkers = (context: BrowserContext) => context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));

/** The extension's running service worker (waits for it to start). */
async function currentWorker(context: BrowserContext): Promise<Worker> {
  return extensionWorkers(context).at(-1) ?? (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') }));
}

type PollState = { lastDoneAt?: number } | undefined;

/** Waits until the extension's first poll (the install-time one) has finished. */
async function firstPollDone(worker: Worker): Promise<void> {
  await expect
    .poll(() => worker.evaluate(async () => ((await chrome.storage.session.get(['poll'])).poll as PollState)?.lastDoneAt ?? null), { timeout: 30_000 })
    .not.toBeNull();
}

/**
 * Stops the extension's service worker, as a browser shutdown does, from extension page `page`, and
 * waits until DevTools reports it stopped (Playwright's Worker "close" is not emitted for a stopped
 * service worker). The next message starts a new one.
 */
export async function stopServiceWorker(context: BrowserContext, page: Page, extensionId: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const states = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (ev) => {
    for (const v of ev.versions) if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) states.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => states.size > 0 && [...states.values()].every((s) => s === 'stopped'), { timeout: 10_000, message: 'the service worker stops' }).toBe(true);
  await cdp.detach().catch(() => undefined);
}

/** One browser of one build kept for a Playwright worker's tests, reset to a fresh install before each. */
class SharedExtension {
  constructor(private readonly dir: string) {}
  private context: BrowserContext | null = null;
  private keeper: Page | null = null;
  private cdp: CDPSession | null = null;
  /** Running status of each version of the extension's service worker, from DevTools events. */
  private readonly running = new Map<string, string>();
  /** How many times it was seen stopping. */
  private stops = 0;
  extensionId = '';
  mock = new StatusMock();

  /** The shared browser with `mock` answering, as a fresh install (launched on first use). */
  async acquire(mock: StatusMock): Promise<BrowserContext> {
    if (this.context) {
      this.mock = mock;
      try {
        await this.reset();
        return this.context;
      } catch (error) {
        console.warn(`[e2e] resetting the shared browser failed, launching a new one: ${String(error).split('\n')[0]}`);
        await this.close();
      }
    }
    // The install-time poll is answered and recorded by a mock of its own, and may have run before
    // the routes answered: the test starts from a reset like every later one, its log holding
    // exactly the requests of that reset's first poll.
    this.mock = new StatusMock();
    await this.launch();
    this.mock = mock;
    await this.reset();
    return this.context!;
  }

  private async launch(): Promise<void> {
    const context = await launchExtension(SHARED_LOCALE, () => this.mock, this.dir);
    this.context = context;
    const worker = await currentWorker(context);
    this.extensionId = new URL(worker.url()).host;
    await firstPollDone(worker);
    // The one page kept open: an extension page with no view on it (blank.html; the icon in builds
    // without it), from which the reset drives the extension APIs.
    this.keeper = context.pages()[0] ?? (await context.newPage());
    const blank = existsSync(resolve(this.dir, 'blank.html')) ? 'blank.html' : 'icon/16.png';
    await this.keeper.goto(`chrome-extension://${this.extensionId}/${blank}`);
    this.cdp = await context.newCDPSession(this.keeper);
    this.cdp.on('ServiceWorker.workerVersionUpdated', (ev) => {
      for (const v of ev.versions) {
        if (!v.scriptURL.startsWith(`chrome-extension://${this.extensionId}/`)) continue;
        if (v.runningStatus === 'stopped' && this.running.get(v.versionId) !== 'stopped') this.stops++;
        this.running.set(v.versionId, v.runningStatus);
      }
    });
    await this.cdp.send('ServiceWorker.enable');
    await expect.poll(() => this.running.size, { message: 'DevTools reports the service worker' }).toBeGreaterThan(0);
  }

  /** Stops the extension's service worker (if it runs) and waits until it has stopped. */
  private async stopWorker(): Promise<void> {
    const states = () => [...this.running.values()];
    if (states().every((s) => s === 'stopped')) return;
    const before = this.stops;
    await this.cdp!.send('ServiceWorker.stopAllWorkers');
    // An event: pending events may start it again right after it stopped.
    await expect.poll(() => this.stops > before, { timeout: 10_000, message: `the service worker stops (${JSON.stringify(states())})` }).toBe(true);
  }

  private async reset(): Promise<void> {
    const context = this.context!;
    const keeper = this.keeper!;
    for (const page of context.pages()) if (page !== keeper) await page.close();
    await this.stopWorker();
    await keeper.evaluate(async () => {
      const c = chrome as unknown as typeof chrome & {
        alarms: { clearAll(): Promise<boolean> };
        notifications: { clear(id: string): Promise<boolean> };
        storage: Record<'local' | 'session', { clear(): Promise<void> }>;
        action: { setBadgeText(d: { text: string }): Promise<void>; setTitle(d: { title: string }): Promise<void> };
      };
      await c.alarms.clearAll();
      for (const id of Object.keys(await c.notifications.getAll())) await c.notifications.clear(id);
      await c.storage.local.clear();
      await c.storage.session.clear();
      await c.action.setBadgeText({ text: '' });
      await c.action.setTitle({ title: '' });
    });
    // Host permissions outlive all of the above: a test that changed them leaves a browser that is
    // no fresh install any more. Then the caller launches a new one.
    const permissions = await keeper.evaluate(async () => {
      const c = chrome as unknown as {
        runtime: { getManifest(): { host_permissions?: string[] } };
        permissions: { getAll(): Promise<{ origins?: string[] }> };
      };
      return { required: c.runtime.getManifest().host_permissions ?? [], granted: (await c.permissions.getAll()).origins ?? [] };
    });
    if ([...permissions.required].sort().join() !== [...permissions.granted].sort().join()) {
      throw new Error(`host permissions changed by an earlier test: ${JSON.stringify(permissions)}`);
    }
    // Clearing storage may have woken the worker (storage.onChanged): stop it again, so that it
    // starts on empty storage, then wake it with a message: its start path runs and it polls once,
    // as after an install.
    await this.stopWorker();
    const reply = await keeper.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' }) as Promise<{ result: string }>);
    if (reply?.result !== 'polled') throw new Error(`the first poll after the reset answered ${JSON.stringify(reply)}`);
  }

  async close(): Promise<void> {
    const context = this.context;
    this.context = this.keeper = this.cdp = null;
    this.running.clear();
    await context?.close().catch(() => undefined);
  }
}

/** What tests get. */
export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  status: StatusMock;
  /** Opens an extension page (`popup.html`, `options.html`) in a tab. */
  openPage: (path: string, opts?: { width?: number; height?: number; colorScheme?: 'light' | 'dark' }) => Promise<Page>;
  /** Sends "refresh" through the runtime and waits for the poll to finish. */
  refresh: () => Promise<{ result: string; changed: boolean }>;
  /** The badge as the worker sees it. */
  badge: () => Promise<{ color: string; text: string; title: string }>;
  /** Forgets every snapshot and fetch health, as before the first successful poll. */
  forgetData: () => Promise<void>;
  /** Reads a storage area key through the worker. */
  storage: <T = unknown>(area: 'local' | 'session', key: string) => Promise<T>;
}

/** Options a test file can set with `test.use({ uiLocale: 'ko' })`. */
export interface ExtensionOptions {
  uiLocale: string;
  /** This test gets a browser of its own even when the worker shares one (it changes the browser itself). */
  ownBrowser: boolean;
  /** The unpacked build to load (`E2E_EXTENSION_PATH` for the test-only one); each build has its own shared browser. */
  extensionDir: string;
}

/** Set in the Playwright config: one browser per build and worker, reset before each test. */
export interface ExtensionWorkerOptions {
  shareBrowser: boolean;
  /** The worker's shared browser of a build (launched on first use). */
  sharedExtension: (dir: string) => SharedExtension;
}

interface Session {
  context: BrowserContext;
  extensionId: string;
  mock: StatusMock;
}

const toHex = (rgba: number[]) => `#${rgba.slice(0, 3).map((n) => n.toString(16).padStart(2, '0')).join('')}`;

export const test = base.extend<ExtensionFixtures & ExtensionOptions & { session: Session }, ExtensionWorkerOptions>({
  uiLocale: ['en-US', { option: true }],
  ownBrowser: [false, { option: true }],
  extensionDir: [EXTENSION_PATH, { option: true }],
  shareBrowser: [false, { option: true, scope: 'worker' }],
  sharedExtension: [
    // eslint-disable-next-line no-empty-pattern -- a worker fixture that needs no other fixture
    async ({}, use) => {
      const shared = new Map<string, SharedExtension>();
      await use((dir) => {
        if (!shared.has(dir)) shared.set(dir, new SharedExtension(dir));
        return shared.get(dir)!;
      });
      for (const browser of shared.values()) await browser.close();
    },
    { scope: 'worker' },
  ],
  session: async ({ uiLocale, ownBrowser, extensionDir, shareBrowser, sharedExtension }, use, testInfo) => {
    const mock = new StatusMock();
    const started = Date.now();
    // How long the browser took to be ready for this test, in the JSON report.
    const note = (kind: string) => testInfo.annotations.push({ type: 'browser', description: `${kind}, ready in ${Date.now() - started} ms` });
    if (shareBrowser && !ownBrowser && !testInfo.tags.includes(OWN_BROWSER) && uiLocale === SHARED_LOCALE) {
      const shared = sharedExtension(resolve(extensionDir));
      const context = await shared.acquire(mock);
      note('shared');
      await use({ context, extensionId: shared.extensionId, mock });
      return;
    }
    const context = await launchExtension(uiLocale, () => mock, resolve(extensionDir));
    const worker = await currentWorker(context);
    // Let the install-time poll finish so it cannot overwrite what a test sets up.
    await firstPollDone(worker);
    note('own');
    await use({ context, extensionId: new URL(worker.url()).host, mock });
    await context.close();
  },
  context: async ({ session }, use) => {
    await use(session.context);
  },
  worker: async ({ session }, use, testInfo) => {
    const worker = await currentWorker(session.context);
    const logs: string[] = [];
    worker.on('console', (m) => logs.push(`${new Date().toISOString()} ${m.type()} ${m.text()}`));
    await use(worker);
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('service-worker-console', { body: logs.join('\n') || '(empty)' });
  },
  extensionId: async ({ session }, use) => {
    await use(session.extensionId);
  },
  status: async ({ session }, use) => {
    await use(session.mock);
  },
  openPage: async ({ context, extensionId, status: _status }, use) => {
    await use(async (path, opts = {}) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: opts.width ?? 1280, height: opts.height ?? 900 });
      await page.emulateMedia({ colorScheme: opts.colorScheme ?? 'light' });
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
  refresh: async ({ context, extensionId, status: _status }, use) => {
    let driver: Page | null = null;
    await use(async () => {
      // The real path: an extension page messages the worker, which answers when the poll is done.
      if (!driver || driver.isClosed()) {
        driver = await context.newPage();
        await driver.goto(`chrome-extension://${extensionId}/popup.html`);
      }
      return driver.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' }) as Promise<{ result: string; changed: boolean }>);
    });
  },
  badge: async ({ worker }, use) => {
    await use(async () =>
      worker
        .evaluate(async () => {
          const c = chrome;
          return {
            rgba: await c.action.getBadgeBackgroundColor({}),
            text: await c.action.getBadgeText({}),
            title: await c.action.getTitle({}),
          };
        })
        .then((b) => ({ color: toHex(b.rgba), text: b.text, title: b.title })),
    );
  },
  forgetData: async ({ worker, status: _status }, use) => {
    await use(() =>
      worker.evaluate(async () => {
        await chrome.storage.local.set({ snapshots: {}, history: {}, officialUptime: {} });
        await chrome.storage.session.set({ health: {} });
      }),
    );
  },
  storage: async ({ worker }, use) => {
    await use(async (area, key) =>
      worker.evaluate(
        async ([a, k]) => {
          return (await chrome.storage[a].get([k]))[k];
        },
        [area, key] as const,
      ) as never,
    );
  },
});
