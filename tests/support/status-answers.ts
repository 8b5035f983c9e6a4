/**
 * What the status hosts answer in end-to-end tests, shared by the Chromium suite (tests/e2e, served
 * through Playwright's `context.route`) and the Firefox suite (tests/e2e-firefox, served by a local
 * TLS proxy): the status hosts, the recorded fixtures, which file answers which host + path, and a
 * record of every request. Nothing here knows how a request reached it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOG, CATALOG_SOURCE, DEFAULT_PROVIDERS, type CatalogId } from '../../lib/providers/catalog';
import { OPTIONAL_CATALOG_HOSTS, TEST_PAGES } from './e2e-build';

type DefaultEntry = Extract<(typeof CATALOG_SOURCE)[number], { defaultOn: true }>;
/** A default service's id (`openai`, `anthropic`, `cursor`). */
export type ProviderId = DefaultEntry['id'];

/**
 * Every host each default service is read from, from the catalog (lib/providers/catalog.ts): the
 * test code keeps no list of its own. The manifest's required host permissions are these hosts.
 */
export const PROVIDER_HOSTS = Object.fromEntries(DEFAULT_PROVIDERS.map((e) => [e.id, [...e.hosts]])) as unknown as Record<ProviderId, readonly string[]>;
/** Each default service's status page host (`status.claude.com`). */
export const HOSTS = Object.fromEntries(Object.entries(PROVIDER_HOSTS).map(([id, hosts]) => [id, hosts[0]])) as unknown as Record<ProviderId, string>;
/** Every default service's id, in display order. */
export const PROVIDER_IDS = Object.keys(PROVIDER_HOSTS) as ProviderId[];
/** Every status host, for routing and certificates. */
export const STATUS_HOSTS: readonly string[] = Object.values(PROVIDER_HOSTS).flat();

/** The service a status host belongs to, if it is one. */
export function providerOfHost(host: string): ProviderId | undefined {
  return PROVIDER_IDS.find((id) => PROVIDER_HOSTS[id].includes(host.toLowerCase()));
}

/**
 * Any service the tests answer for: a default one, an off-by-default catalog service
 * (`huggingface`), or a page added by URL (`custom:<host>`, the extension's own id for it).
 */
export type ServiceId = ProviderId | CatalogId | `custom:${string}`;

/**
 * Hosts answered besides the default services': every other catalog host (from the catalog) and
 * the pages the services tests add by URL (`TEST_PAGES`, tests/support/e2e-build.ts). Nothing else
 * is answered; an unset path answers 404 like a Statuspage host.
 */
export const EXTRA_HOSTS: readonly string[] = [...OPTIONAL_CATALOG_HOSTS, ...Object.values(TEST_PAGES)].filter((h) => !STATUS_HOSTS.includes(h));

/** The service an answered host belongs to: a catalog id, `custom:<host>` for a test page, else undefined. */
export function serviceOfHost(host: string): ServiceId | undefined {
  const h = host.toLowerCase();
  const inCatalog = CATALOG.find((e) => (e.hosts as readonly string[]).includes(h));
  if (inCatalog) return inCatalog.id as CatalogId;
  return (Object.values(TEST_PAGES) as string[]).includes(h) ? `custom:${h}` : undefined;
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
/** A fixed answer, or one computed from the request. */
export type Handler = Reply | ((request: { url: URL; headers: Record<string, string> }) => Reply);

/** One request the extension made to a status host. */
export interface SeenRequest {
  provider: ServiceId;
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

/** Default answers: every provider healthy, from real captures where one exists. Keyed `<provider> <path>`. */
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
  // Off-by-default catalog services (read once the user turns them on) on Better Stack.
  m.set('huggingface /index.json', { json: fixtureJson('betterstack/huggingface-index-operational-8-resources-8-reports-2026-09-19.json') });
  m.set('together /index.json', { json: fixtureJson('betterstack/together-index-operational-REDUCED-2026-09-15.json') });
  m.set('openai /proxy/status.openai.com/component_impacts', {
    json: shiftedFixture('openai/incidentio-proxy-component-impacts-90d-2025-04.json', '2025-04-10T00:00:00Z', 3_600_000),
  });
  return m;
}

/** The answer for a path nobody set: what a Statuspage host answers for an unknown path. */
const NOT_FOUND: Reply = { status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title><h1>404</h1>' };

/** A reply turned into what goes on the wire (status, headers with content type, body). */
export interface WireReply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** The status, headers and body of a reply that is answered (not hung, not aborted). */
export function toWire(reply: Reply): WireReply {
  const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? '');
  const contentType = reply.contentType ?? (reply.json !== undefined ? 'application/json; charset=utf-8' : 'text/plain');
  return { status: reply.status ?? 200, headers: { 'content-type': contentType, 'access-control-allow-origin': '*', ...reply.headers }, body };
}

/**
 * Controls what the status hosts answer and records what was asked. Transport-free: the Chromium
 * fixture feeds it from `context.route`, the Firefox fixture from its proxy.
 */
export class StatusMock {
  readonly handlers = defaultHandlers();
  readonly requests: SeenRequest[] = [];

  /** Sets the answer for `provider` + `path` (path without query). */
  set(provider: ServiceId, path: string, handler: Handler): void {
    this.handlers.set(`${provider} ${path}`, handler);
  }

  /** Shorthand for a provider's summary.json. */
  summary(provider: ServiceId, handler: Handler): void {
    this.set(provider, '/api/v2/summary.json', handler);
  }

  /** Requests for one provider (optionally one path) since `since`. */
  seen(provider?: ServiceId, path?: string, since = 0): SeenRequest[] {
    return this.requests.filter((r) => (!provider || r.provider === provider) && (!path || r.path === path) && r.at >= since);
  }

  /** Records a request to a status host and says how to answer it. */
  answer(provider: ServiceId, url: URL, headers: Record<string, string>): Reply {
    this.requests.push({ provider, path: url.pathname, url: url.href, headers, at: Date.now() });
    const handler = this.handlers.get(`${provider} ${url.pathname}`);
    if (!handler) return NOT_FOUND;
    return typeof handler === 'function' ? handler({ url, headers }) : handler;
  }
}
