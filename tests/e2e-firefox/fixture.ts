/**
 * The Firefox suite's one fixture: a real Firefox (Debian's firefox-esr, headless) driven by
 * puppeteer-core over WebDriver BiDi, with the built Firefox extension (.output/firefox-mv3) loaded
 * as a temporary add-on, and the status hosts played by a local TLS proxy (tests/support/
 * status-proxy.ts) answering from the same recorded fixtures as the Chromium suite
 * (tests/support/status-answers.ts).
 *
 * One Firefox per Playwright worker. Before each test the add-on is put back to a fresh install:
 * extra tabs closed, storage, alarms and notifications cleared, the add-on reinstalled over itself
 * (its event page restarts, same internal UUID), and a first poll run, as an install does.
 *
 * Firefox specifics (all checked on firefox-esr 153): the extension's internal UUID is fixed with
 * the pref `extensions.webextensions.uuids` so moz-extension:// URLs are known before install;
 * opening them needs `--remote-allow-system-access`, and `page.goto` on them never settles, so pages
 * are navigated with BiDi `browsingContext.navigate`. The extension CSP forbids the `Function`
 * that `page.waitForFunction` uses: poll from Node with `page.evaluate` (`expect.poll`) instead.
 */
import { test as base, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../../scripts/ensure-browsers.mjs';
import { StatusMock } from '../support/status-answers';
import { startStatusProxy, type StatusProxy } from '../support/status-proxy';

export { expect };
export { cursorSummary, fixtureJson, HOSTS, PROVIDER_IDS, shiftedFixture, type ProviderId, type Reply } from '../support/status-answers';

/** The unpacked Firefox build under test. */
export const EXTENSION_DIR = resolve(process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');

/** The add-on id the build declares (browser_specific_settings.gecko.id, set in wxt.config.ts). */
function geckoId(): string {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${EXTENSION_DIR}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/** One Firefox with the add-on and its proxy. */
export class FirefoxExtension {
  browser!: Browser;
  proxy!: StatusProxy;
  readonly uuid = randomUUID();
  addonId = '';
  mock = new StatusMock();

  get origin(): string {
    return `moz-extension://${this.uuid}`;
  }

  static async launch(): Promise<FirefoxExtension> {
    if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) throw new Error(`Build first: npm run build (no ${EXTENSION_DIR}/manifest.json)`);
    const executablePath = findFirefox();
    if (!executablePath) throw new Error('No Firefox: run node scripts/ensure-browsers.mjs firefox');
    const ff = new FirefoxExtension();
    const id = geckoId();
    ff.proxy = await startStatusProxy(() => ff.mock);
    ff.browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        // Every request goes through the proxy, which plays the status hosts and refuses the rest.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': ff.proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': ff.proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'extensions.webextensions.uuids': JSON.stringify({ [id]: ff.uuid }),
        // Notifications stay listed in notifications.getAll() only with Firefox's own alerts.
        'alerts.useSystemBackend': false,
        'intl.locale.requested': 'en-US',
        'intl.accept_languages': 'en-US, en',
      },
    });
    ff.addonId = await ff.browser.installExtension(EXTENSION_DIR);
    if (ff.addonId !== id) throw new Error(`installed add-on ${ff.addonId}, expected ${id}`);
    return ff;
  }

  /** Opens an extension page (`options.html`, `popup.html`…) in a new tab. */
  async open(path: string, opts: { width?: number; height?: number } = {}): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setViewport({ width: opts.width ?? 1280, height: opts.height ?? 900 });
    await navigate(page, `${this.origin}/${path}`);
    return page;
  }

  /**
   * An extension page with no view on it (blank.html; the manifest in builds without it): evaluates
   * extension API calls without ticking on its own.
   */
  async control(): Promise<Page> {
    const path = existsSync(resolve(EXTENSION_DIR, 'blank.html')) ? 'blank.html' : 'manifest.json';
    return this.open(path, { width: 400, height: 300 });
  }

  /** Closes every tab but one blank one. */
  async closeTabs(): Promise<void> {
    const pages = await this.browser.pages();
    const keep = pages.find((p) => p.url() === 'about:blank') ?? (await this.browser.newPage());
    for (const page of pages) if (page !== keep) await page.close().catch(() => undefined);
  }

  /** Back to a fresh install with `mock` answering: returns a control page after the first poll. */
  async reset(mock: StatusMock): Promise<Page> {
    this.mock = mock;
    await this.closeTabs();
    const before = await this.control();
    await before.evaluate(async () => {
      await browser.alarms.clearAll();
      for (const id of Object.keys(await browser.notifications.getAll())) await browser.notifications.clear(id);
      await browser.storage.local.clear();
      await browser.storage.session.clear();
    });
    // Reinstalling the temporary add-on over itself restarts its event page (killing any poll in
    // flight) and keeps its UUID; it starts on empty storage as after an install.
    await this.browser.installExtension(EXTENSION_DIR);
    await before.close().catch(() => undefined);
    const control = await this.control();
    // Host permissions outlive a reinstall: a test that changed them leaves no fresh install.
    const permissions = await control.evaluate(async () => ({
      required: browser.runtime.getManifest().host_permissions ?? [],
      granted: (await browser.permissions.getAll()).origins ?? [],
    }));
    if ([...permissions.required].sort().join() !== [...permissions.granted].sort().join()) {
      throw new Error(`host permissions changed by an earlier test: ${JSON.stringify(permissions)}`);
    }
    await expect(async () => {
      const reply = await control.evaluate(() => browser.runtime.sendMessage({ type: 'refresh' }) as Promise<{ result: string }>);
      expect(reply.result).toBe('polled');
    }).toPass({ timeout: 30_000 });
    return control;
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.proxy?.close();
  }
}

