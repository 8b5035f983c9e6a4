/**
 * The one shared end-to-end fixture: launches Chromium with the built extension (.output/chrome-mv3),
 * answers the three status hosts from recorded fixtures through `context.route`, and gives tests
 * helpers to trigger polls and read the badge through the service worker.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Route, type Worker } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export { expect };

/** The unpacked build under test (`EXTENSION_DIR` lets a second checkout or the bench point elsewhere). */
const EXTENSION_PATH = resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3');

/** Chromium to drive: `$CHROMIUM_PATH`, else Debian's, else Playwright's own. */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

/** A recorded fixture's text (path under tests/fixtures). */
export function fixture(path: string): string {
  return readFileSync(resolve('tests/fixtures', path), 'utf8');
}

/** A fixture parsed as JSON, for tests that derive variants from a real capture. */
export function fixtureJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(fixture(path)) as T;
}

const ISO = /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))"/g;

/**
 * A recorded fixture with every timestamp moved by the same amount, so that `capturedAt` lands on
 * `now - agoMs`. The capture's own structure (order, gaps, durations) is kept; only the clock moves,
 * because the extension judges "last 90 days" and "ongoing" against the real current time.
 */
export function shiftedFixture(path: string, capturedAt: string, agoMs = 0): unknown {
  const delta = Date.now() - agoMs - Date.parse(capturedAt);
  const text = fixture(path).replace(ISO, (_m, iso: string) => `"${new Date(Date.parse(iso) + delta).toISOString()}"`);
  return JSON.parse(text);
}

export type ProviderId = 'openai' | 'anthropic' | 'cursor';
export const HOSTS: Record<ProviderId, string> = {
  openai: 'status.openai.com',
  anthropic: 'status.claude.com',
  cursor: 'status.cursor.com',
};

/** How one request is answered. */
export interface Reply {
  status?: number;
  body?: string | Buffer;
  json?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  /** Never answer (the extension's own timeout must fire). */
  hang?: boolean;
  /** Fail the connection (`connectionrefused`, `internetdisconnected`…). */
  abort?: string;
}
type Handler = Reply | ((request: { url: URL; headers: Record<string, string> }) => Reply);

/** One request the extension made to a status host. */
export interface SeenRequest {
  provider: ProviderId;
  path: string;
  url: string;
  headers: Record<string, string>;
  at: number;
}

/** A minimal, real-shaped Cursor summary built around the real Grok Bot component capture. */
export function cursorSummary(overrides: { indicator?: string; description?: string; statuses?: Record<string, string>; incidents?: unknown[] } = {}) {
  const grok = fixtureJson('cursor/summary-component-fragment-grok-bot-2026-10-09.json');
  const names = ['Automations', 'Review Agents', 'CLI', 'Cloud Agents', 'cursor.com', 'IDE', 'Origin'];
  const components = [
    ...names.map((name, i) => ({
      ...grok,
      id: `cur${String(i).padStart(9, '0')}`,
      name,
      position: i + 1,
      status: overrides.statuses?.[name] ?? 'operational',
    })),
    { ...grok, status: overrides.statuses?.['Grok Bot'] ?? grok.status },
  ];
  return {
    page: { id: '0tp9ssgtptvs', name: 'Cursor', url: 'https://status.cursor.com', time_zone: 'Etc/UTC', updated_at: '2026-10-09T00:11:35.742Z' },
    status: { indicator: overrides.indicator ?? 'none', description: overrides.description ?? 'All Systems Operational' },
    components,
    incidents: overrides.incidents ?? [],
    scheduled_maintenances: [],
  };
}

/** Default answers: every provider healthy, from real captures where one exists. */
export function defaultHandlers(): Map<string, Handler> {
  const m = new Map<string, Handler>();
  m.set('openai /api/v2/summary.json', { json: fixtureJson('openai/summary-incidentio-compat-all-operational-2026-09-15.json') });
  m.set('anthropic /api/v2/summary.json', { json: fixtureJson('anthropic/summary-all-operational-2026-09-22.json') });
  m.set('cursor /api/v2/summary.json', { json: cursorSummary() });
  m.set('openai /api/v2/incidents.json', { json: { page: fixtureJson('openai/summary-incidentio-compat-all-operational-2026-09-15.json').page, incidents: [] } });
  // History captures are moved to "captured an hour ago": the extension measures 90 days back from now.
  m.set('anthropic /api/v2/incidents.json', {
    json: shiftedFixture('anthropic/incidents-50-resolved-incl-critical-2026-09-15.json', '2026-09-15T12:22:10Z', 3_600_000),
  });
  m.set('cursor /api/v2/incidents.json', { json: fixtureJson('cursor/incidents-unresolved-empty-2026-10-09.json') });
  m.set('openai /proxy/status.openai.com/component_impacts', {
    json: shiftedFixture('openai/incidentio-proxy-component-impacts-90d-2025-04.json', '2025-04-10T00:00:00Z', 3_600_000),
  });
  return m;
}

/** Controls what the status hosts answer and records what was asked. */
export class StatusMock {
  readonly handlers = defaultHandlers();
  readonly requests: SeenRequest[] = [];

  /** Sets the answer for `provider` + `path` (path without query). */
  set(provider: ProviderId, path: string, handler: Handler): void {
    this.handlers.set(`${provider} ${path}`, handler);
  }

  /** Shorthand for a provider's summary.json. */
  summary(provider: ProviderId, handler: Handler): void {
    this.set(provider, '/api/v2/summary.json', handler);
  }

  /** Requests for one provider (optionally one path) since `since`. */
  seen(provider?: ProviderId, path?: string, since = 0): SeenRequest[] {
    return this.requests.filter((r) => (!provider || r.provider === provider) && (!path || r.path === path) && r.at >= since);
  }

  async install(context: BrowserContext): Promise<void> {
    for (const [provider, host] of Object.entries(HOSTS) as [ProviderId, string][]) {
      await context.route(`https://${host}/**`, (route) => this.answer(provider, route));
    }
  }

  private async answer(provider: ProviderId, route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const headers = request.headers();
    this.requests.push({ provider, path: url.pathname, url: url.href, headers, at: Date.now() });
    const handler = this.handlers.get(`${provider} ${url.pathname}`);
    const reply: Reply = !handler
      ? { status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title><h1>404</h1>' }
      : typeof handler === 'function'
        ? handler({ url, headers })
        : handler;
    if (reply.hang) return; // never fulfilled: the extension's 8 s timeout aborts it
    if (reply.abort) return route.abort(reply.abort);
    const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? '');
    await route.fulfill({
      status: reply.status ?? 200,
      contentType: reply.contentType ?? (reply.json !== undefined ? 'application/json; charset=utf-8' : 'text/plain'),
      headers: { 'access-control-allow-origin': '*', ...reply.headers },
      body,
    });
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
}

const toHex = (rgba: number[]) => `#${rgba.slice(0, 3).map((n) => n.toString(16).padStart(2, '0')).join('')}`;

export const test = base.extend<ExtensionFixtures & ExtensionOptions>({
  uiLocale: ['en-US', { option: true }],
  context: async ({ uiLocale }, use) => {
    if (!existsSync(`${EXTENSION_PATH}/manifest.json`)) throw new Error('Build first: npm run build');
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath(),
      headless: true,
      locale: uiLocale,
      args: [
        `--disable-extensions-except=${EXTENSION_PATH}`,
        `--load-extension=${EXTENSION_PATH}`,
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
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use, testInfo) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const logs: string[] = [];
    worker.on('console', (m) => logs.push(`${new Date().toISOString()} ${m.type()} ${m.text()}`));
    await use(worker);
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('service-worker-console', { body: logs.join('\n') || '(empty)' });
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  status: async ({ context, worker }, use) => {
    const mock = new StatusMock();
    await mock.install(context);
    // Let the install-time poll finish so it cannot overwrite what a test sets up.
    await expect
      .poll(() => worker.evaluate(async () => ((await chrome.storage.session.get(['poll'])).poll as { lastDoneAt?: number } | undefined)?.lastDoneAt ?? null))
      .not.toBeNull();
    await use(mock);
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