/** Navigates with BiDi `browsingContext.navigate` (page.goto never settles on moz-extension:). */
export async function navigate(page: Page, url: string): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void> } };
  await frame.browsingContext.navigate(url, 'complete');
}

/** A panel's `data-status` (null while it is not rendered). */
export function panelStatus(page: Page, provider: string): Promise<string | null> {
  return page.evaluate((id) => document.querySelector(`[data-provider="${id}"]`)?.getAttribute('data-status') ?? null, provider);
}

/** Every panel's `data-status`, by provider. */
export function panelStatuses(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-provider]')].map((el) => [el.getAttribute('data-provider'), el.getAttribute('data-status')])));
}

const toHex = (rgba: number[]) => `#${rgba.slice(0, 3).map((n) => n.toString(16).padStart(2, '0')).join('')}`;

/** What Firefox tests get. */
export interface FirefoxFixtures {
  /** This test gets a Firefox of its own (it changes what a reset cannot undo, e.g. permissions). */
  ownFirefox: boolean;
  /** The Firefox and add-on of this test, as a fresh install. */
  ff: FirefoxExtension;
  /** What the status hosts answer in this test, and what was asked. */
  status: StatusMock;
  /** An extension page without a view, for API calls. */
  control: Page;
  /** "Refresh now" through the runtime: resolves when the poll is done. */
  refresh: () => Promise<{ result: string; changed: boolean }>;
  /** The toolbar badge as the extension reads it. */
  badge: () => Promise<{ color: string; text: string; title: string }>;
  /** A storage value, read from an extension page. */
  storage: <T = unknown>(area: 'local' | 'session', key: string) => Promise<T>;
  /** Forgets every snapshot and fetch health, as before the first successful poll. */
  forgetData: () => Promise<void>;
}

interface Session {
  ff: FirefoxExtension;
  control: Page;
}

/** The Firefox of a Playwright worker, launched when a test first asks for it. */
class SharedFirefox {
  private launching: Promise<FirefoxExtension> | null = null;

  /** The shared Firefox reset for a test (a new one when the old one cannot be reset). */
  async acquire(mock: StatusMock): Promise<{ ff: FirefoxExtension; control: Page }> {
    if (this.launching) {
      const ff = await this.launching;
      try {
        return { ff, control: await ff.reset(mock) };
      } catch (error) {
        console.warn(`[e2e-firefox] resetting the shared Firefox failed, launching a new one: ${String(error).split('\n')[0]}`);
        await this.close();
      }
    }
    this.launching = FirefoxExtension.launch();
    const ff = await this.launching;
    return { ff, control: await ff.reset(mock) };
  }

  async close(): Promise<void> {
    const ff = await this.launching?.catch(() => null);
    this.launching = null;
    await ff?.close();
  }
}

export const test = base.extend<FirefoxFixtures & { session: Session }, { sharedFirefox: SharedFirefox }>({
  ownFirefox: [false, { option: true }],
  sharedFirefox: [
    // eslint-disable-next-line no-empty-pattern -- a worker fixture that needs no other fixture
    async ({}, use) => {
      const shared = new SharedFirefox();
      await use(shared);
      await shared.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- a fresh mock needs no other fixture
  status: async ({}, use) => {
    await use(new StatusMock());
  },
  session: async ({ ownFirefox, sharedFirefox, status }, use) => {
    if (!ownFirefox) {
      await use(await sharedFirefox.acquire(status));
      return;
    }
    const ff = await FirefoxExtension.launch();
    await use({ ff, control: await ff.reset(status) });
    await ff.close();
  },
  ff: async ({ session }, use) => {
    await use(session.ff);
  },
  control: async ({ session }, use) => {
    await use(session.control);
  },
  refresh: async ({ control }, use) => {
    await use(() => control.evaluate(() => browser.runtime.sendMessage({ type: 'refresh' }) as Promise<{ result: string; changed: boolean }>));
  },
  badge: async ({ control }, use) => {
    await use(async () => {
      const b = await control.evaluate(async () => ({
        rgba: await browser.action.getBadgeBackgroundColor({}),
        text: await browser.action.getBadgeText({}),
        title: await browser.action.getTitle({}),
      }));
      return { color: toHex(b.rgba as number[]), text: b.text, title: b.title };
    });
  },
  storage: async ({ control }, use) => {
    await use(async (area, key) => control.evaluate(async (a, k) => (await browser.storage[a as 'local' | 'session'].get(k))[k], area, key) as never);
  },
  forgetData: async ({ control }, use) => {
    await use(async () => {
      await control.evaluate(async () => {
        await browser.storage.local.set({ snapshots: {}, history: {}, officialUptime: {} });
        await browser.storage.session.set({ health: {} });
      });
    });
  },
});
